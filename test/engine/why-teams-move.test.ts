import { describe, expect, it } from "vitest";
import { isAsked, QUESTIONS } from "../../src/engine/questions.js";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { parseRules } from "../../src/explain/rules.js";
import { recommend } from "../../src/explain/recommend.js";
import { renderText } from "../../src/cli/render/text.js";

// Issue 27: the reasons published teams give for moving to EKS or leaving it,
// each answered where it can change something, with the delays, tools and
// features the documentation gives (docs/sources/FACTS.md, checked 2026-12-06).

const base = { cloudStrategy: "aws-only", budget: "moderate", microservices: 12 } as const;
const fired = (answers: object) => recommend(answers).reasons.map((reason) => reason.ruleId);
const question = (key: string) => QUESTIONS.find((q) => q.key === key)!;

describe("load that comes in bursts", () => {
  it("weighs Kubernetes' faster scaling path for EKS when the team can run it, with each platform's delay", () => {
    const result = recommend({ ...base, kubernetesExperience: "proficient", scaling: "bursts" });
    const reason = result.reasons.find((r) => r.ruleId === "eks-bursts-scaling")!;
    expect(reason.platform).toBe("eks");
    for (const figure of ["every 15 seconds", "every 30 seconds", "under a minute", "363 seconds", "86 seconds"]) expect(reason.text).toContain(figure);
  });

  it("weighs ECS on Fargate when the team cannot run that path yet", () => {
    const result = recommend({ ...base, kubernetesExperience: "basic", scaling: "bursts" });
    expect(result.reasons.map((r) => r.ruleId)).toContain("ecs-bursts-on-fargate");
    expect(result.reasons.map((r) => r.ruleId)).not.toContain("eks-bursts-scaling");
    expect(result).toMatchObject({ recommendation: "ecs", launchType: "fargate" });
    expect(result.launchTypeReasons.map((r) => r.ruleId)).toContain("fargate-bursts");
  });

  it("weighs nothing for steady load or load that follows the day, and says why", () => {
    for (const scaling of ["steady", "daily-cycles"] as const) {
      const result = recommend({ ...base, kubernetesExperience: "proficient", scaling });
      expect(result.scores).toEqual(recommend({ ...base, kubernetesExperience: "proficient" }).scores);
      expect(result.answerNotes.map((note) => note.id)).toEqual(["load-follows-the-day"]);
    }
  });
});

describe("dedicated game servers", () => {
  const games = { ...base, kubernetesExperience: "proficient", workload: "game-servers" } as const;

  it("weigh for EKS with Agones, name Amazon GameLift Servers, and keep EKS off Fargate", () => {
    const result = recommend(games);
    expect(result.reasons.find((r) => r.ruleId === "eks-game-servers")?.text).toContain("Agones");
    expect(result.alsoConsider.map((a) => a.option)).toContain("gamelift");
    expect(result.recommendation).toBe("eks");
    expect(result.launchTypeLimits.map((l) => l.ruleId)).toEqual(["no-game-servers-on-eks-fargate"]);
    expect(Object.keys(result.launchTypeScores)).not.toContain("fargate");
  });

  it("stay possible on ECS for a simple fleet, which says how", () => {
    const result = recommend({ ...games, kubernetesExperience: "none", budget: "tight", microservices: 3 });
    expect(result).toMatchObject({ recommendation: "ecs", launchType: "fargate" });
    expect(result.launchTypeNotes.map((n) => n.ruleId)).toContain("fargate-game-fleet");
    expect(result.alsoConsider.map((a) => a.option)).toContain("gamelift");
  });
});

describe("one delivery model across many services", () => {
  it("weighs GitOps more as services grow, and with Helm past 20, so a team of 30 that chose them outweighs basic skill", () => {
    const team = { ...base, kubernetesExperience: "basic", microservices: 30, ecosystem: ["helm", "gitops"] };
    expect(fired(team)).toEqual(expect.arrayContaining(["eks-gitops-10-services", "eks-gitops-helm-20-plus"]));
    expect(recommend(team).recommendation).toBe("eks");
    expect(fired({ ...team, microservices: 5 })).not.toEqual(expect.arrayContaining(["eks-gitops-10-services"]));
    expect(fired({ ...team, microservices: 12 })).not.toContain("eks-gitops-helm-20-plus");
  });
});

