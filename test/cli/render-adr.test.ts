import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderAdr } from "../../src/cli/render/adr.js";
import { launchWeightLabel, zeroScored } from "../../src/cli/render/phrases.js";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { t } from "../../src/i18n/index.js";
import { answersArbitrary } from "../helpers/arbitraries.js";
import { readFixture } from "../helpers/fixtures.js";

const options = { lang: "en", version: "1.0.0", date: "2026-12-01", confirmation: { args: ["--answers", "answers.json"] } } as const;

/** The bullets of the block that follows `heading`, up to the next blank line after them. */
function bulletsAfter(text: string, heading: string): string[] {
  const at = text.indexOf(`\n${heading}\n\n`);
  if (at < 0) return [];
  return text.slice(at + heading.length + 3).split("\n\n")[0]!.split("\n").filter((line) => line.startsWith("* "));
}

describe("the ADR's launch type", () => {
  it("lists each way's reasons under its own way: only the chosen way's are reasons for it", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluate(answers);
        const adr = renderAdr(result, options);
        const because = bulletsAfter(adr, t("en", "adr.launch", { launchType: t("en", `launch.${result.launchType}`) })).join("\n");
        const others = bulletsAfter(adr, t("en", "adr.otherWays"));
        for (const reason of result.launchTypeReasons) {
          if (reason.launchType === result.launchType) expect(because).toContain(`(\`${reason.ruleId}\``);
          else {
            expect(because).not.toContain(reason.ruleId);
            expect(others).toContain(`* ${launchWeightLabel("en", reason.launchType, reason.weight, reason.required)}: ${reason.text} (\`${reason.ruleId}\`)`);
          }
        }
        for (const way of zeroScored(result)) expect(others).toContain(`* ${launchWeightLabel("en", way, 0)}: ${t("en", "launch.zero")}`);
        expect(because).not.toContain(t("en", "launch.zero"));
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it("gives the team's no-ops answer to Fargate, and Managed Instances and EC2 their own lines", () => {
    const adr = renderAdr(recommend(readFixture("answers/startup-mvp.json")), options);
    expect(bulletsAfter(adr, "Launch type AWS Fargate, because:")).toEqual([
      "* No servers: each task runs on its own compute that AWS manages.",
      "* No one is available to run servers, and Fargate needs no server management. (`fargate-no-ops`, weight 3)",
      "* You need to ship fast; Fargate deploys quickly, while EC2 means a complex initial setup. (`fargate-fast-deploy`, weight 1)",
    ]);
    expect(bulletsAfter(adr, "The other ways of running:")).toEqual([
      "* Managed Instances +2: No one is available to run servers; with ECS Managed Instances, AWS provisions, patches and replaces the instances for you. (`managed-instances-no-ops`)",
      "* EC2 0: None of your answers weighs for it, though it can run this workload.",
    ]);
  });
});
