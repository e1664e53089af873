// What each way of running costs a month for this team's workload, from the
// dated prices in rules/prices.json. It explains the recommendation and never
// changes it. Pure: the prices and the answers in, figures and messages out.
import { ceil, fargatePairs, fitFargate, type FargatePair } from "./fargate-size.js";
import { msg, type Message } from "./message.js";
import { cents, kubernetesPeople, type KubernetesPeople } from "./people.js";
import type { Arch, Dated, FargateRate, Prices, PricesFileData, PricesOrigin, RegionPrices } from "./price-types.js";
import type { Answers } from "./questions.js";
import { appliesTo, type RuleSet } from "./rule-set.js";
import { LAUNCH_TYPES_FOR, PLATFORMS, type LaunchType, type Platform } from "./rule-types.js";

/** The share of the instances' capacity the workload fills, unless --utilization says otherwise. */
export const DEFAULT_UTILIZATION = 0.7;
/** Two Availability Zones: the fewest instances a cluster runs on. */
const MIN_INSTANCES_PER_CLUSTER = 2;
// When the workload is not given: per service, 2 tasks of 0.5 vCPU and 1 GiB.
const ASSUMED = { tasksPerService: 2, vcpusPerTask: 0.5, gibPerVcpu: 2 } as const;

export interface Workload {
  vcpus: number;
  memoryGiB: number;
  tasks: number;
  /** True when any of the three was not given and the per-service assumption filled it in. */
  assumed: boolean;
}

export interface EstimateOption {
  platform: Platform;
  launchType: LaunchType;
  compute: number;
  fees: number;
  controlPlane: number;
  total: number;
  /** The total on Arm (Graviton), where this way can run it. */
  arm?: { total: number };
  /** What was priced: Fargate task size and count, or the instance type and count. */
  sizing: { fargate: { vcpu: number; memoryGiB: number; tasks: number } } | { instances: { type: string; count: number } };
  /** The hard limit (a launch-type limit's id) that rules this way out for these answers. */
  excludedBy?: string;
}

export interface Estimate {
  region: string;
  /** The oldest date among the figures used: how stale the estimate may be. */
  asOf: string;
  /** The newest date among them. */
  asOfLatest: string;
  basis: "on-demand";
  hoursPerMonth: number;
  utilization: number;
  workload: Workload;
  options: EstimateOption[];
  cheapest: { platform: Platform; launchType: LaunchType };
  /** Per platform, the instance use above which EC2 costs less than Fargate; null when it never does. */
  breakEven: Record<Platform, number | null>;
  /** What EKS would add per month, not in any total. */
  eksWouldAdd: { extendedSupport: number; provisionedControlPlanePerCluster?: Record<string, number> };
  /** Fargate Spot and Savings Plans, as the "up to" discounts the sources name, not in any total. */
  discounts: { fargateSpotUpTo: number; computeSavingsPlansEc2UpTo: number; computeSavingsPlansFargateUpTo: number; ec2InstanceSavingsPlansUpTo: number };
  people: KubernetesPeople;
  assumptions: Message[];
  excluded: Message[];
  prices: PricesOrigin;
  sources: string[];
}

export interface EstimateOptions {
  prices: Prices;
  /** The share of instance capacity used, from 0.1 to 1. */
  utilization?: number;
}

/** The workload as given, each missing figure from the per-service assumption. */
function workloadOf(answers: Answers): Workload {
  const tasks = answers.tasks ?? ASSUMED.tasksPerService * answers.microservices;
  const vcpus = answers.vcpus ?? ASSUMED.vcpusPerTask * tasks;
  const memoryGiB = answers.memoryGiB ?? ASSUMED.gibPerVcpu * vcpus;
  return { vcpus, memoryGiB, tasks, assumed: answers.tasks === undefined || answers.vcpus === undefined || answers.memoryGiB === undefined };
}

interface Packing {
  type: string;
  count: number;
  usdPerHour: number;
}

const hourly = (pair: FargatePair, rate: FargateRate) => pair.vcpu * rate.usdPerVcpuHour + pair.memoryGiB * rate.usdPerGbHour;

