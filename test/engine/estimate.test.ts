import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/engine/answers.js";
import { BUILT_IN_PRICES } from "../../src/engine/builtin-prices.js";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { DEFAULT_UTILIZATION, estimateCosts, type Estimate, type EstimateOption } from "../../src/engine/estimate.js";
import { fargatePairs, fitFargate } from "../../src/engine/fargate-size.js";
import type { Prices } from "../../src/engine/price-types.js";
import type { Answers, AnswersInput } from "../../src/engine/questions.js";
import { assess } from "../../src/engine/evaluate.js";
import { answersArbitrary } from "../helpers/arbitraries.js";

const team = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 2 } as const;

function answers(input: Partial<AnswersInput>): Answers {
  const outcome = validateAnswers({ ...team, ...input });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.answers;
}

function estimate(input: Partial<AnswersInput>, prices: Prices = BUILT_IN_PRICES): Estimate {
  return estimateCosts(answers(input), BUILT_IN_RULES, { prices });
}

/** [compute, fees, control plane, total, Arm total] per way of running, in the documented order. */
function figures(e: Estimate): Record<string, number[]> {
  const row = (o: EstimateOption) => [o.compute, o.fees, o.controlPlane, o.total, ...(o.arm ? [o.arm.total] : [])];
  return Object.fromEntries(e.options.map((o) => [`${o.platform} ${o.launchType}`, row(o)]));
}

