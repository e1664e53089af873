import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/explain/result.js";
import { evaluateBrief } from "../../src/engine/evaluate.js";
import type { Answers } from "../../src/engine/questions.js";
import { LAUNCH_TYPES_FOR, type LaunchType, type Platform } from "../../src/engine/rule-types.js";
import { answersArbitrary } from "../helpers/arbitraries.js";

// What each way of running can do, transcribed from FACTS ("What each way of
// running can and cannot do", as of 2025-2026) independently of rules.json:
// the property below checks the rules against this table, not against themselves.
// ECS on Fargate has no daemon scheduling but runs node agents as sidecars, so
// "daemonsets" does not rule it out. Dedicated game servers run under Agones
// on a hostPort, which EKS on Fargate refuses (FACTS, checked 2026-12-06).
type Need = "gpu" | "privileged" | "daemonsets" | "windows" | "arm" | "spot" | "game-servers";
const CANNOT: Record<Platform, Partial<Record<LaunchType, Need[]>>> = {
  ecs: {
    fargate: ["gpu", "privileged"],
    "managed-instances": ["windows"],
    ec2: [],
  },
  eks: {
    fargate: ["gpu", "privileged", "daemonsets", "windows", "arm", "spot", "game-servers"],
    "auto-mode": ["windows"],
    ec2: [],
  },
};

/** What the answers need of a way of running: the requirements, and game servers when that is the work. */
const needsOf = (answers: Answers): string[] => [...answers.requirements, ...(answers.workload === "game-servers" ? (["game-servers"] as const) : [])];

describe("launch types", () => {
  it("give per-task isolation to whoever asks for it: Fargate when nothing rules it out, else a note that says how", () => {
    fc.assert(
      fc.property(answersArbitrary, (generated) => {
        const answers = { ...generated, requirements: [...new Set([...generated.requirements, "isolation" as const])] };
        const result = evaluate(answers);
        const fargateRuledOut = (CANNOT[result.recommendation].fargate ?? []).some((need) => needsOf(answers).includes(need));
        if (!fargateRuledOut) expect(result.launchType).toBe("fargate");
        else expect(result.launchTypeNotes.map((note) => note.ruleId).filter((id) => id.startsWith(`isolation-without-fargate-${result.recommendation}`))).toHaveLength(1);
        // A note that sends the team to ECS on Fargate for isolation sends it where its needs can run.
        const toEcsFargate = result.launchTypeNotes.some((note) => note.text.includes("ECS on Fargate"));
        if (toEcsFargate) expect(CANNOT.ecs.fargate!.filter((need) => needsOf(answers).includes(need))).toEqual([]);
      }),
      { numRuns: 1000, seed: 20261201 },
    );
  });

  it("never pair a launch type with a requirement it cannot meet, over generated answers", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluateBrief(answers);
        const unmet = (CANNOT[result.recommendation][result.launchType] ?? []).filter((need) => needsOf(answers).includes(need));
        expect({ platform: result.recommendation, launchType: result.launchType, unmet }).toEqual({
          platform: result.recommendation,
          launchType: result.launchType,
          unmet: [],
        });
        expect(LAUNCH_TYPES_FOR[result.recommendation]).toContain(result.launchType);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });

  it("only say a launch type was forced when the hard limits left exactly one", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluate(answers);
        const open = LAUNCH_TYPES_FOR[result.recommendation].filter(
          (launchType) => !(CANNOT[result.recommendation][launchType] ?? []).some((need) => needsOf(answers).includes(need)),
        );
        expect(result.launchTypeRequired).toBe(open.length === 1);
        expect(Object.keys(result.launchTypeScores).sort()).toEqual([...open].sort());
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("prefer what AWS runs over instances the team must run when the team has little ops capacity", () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom("none", "some" as const), (generated, opsCapacity) => {
        const answers = { ...generated, opsCapacity };
        const result = evaluateBrief(answers);
        // EC2 instances of the team's own only when nothing AWS manages can run the workload.
        if (result.launchType === "ec2") expect(result.launchTypeRequired).toBe(true);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});
