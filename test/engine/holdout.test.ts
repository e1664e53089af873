import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { agreementOf, loadCorpus, loadDecisions, runCorpus, type Agreement, type Run } from "../helpers/corpus.js";
import { fixturePath, readFixture, ROOT } from "../helpers/fixtures.js";

// The built-in rules held to published decisions they were never tuned on
// (test/fixtures/holdout/ and its second batch in holdout/batch2/,
// docs/calibration.md "Held out"). Each batch was committed before the tool
// ran on it; a rule change that moves any figure fails here, and must say in
// the docs what it did to these teams.

const runs = runCorpus(loadDecisions("holdout"));
const batch2 = runCorpus(loadDecisions("holdout/batch2"));
const docs = readFileSync(`${ROOT}docs/calibration.md`, "utf8");
const heldOut = docs.slice(docs.indexOf("## Held out"));
// Each batch's table and lines stand in their own part of the section, so a row is looked for where it belongs.
const firstBatch = heldOut.slice(0, heldOut.indexOf("### Second batch"));
const secondBatch = heldOut.slice(heldOut.indexOf("### Second batch"), heldOut.indexOf("### Both batches"));
const bothBatches = heldOut.slice(heldOut.indexOf("### Both batches"));

// A subset with no case whose source names a launch type has no share to show.
const share = ({ agreed, of }: { agreed: number; of: number }) => (of === 0 ? "none" : `${agreed} of ${of} (${Math.round((100 * agreed) / of)}%)`);
const row = (name: string, agreement: Agreement) => `| ${name} | ${share(agreement.platform)} | ${share(agreement.launchType)} |`;

function subsets(cases: Run[]): [name: string, runs: Run[]][] {
  const ended = (platform: string) => (run: Run) => run.chosePlatform === platform;
  const holds = cases.filter((run) => run.holdsWithoutPlaceholders);
  return [
    [`all ${cases.length}`, cases],
    ["ended on ECS", cases.filter(ended("ecs"))],
    ["ended on EKS", cases.filter(ended("eks"))],
    ["holds whatever the placeholders", holds],
    ["  of which ended on ECS", holds.filter(ended("ecs"))],
    ["  of which ended on EKS", holds.filter(ended("eks"))],
    ["rests on a placeholder", cases.filter((run) => !run.holdsWithoutPlaceholders)],
  ];
}

// The figures pinned below, for a set of runs.
function figures(cases: Run[]) {
  const agreement = (keep: (run: Run) => boolean) => agreementOf(cases.filter(keep));
  return {
    platform: agreementOf(cases).platform,
    endedOnEcs: agreement((run) => run.chosePlatform === "ecs").platform,
    endedOnEks: agreement((run) => run.chosePlatform === "eks").platform,
    launchType: agreementOf(cases).launchType,
    disagreements: cases.filter((run) => !run.agrees).map((run) => run.name),
  };
}

// What the rules said when the held-out cases were first run (rules 2026.12.3 for both batches).
const MEASURED = {
  platform: { agreed: 10, of: 12 },
  endedOnEcs: { agreed: 7, of: 7 },
  endedOnEks: { agreed: 3, of: 5 },
  launchType: { agreed: 3, of: 5 },
  disagreements: ["company-beanstalk-per-service-to-eks.json", "startup-ecs-to-eks-load-balancer-per-call.json"],
};
const MEASURED_BATCH2 = {
  platform: { agreed: 6, of: 9 },
  endedOnEcs: { agreed: 5, of: 5 },
  endedOnEks: { agreed: 1, of: 4 },
  launchType: { agreed: 1, of: 2 },
  disagreements: ["chilean-bank-portal-hybrid-eks.json", "fintech-43-services-vms-to-eks-pci.json", "synergy-marketing-onprem-vms-to-eks.json"],
};
const MEASURED_BOTH = {
  platform: { agreed: 16, of: 21 },
  endedOnEcs: { agreed: 12, of: 12 },
  endedOnEks: { agreed: 4, of: 9 },
  launchType: { agreed: 4, of: 7 },
  disagreements: [...MEASURED.disagreements, ...MEASURED_BATCH2.disagreements],
};