describe("the people a team's clusters take", () => {
  const onKubernetes = { ...base, currentPlatform: "kubernetes", kubernetesExperience: "proficient", engineerCost: 150000 } as const;

  it("is asked only of a team that runs Kubernetes, and what its workloads use only when someone's time goes into them", () => {
    expect(isAsked(question("platformUpkeep"), { currentPlatform: "ecs" })).toBe(false);
    expect(isAsked(question("platformUpkeep"), {})).toBe(false);
    expect(isAsked(question("platformUpkeep"), { currentPlatform: "openshift" })).toBe(true);
    expect(isAsked(question("kubernetesFeatures"), { currentPlatform: "kubernetes" })).toBe(false);
    expect(isAsked(question("kubernetesFeatures"), { currentPlatform: "kubernetes", platformUpkeep: "none-dedicated" })).toBe(false);
    expect(isAsked(question("kubernetesFeatures"), { currentPlatform: "kubernetes", platformUpkeep: "one" })).toBe(true);
    expect(isAsked(question("kubernetesFeatures"), { currentPlatform: "ecs", platformUpkeep: "several" })).toBe(false);
  });

  it("weighs several engineers, with nothing that needs Kubernetes, for ECS on Fargate against staying put", () => {
    const mixed = recommend({ ...onKubernetes, currentPlatformFit: "mixed", platformUpkeep: "several", kubernetesFeatures: "none" });
    expect(mixed).toMatchObject({ recommendation: "ecs", launchType: "fargate" });
    expect(mixed.reasons[0]!.ruleId).toBe("ecs-upkeep-several");
    // A content team still stays: the stay-put rule outweighs it, as it should when nothing else is wrong.
    expect(recommend({ ...onKubernetes, platformUpkeep: "several", kubernetesFeatures: "none" }).recommendation).toBe("eks");
    // Without the upkeep answer, the same team stays on EKS: the rule is what moves it.
    expect(recommend({ ...onKubernetes, currentPlatformFit: "mixed" }).recommendation).toBe("eks");
  });

  it("weighs nothing when the workloads use what only Kubernetes offers, and says why", () => {
    const result = recommend({ ...onKubernetes, currentPlatformFit: "mixed", platformUpkeep: "several", kubernetesFeatures: "some" });
    expect(result.reasons.map((r) => r.ruleId)).not.toContain("ecs-upkeep-several");
    expect(result.answerNotes.map((note) => note.id)).toContain("upkeep-kubernetes-features");
  });

  it("shows what that upkeep costs in the cost section, from the team's own count", () => {
    const result = recommend({ ...onKubernetes, currentPlatformFit: "mixed", platformUpkeep: "several", kubernetesFeatures: "none" });
    expect(result.costs.estimate.people.upkeep).toEqual({ engineers: 2, atLeast: true, usdPerMonth: 25000 });
    const text = renderText(result, { lang: "en", color: false, width: 200, unicode: false });
    expect(text).toContain("Cluster upkeep today: several engineers (two or more), at least USD 25,000.00 a month at the engineer cost given");
    const one = recommend({ ...onKubernetes, platformUpkeep: "one", kubernetesFeatures: "none", engineerCost: undefined });
    expect(one.costs.estimate.people.upkeep).toEqual({ engineers: 1, atLeast: false });
    expect(recommend({ ...base, kubernetesExperience: "none", platformUpkeep: "several" }).costs.estimate.people).not.toHaveProperty("upkeep");
  });
});

describe("reasons a newer ECS feature answers", () => {
  it("are named with the feature in the reason and, where it would change the call, first in what would change it", () => {
    const leaving = recommend({ currentPlatform: "ecs", currentPlatformFit: "leaving", kubernetesExperience: "basic", cloudStrategy: "aws-first", budget: "moderate", microservices: 5 });
    expect(leaving.recommendation).toBe("eks");
    expect(leaving.reasons.find((r) => r.ruleId === "eks-leaving-ecs")?.text).toMatch(/Service Connect \(2022\).*blue\/green, canary and linear deployments \(2025\).*Managed Instances \(2025\)/);
    const [first] = leaving.whatWouldChange;
    expect(first).toMatchObject({ answers: { currentPlatformFit: "mixed" }, recommendation: "ecs", feature: expect.stringContaining("Service Connect (2022)") });
    expect(first!.text).toMatch(/^If ECS Service Connect \(2022\).* answer what you want off ECS, ECS would be recommended\.$/);
    expect(recommend({ ...leaving.answers, ...first!.answers }).recommendation).toBe("ecs");
  });

  it("tell a change the search would also find once, with its feature", () => {
    const complex = recommend({ kubernetesExperience: "proficient", cloudStrategy: "aws-only", budget: "moderate", microservices: 8, serviceCommunication: "complex" });
    expect(complex.recommendation).toBe("eks");
    const simple = complex.whatWouldChange.filter((flip) => flip.answers.serviceCommunication === "simple");
    expect(simple).toHaveLength(1);
    expect(simple[0]!.text).toBe("If ECS Service Connect (2022) covers the calls between your services (discovery, retries, metrics), ECS would be recommended.");
    expect(recommend(complex.answers, { lang: "ko" }).whatWouldChange[0]!.text).toBe(
      "ECS Service Connect(2022년)로 서비스 간 호출(서비스 검색, 재시도, 지표)을 감당할 수 있으면 ECS가 추천됩니다.",
    );
  });

  it("name only answers their own rule reads, in both languages", () => {
    const file = {
      extends: "built-in",
      rules: [
        {
          id: "mine",
          platform: "eks",
          weight: 1,
          when: { answer: "budget", in: ["flexible"] },
          text: { en: "Mine." },
          source: "test",
          answeredBy: { feature: { en: "A feature" }, if: { en: "a feature answers it" }, changes: [{ answer: "growth", to: "stable" }] },
        },
      ],
    };
    const en = parseRules(file, { file: "mine.json", base: BUILT_IN_RULES });
    expect(en.ok ? [] : en.problems).toEqual([
      'mine.json: rule "mine" (rules[0]), field "answeredBy.changes[0].answer": the feature changes "growth", which the rule\'s condition does not read; a feature answers the reason it is attached to, so change an answer in "when".',
    ]);
    const ko = parseRules(file, { file: "mine.json", lang: "ko", base: BUILT_IN_RULES });
    expect(ko.ok ? [] : ko.problems[0]).toContain('이 기능이 바꾸는 "growth" 답변을 규칙의 조건이 읽지 않습니다');
    const badValue = { ...file, rules: [{ ...file.rules[0]!, when: { answer: "growth", in: ["rapid"] }, answeredBy: { ...file.rules[0]!.answeredBy, changes: [{ answer: "growth", to: "sluggish" }] } }] };
    const bad = parseRules(badValue, { file: "mine.json", base: BUILT_IN_RULES });
    expect(bad.ok ? [] : bad.problems[0]).toContain('"sluggish" is not a value of "growth"');
  });
});
