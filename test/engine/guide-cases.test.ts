import { describe, expect, it } from "vitest";
import { recommend } from "../../src/engine/recommend.js";
import { readFixture } from "../helpers/fixtures.js";

// Teams the guide describes, and what it says they should choose.
const cases = [
  {
    fixture: "startup-mvp.json",
    why: "no Kubernetes skill, AWS only, tight budget, a few services, an MVP to ship",
    recommendation: "ecs",
    launchType: "fargate",
    fires: ["ecs-no-kubernetes", "ecs-aws-only", "ecs-tight-budget", "ecs-few-services", "ecs-urgent-launch"],
  },
  {
    fixture: "multi-cloud-platform.json",
    why: "multi-cloud, dozens of services, Helm, Istio and Prometheus, complex traffic",
    recommendation: "eks",
    launchType: "ec2",
    fires: ["eks-multi-cloud", "eks-dozens-of-services", "eks-helm", "eks-service-mesh", "eks-prometheus"],
  },
  {
    fixture: "ml-gpu.json",
    why: "Kubernetes experts who need GPUs",
    recommendation: "eks",
    launchType: "ec2",
    fires: ["eks-expert-team", "eks-gpu-scheduling"],
  },
  {
    fixture: "growing-shop.json",
    why: "basic skills and AWS only",
    recommendation: "ecs",
    launchType: "fargate",
    fires: ["ecs-basic-kubernetes", "ecs-aws-only"],
  },
  {
    fixture: "hybrid-enterprise.json",
    why: "hybrid cloud with 25 services and node agents",
    recommendation: "eks",
    launchType: "ec2",
    fires: ["eks-hybrid", "eks-dozens-of-services", "eks-proficient-team"],
  },
] as const;

describe("the guide's cases", () => {
  it.each(cases)("recommends $recommendation on $launchType for $why", (c) => {
    const result = recommend(readFixture(`answers/${c.fixture}`));
    expect(result.recommendation).toBe(c.recommendation);
    expect(result.launchType).toBe(c.launchType);
    expect(result.reasons.map((r) => r.ruleId)).toEqual(expect.arrayContaining([...c.fires]));
    expect(result.reasons.every((r) => r.text.length > 0 && r.source.length > 0)).toBe(true);
  });

  it("requires EC2 when a GPU is needed, whatever else favours Fargate", () => {
    const result = recommend({
      kubernetesExperience: "none",
      cloudStrategy: "aws-only",
      budget: "moderate",
      microservices: 3,
      opsCapacity: "none",
      timeToMarket: "urgent",
      requirements: ["gpu"],
    });
    expect(result.launchType).toBe("ec2");
    expect(result.launchTypeRequired).toBe(true);
    expect(result.launchTypeReasons[0]).toMatchObject({ ruleId: "ec2-gpu", required: true });
  });

  it("needs EC2 for DaemonSets on EKS but not on ECS, where Fargate runs sidecars", () => {
    const base = { cloudStrategy: "aws-only", budget: "moderate", microservices: 3, requirements: ["daemonsets"] };
    expect(recommend({ ...base, kubernetesExperience: "none" })).toMatchObject({ recommendation: "ecs", launchType: "fargate" });
    const eks = recommend({ ...base, kubernetesExperience: "expert", cloudStrategy: "multi-cloud", microservices: 30 });
    expect(eks).toMatchObject({ recommendation: "eks", launchType: "ec2", launchTypeRequired: true });
  });

  it("lists reasons strongest first and sums them into the scores", () => {
    const result = recommend(readFixture("answers/multi-cloud-platform.json"));
    const weights = result.reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    for (const platform of ["ecs", "eks"] as const) {
      const sum = result.reasons.filter((r) => r.platform === platform).reduce((s, r) => s + r.weight, 0);
      expect(result.scores[platform]).toBeCloseTo(sum, 9);
    }
  });
});