/**
 * Fargate for the workload on one platform: the size each task is billed at
 * (chosen at the x86 price; Arm bills the same sizes), and its hourly price at a rate.
 */
function fargateFor(data: PricesFileData, x86: FargateRate, workload: Workload, platform: Platform) {
  const addGiB = platform === "eks" ? data.eksFargatePodMemory.addGiB : 0;
  const fit = fitFargate(fargatePairs(data.fargateTaskSizes.sizes), workload.vcpus / workload.tasks, workload.memoryGiB / workload.tasks, addGiB, (p) => hourly(p, x86));
  const tasks = workload.tasks * fit.split;
  return { pair: fit.pair, tasks, usdPerHour: (rate: FargateRate) => tasks * hourly(fit.pair, rate) };
}

/** What a node keeps for itself: on EKS, the kubelet's and system's reservation from the EKS AMI; on ECS, nothing (ECS_RESERVED_MEMORY is 0). */
function allocatable(data: PricesFileData, type: string, platform: Platform): { vcpus: number; memoryGiB: number; pods: number } {
  const t = data.instanceTypes[type]!;
  if (platform === "ecs") return { vcpus: t.vcpus, memoryGiB: t.memoryGiB, pods: Infinity };
  const { memoryMiB, cpuShares } = data.eksNodeReservation;
  let reserved = 0;
  let left = t.vcpus;
  for (const band of cpuShares) {
    const cores = Math.min(left, band.cores ?? left);
    reserved += cores * band.share;
    left -= cores;
  }
  const memory = (memoryMiB.base + memoryMiB.perPod * t.eksMaxPods + memoryMiB.eviction) / 1024;
  return { vcpus: t.vcpus - reserved, memoryGiB: t.memoryGiB - memory, pods: t.eksMaxPods };
}

/** The instances of one architecture that hold the workload at `utilization` for the least, at least two per cluster. */
function pack(data: PricesFileData, region: RegionPrices, workload: Workload, platform: Platform, arch: Arch, utilization: number, clusters: number): Packing | undefined {
  let best: Packing | undefined;
  for (const [type, spec] of Object.entries(data.instanceTypes)) {
    const usd = region.ec2[type]?.usdPerHour;
    if (spec.arch !== arch || usd === undefined) continue;
    const room = allocatable(data, type, platform);
    if (room.vcpus <= 0 || room.memoryGiB <= 0) continue;
    const count = Math.max(
      MIN_INSTANCES_PER_CLUSTER * clusters,
      ceil(workload.vcpus / (utilization * room.vcpus)),
      ceil(workload.memoryGiB / (utilization * room.memoryGiB)),
      ceil(workload.tasks / room.pods),
    );
    const usdPerHour = count * usd;
    if (!best || usdPerHour < best.usdPerHour - 1e-9 || (Math.abs(usdPerHour - best.usdPerHour) <= 1e-9 && count < best.count)) best = { type, count, usdPerHour };
  }
  return best;
}

/**
 * The instance use above which EC2 costs less than Fargate: for each type,
 * the instances the workload fills at 100% priced against Fargate, provided
 * two instances per cluster cost less than Fargate at all.
 */
function breakEvenFor(data: PricesFileData, region: RegionPrices, workload: Workload, platform: Platform, fargateUsd: number, clusters: number): number | null {
  let best = Infinity;
  for (const [type, spec] of Object.entries(data.instanceTypes)) {
    const usd = region.ec2[type]?.usdPerHour;
    if (spec.arch !== "x86" || usd === undefined) continue;
    if (MIN_INSTANCES_PER_CLUSTER * clusters * usd > fargateUsd) continue;
    const room = allocatable(data, type, platform);
    const full = Math.max(workload.vcpus / room.vcpus, workload.memoryGiB / room.memoryGiB, workload.tasks / room.pods);
    best = Math.min(best, (full * usd) / fargateUsd);
  }
  return best <= 1 ? Math.round(best * 100) / 100 : null;
}

/** The hard limit that rules a way of running out for these answers, if any. */
function excludedBy(ruleSet: RuleSet, answers: Answers, platform: Platform, launchType: LaunchType): string | undefined {
  const applies = appliesTo(platform);
  return ruleSet.launchTypeLimits.find((limit) => applies(limit) && limit.excludes.includes(launchType) && limit.test(answers))?.id;
}