// Prices used below (rules/prices.json), USD an hour:
//   us-east-1: Fargate x86 0.04048 per vCPU, 0.004445 per GB; Arm 0.03238, 0.00356.
//              m6i.large 0.096 (the cheapest x86 instance for every workload here), m7g.large 0.0816, c7g.xlarge 0.145.
//   ap-northeast-2: Fargate x86 0.04656, 0.00511; Arm 0.03725, 0.00409. m6i.large 0.118, m7g.large 0.1003, c7g.xlarge 0.1632.
//   EKS cluster 0.10 in both (x 730 h = 73.00 a month); Managed Instances and Auto Mode fees 12% of the instance price.
// EC2 packs at 70% use, at least 2 instances per cluster. An EKS m6i.large keeps back
// 0.06 + 0.01 = 0.07 vCPU and (255 + 11 x 29 + 100) MiB = 674 MiB, leaving 1.93 vCPU and 7.342 GiB.
describe("the monthly estimate, worked by hand", () => {
  it("prices the assumed tiny start-up (2 services) in us-east-1", () => {
    // Assumed: 2 tasks of 0.5 vCPU and 1 GiB per service: 4 tasks, 2 vCPU, 4 GiB.
    const e = estimate({});
    expect(e.workload).toEqual({ vcpus: 2, memoryGiB: 4, tasks: 4, assumed: true });
    expect(figures(e)).toEqual({
      // 4 x (0.5 x 0.04048 + 1 x 0.004445) = 0.09874 an hour x 730 = 72.0802; Arm 4 x (0.5 x 0.03238 + 0.00356) = 0.079 x 730 = 57.67
      "ecs fargate": [72.08, 0, 0, 72.08, 57.67],
      // 2 vCPU / (0.7 x 2) = 1.43 -> 2 m6i.large (the floor is 2 too): 2 x 0.096 x 730 = 140.16; fee 12% = 16.8192
      // Arm: 2 m7g.large, 2 x 0.0816 x 730 = 119.136 -> 119.14, fee 14.2963 -> 14.30, total 133.44
      "ecs managed-instances": [140.16, 16.82, 0, 156.98, 133.44],
      "ecs ec2": [140.16, 0, 0, 140.16, 119.14],
      // EKS: 2 / (0.7 x 1.93) = 1.48 -> 2 m6i.large; + 73.00 for the cluster. Arm: 119.14 + 14.30 + 73 = 206.44
      "eks auto-mode": [140.16, 16.82, 73, 229.98, 206.44],
      // Each pod 0.5 vCPU, 1 GiB + 256 MB = 1.25 GiB -> the 0.5 vCPU / 2 GB size: 4 x (0.02024 + 2 x 0.004445) x 730 = 85.0596
      "eks fargate": [85.06, 0, 73, 158.06],
      "eks ec2": [140.16, 0, 73, 213.16, 192.14],
    });
    expect(e.cheapest).toEqual({ platform: "ecs", launchType: "fargate" });
    // Two m6i.large (0.192) cost more than Fargate (0.09874 on ECS, 0.11652 on EKS) at any use.
    expect(e.breakEven).toEqual({ ecs: null, eks: null });
    // No engineerCost: the people cost stays a share, never a guessed salary.
    expect(e.people).toMatchObject({ engineerShare: { min: 0.2, max: 0.4 }, scale: "small-team" });
    expect(e.people.usdPerMonth).toBeUndefined();
    // Extended support adds 0.50 a cluster-hour on top of the 0.10: 0.5 x 730 = 365; Provisioned Control Plane XL 1.65 x 730 = 1,204.50.
    expect(e.eksWouldAdd).toEqual({ extendedSupport: 365, provisionedControlPlanePerCluster: { XL: 1204.5, "2XL": 2482, "4XL": 5037, "8XL": 10147 } });
  });

  it("prices 16 vCPU, 32 GiB in 16 tasks in us-east-1", () => {
    const e = estimate({ vcpus: 16, memoryGiB: 32, tasks: 16 });
    expect(e.workload.assumed).toBe(false);
    expect(figures(e)).toEqual({
      // 16 tasks of 1 vCPU, 2 GB: 16 x (0.04048 + 2 x 0.004445) = 0.78992 x 730 = 576.6416; Arm 16 x (0.03238 + 0.00712) x 730 = 461.36
      "ecs fargate": [576.64, 0, 0, 576.64, 461.36],
      // 16 / (0.7 x 2) = 11.43 -> 12 m6i.large: 12 x 0.096 = 1.152 x 730 = 840.96; fee 100.9152
      // Arm: c7g.xlarge, 16 / 2.8 and 32 / 5.6 both 5.71 -> 6: 6 x 0.145 x 730 = 635.10; fee 76.212; 711.31
      "ecs managed-instances": [840.96, 100.92, 0, 941.88, 711.31],
      "ecs ec2": [840.96, 0, 0, 840.96, 635.1],
      // 16 / (0.7 x 1.93) = 11.84 -> 12 m6i.large, the same 840.96
      "eks auto-mode": [840.96, 100.92, 73, 1014.88, 873.6],
      // 2 GiB + 256 MB -> the 1 vCPU / 3 GB size: 16 x (0.04048 + 3 x 0.004445) = 0.86104 x 730 = 628.5592
      "eks fargate": [628.56, 0, 73, 701.56],
      "eks ec2": [840.96, 0, 73, 913.96, 787.82],
    });
    // ECS: 8 m6i.large hold it at 100%: 8 x 0.096 = 0.768 / 0.78992 = 0.972 -> 0.97.
    // EKS: 16 / 1.93 = 8.29 instances x 0.096 = 0.7959 / 0.86104 = 0.924 -> 0.92.
    expect(e.breakEven).toEqual({ ecs: 0.97, eks: 0.92 });
  });

  it("prices 200 vCPU on 3 clusters for a 200-engineer company, with the people in USD", () => {
    const e = estimate({ microservices: 40, engineers: 200, vcpus: 200, memoryGiB: 400, tasks: 100, clusters: 3, engineerCost: 180000 });
    expect(figures(e)).toEqual({
      // 100 tasks of 2 vCPU, 4 GB: 100 x (0.08096 + 0.01778) = 9.874 x 730 = 7,208.02
      "ecs fargate": [7208.02, 0, 0, 7208.02, 5767],
      // 200 / 1.4 = 142.86 -> 143 m6i.large: 143 x 0.096 = 13.728 x 730 = 10,021.44; fee 1,202.5728
      "ecs managed-instances": [10021.44, 1202.57, 0, 11224.01, 8535.74],
      "ecs ec2": [10021.44, 0, 0, 10021.44, 7621.2],
      // 200 / (0.7 x 1.93) = 148.04 -> 149 m6i.large: 149 x 0.096 = 14.304 x 730 = 10,441.92; fee 1,253.0304;
      // 3 clusters x 73.00 = 219.00
      "eks auto-mode": [10441.92, 1253.03, 219, 11913.95, 9826.13],
      // 4 GiB + 256 MB -> 2 vCPU / 5 GB: 100 x (0.08096 + 5 x 0.004445) = 10.3185 x 730 = 7,532.505 -> 7,532.51
      "eks fargate": [7532.51, 0, 219, 7751.51],
      "eks ec2": [10441.92, 0, 219, 10660.92, 8796.79],
    });
    // 0.2 x 180,000 / 12 = 3,000 and 0.4 x 180,000 / 12 = 6,000 a month; beyond a small team the figure is a floor.
    expect(e.people).toMatchObject({ scale: "organisation", usdPerMonth: { min: 3000, max: 6000 } });
    // 0.50 x 730 x 3 clusters
    expect(e.eksWouldAdd.extendedSupport).toBe(1095);
  });

  it("prices 16 vCPU, 32 GiB in 16 tasks in Seoul from Seoul's own prices", () => {
    const e = estimate({ region: "ap-northeast-2", vcpus: 16, memoryGiB: 32, tasks: 16, engineerCost: 120000 });
    expect(e.region).toBe("ap-northeast-2");
    expect(figures(e)).toEqual({
      // 16 x (0.04656 + 2 x 0.00511) = 0.90848 x 730 = 663.1904; Arm 16 x (0.03725 + 0.00818) x 730 = 530.62
      "ecs fargate": [663.19, 0, 0, 663.19, 530.62],
      // 12 m6i.large x 0.118 = 1.416 x 730 = 1,033.68; fee 124.0416. Arm: 6 c7g.xlarge x 0.1632 x 730 = 714.816; fee 85.78; 800.60
      "ecs managed-instances": [1033.68, 124.04, 0, 1157.72, 800.6],
      "ecs ec2": [1033.68, 0, 0, 1033.68, 714.82],
      "eks auto-mode": [1033.68, 124.04, 73, 1230.72, 1007.02],
      // 16 x (0.04656 + 3 x 0.00511) = 0.99024 x 730 = 722.8752
      "eks fargate": [722.88, 0, 73, 795.88],
      "eks ec2": [1033.68, 0, 73, 1106.68, 906.95],
    });
    // ECS: 8 m6i.large at 100% cost 0.944, above Fargate's 0.90848: EC2 never costs less here.
    expect(e.breakEven.ecs).toBeNull();
    // 0.2 x 120,000 / 12 = 2,000; 0.4 x 120,000 / 12 = 4,000
    expect(e.people).toMatchObject({ scale: "small-team", usdPerMonth: { min: 2000, max: 4000 } });
    // No Seoul price for Provisioned Control Plane was found: none is shown.
    expect(e.eksWouldAdd).toEqual({ extendedSupport: 365 });
  });

  it("prices the assumed start-up of 3 services in Seoul", () => {
    const e = estimate({ region: "ap-northeast-2", microservices: 3 });
    expect(e.workload).toEqual({ vcpus: 3, memoryGiB: 6, tasks: 6, assumed: true });
    // 6 x (0.5 x 0.04656 + 0.00511) = 0.17034 x 730 = 124.3482
    expect(figures(e)["ecs fargate"]).toEqual([124.35, 0, 0, 124.35, 99.49]);
    // 6 x (0.02328 + 2 x 0.00511) = 0.201 x 730 = 146.73, + 73.00
    expect(figures(e)["eks fargate"]).toEqual([146.73, 0, 73, 219.73]);
    // 3 / 1.4 = 2.14 -> 3 m6i.large x 0.118 x 730 = 258.42
    expect(figures(e)["ecs ec2"]).toEqual([258.42, 0, 0, 258.42, 219.66]);
  });

  it("finds the break-even of the issue's example: 2 vCPU and 8 GiB on Fargate against an m7i.large", () => {
    // Only m7i.large priced: Fargate 2 x 0.04048 + 8 x 0.004445 = 0.11652 a task-hour against 0.1008 an instance,
    // 0.1008 / 0.11652 = 0.865: EC2 is cheaper above about 87% use. (4 tasks, so two instances cost less than Fargate at all.)
    const data = structuredClone(BUILT_IN_PRICES.data);
    data.regions["us-east-1"]!.ec2 = { "m7i.large": data.regions["us-east-1"]!.ec2["m7i.large"]! };
    const e = estimate({ vcpus: 8, memoryGiB: 32, tasks: 4 }, { origin: BUILT_IN_PRICES.origin, data });
    expect(e.breakEven.ecs).toBe(0.87);
  });

  it("rounds a Fargate pod up as the EKS user guide's example does", () => {
    // "a request for 1 vCPU and 8 GB memory will have 256 MB added ... and will provision a Fargate task with 2 vCPUs and 9 GB memory"
    const pairs = fargatePairs(BUILT_IN_PRICES.data.fargateTaskSizes.sizes);
    const price = (p: { vcpu: number; memoryGiB: number }) => p.vcpu * 0.04048 + p.memoryGiB * 0.004445;
    expect(fitFargate(pairs, 1, 8, 0.25, price)).toEqual({ pair: { vcpu: 2, memoryGiB: 9 }, split: 1 });
    // Beyond the largest size (16 vCPU, 120 GB) a task runs as the cheapest number of equal tasks:
    // 40 vCPU and 80 GB as 5 of 8 vCPU and 16 GB (5 x 0.39496 = 1.9748 an hour), not 3 of 16 vCPU and 32 GB (3 x 0.79 = 2.37).
    expect(fitFargate(pairs, 40, 80, 0, price)).toEqual({ pair: { vcpu: 8, memoryGiB: 16 }, split: 5 });
    // A task that fits is one task, even where two smaller ones would cost a hair less (0.75 vCPU, 1 GB -> 1 vCPU, 2 GB).
    expect(fitFargate(pairs, 0.75, 1, 0, price)).toEqual({ pair: { vcpu: 1, memoryGiB: 2 }, split: 1 });
  });

  it("keeps a way ruled out by a hard limit in the list, naming the limit, and never names it cheapest", () => {
    const e = estimate({ requirements: ["gpu"] });
    expect(e.options.filter((o) => o.excludedBy).map((o) => [o.platform, o.launchType, o.excludedBy])).toEqual([
      ["ecs", "fargate", "no-gpu-on-fargate"],
      ["eks", "fargate", "no-gpu-on-fargate"],
    ]);
    expect(e.cheapest).toEqual({ platform: "ecs", launchType: "ec2" });
  });

  it("lists what it leaves out and the assumptions, with the flags that replace them", () => {
    const e = estimate({});
    expect(e.excluded.map((m) => ("key" in m ? m.key : ""))).toEqual(
      ["loadBalancers", "nat", "dataTransfer", "storage", "logs", "publicIp", "spot", "savingsPlans", "gpu"].map((k) => `estimate.excluded.${k}`),
    );
    expect(e.assumptions.map((m) => ("key" in m ? m.key : ""))).toContain("estimate.assume.workload");
    expect(estimate({ vcpus: 4, memoryGiB: 8, tasks: 4, engineerCost: 100000 }).assumptions.map((m) => ("key" in m ? m.key : ""))).not.toContain(
      "estimate.assume.workload",
    );
    expect(e.utilization).toBe(DEFAULT_UTILIZATION);
    expect(e.asOf <= e.asOfLatest).toBe(true);
  });
});

