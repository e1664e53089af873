import { describe, expect, it } from "vitest";
import { recommend } from "../../src/explain/recommend.js";
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
    fires: ["eks-multi-cloud", "eks-dozens-of-services", "eks-helm", "eks-service-mesh", "eks-complex-communication"],
  },
  {
    fixture: "ml-gpu.json",
    why: "Kubernetes experts who need GPUs, with part-time ops: Auto Mode runs the GPU nodes",
    recommendation: "eks",
    launchType: "auto-mode",
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
    why: "hybrid cloud with 25 services and node agents, proficient in Kubernetes",
    recommendation: "eks",
    launchType: "auto-mode",
    fires: ["eks-dozens-of-services", "eks-proficient-team", "ecs-hybrid-anywhere"],
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

  it("never runs GPUs on Fargate: with no one to run servers, Managed Instances run them for you", () => {
    const result = recommend({
      kubernetesExperience: "none",
      cloudStrategy: "aws-only",
      budget: "moderate",
      microservices: 3,
      opsCapacity: "none",
      timeToMarket: "urgent",
      requirements: ["gpu"],
    });
    expect(result.launchType).toBe("managed-instances");
    expect(result.launchTypeRequired).toBe(false);
    expect(result.launchTypeLimits).toEqual([expect.objectContaining({ ruleId: "no-gpu-on-fargate", excludes: ["fargate"] })]);
    expect(Object.keys(result.launchTypeScores)).toEqual(["managed-instances", "ec2"]);
  });

  it("rules Fargate out for DaemonSets on EKS but not on ECS, where Fargate runs the agent as a sidecar", () => {
    const base = { cloudStrategy: "aws-only", budget: "moderate", microservices: 3, requirements: ["daemonsets"] };
    const ecs = recommend({ ...base, kubernetesExperience: "none" });
    expect(ecs).toMatchObject({ recommendation: "ecs", launchType: "fargate", launchTypeLimits: [] });
    expect(ecs.launchTypeNotes.map((note) => note.ruleId)).toEqual(["fargate-sidecar-agents"]);
    const eks = recommend({ ...base, kubernetesExperience: "expert", cloudStrategy: "multi-cloud", microservices: 30 });
    expect(eks).toMatchObject({ recommendation: "eks", launchType: "auto-mode", launchTypeRequired: false });
    expect(eks.launchTypeLimits.map((limit) => limit.ruleId)).toEqual(["no-daemonsets-on-eks-fargate"]);
  });

  it("leaves only EC2 nodes for Windows on EKS, and says the choice was forced", () => {
    const result = recommend({ kubernetesExperience: "expert", cloudStrategy: "multi-cloud", budget: "moderate", microservices: 40, requirements: ["windows"] });
    expect(result).toMatchObject({ recommendation: "eks", launchType: "ec2", launchTypeRequired: true, launchTypeScores: { ec2: 0 } });
    expect(result.launchTypeLimits.map((limit) => limit.ruleId).sort()).toEqual(["eks-fargate-linux-x86-only", "no-windows-on-auto-mode"]);
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
