// The bill of issue 24's six workloads, computed here by hand from the prices
// file itself (rules/prices.json read as plain JSON, none of the engine's
// code): each way's fleet is written out with why it is the cheapest, and the
// test prices it. A change of price moves the figures with it; a change that
// makes another fleet cheaper fails here, to be read and written out again.
import { describe, expect, it } from "vitest";
import pricesJson from "../../rules/prices.json" with { type: "json" };
import { validateAnswers } from "../../src/engine/answers.js";
import { BUILT_IN_PRICES } from "../../src/engine/builtin-prices.js";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { estimateCosts, type Estimate } from "../../src/engine/estimate.js";
import type { AnswersInput } from "../../src/engine/questions.js";

const HOURS = pricesJson.hoursPerMonth;
type RegionJson = (typeof pricesJson.regions)["us-east-1"];
const region = (name: string) => (pricesJson.regions as unknown as Record<string, RegionJson>)[name]!;

/** USD to the cent, half up, as an invoice rounds: the float noise of a product (0.1 x 730) dropped first. */
const cents = (usd: number) => Math.round(Number((usd * 100).toPrecision(12))) / 100;

type Way = "ecs fargate" | "ecs managed-instances" | "ecs ec2" | "eks auto-mode" | "eks fargate" | "eks ec2";
/** What a way runs on: instances by type, or Fargate tasks by size (vCPU, GB), at a rate; or ruled out. */
type Fleet =
  | { instances: [count: number, type: string][]; fee?: number; clusters?: number }
  | { fargate: [tasks: number, vcpu: number, gb: number][]; rate: "x86" | "arm" | "windows"; clusters?: number }
  | { ruledOut: true };

function monthly(r: RegionJson, fleet: Exclude<Fleet, { ruledOut: true }>, eks: boolean) {
  let compute: number;
  let fees = 0;
  if ("instances" in fleet) {
    const hourly = fleet.instances.reduce((sum, [n, type]) => sum + n * (r.ec2 as Record<string, { usdPerHour: number }>)[type]!.usdPerHour, 0);
    compute = cents(hourly * HOURS);
    // The management fee is its own line: a share of the hourly price, over the month.
    if (fleet.fee) fees = cents(hourly * fleet.fee * HOURS);
  } else {
    const rate = fleet.rate === "windows" ? r.fargate.windows : r.fargate[fleet.rate];
    const os = fleet.rate === "windows" ? r.fargate.windows.osUsdPerVcpuHour : 0;
    compute = cents(fleet.fargate.reduce((sum, [n, vcpu, gb]) => sum + n * (vcpu * rate.usdPerVcpuHour + gb * rate.usdPerGbHour + vcpu * os), 0) * HOURS);
  }
  const controlPlane = eks ? cents((fleet.clusters ?? 1) * r.eks.clusterHour.usd * HOURS) : 0;
  return { compute, fees, controlPlane, total: cents(compute + fees + controlPlane) };
}

/** The shared lines: a load balancer (1 LCU), two NAT gateways and their data, public addresses (one per NAT gateway, two per load balancer), logs. */
function shared(r: RegionJson, environments: number, natGb: number, tasks: number): number {
  const n = r.network;
  const lbs = cents(environments * (n.loadBalancerHour.usd + n.loadBalancerLcuHour.usd) * HOURS);
  const nat = cents(environments * 2 * n.natGatewayHour.usd * HOURS + natGb * n.natGatewayGb.usd);
  const ipv4 = cents(environments * 4 * n.publicIpv4Hour.usd * HOURS);
  const logs = cents(tasks * 1 * (n.logsIngestGb.usd + n.logsStorageGbMonth.usd));
  return cents(lbs + nat + ipv4 + logs);
}

const team = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight" } as const;
const services = (n: number, figures: Record<string, unknown>) => Array.from({ length: n }, (_, i) => ({ name: `svc-${i}`, ...figures }));

function estimate(input: Partial<AnswersInput>): Estimate {
  const outcome = validateAnswers({ ...team, ...input });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return estimateCosts(outcome.answers, BUILT_IN_RULES, { prices: BUILT_IN_PRICES });
}

