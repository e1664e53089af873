import fc from "fast-check";
import { describe, expect, it } from "vitest";
import pricesJson from "../../rules/prices.json" with { type: "json" };
import { validateAnswers } from "../../src/engine/answers.js";
import { BUILT_IN_PRICES } from "../../src/engine/builtin-prices.js";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { EstimateError } from "../../src/engine/errors.js";
import { DEFAULT_UTILIZATION, estimateCosts, type Estimate } from "../../src/engine/estimate.js";
import { assess } from "../../src/engine/evaluate.js";
import { fargatePairs, fitFargate } from "../../src/engine/fargate-size.js";
import type { FleetEntry } from "../../src/engine/cost/fleet.js";
import type { FargateEntry } from "../../src/engine/cost/fargate.js";
import { pack } from "../../src/engine/cost/placement.js";
import type { Answers, AnswersInput } from "../../src/engine/questions.js";
import { sayFigures } from "../../src/explain/words.js";
import { answersWithEstimate as answersArbitrary, environmentsArbitrary, servicesArbitrary } from "../helpers/arbitraries.js";

const team = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 2 } as const;

function answers(input: Partial<AnswersInput> | Record<string, unknown>): Answers {
  const outcome = validateAnswers({ ...team, ...input });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.answers;
}

function estimate(input: Partial<AnswersInput> | Record<string, unknown>): Estimate {
  return estimateCosts(answers(input), BUILT_IN_RULES, { prices: BUILT_IN_PRICES });
}

type Spec = (typeof pricesJson.instanceTypes)["m7i.large"] & { gpus?: number };

/**
 * What a node of a type can hold, computed here from the prices file (not by
 * the engine): on EKS, the CPU and memory the EKS AMI leaves and the pods
 * the VPC CNI allows; on ECS, the share of memory the ECS agent registers,
 * every vCPU and one task per spare interface.
 */
function room(type: string, platform: "ecs" | "eks") {
  const t = (pricesJson.instanceTypes as Record<string, Spec>)[type]!;
  if (platform === "ecs") return { vcpu: t.vcpus, memoryGiB: t.memoryGiB * pricesJson.ecsRegisteredMemory.share, tasks: t.ecsMaxTasks, gpus: t.gpus ?? 0 };
  const { memoryMiB, cpuShares } = pricesJson.eksNodeReservation;
  let cpu = 0;
  let left = t.vcpus;
  for (const band of cpuShares as { cores?: number; share: number }[]) {
    const cores = Math.min(left, band.cores ?? left);
    cpu += cores * band.share;
    left -= cores;
  }
  const mib = memoryMiB.base + memoryMiB.perPod * t.eksMaxPods + memoryMiB.eviction;
  return { vcpu: t.vcpus - cpu, memoryGiB: t.memoryGiB - mib / 1024, tasks: t.eksMaxPods, gpus: t.gpus ?? 0 };
}

