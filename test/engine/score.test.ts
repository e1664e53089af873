import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { BUILT_IN_CALIBRATION } from "../../src/engine/calibration.js";
import { decide, labelOf, marginOf } from "../../src/engine/score.js";
import type { Answers } from "../../src/engine/questions.js";
import rulesJson from "../../rules/rules.json" with { type: "json" };
import { compileRuleSet } from "../../src/engine/rule-set.js";
import type { RulesFileData } from "../../src/engine/rule-types.js";
import { closeCalls } from "../helpers/data.js";
import { makeRule, makeRuleSet } from "../helpers/rules.js";

const answers = recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 }).answers;

function withRules(...weights: [platform: "ecs" | "eks", weight: number][]) {
  return makeRuleSet(weights.map(([platform, weight]) => makeRule({ platform, weight })));
}

describe("scoring", () => {
  it("sums the weights of the rules that fire, per platform", () => {
    const result = evaluate(answers, { rules: withRules(["ecs", 2], ["eks", 1.5], ["eks", 1]) });
    expect(result.scores).toEqual({ ecs: 2, eks: 2.5 });
    expect(result.recommendation).toBe("eks");
  });

  it("ignores rules whose condition does not hold", () => {
    const rules = makeRuleSet([makeRule({ platform: "eks", weight: 5, when: { answer: "budget", in: ["flexible"] } })]);
    expect(evaluate(answers, { rules }).scores).toEqual({ ecs: 0, eks: 0 });
  });

  it("breaks a tie in favour of ECS", () => {
    expect(decide({ ecs: 3, eks: 3 })).toBe("ecs");
    expect(evaluate(answers, { rules: withRules(["ecs", 2], ["eks", 2]) }).recommendation).toBe("ecs");
    expect(evaluate(answers, { rules: makeRuleSet([]) }).recommendation).toBe("ecs");
  });

  it("gives a launch-type tie to the option that leaves the least to run: Fargate on ECS, Auto Mode on EKS", () => {
    expect(evaluate(answers, { rules: withRules(["ecs", 1]) })).toMatchObject({ launchType: "fargate", launchTypeRequired: false, launchTypeReasons: [] });
    expect(evaluate(answers, { rules: withRules(["eks", 1]) })).toMatchObject({ launchType: "auto-mode", launchTypeRequired: false });
  });

  it("keeps sums of fractional weights exact in the output", () => {
    const result = evaluate(answers, { rules: withRules(["eks", 0.1], ["eks", 0.2]) });
    expect(result.scores.eks).toBe(0.3);
  });
});

describe("confidence and close calls", () => {
  it("labels a call by its margin alone: close under 4 points, leaning under 8, clear from 8", () => {
    expect([0, 3.5, 4, 7.5, 8, 25].map((margin) => labelOf({ ecs: 10, eks: 10 + margin }))).toEqual(["close", "close", "leaning", "leaning", "clear", "clear"]);
    expect(labelOf({ ecs: 12, eks: 0 })).toBe("clear");
    expect(marginOf({ ecs: 6, eks: 5.5 })).toBe(0.5);
    // A close call is one labelled close: the result's closeCall is that label.
    expect(labelOf({ ecs: 3, eks: 0 })).toBe("close");
    expect(labelOf({ ecs: 0, eks: 0 })).toBe("close");
    expect(labelOf({ ecs: 4, eks: 0 })).not.toBe("close");
  });

  it("gives the built-in rules' calls the share measured on published decisions, and rules of one's own none", () => {
    const own = evaluate(answers, { rules: withRules(["ecs", 3], ["eks", 2]) });
    expect(own).toMatchObject({ confidence: null, confidenceLabel: "close", margin: 1, calibration: null, closeCall: true });
    const builtIn = evaluate(answers);
    const band = BUILT_IN_CALIBRATION.bands[builtIn.confidenceLabel];
    expect(builtIn.calibration).toEqual({ agreed: band.agreed, of: band.of, corpus: BUILT_IN_CALIBRATION.corpus });
    expect(builtIn.confidence).toBe(Math.round((1000 * band.agreed) / band.of) / 1000);
  });

  it("names the rules without which the call would go the other way", () => {
    const rules = makeRuleSet([
      makeRule({ id: "big", platform: "ecs", weight: 3 }),
      makeRule({ id: "small", platform: "ecs", weight: 0.5 }),
      makeRule({ id: "other", platform: "eks", weight: 3 }),
    ]);
    expect(evaluate(answers, { rules }).decidingRules).toEqual(["big"]);
  });

  it("on the real rules, a close call names deciding rules that really decide", () => {
    expect(closeCalls().length).toBeGreaterThan(3);
    for (const result of closeCalls()) {
      for (const id of result.decidingRules) {
        // The built-in rules without this one: the call goes the other way.
        const without = compileRuleSet({ ...rulesJson, rules: rulesJson.rules.filter((rule) => rule.id !== id) } as RulesFileData, { source: "built-in" });
        expect(evaluate(result.answers, { rules: without }).recommendation, `${id} for ${JSON.stringify(result.answers)}`).not.toBe(result.recommendation);
      }
    }
  });
});