/** The monthly estimate for every way of running, in the order of LAUNCH_TYPES_FOR. */
export function estimateCosts(answers: Answers, ruleSet: RuleSet, options: EstimateOptions): Estimate {
  const { data } = options.prices;
  const utilization = options.utilization ?? DEFAULT_UTILIZATION;
  const region = data.regions[answers.region]!;
  const hours = data.hoursPerMonth;
  const clusters = answers.clusters;
  const workload = workloadOf(answers);
  const month = (usdPerHour: number) => cents(usdPerHour * hours);
  const eksClusters = month(region.eks.clusterHour.usd * clusters);

  const rows: EstimateOption[] = [];
  const fargate = { ecs: fargateFor(data, region.fargate.x86, workload, "ecs"), eks: fargateFor(data, region.fargate.x86, workload, "eks") };
  for (const platform of PLATFORMS) {
    const controlPlane = platform === "eks" ? eksClusters : 0;
    const packed = { x86: pack(data, region, workload, platform, "x86", utilization, clusters), arm: pack(data, region, workload, platform, "arm", utilization, clusters) };
    for (const launchType of LAUNCH_TYPES_FOR[platform]) {
      const option = launchType === "fargate" ? fargateOption(fargate[platform], region, platform, controlPlane, month) : ec2Option(region, platform, launchType, packed, controlPlane, month);
      const limit = excludedBy(ruleSet, answers, platform, launchType);
      rows.push(limit === undefined ? option : { ...option, excludedBy: limit });
    }
  }
  const open = rows.filter((o) => o.excludedBy === undefined);
  const cheapest = (open.length > 0 ? open : rows).reduce((best, o) => (o.total < best.total ? o : best));

  const fargateHour = (platform: Platform) => fargate[platform].usdPerHour(region.fargate.x86);
  const pcp = region.eks.provisionedControlPlane;
  const dates = datesOf(region);
  return {
    region: answers.region,
    asOf: dates[0]!,
    asOfLatest: dates.at(-1)!,
    basis: "on-demand",
    hoursPerMonth: hours,
    utilization,
    workload,
    options: rows,
    cheapest: { platform: cheapest.platform, launchType: cheapest.launchType },
    breakEven: {
      ecs: breakEvenFor(data, region, workload, "ecs", fargateHour("ecs"), clusters),
      eks: breakEvenFor(data, region, workload, "eks", fargateHour("eks"), clusters),
    },
    eksWouldAdd: {
      extendedSupport: month(region.eks.extendedSupportAdds.usd * clusters),
      ...(pcp ? { provisionedControlPlanePerCluster: Object.fromEntries(Object.entries(pcp.usdPerHour).map(([tier, usd]) => [tier, month(usd)])) } : {}),
    },
    discounts: {
      fargateSpotUpTo: region.fargate.spot.discountUpTo,
      computeSavingsPlansEc2UpTo: data.savingsPlans.computeEc2UpTo,
      computeSavingsPlansFargateUpTo: data.savingsPlans.computeFargateUpTo,
      ec2InstanceSavingsPlansUpTo: data.savingsPlans.ec2InstanceUpTo,
    },
    people: kubernetesPeople(answers),
    assumptions: assumptionsFor(answers, workload, utilization, data, region),
    excluded: EXCLUDED.map((key) => msg(`estimate.excluded.${key}`, excludedVars(data, region))),
    prices: options.prices.origin,
    sources: sourcesOf(data, region),
  };
}

/** The monthly total of the way of running a decision chose: the batch's column. */
export function recommendedTotal(answers: Answers, ruleSet: RuleSet, options: EstimateOptions, chosen: { recommendation: Platform; launchType: LaunchType }): number {
  const option = estimateCosts(answers, ruleSet, options).options.find((o) => o.platform === chosen.recommendation && o.launchType === chosen.launchType);
  return option!.total;
}

