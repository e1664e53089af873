import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { agreementOf, loadCorpus, loadDecisions, runCorpus, type Agreement, type Run } from "../helpers/corpus.js";
import { fixturePath, readFixture, ROOT } from "../helpers/fixtures.js";

// The built-in rules held to published decisions they were never tuned on
// (test/fixtures/holdout/, docs/calibration.md "Held out"). The cases were
// committed before the tool ran on them; a rule change that moves any figure
// fails here, and must say in the docs what it did to these teams.

const runs = runCorpus(loadDecisions("holdout"));
const docs = readFileSync(`${ROOT}docs/calibration.md`, "utf8");
const heldOut = docs.slice(docs.indexOf("## Held out"));

// A subset with no case whose source names a launch type has no share to show.
const share = ({ agreed, of }: { agreed: number; of: number }) => (of === 0 ? "none" : `${agreed} of ${of} (${Math.round((100 * agreed) / of)}%)`);
const row = (name: string, agreement: Agreement) => `| ${name} | ${share(agreement.platform)} | ${share(agreement.launchType)} |`;

function subsets(): [name: string, runs: Run[]][] {
  const ended = (platform: string) => (run: Run) => run.chosePlatform === platform;
  const holds = runs.filter((run) => run.holdsWithoutPlaceholders);
  return [
    [`all ${runs.length}`, runs],
    ["ended on ECS", runs.filter(ended("ecs"))],
    ["ended on EKS", runs.filter(ended("eks"))],
    ["holds whatever the placeholders", holds],
    ["  of which ended on ECS", holds.filter(ended("ecs"))],
    ["  of which ended on EKS", holds.filter(ended("eks"))],
    ["rests on a placeholder", runs.filter((run) => !run.holdsWithoutPlaceholders)],
  ];
}

// What the rules said when the held-out cases were first run (rules 2026.12.3).
const MEASURED = {
  platform: { agreed: 10, of: 12 },
  endedOnEcs: { agreed: 7, of: 7 },
  endedOnEks: { agreed: 3, of: 5 },
  launchType: { agreed: 3, of: 5 },
  disagreements: ["company-beanstalk-per-service-to-eks.json", "startup-ecs-to-eks-load-balancer-per-call.json"],
};

describe("agreement with published decisions the rules never saw", () => {
  it("runs all 12 held-out cases: 7 that ended on ECS and 5 on EKS", () => {
    expect([runs.length, runs.filter((run) => run.chosePlatform === "ecs").length]).toEqual([12, 7]);
  });

  it("agrees with the teams as when first measured, overall, on each side and on the launch type", () => {
    const agreement = (keep: (run: Run) => boolean) => agreementOf(runs.filter(keep));
    expect({
      platform: agreementOf(runs).platform,
      endedOnEcs: agreement((run) => run.chosePlatform === "ecs").platform,
      endedOnEks: agreement((run) => run.chosePlatform === "eks").platform,
      launchType: agreementOf(runs).launchType,
      disagreements: runs.filter((run) => !run.agrees).map((run) => run.name),
    }).toEqual(MEASURED);
  });

  it("is the table docs/calibration.md shows under Held out", () => {
    for (const [name, subset] of subsets()) expect(heldOut).toContain(row(name, agreementOf(subset)));
  });

  it("gives every disagreement a line in docs/calibration.md, linked to its case", () => {
    for (const run of runs.filter((r) => !r.agrees)) expect(heldOut).toContain(`(../test/fixtures/holdout/${run.name})`);
  });
});

describe("the held-out cases", () => {
  interface Case {
    team: string;
    source: string;
    addedFor: string;
  }
  const cases = (folder: string): Case[] =>
    readdirSync(fixturePath(folder))
      .filter((file) => file.endsWith(".json") && (folder !== "teams" || file.startsWith("published-")))
      .map((file) => readFixture(`${folder}/${file}`) as Case);
  const holdout = cases("holdout");
  const corpus = [...cases("decisions"), ...cases("teams")];

  // What names a source: its addresses, then outside them its repository paths and its quoted titles.
  const marks = (source: string): string[] => {
    const urls = (source.match(/https?:\/\/[^\s;,)]+/g) ?? []).map((url) => url.replace(/[./]+$/, ""));
    const rest = urls.reduce((text, url) => text.replace(url, " "), source);
    return [...urls, ...(rest.match(/[\w.-]+\/[\w./-]+/g) ?? []), ...(rest.match(/"[^"]{15,}"/g) ?? [])];
  };

  it("share no source and no team with the calibration corpus", () => {
    expect(corpus.length).toBe(loadCorpus().length);
    const corpusText = corpus.map((c) => `${c.source}\n${c.team}`).join("\n").toLowerCase();
    for (const c of holdout) {
      expect(marks(c.source).length, c.source).toBeGreaterThan(0);
      for (const mark of marks(c.source)) expect(corpusText, mark).not.toContain(mark.toLowerCase());
      expect(corpusText).not.toContain(c.team.toLowerCase());
    }
  });

  it("have exactly the fields of a case in test/fixtures/decisions/, and say they were added as the holdout", () => {
    const fields = Object.keys(readFixture(`decisions/${readdirSync(fixturePath("decisions")).find((f) => f.endsWith(".json"))}`) as object).sort();
    for (const c of holdout) {
      expect(Object.keys(c).sort()).toEqual(fields);
      expect(c.addedFor).toBe("holdout");
    }
  });
});