describe("costs", () => {
  it("prices the EKS control plane per cluster from the dated facts", () => {
    const two = recommend({ ...answers, clusters: 2 } as Answers);
    expect(two.costs.controlPlane.eks.usdPerMonth).toBe(146);
    expect(two.costs.controlPlane.eks.usdPerMonthExtendedSupport).toBe(876);
    expect(two.costs.controlPlane.ecs.usdPerMonth).toBe(0);
    expect(two.costs.controlPlane.eks.asOf).toBe("2025");
  });

  it("adds the people cost of running Kubernetes when EKS is recommended or the call is close, and only then", () => {
    const eks = recommend({ kubernetesExperience: "expert", cloudStrategy: "multi-cloud", budget: "moderate", microservices: 40 });
    expect(eks.costs.kubernetesPeople).toEqual({
      scale: "small-team",
      engineerShare: { min: 0.2, max: 0.4 },
      minimalClusterUsdPerMonth: { min: 300, max: 500 },
      upgradesPerYear: 1,
      upgradesToFollowReleases: 3,
      asOf: "2026",
      source: expect.stringContaining("Kubernetes tax"),
    });
    const close = closeCalls().find((result) => result.recommendation === "ecs")!;
    expect([close.recommendation, close.closeCall, close.costs.kubernetesPeople !== undefined]).toEqual(["ecs", true, true]);
    expect(recommend(answers).costs.kubernetesPeople).toBeUndefined();
  });

  it("scales the people cost: a share of one engineer for a small team on one cluster, a platform team's time past that", () => {
    const base = { kubernetesExperience: "expert", cloudStrategy: "multi-cloud", budget: "moderate", microservices: 40 } as const;
    expect(recommend({ ...base, engineers: 12 }).costs.kubernetesPeople?.scale).toBe("small-team");
    expect(recommend({ ...base, engineers: 200, clusters: 6 }).costs.kubernetesPeople?.scale).toBe("organisation");
    expect(recommend({ ...base, engineers: 12, clusters: 3 }).costs.kubernetesPeople?.scale).toBe("organisation");
    expect(recommend({ ...base, internalPlatform: "in-place" }).costs.kubernetesPeople?.scale).toBe("organisation");
  });

  it("notes a management fee, without a figure, for Managed Instances and Auto Mode only", () => {
    const managed = recommend({ ...answers, requirements: ["gpu"] });
    expect(managed.launchType).toBe("managed-instances");
    expect(managed.costs.managementFee).toEqual({ launchType: "managed-instances", asOf: "2025", source: "Amazon ECS pricing page (Managed Instances)" });
    expect(JSON.stringify(managed.costs.managementFee)).not.toMatch(/usd|\d\.\d/i);
    expect(recommend(answers).costs.managementFee).toBeUndefined();
  });

  it("gives the guide's learning times and notes when the team already knows Kubernetes", () => {
    const novice = recommend(answers);
    expect(novice.costs.learningTime).toEqual({
      ecs: { min: 2, max: 3, unit: "day" },
      eks: { min: 2, max: 3, unit: "week" },
      teamKnowsKubernetes: false,
    });
    expect(recommend({ ...answers, kubernetesExperience: "expert" }).costs.learningTime.teamKnowsKubernetes).toBe(true);
  });
});