function expectBill(e: Estimate, r: RegionJson, fleets: Record<Way, Fleet>, sharedUsd: number) {
  expect(e.shared.reduce((sum, line) => sum + line.usdPerMonth, 0)).toBeCloseTo(sharedUsd, 2);
  for (const o of e.options) {
    const way = `${o.platform} ${o.launchType}` as Way;
    const fleet = fleets[way];
    if ("ruledOut" in fleet) {
      expect({ way, total: o.total, ruledOut: (o.excludedBy?.length ?? 0) + (o.exclusions?.length ?? 0) > 0 }).toEqual({ way, total: undefined, ruledOut: true });
      continue;
    }
    const want = monthly(r, fleet, o.platform === "eks");
    expect({ way, compute: o.compute, fees: o.fees, controlPlane: o.controlPlane, total: o.total, bill: o.bill?.total }).toEqual({ way, ...want, bill: cents(want.total + sharedUsd) });
    // The fleet printed is the one priced here.
    if ("instances" in fleet) {
      const printed = new Map<string, number>();
      for (const entry of o.fleet as { type: string; count: number }[]) printed.set(entry.type, (printed.get(entry.type) ?? 0) + entry.count);
      expect({ way, fleet: Object.fromEntries(printed) }).toEqual({ way, fleet: Object.fromEntries(fleet.instances.map(([n, type]) => [type, n])) });
    }
  }
}

const FEE = 0.12;

