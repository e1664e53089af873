import { readdirSync } from "node:fs";
import { validateAnswers } from "../../src/engine/answers.js";
import { evaluateBrief } from "../../src/engine/evaluate.js";
import type { Answers } from "../../src/engine/questions.js";
import type { LaunchType, Platform } from "../../src/engine/rule-types.js";
import { CALL_LABELS, type CallLabel } from "../../src/engine/score.js";
import { fixturePath, readFixture } from "./fixtures.js";

// The corpus of published decisions (docs/calibration.md): issue 27's cases in
// test/fixtures/decisions/ and the earlier ones in test/fixtures/teams/published-*.json,
// each run through the built-in rules as it stands.

export interface Decision {
  name: string;
  /** Added for issue 27 (encoded before its rules), or one of the earlier published cases. */
  issue27: boolean;
  chosePlatform: Platform;
  /** null when the source does not say how the containers ran. */
  choseLaunchType: LaunchType | null;
  answers: Answers;
  /** Required answers the source is silent on, held by a placeholder. */
  placeholders: string[];
}

interface DecisionFile {
  chosePlatform: Platform;
  choseLaunchType: LaunchType | null;
  answers: Record<string, unknown>;
  placeholders: string[];
}

interface TeamFile {
  answers: Record<string, unknown>;
  expect: { recommendation: Platform; launchType?: LaunchType };
}

function valid(name: string, raw: Record<string, unknown>): Answers {
  const outcome = validateAnswers(raw);
  if (!outcome.ok) throw new Error(`${name}: its answers are not valid`);
  return outcome.answers;
}

/** The cases of one folder of published decisions: issue 27's (decisions/) or the held-out ones the rules never saw (holdout/, and its second batch in holdout/batch2/). */
export function loadDecisions(folder: "decisions" | "holdout" | "holdout/batch2"): Decision[] {
  return readdirSync(fixturePath(folder))
    .filter((file) => file.endsWith(".json"))
    .map((file): Decision => {
      const d = readFixture(`${folder}/${file}`) as DecisionFile;
      return { name: file, issue27: folder === "decisions", chosePlatform: d.chosePlatform, choseLaunchType: d.choseLaunchType, answers: valid(file, d.answers), placeholders: d.placeholders };
    });
}

export function loadCorpus(): Decision[] {
  const decisions = loadDecisions("decisions");
  const published = readdirSync(fixturePath("teams"))
    .filter((file) => file.startsWith("published-") && file.endsWith(".json"))
    .map((file): Decision => {
      const team = readFixture(`teams/${file}`) as TeamFile;
      return { name: file, issue27: false, chosePlatform: team.expect.recommendation, choseLaunchType: team.expect.launchType ?? null, answers: valid(file, team.answers), placeholders: [] };
    });
  return [...decisions, ...published];
}

/** What the tool says for a decision, beside what the team chose. */
export interface Run extends Decision {
  platform: Platform;
  launchType: LaunchType;
  label: CallLabel;
  margin: number;
  agrees: boolean;
  agreesOnLaunchType: boolean;
  /** The recommendation is the same whatever values the placeholders take: the call does not rest on a guess. */
  holdsWithoutPlaceholders: boolean;
}

// Each placeholder answer takes every value that can move a rule (service counts at the rules' thresholds).
const VALUES: Record<string, readonly unknown[]> = {
  kubernetesExperience: ["none", "basic", "proficient", "expert"],
  cloudStrategy: ["aws-only", "aws-first", "multi-cloud", "hybrid"],
  budget: ["tight", "moderate", "flexible"],
  microservices: [1, 6, 10, 20, 50],
};

export function runCorpus(decisions: readonly Decision[]): Run[] {
  return decisions.map((decision) => {
    const result = evaluateBrief(decision.answers);
    let variants: Record<string, unknown>[] = [{}];
    for (const key of decision.placeholders) variants = variants.flatMap((variant) => VALUES[key]!.map((value) => ({ ...variant, [key]: value })));
    const holds = variants.every((variant) => evaluateBrief({ ...decision.answers, ...variant } as Answers).recommendation === result.recommendation);
    const agrees = result.recommendation === decision.chosePlatform;
    return {
      ...decision,
      platform: result.recommendation,
      launchType: result.launchType,
      label: result.confidenceLabel,
      margin: result.margin,
      agrees,
      agreesOnLaunchType: agrees && result.launchType === decision.choseLaunchType,
      holdsWithoutPlaceholders: holds,
    };
  });
}

/** Agreement on a subset: the platform over every case, the launch type over those whose source names one. */
export interface Agreement {
  platform: { agreed: number; of: number };
  launchType: { agreed: number; of: number };
}

export function agreementOf(runs: readonly Run[]): Agreement {
  const named = runs.filter((run) => run.choseLaunchType !== null);
  return {
    platform: { agreed: runs.filter((run) => run.agrees).length, of: runs.length },
    launchType: { agreed: named.filter((run) => run.agreesOnLaunchType).length, of: named.length },
  };
}

/** The subsets docs/calibration.md reports, by the name its table gives each. */
export function subsets(runs: readonly Run[]): [name: string, runs: Run[]][] {
  const ended = (platform: Platform) => (run: Run) => run.chosePlatform === platform;
  return [
    [`all ${runs.length}`, [...runs]],
    ["ended on ECS", runs.filter(ended("ecs"))],
    ["ended on EKS", runs.filter(ended("eks"))],
    [`issue 27's ${runs.filter((run) => run.issue27).length}`, runs.filter((run) => run.issue27)],
    ["issue 27, ended on ECS", runs.filter((run) => run.issue27 && run.chosePlatform === "ecs")],
    ["issue 27, ended on EKS", runs.filter((run) => run.issue27 && run.chosePlatform === "eks")],
    [`the earlier ${runs.filter((run) => !run.issue27).length}`, runs.filter((run) => !run.issue27)],
    ["holds whatever the placeholders", runs.filter((run) => run.holdsWithoutPlaceholders)],
    ["  of which ended on ECS", runs.filter((run) => run.holdsWithoutPlaceholders && run.chosePlatform === "ecs")],
    ["  of which ended on EKS", runs.filter((run) => run.holdsWithoutPlaceholders && run.chosePlatform === "eks")],
    ["rests on a placeholder", runs.filter((run) => !run.holdsWithoutPlaceholders)],
  ];
}

/** For each label, the decisions whose margin falls in its band and how many ended on the recommended platform. */
export function bandsOf(runs: readonly Run[]): Record<CallLabel, { agreed: number; of: number }> {
  return Object.fromEntries(
    CALL_LABELS.map((label) => {
      const band = runs.filter((run) => run.label === label);
      return [label, { agreed: band.filter((run) => run.agrees).length, of: band.length }];
    }),
  ) as Record<CallLabel, { agreed: number; of: number }>;
}