/** The tasks of each shape an environment runs, from each service's figures: replicas times the share, rounded up, at least one. */
function tasksByShape(services: readonly { vcpu: number; memoryGiB: number; gpu: number; replicas: number }[], share: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of services) {
    if (s.replicas === 0) continue;
    const n = Math.max(1, Math.ceil(s.replicas * share - 1e-9));
    const key = `${s.vcpu}/${s.memoryGiB}/${s.gpu}`;
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

describe("every instance fleet the estimate prints holds its tasks", () => {
  it("places the tasks of 1,000 generated workloads onto the printed fleet", () => {
    const workload = fc.record({
      services: servicesArbitrary,
      environments: fc.option(environmentsArbitrary, { nil: undefined }),
      clusters: fc.integer({ min: 1, max: 3 }),
      region: fc.constantFrom(...(Object.keys(pricesJson.regions) as ("us-east-1" | "ap-northeast-2")[])),
      requirements: fc.subarray(["arm", "windows", "gpu"] as const),
    });
    fc.assert(
      fc.property(workload, (w) => {
        const input = Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
        let e: Estimate;
        try {
          e = estimate(input);
        } catch (error) {
          // A task no instance type holds is refused as input, never priced.
          return error instanceof EstimateError;
        }
        const shares = new Map(e.environments.map((env) => [env.name, env.share]));
        for (const o of e.options) {
          if (o.total === undefined) continue;
          if (o.launchType === "fargate") {
            // Each service billed at a valid size at least as large as its task (EKS adds 256 MB).
            for (const f of o.fleet as FargateEntry[]) {
              const s = e.workload.services.find((x) => x.name === f.service)!;
              const add = o.platform === "eks" ? 0.25 : 0;
              expect(f.vcpu >= s.vcpu && f.memoryGiB + 1e-9 >= s.memoryGiB + add).toBe(true);
            }
            continue;
          }
          for (const [env, share] of shares) {
            // Whatever the layouts hold, instance by instance, fits the instance at 100%; and together they hold every task.
            const held = new Map<string, number>();
            for (const entry of (o.fleet as FleetEntry[]).filter((f) => f.environment === env)) {
              const cap = room(entry.type, o.platform);
              expect(entry.layout.reduce((sum, l) => sum + l.count, 0)).toBe(entry.count);
              for (const layout of entry.layout) {
                const sum = (key: "vcpu" | "memoryGiB" | "gpu") => layout.holds.reduce((acc, h) => acc + h[key] * h.tasks, 0);
                const tasks = layout.holds.reduce((acc, h) => acc + h.tasks, 0);
                const fits = sum("vcpu") <= cap.vcpu + 1e-6 && sum("memoryGiB") <= cap.memoryGiB + 1e-6 && sum("gpu") <= cap.gpus && tasks <= cap.tasks;
                expect({ way: `${o.platform} ${o.launchType}`, type: entry.type, fits }).toEqual({ way: `${o.platform} ${o.launchType}`, type: entry.type, fits: true });
                for (const h of layout.holds) {
                  const key = `${h.vcpu}/${h.memoryGiB}/${h.gpu}`;
                  held.set(key, (held.get(key) ?? 0) + h.tasks * layout.count);
                }
              }
            }
            expect(Object.fromEntries(held)).toEqual(Object.fromEntries(tasksByShape(e.workload.services, share)));
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the estimate's placement", () => {
  it("places whole tasks: one task of 30 GiB needs an instance that holds 30 GiB", () => {
    // m7i.large holds 8 GiB: never six of them for one 30 GiB task.
    const packed = pack([{ vcpu: 1, memoryGiB: 30, gpu: 0, count: 1 }], { vcpu: 1.4, memoryGiB: 5.6, slots: 2, gpus: 0 }, { vcpu: 2, memoryGiB: 8, slots: 2, gpus: 0 });
    expect(packed).toBeUndefined();
    const e = estimate({ services: [{ name: "big", vcpu: 1, memoryGiB: 30, replicas: 1 }] });
    const ec2 = e.options.find((o) => o.platform === "ecs" && o.launchType === "ec2")!;
    for (const entry of ec2.fleet as FleetEntry[]) expect(entry.memoryGiB).toBeGreaterThanOrEqual(30);
  });

  it("places an ECS task against the memory the ECS agent registers, less than the instance has: a 16 GiB task never on a 16 GiB instance", () => {
    // The ECS guide's example: an m4.large's 8 GiB registers 7985 MiB.
    expect(pricesJson.ecsRegisteredMemory.share).toBeCloseTo(7985 / 8192, 4);
    const e = estimate({ requirements: ["gpu"], vcpus: 20, memoryGiB: 80, tasks: 5 });
    for (const launchType of ["managed-instances", "ec2"]) {
      const way = e.options.find((o) => o.platform === "ecs" && o.launchType === launchType)!;
      expect(way.total).toBeDefined();
      for (const entry of way.fleet as FleetEntry[]) expect(entry.memoryGiB * pricesJson.ecsRegisteredMemory.share).toBeGreaterThanOrEqual(16);
    }
    expect(e.assumptions.map((m) => sayFigures("en", m)).join(" ")).toContain("the ECS agent registers 97.47% of an instance's memory for tasks");
  });

  it("prices isolation as each way gives it: Fargate's own VM, a Nitro sandbox on shared Managed Instances and Auto Mode nodes, else one task per instance", () => {
    const isolated = estimate({ requirements: ["isolation"], vcpus: 5, memoryGiB: 10, tasks: 10 });
    const shared = estimate({ vcpus: 5, memoryGiB: 10, tasks: 10 });
    const way = (e: Estimate, platform: string, launchType: string) => e.options.find((o) => o.platform === platform && o.launchType === launchType)!;
    const tasksPerInstance = (entries: FleetEntry[]) => entries.flatMap((e) => e.layout.map((l) => l.holds.reduce((sum, h) => sum + h.tasks, 0)));
    for (const [platform, launchType] of [["ecs", "ec2"], ["eks", "ec2"]] as const) {
      const row = way(isolated, platform, launchType);
      expect([row.isolation, Math.max(...tasksPerInstance(row.fleet as FleetEntry[]))]).toEqual(["instancePerTask", 1]);
      expect(row.total!).toBeGreaterThan(way(shared, platform, launchType).total!);
    }
    // Managed Instances share instances, each task in its sandbox, and say its cost is not priced; Fargate is as it was.
    expect(way(isolated, "ecs", "managed-instances")).toMatchObject({ isolation: "sandbox", total: way(shared, "ecs", "managed-instances").total });
    // Auto Mode runs each pod in a Nitro sandbox (runtimeClassName isolated-sandbox, Kubernetes 1.36 or later): shared nodes, as without isolation.
    expect(way(isolated, "eks", "auto-mode")).toMatchObject({ isolation: "sandbox", total: way(shared, "eks", "auto-mode").total });
    expect(way(isolated, "ecs", "fargate")).toMatchObject({ isolation: "ownVm", total: way(shared, "ecs", "fargate").total });
    expect(shared.options.some((o) => o.isolation !== undefined)).toBe(false);
  });

  it("holds a million tiny tasks on as many instances as their network interfaces need, and says the totals pass the flags' limits", () => {
    // Issue 28 item 15: 0.25 vCPU spread over a million tasks is not two m6i.large.
    const e = estimate({ vcpus: 0.25, memoryGiB: 0.5, tasks: 1000000 });
    const ec2 = e.options.find((o) => o.platform === "ecs" && o.launchType === "ec2")!;
    const instances = (ec2.fleet as FleetEntry[]).reduce((sum, f) => sum + f.count, 0);
    expect(instances).toBeGreaterThanOrEqual(1000000 / 14);
    // Item 16: --tasks alone assumes 500,000 vCPU, past --vcpus' own limit: said.
    const notes = estimate({ tasks: 1000000 }).assumptions;
    const beyond = notes.find((m) => "key" in m && m.key === "estimate.assume.beyondFlags");
    expect(beyond).toBeDefined();
    // The limits it names are the flags' own.
    expect(sayFigures("en", beyond!)).toContain("--vcpus (up to 100,000) and --memory-gib (up to 400,000)");
  });

  it("splits an EKS cluster past Kubernetes' 150,000 pods", () => {
    const e = estimate({ services: [{ name: "swarm", vcpu: 0.25, memoryGiB: 0.5, replicas: 100000 }, { name: "swarm2", vcpu: 0.25, memoryGiB: 0.5, replicas: 100000 }] });
    const fargate = e.options.find((o) => o.platform === "eks" && o.launchType === "fargate")!;
    expect(fargate.clusters).toBe(2);
    expect(fargate.controlPlane).toBe(146);
  });

  it("refuses a service's task larger than every instance type, naming it and the largest there is", () => {
    let error: unknown;
    try {
      estimate({ services: [{ name: "huge", vcpu: 192, memoryGiB: 24576, replicas: 1 }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EstimateError);
    // GPU instances are for GPU tasks: the largest for this one is the largest memory-optimised type.
    expect((error as EstimateError).problem).toMatchObject({ key: "estimate.tooLarge", vars: { service: "huge", type: "r7i.8xlarge" } });
  });

  it("rules Fargate out, in words, for a task larger than its largest size, and EKS's instances for one larger than a node keeps for pods", () => {
    const e = estimate({ services: [{ name: "wide", vcpu: 32, memoryGiB: 64, replicas: 2 }] });
    const out = e.options.filter((o) => o.total === undefined);
    expect(out.map((o) => [`${o.platform} ${o.launchType}`, o.exclusions?.map((m) => ("key" in m ? m.key : ""))])).toEqual([
      ["ecs fargate", ["estimate.fargateTooLarge"]],
      ["eks auto-mode", ["estimate.tooLargeForNodes"]],
      ["eks fargate", ["estimate.fargateTooLarge"]],
      ["eks ec2", ["estimate.tooLargeForNodes"]],
    ]);
    // The shorthand's average task, with the tasks not counted, is split instead, and says so (2 services, 4 tasks of 32 vCPU).
    const split = estimate({ vcpus: 128, memoryGiB: 256 }).options[0]!;
    expect((split.fleet as FargateEntry[])[0]).toMatchObject({ vcpu: 16, splitInto: 2 });
    // Counted (--tasks), they are the team's tasks, as a service's are: too large for Fargate, whose largest size is named.
    const counted = estimate({ vcpus: 100, memoryGiB: 400, tasks: 5 });
    const fargate = counted.options.filter((o) => o.launchType === "fargate");
    expect(fargate.map((o) => o.total)).toEqual([undefined, undefined]);
    expect(fargate.map((o) => sayFigures("en", o.exclusions![0]!))).toEqual(Array(2).fill("Each task (20 vCPU, 80 GiB) is larger than Fargate's largest size (16 vCPU, 120 GB)."));
  });

  it("rounds a Fargate pod up as the EKS user guide's example does", () => {
    // "a request for 1 vCPU and 8 GB memory will have 256 MB added ... and will provision a Fargate task with 2 vCPUs and 9 GB memory"
    const pairs = fargatePairs(BUILT_IN_PRICES.data.fargateTaskSizes.sizes);
    const price = (p: { vcpu: number; memoryGiB: number }) => p.vcpu * 0.04048 + p.memoryGiB * 0.004445;
    expect(fitFargate(pairs, 1, 8, 0.25, price)).toEqual({ pair: { vcpu: 2, memoryGiB: 9 }, split: 1 });
    // A task that fits is one task, even where two smaller ones would cost a hair less (0.75 vCPU, 1 GB -> 1 vCPU, 2 GB).
    expect(fitFargate(pairs, 0.75, 1, 0, price)).toEqual({ pair: { vcpu: 1, memoryGiB: 2 }, split: 1 });
  });
});

describe("what the estimate says it assumed", () => {
  it("names exactly the figures that were assumed (issue 23): memory alone here", () => {
    const e = estimate({ microservices: 50, vcpus: 120, tasks: 140 });
    expect(e.workload.assumed).toEqual(["memoryGiB"]);
    expect(estimate({ vcpus: 4, memoryGiB: 8, tasks: 4 }).workload.assumed).toEqual([]);
    expect(estimate({}).workload.assumed).toEqual(["vcpus", "memoryGiB", "tasks"]);
  });

  it("names, per figure, the services that left it out", () => {
    const e = estimate({ services: [{ name: "api", vcpu: 1 }, { name: "web", vcpu: 1, memoryGiB: 2, replicas: 3 }] });
    expect(e.workload.services.map((s) => [s.name, s.assumed])).toEqual([
      ["api", ["memoryGiB", "replicas"]],
      ["web", []],
    ]);
    expect(e.assumptions.filter((m) => "key" in m && m.key.startsWith("estimate.assume.service.")).map((m) => ("key" in m ? m.key : ""))).toEqual([
      "estimate.assume.service.memoryGiB",
      "estimate.assume.service.replicas",
    ]);
  });

  it("defaults microservices to the list's length", () => {
    const outcome = validateAnswers({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", services: [{ name: "a" }, { name: "b" }, { name: "c" }] });
    expect(outcome.ok && outcome.answers.microservices).toBe(3);
  });

  it("lists what it leaves out, and dates the estimate by the prices it used", () => {
    const e = estimate({});
    expect(e.excluded.map((m) => ("key" in m ? m.key : ""))).toEqual(["dataTransfer", "storage", "monitoring"].map((k) => `estimate.excluded.${k}`));
    expect(e.utilization).toBe(DEFAULT_UTILIZATION);
    expect(e.asOf <= e.asOfLatest).toBe(true);
    expect(e.shared.map((line) => line.item)).toEqual(["loadBalancers", "natGateways", "publicIpv4", "logs"]);
  });
});

describe("people for every way of running", () => {
  it("gives AWS's figure for a small team's EKS cluster in hours, the upgrades of each further cluster, and only a floor where no source has a figure", () => {
    const small = estimate({});
    const hours = (e: Estimate, way: string) => e.options.find((o) => `${o.platform} ${o.launchType}` === way)!.people.hoursPerMonth;
    // 20-40% of 173.33 hours: 35-69.
    expect(hours(small, "eks ec2")).toEqual({ min: 35, max: 69 });
    // ECS: AWS runs Fargate's hosts; nothing sourced puts hours on ECS itself.
    expect(hours(small, "ecs fargate")).toEqual({ min: 0, max: null });
    // Three clusters in each of three environments: 8 more upgrades of 16-80 hours, three a year each: 8 x 3 x 16 / 12 = 32 to 160 more; an organisation has no ceiling.
    const org = estimate({ clusters: 3, environments: 3, engineers: 200, engineerCost: 173330 });
    expect(hours(org, "eks ec2")).toEqual({ min: 35 + 32, max: null });
    expect(org.options.find((o) => o.platform === "eks" && o.launchType === "ec2")!.people.usdPerMonth).toEqual({ min: 5583.33, max: null });
  });
});

describe("pricing scenarios", () => {
  it("prices Spot from the dated snapshots, and EKS on Fargate on demand, as it has no Spot", () => {
    const onDemand = estimate({ vcpus: 8, memoryGiB: 16, tasks: 8 });
    const spot = estimate({ vcpus: 8, memoryGiB: 16, tasks: 8, pricing: "spot" });
    const total = (e: Estimate, way: string) => e.options.find((o) => `${o.platform} ${o.launchType}` === way)!.compute!;
    expect(total(spot, "ecs fargate")).toBeLessThan(total(onDemand, "ecs fargate"));
    expect(total(spot, "ecs ec2")).toBeLessThan(total(onDemand, "ecs ec2"));
    expect(total(spot, "eks fargate")).toBe(total(onDemand, "eks fargate"));
    expect(spot.basis).toBe("spot");
  });

  it("falls back to on demand, and says so, where the prices have no rate for the scenario", () => {
    const e = estimate({ pricing: "savings-1y" });
    expect(e.options.filter((o) => o.onDemandFallback).length).toBeGreaterThan(0);
    expect(e.assumptions.map((m) => ("key" in m ? m.key : ""))).toContain("estimate.assume.fallback");
  });
});

describe("the estimate as a property of the workload", () => {
  const totals = (e: Estimate) => e.options.map((o) => o.total ?? 0);
  const workload = fc.record({
    vcpus: fc.integer({ min: 1, max: 8000 }).map((n) => n / 4),
    memoryGiB: fc.integer({ min: 1, max: 8000 }).map((n) => n / 2),
    tasks: fc.integer({ min: 1, max: 400 }),
    clusters: fc.integer({ min: 1, max: 8 }),
    region: fc.constantFrom("us-east-1" as const, "ap-northeast-2" as const),
  });
  const grows = (before: Estimate, after: Estimate) => totals(after).every((total, i) => total >= totals(before)[i]!);

  it("never lowers a total for more vCPUs or memory a task", () => {
    // Tasks that fit an instance whole, before and after the step (at most 4 vCPU or GiB more in all): a shorthand task beyond the
    // largest is split, which is its own arithmetic, and a counted task pushed past Fargate's largest size rules Fargate out.
    const whole = workload.filter((w) => (w.vcpus + 4) / w.tasks <= 16 && (w.memoryGiB + 4) / w.tasks <= 64);
    fc.assert(
      fc.property(whole, fc.constantFrom("vcpus", "memoryGiB"), fc.integer({ min: 1, max: 16 }), (w, key, step) => grows(estimate(w), estimate({ ...w, [key]: w[key] + step / 4 }))),
      { numRuns: 300 },
    );
  });

  it("never lowers a total for more tasks of the same size", () => {
    fc.assert(
      fc.property(workload, fc.integer({ min: 2, max: 5 }), (w, k) => grows(estimate(w), estimate({ ...w, tasks: w.tasks * k, vcpus: w.vcpus * k, memoryGiB: w.memoryGiB * k }))),
      { numRuns: 200 },
    );
  });

  it("has no negative figure, and each total is the sum of its parts, for any answers", () => {
    fc.assert(
      fc.property(answersArbitrary, (a) => {
        let e: Estimate;
        try {
          e = estimateCosts(a, BUILT_IN_RULES, { prices: BUILT_IN_PRICES });
        } catch (error) {
          return error instanceof EstimateError;
        }
        return e.options.every(
          (o) => o.total === undefined || (o.fees! >= 0 && o.compute! >= 0 && o.controlPlane! >= 0 && o.total === Math.round((o.compute! + o.fees! + o.controlPlane!) * 100) / 100 && o.bill!.total >= o.total),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("never changes the recommendation: the same platform and confidence whatever the workload, and the same launch type unless the workload rules it out", () => {
    fc.assert(
      fc.property(answersArbitrary, workload, (a, w) => {
        const { vcpus: _v, memoryGiB: _m, tasks: _t, engineerCost: _e, services: _s, environments: _n, pricing: _p, ...rest } = a;
        const without = assess({ ...rest, region: "us-east-1", clusters: w.clusters, pricing: "on-demand" });
        let with_;
        try {
          with_ = assess({ ...rest, ...w, engineerCost: 150000, pricing: "spot" });
        } catch (error) {
          return error instanceof EstimateError;
        }
        // A launch type changes only where the workload itself rules the one chosen without it out (a task larger than Fargate's largest size).
        const ruledOut = with_.launch.workloadLimits.some((limit) => limit.launchType === without.launch.launchType);
        return with_.recommendation === without.recommendation && (with_.launch.launchType === without.launch.launchType || ruledOut) && JSON.stringify(with_.confidence) === JSON.stringify(without.confidence);
      }),
      { numRuns: 200 },
    );
  });
});