describe("the bill of issue 24's workloads, by hand from the prices file", () => {
  it("prices 3 services x 2 tasks of 0.5 vCPU and 1 GiB in us-east-1, with the network lines", () => {
    const r = region("us-east-1");
    const e = estimate({ services: services(3, { vcpu: 0.5, memoryGiB: 1, replicas: 2 }) });
    // 6 tasks. ECS: awsvpc tasks take a network interface each, so a c7i.large (3 interfaces, USD 0.08925) holds 2:
    //   3 instances, cheaper than any other type that holds them (m6i.large 0.096, m7i.large 0.1008 hold 2 as well).
    // EKS: a c7i.large keeps 2 - 0.07 = 1.93 vCPU and 4 - 0.658 = 3.342 GiB; at 70%, 1.351 vCPU and 2.339 GiB: 2 pods, 3 nodes.
    // Fargate: 0.5 vCPU and 1 GB on ECS; on EKS 1 GB + 256 MB rounds up to 2 GB.
    // Shared: one ALB (0.0225 + 0.008) x 730 = 22.27; NAT 2 x 0.045 x 730 + 100 x 0.045 = 70.20; 4 addresses x 0.005 x 730 = 14.60; logs 6 x 0.53 = 3.18: 110.25.
    expectBill(
      e,
      r,
      {
        "ecs fargate": { fargate: [[6, 0.5, 1]], rate: "x86" }, // 6 x 0.024685 x 730 = 108.12
        "ecs managed-instances": { instances: [[3, "c7i.large"]], fee: FEE }, // 195.46 + 0.2678 x 0.12 x 730 = 23.45: 218.91
        "ecs ec2": { instances: [[3, "c7i.large"]] }, // 3 x 0.08925 x 730 = 195.46
        "eks auto-mode": { instances: [[3, "c7i.large"]], fee: FEE }, // 195.46 + 23.45 + 73 = 291.91
        "eks fargate": { fargate: [[6, 0.5, 2]], rate: "x86" }, // 6 x 0.02913 x 730 = 127.59, + 73 = 200.59
        "eks ec2": { instances: [[3, "c7i.large"]] }, // 195.46 + 73 = 268.46
      },
      shared(r, 1, 100, 6),
    );
    expect(e.headline).toEqual({ platform: "ecs", launchType: "fargate", total: 108.12, bill: 218.37, arch: "x86" });
  });

  it("prices 25 services x 3 tasks of 1 vCPU and 2 GiB in prod, stage and dev at 1, 0.25 and 0.25", () => {
    const r = region("us-east-1");
    const e = estimate({ services: services(25, { vcpu: 1, memoryGiB: 2, replicas: 3 }), environments: [{ name: "prod", share: 1 }, { name: "stage", share: 0.25 }, { name: "dev", share: 0.25 }] });
    // prod 75 tasks; stage and dev: 3 x 0.25 rounds up to 1 a service, 25 each: 125 tasks in all.
    // ECS: at 70% a c7i.large (1.4 vCPU) holds one 1-vCPU task: 75 + 25 + 25 = 125 instances at 0.08925.
    // EKS: a c7i.2xlarge (USD 0.357) keeps 8 - 0.1 = 7.9 vCPU and 16 - 0.97 = 15.03 GiB; at 70%, 5 pods: 15 + 5 + 5 = 25 nodes.
    // Fargate: 1 vCPU, 2 GB (ECS); 1 vCPU, 3 GB (EKS, 2 GB + 256 MB). Three EKS clusters, one an environment.
    // Shared: 3 ALBs 66.80; NAT 3 x 2 x 0.045 x 730 + (100 + 25 + 25) x 0.045 = 203.85; 12 addresses 43.80; logs 125 x 0.53 = 66.25.
    expectBill(
      e,
      r,
      {
        "ecs fargate": { fargate: [[125, 1, 2]], rate: "x86" }, // 125 x 0.04937 x 730 = 4,505.01
        "ecs managed-instances": { instances: [[125, "c7i.large"]], fee: FEE },
        "ecs ec2": { instances: [[125, "c7i.large"]] }, // 125 x 0.08925 x 730 = 8,144.06
        "eks auto-mode": { instances: [[25, "c7i.2xlarge"]], fee: FEE, clusters: 3 },
        "eks fargate": { fargate: [[125, 1, 3]], rate: "x86", clusters: 3 }, // 4,910.62 + 219
        "eks ec2": { instances: [[25, "c7i.2xlarge"]], clusters: 3 }, // 25 x 0.357 x 730 = 6,515.25 + 219
      },
      shared(r, 3, 150, 125),
    );
    expect(e.environments).toEqual([{ name: "prod", share: 1 }, { name: "stage", share: 0.25 }, { name: "dev", share: 0.25 }]);
  });

  it("prices the same in ap-northeast-2 with Arm required: the Arm figures are the answer", () => {
    const r = region("ap-northeast-2");
    const e = estimate({
      region: "ap-northeast-2",
      requirements: ["arm"],
      services: services(25, { vcpu: 1, memoryGiB: 2, replicas: 3 }),
      environments: [{ name: "prod", share: 1 }, { name: "stage", share: 0.25 }, { name: "dev", share: 0.25 }],
    });
    // Graviton: c7g.large (Seoul USD 0.0816) holds one task on ECS; c7g.2xlarge holds 5 pods on EKS. EKS on Fargate runs no Arm.
    // Seoul's shared lines: ALB 0.0225 + 0.008; NAT 0.059 an hour and a GB; logs 0.76 + 0.0314.
    expectBill(
      e,
      r,
      {
        "ecs fargate": { fargate: [[125, 1, 2]], rate: "arm" }, // 125 x (0.03725 + 2 x 0.00409) x 730 = 4,145.49
        "ecs managed-instances": { instances: [[125, "c7g.large"]], fee: FEE },
        "ecs ec2": { instances: [[125, "c7g.large"]] }, // 125 x 0.0816 x 730 = 7,446.00
        "eks auto-mode": { instances: [[25, "c7g.2xlarge"]], fee: FEE, clusters: 3 },
        "eks fargate": { ruledOut: true },
        "eks ec2": { instances: [[25, "c7g.2xlarge"]], clusters: 3 },
      },
      shared(r, 3, 150, 125),
    );
    expect(e.headline).toMatchObject({ platform: "ecs", launchType: "fargate", arch: "arm" });
    // No x86 total is offered beside Arm as the answer.
    expect(e.options.some((o) => o.arm !== undefined)).toBe(false);
  });

  it("prices 4 inference services x 2 tasks of 1 GPU, 4 vCPU and 16 GiB on GPU instances, Fargate ruled out", () => {
    const r = region("us-east-1");
    const e = estimate({ requirements: ["gpu"], services: services(4, { vcpu: 4, memoryGiB: 16, replicas: 2, gpu: 1 }) });
    // A 16 GiB instance holds no 16 GiB task: the ECS agent registers 97.47% of its memory, and an EKS node keeps back CPU and memory too.
    // So on both, a g6.2xlarge (8 vCPU, 32 GiB, 1 GPU, USD 0.9776) holds each task whole: 8.
    expectBill(
      e,
      r,
      {
        "ecs fargate": { ruledOut: true },
        "ecs managed-instances": { instances: [[8, "g6.2xlarge"]], fee: FEE },
        "ecs ec2": { instances: [[8, "g6.2xlarge"]] }, // 8 x 0.9776 x 730 = 5,709.18
        "eks auto-mode": { instances: [[8, "g6.2xlarge"]], fee: FEE },
        "eks fargate": { ruledOut: true },
        "eks ec2": { instances: [[8, "g6.2xlarge"]] }, // 8 x 0.9776 x 730 = 5,709.18, + 73
      },
      shared(r, 1, 100, 8),
    );
    expect(e.cheapest).toEqual({ platform: "ecs", launchType: "ec2" });
  });

  it("prices 10 Windows services x 2 tasks of 1 vCPU and 4 GiB: Fargate's Windows rate and licence; no Windows price for EC2", () => {
    const r = region("us-east-1");
    const e = estimate({ requirements: ["windows"], services: services(10, { vcpu: 1, memoryGiB: 4, replicas: 2, os: "windows" }) });
    // 20 tasks x (0.046552 + 4 x 0.00511175 + 0.046 licence) x 730 = 1,649.79. Managed Instances, Auto Mode and EKS on Fargate
    // run Linux only; the price-list copies hold no Windows EC2 price, so ECS and EKS on EC2 are ruled out rather than guessed.
    expectBill(
      e,
      r,
      {
        "ecs fargate": { fargate: [[20, 1, 4]], rate: "windows" },
        "ecs managed-instances": { ruledOut: true },
        "ecs ec2": { ruledOut: true },
        "eks auto-mode": { ruledOut: true },
        "eks fargate": { ruledOut: true },
        "eks ec2": { ruledOut: true },
      },
      shared(r, 1, 100, 20),
    );
  });

  it("prices 10,000 services x 2 tasks of 0.25 vCPU and 0.5 GiB, ECS split into two clusters at 5,000 instances", () => {
    const r = region("us-east-1");
    const e = estimate({ services: services(10000, { vcpu: 0.25, memoryGiB: 0.5, replicas: 2 }) });
    // 20,000 tasks. ECS: two a c7i.large (network interfaces): 10,000 instances, more than the 5,000 an ECS cluster holds, so 2 clusters.
    // EKS: a c7i.8xlarge (USD 1.428) keeps 31.84 vCPU and 61.14 GiB; at 70%, 85 pods by memory: 236 nodes, one cluster (Kubernetes' 5,000).
    // Fargate: 0.25 vCPU, 0.5 GB on ECS; 1 GB on EKS.
    expectBill(
      e,
      r,
      {
        "ecs fargate": { fargate: [[20000, 0.25, 0.5]], rate: "x86" }, // 20,000 x 0.0123425 x 730 = 180,200.50
        "ecs managed-instances": { instances: [[10000, "c7i.large"]], fee: FEE },
        "ecs ec2": { instances: [[10000, "c7i.large"]] }, // 10,000 x 0.08925 x 730 = 651,525.00
        "eks auto-mode": { instances: [[236, "c7i.8xlarge"]], fee: FEE },
        "eks fargate": { fargate: [[20000, 0.25, 1]], rate: "x86" },
        "eks ec2": { instances: [[236, "c7i.8xlarge"]] },
      },
      shared(r, 1, 100, 20000),
    );
    const ecs = e.options.find((o) => o.platform === "ecs" && o.launchType === "ec2")!;
    expect({ clusters: ecs.clusters, split: ecs.split }).toEqual({ clusters: 2, split: { reason: "ecsInstances", limit: 5000 } });
  });
});