function fargateOption(fit: ReturnType<typeof fargateFor>, region: RegionPrices, platform: Platform, controlPlane: number, month: (usd: number) => number): EstimateOption {
  const compute = month(fit.usdPerHour(region.fargate.x86));
  // Arm on Fargate is ECS only: EKS on Fargate runs Linux x86 pods.
  const arm = platform === "ecs" ? { arm: { total: cents(month(fit.usdPerHour(region.fargate.arm)) + controlPlane) } } : {};
  return {
    platform,
    launchType: "fargate",
    compute,
    fees: 0,
    controlPlane,
    total: cents(compute + controlPlane),
    ...arm,
    sizing: { fargate: { vcpu: fit.pair.vcpu, memoryGiB: fit.pair.memoryGiB, tasks: fit.tasks } },
  };
}

function ec2Option(
  region: RegionPrices,
  platform: Platform,
  launchType: LaunchType,
  packed: Record<Arch, Packing | undefined>,
  controlPlane: number,
  month: (usd: number) => number,
): EstimateOption {
  // Managed Instances and Auto Mode run the same instances and add their fee, a share of the instance price.
  const fraction = launchType === "managed-instances" ? region.managedInstancesFee.fraction : launchType === "auto-mode" ? region.autoModeFee.fraction : 0;
  const priced = (p: Packing) => {
    const compute = month(p.usdPerHour);
    const fees = month(p.usdPerHour * fraction);
    return { compute, fees, total: cents(compute + fees + controlPlane) };
  };
  // A prices file always lists x86 types (prices check sees to it).
  const x86 = packed.x86!;
  const { compute, fees, total } = priced(x86);
  return {
    platform,
    launchType,
    compute,
    fees,
    controlPlane,
    total,
    ...(packed.arm ? { arm: { total: priced(packed.arm).total } } : {}),
    sizing: { instances: { type: x86.type, count: x86.count } },
  };
}

const EXCLUDED = ["loadBalancers", "nat", "dataTransfer", "storage", "logs", "publicIp", "spot", "savingsPlans", "gpu"] as const;

function excludedVars(data: PricesFileData, region: RegionPrices): Record<string, number> {
  const percent = (share: number) => Math.round(share * 100);
  return {
    spot: percent(region.fargate.spot.discountUpTo),
    computeEc2: percent(data.savingsPlans.computeEc2UpTo),
    computeFargate: percent(data.savingsPlans.computeFargateUpTo),
    instance: percent(data.savingsPlans.ec2InstanceUpTo),
  };
}

function assumptionsFor(answers: Answers, workload: Workload, utilization: number, data: PricesFileData, region: RegionPrices): Message[] {
  const out: Message[] = [];
  if (workload.assumed) {
    out.push(msg("estimate.assume.workload", { services: answers.microservices, vcpus: workload.vcpus, memory: workload.memoryGiB, tasks: workload.tasks }));
  }
  out.push(msg("estimate.assume.utilization", { percent: Math.round(utilization * 100), min: MIN_INSTANCES_PER_CLUSTER }));
  out.push(msg("estimate.assume.fargate", { add: data.eksFargatePodMemory.addGiB * 1024 }));
  out.push(msg("estimate.assume.eksNodes"));
  out.push(msg("estimate.assume.fees", { mi: Math.round(region.managedInstancesFee.fraction * 100), auto: Math.round(region.autoModeFee.fraction * 100) }));
  if (answers.engineerCost === undefined) out.push(msg("estimate.assume.people"));
  out.push(msg("estimate.assume.prices", { hours: data.hoursPerMonth, region: answers.region }));
  return out;
}

/** The region's prices the estimate uses (the sizes and overheads are not prices and do not date it). */
function pricesUsed(region: RegionPrices): Dated[] {
  return [region.fargate.x86, region.fargate.arm, ...Object.values(region.ec2), region.managedInstancesFee, region.autoModeFee, region.eks.clusterHour];
}

function datesOf(region: RegionPrices): string[] {
  return pricesUsed(region).map((d) => d.asOf).sort();
}

function sourcesOf(data: PricesFileData, region: RegionPrices): string[] {
  const overheads: Dated[] = [data.fargateTaskSizes, data.eksFargatePodMemory, data.eksNodeReservation, ...Object.values(data.instanceTypes)];
  return [...new Set([...pricesUsed(region), ...overheads].map((d) => `${d.source} (${d.asOf})`))];
}
