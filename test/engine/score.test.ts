import { describe, expect, it } from "vitest";
import { evaluate, recommend } from "../../src/engine/recommend.js";
import { CLOSE_CALL_BELOW, confidenceOf, decide } from "../../src/engine/score.js";
import type { Answers } from "../../src/engine/questions.js";
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

  it("gives Fargate a launch-type tie, with no servers to run", () => {
    expect(evaluate(answers, { rules: withRules(["ecs", 1]) })).toMatchObject({ launchType: "fargate", launchTypeRequired: false, launchTypeReasons: [] });
  });

  it("keeps sums of fractional weights exact in the output", () => {
    const result = evaluate(answers, { rules: withRules(["eks", 0.1], ["eks", 0.2]) });
    expect(result.scores.eks).toBe(0.3);
  });
});

describe("confidence and close calls", () => {
  it("is the margin as a share of all points", () => {
    expect(confidenceOf({ ecs: 3, eks: 1 })).toBe(0.5);
    expect(confidenceOf({ ecs: 0, eks: 7 })).toBe(1);
    expect(confidenceOf({ ecs: 2, eks: 2 })).toBe(0);
    expect(confidenceOf({ ecs: 0, eks: 0 })).toBe(0);
  });

  it("calls it close below the documented threshold, and says so in JSON", () => {
    expect(CLOSE_CALL_BELOW).toBe(0.25);
    const close = evaluate(answers, { rules: withRules(["ecs", 3], ["eks", 2]) });
    expect(close).toMatchObject({ confidence: 0.2, closeCall: true });
    const clear = evaluate(answers, { rules: withRules(["ecs", 3], ["eks", 1]) });
    expect(clear).toMatchObject({ confidence: 0.5, closeCall: false });
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
    const result = recommend({ kubernetesExperience: "proficient", cloudStrategy: "aws-only", budget: "moderate", microservices: 12 });
    expect(result.closeCall).toBe(true);
    expect(result.decidingRules).toEqual(["ecs-aws-only"]);
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