describe("the estimate as a property of the workload", () => {
  const totals = (e: Estimate) => e.options.flatMap((o) => [o.total, o.arm?.total ?? 0]);
  const workload = fc.record({
    vcpus: fc.integer({ min: 1, max: 8000 }).map((n) => n / 4),
    memoryGiB: fc.integer({ min: 1, max: 8000 }).map((n) => n / 2),
    tasks: fc.integer({ min: 1, max: 400 }),
    clusters: fc.integer({ min: 1, max: 8 }),
    region: fc.constantFrom("us-east-1" as const, "ap-northeast-2" as const),
  });
  const grows = (before: Estimate, after: Estimate) => totals(after).every((total, i) => total >= totals(before)[i]!);

  it("never lowers a total for more vCPUs, memory or clusters", () => {
    fc.assert(
      fc.property(workload, fc.constantFrom("vcpus", "memoryGiB", "clusters"), fc.integer({ min: 1, max: 64 }), (w, key, step) => {
        const more = { ...w, [key]: key === "clusters" ? w.clusters + Math.min(step, 4) : w[key] + step / 4 };
        return grows(estimate(w), estimate(more));
      }),
      { numRuns: 400 },
    );
  });

  it("never lowers a total for more tasks of the same size", () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 2, max: 5 }), (w, k) => grows(estimate(w), estimate({ ...w, tasks: w.tasks * k, vcpus: w.vcpus * k, memoryGiB: w.memoryGiB * k }))),
      { numRuns: 300 },
    );
  });

  it("never lowers an instance-based total for more tasks at the same vCPUs and memory", () => {
    const instanceTotals = (e: Estimate) => e.options.filter((o) => o.launchType !== "fargate").map((o) => o.total);
    fc.assert(
      fc.property(workload, fc.integer({ min: 1, max: 400 }), (w, extra) => {
        const before = instanceTotals(estimate(w));
        return instanceTotals(estimate({ ...w, tasks: w.tasks + extra })).every((total, i) => total >= before[i]!);
      }),
      { numRuns: 300 },
    );
  });

  it("can lower a Fargate total for more, smaller tasks at the same vCPUs: each task is rounded up on its own", () => {
    // 1 vCPU and 2 GiB in 3 tasks: 0.33 vCPU -> 0.5 each, 1.5 vCPU billed; in 4 tasks: 0.25 each, 1 vCPU billed.
    const three = estimate({ vcpus: 1, memoryGiB: 2, tasks: 3 }).options[0]!;
    const four = estimate({ vcpus: 1, memoryGiB: 2, tasks: 4 }).options[0]!;
    expect(four.total).toBeLessThan(three.total);
  });

  it("has no negative figure, for any answers", () => {
    fc.assert(
      fc.property(answersArbitrary, (a) => {
        const e = estimateCosts(a, BUILT_IN_RULES, { prices: BUILT_IN_PRICES });
        return e.options.every((o) => o.fees >= 0 && o.compute > 0 && o.controlPlane >= 0 && o.total === Math.round((o.compute + o.fees + o.controlPlane) * 100) / 100);
      }),
      { numRuns: 300 },
    );
  });

  it("never changes the recommendation: the same decision whatever the workload", () => {
    fc.assert(
      fc.property(answersArbitrary, workload, (a, w) => {
        const { vcpus: _v, memoryGiB: _m, tasks: _t, engineerCost: _e, ...rest } = a;
        const without = assess({ ...rest, region: "us-east-1", clusters: w.clusters });
        const with_ = assess({ ...rest, ...w, engineerCost: 150000 });
        return with_.recommendation === without.recommendation && with_.launch.launchType === without.launch.launchType && JSON.stringify(with_.confidence) === JSON.stringify(without.confidence);
      }),
      { numRuns: 200 },
    );
  });
});
