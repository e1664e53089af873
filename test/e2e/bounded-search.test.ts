// The what-would-change search stays linear in the rules: a rules file that
// `rules check` accepts, with thousands of thresholds on each of two counts,
// once took 40 s and 870 MB for one run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runProcess, BIN } from "../helpers/run-bin.js";

const THRESHOLDS = 4300;

/**
 * Rules on every count from 1 to 4,300 of two answers, each worth 0.1 to EKS,
 * under an ECS rule of 500 on a fact the search never changes: no single
 * change flips, so the search must try pairs of counts. (Ids in base 36 keep
 * the file under the 1 MiB input limit.)
 */
function thresholdRules(): string {
  const on = (answer: string, prefix: string) =>
    Array.from({ length: THRESHOLDS }, (_, i) => ({
      id: `${prefix}${(i + 1).toString(36)}`,
      platform: "eks",
      weight: 0.1,
      when: { answer, atLeast: i + 1 },
      text: { en: "x" },
      source: "g",
    }));
  const anchor = { id: "anchor", platform: "ecs", weight: 500, when: { answer: "currentPlatform", in: ["none"] }, text: { en: "A" }, source: "g" };
  return JSON.stringify({ version: "bounded-1", rules: [anchor, ...on("microservices", "m"), ...on("engineers", "e")] });
}

describe("the what-would-change search on a large rules file", () => {
  it("finishes within a bounded heap and reports whole results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bounded-"));
    try {
      const file = join(dir, "rules.json");
      writeFileSync(file, thresholdRules());
      const check = await runProcess(process.execPath, [BIN, "rules", "check", file], { cwd: dir, env: { PATH: process.env.PATH ?? "" } });
      expect(check.code).toBe(0);
      const answers = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3", "--engineers", "4"];
      // A heap of 200 MB: the unbounded pair search held 620 MB and took 45 s.
      const ran = await runProcess(process.execPath, ["--max-old-space-size=200", BIN, ...answers, "--rules", file, "--json"], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? "" },
      });
      expect(ran.stderr).toBe("");
      expect(ran.code).toBe(0);
      const result = JSON.parse(ran.stdout) as { recommendation: string; whatWouldChange: { answers: object }[] };
      expect(result.recommendation).toBe("ecs");
      // All 4,300 microservice rules give 430; 500 needs 70.1 more, so 701 engineers: the cheapest pair.
      expect(result.whatWouldChange).toHaveLength(5);
      expect(result.whatWouldChange[0]!.answers).toEqual({ engineers: 701, microservices: 4300 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
