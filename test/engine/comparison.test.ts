import { describe, expect, it } from "vitest";
import { COMPARISON, prosConsFor } from "../../src/engine/comparison.js";
import { checkCondition } from "../../src/engine/conditions.js";
import { PLATFORMS } from "../../src/engine/rule-types.js";
import { parseAnswers } from "../../src/explain/answers.js";
import type { Answers } from "../../src/engine/questions.js";

const items = [...Object.values(COMPARISON.options), ...Object.values(COMPARISON.launchTypes)].flatMap((side) => [...side.good, ...side.bad]);
const answersOf = (raw: object): Answers => {
  const parsed = parseAnswers({ cloudStrategy: "aws-only", budget: "moderate", microservices: 10, ...raw });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.answers;
};
const texts = (list: readonly { en: string }[]) => list.map((item) => item.en);

describe("the pros and cons the ADR lists", () => {
  it("say when they do not hold in the rules' own condition language, and name a platform that exists", () => {
    for (const item of items) {
      if (item.unless) expect(checkCondition(item.unless, item.en)).toEqual([]);
      if (item.platform !== undefined) expect(PLATFORMS).toContain(item.platform);
    }
  });

  it("leave out EKS's learning curve for a team that knows Kubernetes or runs it, and the small team's share for sixty engineers", () => {
    const bad = COMPARISON.options.eks.bad;
    const novice = texts(prosConsFor(bad, answersOf({ kubernetesExperience: "none", engineers: 6 }), "eks"));
    expect(novice.some((text) => text.startsWith("EKS is hard to learn"))).toBe(true);
    expect(novice.some((text) => text.includes("a small team spends"))).toBe(true);
    const expert = texts(prosConsFor(bad, answersOf({ kubernetesExperience: "expert", currentPlatform: "kubernetes", engineers: 60 }), "eks"));
    expect(expert.some((text) => text.startsWith("EKS is hard to learn"))).toBe(false);
    expect(expert.some((text) => text.includes("a small team spends"))).toBe(false);
    // What holds for every team stays.
    expect(expert).toContain("EKS needs a Kubernetes version upgrade at least once a year");
  });

  it("keep Fargate's DaemonSet limit to EKS", () => {
    const answers = answersOf({ kubernetesExperience: "none" });
    expect(texts(prosConsFor(COMPARISON.launchTypes.fargate.bad, answers, "ecs")).join(" ")).not.toContain("DaemonSet");
    expect(texts(prosConsFor(COMPARISON.launchTypes.fargate.bad, answers, "eks")).join(" ")).toContain("DaemonSet");
  });
});