describe("agreement with published decisions the rules never saw", () => {
  it("runs all 12 held-out cases: 7 that ended on ECS and 5 on EKS", () => {
    expect([runs.length, runs.filter((run) => run.chosePlatform === "ecs").length]).toEqual([12, 7]);
  });

  it("agrees with the teams as when first measured, overall, on each side and on the launch type", () => {
    expect(figures(runs)).toEqual(MEASURED);
  });

  it("is the table docs/calibration.md shows under Held out", () => {
    for (const [name, subset] of subsets(runs)) expect(firstBatch).toContain(row(name, agreementOf(subset)));
  });

  it("gives every disagreement a line in docs/calibration.md, linked to its case", () => {
    for (const run of runs.filter((r) => !r.agrees)) expect(firstBatch).toContain(`(../test/fixtures/holdout/${run.name})`);
  });
});

describe("agreement with the second batch of published decisions the rules never saw", () => {
  it("runs all 9 cases of the second batch: 5 that ended on ECS and 4 on EKS", () => {
    expect([batch2.length, batch2.filter((run) => run.chosePlatform === "ecs").length]).toEqual([9, 5]);
  });

  it("agrees with the teams as when first measured, the batch alone and both batches together", () => {
    expect(figures(batch2)).toEqual(MEASURED_BATCH2);
    expect(figures([...runs, ...batch2])).toEqual(MEASURED_BOTH);
  });

  it("is the batch's table and the combined table docs/calibration.md shows under Held out", () => {
    for (const [name, subset] of subsets(batch2)) expect(secondBatch).toContain(row(name, agreementOf(subset)));
    for (const [name, subset] of subsets([...runs, ...batch2])) expect(bothBatches).toContain(row(name, agreementOf(subset)));
  });

  it("gives every disagreement a line in docs/calibration.md, linked to its case", () => {
    for (const run of batch2.filter((r) => !r.agrees)) expect(secondBatch).toContain(`(../test/fixtures/holdout/batch2/${run.name})`);
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
  const secondHoldout = cases("holdout/batch2");
  const corpus = [...cases("decisions"), ...cases("teams")];

  // What names a source: its addresses, then outside them its repository paths and its quoted titles.
  const marks = (source: string): string[] => {
    const urls = (source.match(/https?:\/\/[^\s;,)]+/g) ?? []).map((url) => url.replace(/[./]+$/, ""));
    const rest = urls.reduce((text, url) => text.replace(url, " "), source);
    return [...urls, ...(rest.match(/[\w.-]+\/[\w./-]+/g) ?? []), ...(rest.match(/"[^"]{15,}"/g) ?? [])];
  };

  // Neither a source nor a team of the held-out cases appears among the cases they are kept apart from.
  const expectApart = (held: Case[], others: Case[]) => {
    const othersText = others.map((c) => `${c.source}\n${c.team}`).join("\n").toLowerCase();
    for (const c of held) {
      expect(marks(c.source).length, c.source).toBeGreaterThan(0);
      for (const mark of marks(c.source)) expect(othersText, mark).not.toContain(mark.toLowerCase());
      expect(othersText).not.toContain(c.team.toLowerCase());
    }
  };

  it("share no source and no team with the calibration corpus", () => {
    expect(corpus.length).toBe(loadCorpus().length);
    expectApart(holdout, corpus);
  });

  it("of the second batch share no source and no team with the corpus or the first batch", () => {
    expectApart(secondHoldout, [...corpus, ...holdout]);
    expectApart(holdout, secondHoldout);
  });

  it("have exactly the fields of a case in test/fixtures/decisions/, and say they were added as the holdout", () => {
    const fields = Object.keys(readFixture(`decisions/${readdirSync(fixturePath("decisions")).find((f) => f.endsWith(".json"))}`) as object).sort();
    for (const c of [...holdout, ...secondHoldout]) {
      expect(Object.keys(c).sort()).toEqual(fields);
      expect(c.addedFor).toBe("holdout");
    }
  });
});
