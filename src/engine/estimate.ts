// What each way of running costs a month for this team's workload, from the
// dated prices in rules/prices.json: whole tasks placed on a real instance
// list, every environment with its own clusters, the network and the rest of
// the bill as shared lines, and the people each way takes. It explains the
// recommendation and never changes it. Pure: the prices and the answers in,
// figures and messages out.
import { environmentsOf, replicasIn, type Environment } from "./cost/environments.js";
import { fargateFor, type FargateBill, type FargateEntry } from "./cost/fargate.js";
import { archOf, fleetFor, MIN_INSTANCES_PER_CLUSTER, taskCount, type Fleet, type FleetEntry, type SplitReason, type Tasks } from "./cost/fleet.js";
import { ec2ScenarioRates, fargateScenarioRates, type Pricing } from "./cost/instances.js";
import { peopleFor, type PeopleEstimate } from "./cost/people-hours.js";
import { sharedLines, type SharedLine } from "./cost/shared.js";
import { wholeOnFargate, workloadOf, type Workload } from "./cost/workload.js";
import { fargateTooLarge, linuxOnly, workloadExclusions } from "./cost/limits.js";
import { listMessage, servicesList } from "./cost/names.js";
import { EstimateError } from "./errors.js";
import { msg, type Message } from "./message.js";
import { kubernetesPeople, type KubernetesPeople } from "./people.js";
import type { Arch, Dated, ManagementFee, Prices, PricesFileData, PricesOrigin, RegionPrices } from "./price-types.js";
import { QUESTIONS, type Answers } from "./questions.js";
import { cents, round } from "./rounding.js";
import { appliesTo, type RuleSet } from "./rule-set.js";
import { LAUNCH_TYPES_FOR, PLATFORMS, type LaunchType, type Platform } from "./rule-types.js";
import { breakEvenFor } from "./cost/break-even.js";

export type { Workload } from "./cost/workload.js";

/** The share of the instances' capacity the workload fills, unless --utilization says otherwise. */
export const DEFAULT_UTILIZATION = 0.7;

type Way = { platform: Platform; launchType: LaunchType };

/** How a way gives each task its own VM boundary: Fargate's VM, a Nitro sandbox on a shared instance, or an instance of its own. */
type Isolation = "ownVm" | "sandbox" | "instancePerTask";

export interface EstimateOption {
  platform: Platform;
  launchType: LaunchType;
  /** The month's figures; absent when the way is ruled out for this workload. */
  compute?: number;
  fees?: number;
  controlPlane?: number;
  total?: number;
  /** The architecture the figures are for: x86, Arm (when required), or mixed when services fix their own. */
  arch: "x86" | "arm" | "mixed";
  /** The total with every service that can run on Arm on Arm, where this way runs Arm and Arm is not already the answer. */
  arm?: { total: number };
  /** What is priced: instances by type, cluster and environment, or each service's Fargate size and tasks. */
  fleet: FleetEntry[] | FargateEntry[];
  /** Clusters across every environment (more than asked where a hard limit split one). */
  clusters: number;
  /** Why a cluster was split, and the limit that split it. */
  split?: { reason: SplitReason; limit: number };
  /** Instance types (or Fargate) priced on demand because the scenario has no rate for them. */
  onDemandFallback?: string[];
  people: PeopleEstimate;
  /** The total with the shared lines beside it: what the invoice shows. */
  bill?: { total: number; shared: number };
  /** The rule set's hard limits that rule this way out (their ids). */
  excludedBy?: string[];
  /** What in the workload rules this way out, beyond the rules' limits. */
  exclusions?: Message[];
  /** With isolation asked (each task in its own VM boundary), how this way's figure gives it: Fargate's own VM per task, a Nitro sandbox per task on shared Managed Instances (what a sandbox adds is not priced), or one task per instance. */
  isolation?: Isolation;
  /** Ruled out only for a rate the prices lack (a Windows instance, an instance type that holds a service): a prices file with it (--prices FILE) prices this way. */
  unpriced?: true;
  /** The summary of what was priced (schemaVersion 3's field): the commonest instance type and every instance, or the commonest Fargate size and every task. */
  sizing: { fargate: { vcpu: number; memoryGiB: number; tasks: number } } | { instances: { type: string; count: number } };
}

interface Headline {
  platform: Platform;
  launchType: LaunchType;
  /** The way's total and the bill with the shared lines; null when the workload rules the way out. */
  total: number | null;
  bill: number | null;
  arch: "x86" | "arm" | "mixed";
}

export interface Estimate {
  region: string;
  /** The oldest date among the figures used: how stale the estimate may be. */
  asOf: string;
  /** The newest date among them. */
  asOfLatest: string;
  /** The pricing scenario (schemaVersion 3 always said "on-demand"). */
  basis: Pricing;
  pricing: Pricing;
  hoursPerMonth: number;
  utilization: number;
  workload: Workload;
  environments: Environment[];
  options: EstimateOption[];
  cheapest: Way;
  /** Per platform, the instance use above which its EC2 fleet costs less than its Fargate; null when it never does or either is ruled out. */
  breakEven: Record<Platform, number | null>;
  /** Why there is no break-even, per platform, where there is none. */
  breakEvenNone: Partial<Record<Platform, "neverCheaper" | "ruledOut">>;
  /** The recommended way's figures: what the text's "Recommended" line states. */
  headline: Headline;
  shared: SharedLine[];
  /** What VPC endpoints would cost instead of the NAT gateways: named, not in any total. */
  endpointsInstead: { endpoints: number; usdPerMonth: number };
  /** What EKS would add per month, not in any total. */
  eksWouldAdd: { extendedSupport: number; provisionedControlPlanePerCluster?: Record<string, number> };
  /** Fargate Spot and Savings Plans, as the "up to" discounts the sources name. */
  discounts: { fargateSpotUpTo: number; computeSavingsPlansEc2UpTo: number; computeSavingsPlansFargateUpTo: number; ec2InstanceSavingsPlansUpTo: number };
  /** The pods a node takes on EKS: the VPC CNI without prefix delegation. */
  eksPodsMode: "vpc-cni";
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
  /** The way the recommendation chose: the headline. ECS on Fargate when not given. */
  chosen?: Way;
  /** Price the chosen way alone (no other way, Arm figure or break-even): what a --batch text row needs. */
  chosenOnly?: boolean;
}

/** The tasks of an environment, each service's replicas scaled by its share, equal services in one group. */
function tasksIn(workload: Workload, env: Environment, microservices: number): Tasks[] {
  const groups = new Map<string, Tasks & { services: string[] }>();
  for (const s of workload.services) {
    const count = replicasIn(s.replicas, env.share, s.splittable ? microservices : 1);
    if (count === 0) continue;
    const whole = wholeOnFargate(workload, s);
    const key = `${s.vcpu}/${s.memoryGiB}/${s.gpu}/${count}/${s.arch ?? ""}/${s.os}/${s.splittable}/${whole}`;
    const group = groups.get(key);
    if (group) group.services.push(s.name);
    else groups.set(key, { services: [s.name], vcpu: s.vcpu, memoryGiB: s.memoryGiB, gpu: s.gpu, count, arch: s.arch, os: s.os, splittable: s.splittable, wholeOnFargate: whole });
  }
  return [...groups.values()];
}

interface Priced {
  usdPerHour: number;
  feesPerHour: number;
  fleet: FleetEntry[] | FargateEntry[];
  clusters: number;
  eksClusters: number;
  split?: { reason: SplitReason; limit: number };
  arch: "x86" | "arm" | "mixed";
  fallback: string[];
  /** The fleets by environment, for the break-even. */
  fleets: Fleet[];
  fargate?: FargateBill[];
}

/** The management fee an hour for the instances of a fleet: AWS's rate per type where the region gives one, else the share of the on-demand price. */
function feePerHour(fee: ManagementFee, fleet: Fleet, onDemand: (type: string) => number): number {
  return fleet.entries.reduce((sum, e) => sum + e.count * (fee.usdPerHour?.[e.type] ?? fee.fraction * onDemand(e.type)), 0);
}

/** The monthly estimate for every way of running, in the order of LAUNCH_TYPES_FOR. */
export function estimateCosts(answers: Answers, ruleSet: RuleSet, options: EstimateOptions): Estimate {
  const { data } = options.prices;
  const utilization = options.utilization ?? DEFAULT_UTILIZATION;
  const region = data.regions[answers.region];
  if (region === undefined) throw new EstimateError(msg("estimate.noRegion", { region: answers.region, known: Object.keys(data.regions).join(", ") }), msg("estimate.noRegionHint"));
  const hours = data.hoursPerMonth;
  const pricing = answers.pricing;
  const month = (usdPerHour: number) => cents(usdPerHour * hours);
  const workload = workloadOf(answers);
  const environments = environmentsOf(answers);
  const envTasks = environments.map((env) => ({ env, tasks: tasksIn(workload, env, answers.microservices) }));
  const armRequired = answers.requirements.includes("arm");
  const prefer: Arch = armRequired ? "arm" : "x86";
  const openArch = workload.services.some((s) => s.arch === undefined && s.os === "linux");
  const askedClusters = answers.clusters * environments.length;

  // Isolation (each task in its own VM boundary): Fargate gives it to every task; Managed Instances (isolationMode ISOLATED_SANDBOX) and
  // Auto Mode (runtimeClassName isolated-sandbox, Kubernetes 1.36 or later) to each task or pod in a Nitro sandbox on shared instances; the
  // instances a team runs itself, as priced here (stock AMIs), only with one task (pod) per instance, as tasks on one instance share its kernel.
  const isolated = answers.requirements.includes("isolation");
  const isolationOf = (launchType: LaunchType): Isolation | undefined =>
    !isolated ? undefined : launchType === "fargate" ? "ownVm" : launchType === "managed-instances" || launchType === "auto-mode" ? "sandbox" : "instancePerTask";
  const instancesFor = (platform: Platform, arch: Arch, onePerInstance: boolean): Fleet[] | Refused => {
    const fleets: Fleet[] = [];
    for (const { env, tasks } of envTasks) {
      const fleet = fleetFor({ data, region, platform, pricing, utilization, prefer: arch, clusters: answers.clusters, environment: env.name, onePerInstance }, tasks);
      if ("noType" in fleet) {
        const n = fleet.noType;
        const what = listMessage([...(n.arch === "arm" ? ["Arm"] : []), ...(n.os === "windows" ? ["Windows"] : []), ...(n.gpu ? [msg("estimate.gpus")] : [])]);
        return { refused: msg("estimate.own.noType", { services: servicesList(n.services), what }), unpriced: true };
      }
      if ("tooLarge" in fleet) {
        const t = fleet.tooLarge;
        const vars = { service: t.service === "" ? msg("estimate.shorthandTask") : t.service, vcpu: t.vcpu, memory: t.memoryGiB, gpu: t.gpu, type: t.largest.type, vcpus: t.largest.vcpus, gib: t.largest.memoryGiB, gpus: t.largest.gpus };
        // A task no instance holds whole is bad input; one that fits an instance but not what an EKS node keeps for pods only rules EKS's instances out.
        if (platform === "ecs") throw new EstimateError(msg("estimate.tooLarge", vars));
        return { refused: msg("estimate.tooLargeForNodes", vars) };
      }
      fleets.push(fleet);
    }
    return fleets;
  };
  const fargateFleets = (platform: Platform, arch: Arch) =>
    envTasks.map(({ env, tasks }) => fargateFor({ data, region, platform, pricing, prefer: arch, environment: env.name }, tasks));

  const pricedInstances = (platform: Platform, launchType: LaunchType, fleets: Fleet[]): Priced => {
    const fee = launchType === "managed-instances" ? region.managedInstancesFee : launchType === "auto-mode" ? region.autoModeFee : undefined;
    const onDemand = (type: string) => region.ec2[type]?.usdPerHour ?? region.ec2Windows?.[type]?.usdPerHour ?? 0;
    const clusters = fleets.reduce((sum, f) => sum + f.clusters, 0);
    const split = fleets.find((f) => f.split)?.split;
    return {
      usdPerHour: fleets.reduce((sum, f) => sum + f.usdPerHour, 0),
      feesPerHour: fee ? fleets.reduce((sum, f) => sum + feePerHour(fee, f, onDemand), 0) : 0,
      fleet: fleets.flatMap((f) => f.entries),
      clusters,
      eksClusters: platform === "eks" ? clusters : 0,
      ...(split ? { split } : {}),
      arch: archOf(fleets.map((f) => f.arch)),
      fallback: [...new Set(fleets.flatMap((f) => f.fallback))].sort(),
      fleets,
    };
  };

  const exclusionsOf = (platform: Platform, launchType: LaunchType) => own(answers, data, workload, platform, launchType, region);
  const limitsOf = (platform: Platform, launchType: LaunchType) => {
    const applies = appliesTo(platform);
    return ruleSet.launchTypeLimits.filter((limit) => applies(limit) && limit.excludes.includes(launchType) && limit.test(answers)).map((limit) => limit.id);
  };

  // The instance fleets: ECS's serve Managed Instances and EC2, EKS's Auto Mode and EC2; built only where a way can use them.
  const cache = new Map<string, Fleet[] | Refused>();
  const fleetsOf = (platform: Platform, arch: Arch, onePerInstance: boolean) => {
    const key = `${platform}/${arch}/${onePerInstance}`;
    let fleets = cache.get(key);
    if (!fleets) cache.set(key, (fleets = instancesFor(platform, arch, onePerInstance)));
    return fleets;
  };

  const rows: EstimateOption[] = [];
  const pricedBy = new Map<string, Priced>();
  const chosen = options.chosen ?? { platform: "ecs", launchType: "fargate" };
  for (const platform of PLATFORMS) {
    for (const launchType of LAUNCH_TYPES_FOR[platform]) {
      if (options.chosenOnly && (platform !== chosen.platform || launchType !== chosen.launchType)) continue;
      const excludedBy = limitsOf(platform, launchType);
      // The workload's own reasons say it only where no limit of the rules already does (a requirement fires the rules' limit).
      const workloadSays = excludedBy.length > 0 ? { exclusions: [], unpriced: false } : exclusionsOf(platform, launchType);
      const { exclusions } = workloadSays;
      const out = excludedBy.length > 0 || exclusions.length > 0;
      const people = (clusters: number) => peopleFor(answers, platform, launchType, clusters);
      const isolation = isolationOf(launchType);
      // A way ruled out has no figures: the clusters asked for, its people, and why.
      const ruledOut = (why: Pick<EstimateOption, "excludedBy" | "exclusions" | "unpriced">): EstimateOption => ({
        platform,
        launchType,
        arch: prefer,
        fleet: [],
        clusters: askedClusters,
        people: people(askedClusters),
        ...why,
        sizing: launchType === "fargate" ? { fargate: { vcpu: 0, memoryGiB: 0, tasks: 0 } } : { instances: { type: "", count: 0 } },
      });
      if (out) {
        rows.push(ruledOut({ ...(excludedBy.length > 0 ? { excludedBy } : {}), ...(exclusions.length > 0 ? { exclusions } : {}), ...(workloadSays.unpriced ? { unpriced: true } : {}) }));
        continue;
      }
      const price = (arch: Arch): Priced | Refused => {
        if (launchType !== "fargate") {
          const fleets = fleetsOf(platform, arch, isolation === "instancePerTask");
          return "refused" in fleets ? fleets : pricedInstances(platform, launchType, fleets);
        }
        const bills = fargateFleets(platform, arch);
        const refused = bills.find((b) => "refused" in b);
        if (refused && "refused" in refused) return { refused: fargateTooLarge(refused.refused) };
        const ok = bills as FargateBill[];
        const clusters = fargateClusters(data, platform, envTasks.map((e) => e.tasks), answers.clusters);
        return {
          usdPerHour: ok.reduce((sum, b) => sum + b.usdPerHour, 0),
          feesPerHour: 0,
          fleet: ok.flatMap((b) => b.entries),
          clusters: clusters.total,
          eksClusters: platform === "eks" ? clusters.total : 0,
          ...(clusters.split ? { split: clusters.split } : {}),
          arch: archOf(ok.map((b) => b.arch)),
          fallback: ok.some((b) => b.fallback) ? ["fargate"] : [],
          fleets: [],
          fargate: ok,
        };
      };
      const main = price(prefer);
      if ("refused" in main) {
        rows.push(ruledOut({ exclusions: [main.refused], ...(main.unpriced ? { unpriced: true } : {}) }));
        continue;
      }
      pricedBy.set(`${platform}/${launchType}`, main);
      const controlPlane = month(region.eks.clusterHour.usd * main.eksClusters);
      const totals = (p: Priced) => {
        const compute = month(p.usdPerHour);
        const fees = month(p.feesPerHour);
        return { compute, fees, total: cents(compute + fees + controlPlane) };
      };
      const figures = totals(main);
      // Arm as the alternative: where Arm is not required, some service may take it, and this way runs Arm (EKS on Fargate is x86 only).
      const armRuns = !(platform === "eks" && launchType === "fargate");
      const alt = !armRequired && openArch && armRuns && !options.chosenOnly ? price("arm") : undefined;
      rows.push({
        platform,
        launchType,
        ...figures,
        controlPlane,
        arch: main.arch,
        // Only where some service moves to Arm: GPU and Windows tasks stay on x86.
        ...(alt && !("refused" in alt) && alt.arch !== main.arch ? { arm: { total: totals(alt).total } } : {}),
        fleet: main.fleet,
        clusters: main.clusters,
        ...(main.split ? { split: main.split } : {}),
        ...(main.fallback.length > 0 ? { onDemandFallback: main.fallback } : {}),
        people: people(main.clusters),
        ...(isolation ? { isolation } : {}),
        sizing: sizingOf(main),
      });
    }
  }

  const shared = sharedLines(answers, region, hours, environments, (env) => taskCount(envTasks.find((e) => e.env === env)!.tasks));
  for (const row of rows) if (row.total !== undefined) row.bill = { total: cents(row.total + shared.total), shared: shared.total };
  const open = rows.filter((o) => o.total !== undefined);
  const cheapest = open.length > 0 ? open.reduce((best, o) => (o.total! < best.total! ? o : best)) : rows[0]!;
  const head = rows.find((o) => o.platform === chosen.platform && o.launchType === chosen.launchType)!;

  const breakEven: Record<Platform, number | null> = { ecs: null, eks: null };
  const breakEvenNone: Estimate["breakEvenNone"] = {};
  for (const platform of options.chosenOnly ? [] : PLATFORMS) {
    const fargate = pricedBy.get(`${platform}/fargate`);
    const ec2 = pricedBy.get(`${platform}/ec2`);
    if (!fargate || !ec2) {
      breakEvenNone[platform] = "ruledOut";
      continue;
    }
    const share = breakEvenFor({ data, region, platform, pricing, prefer, clusters: answers.clusters, environments: envTasks, fleets: ec2.fleets, fargateUsdPerHour: fargate.usdPerHour, onePerInstance: isolationOf("ec2") === "instancePerTask" });
    breakEven[platform] = share;
    if (share === null) breakEvenNone[platform] = "neverCheaper";
  }

  const pcp = region.eks.provisionedControlPlane;
  const dates = datesOf(region);
  return {
    region: answers.region,
    asOf: dates[0]!,
    asOfLatest: dates.at(-1)!,
    basis: pricing,
    pricing,
    hoursPerMonth: hours,
    utilization,
    workload,
    environments,
    options: rows,
    cheapest: { platform: cheapest.platform, launchType: cheapest.launchType },
    breakEven,
    breakEvenNone,
    headline: { platform: head.platform, launchType: head.launchType, total: head.total ?? null, bill: head.bill?.total ?? null, arch: head.arch },
    shared: shared.lines,
    endpointsInstead: shared.endpointsInstead,
    eksWouldAdd: {
      extendedSupport: month(region.eks.extendedSupportAdds.usd * askedClusters),
      ...(pcp ? { provisionedControlPlanePerCluster: Object.fromEntries(Object.entries(pcp.usdPerHour).map(([tier, usd]) => [tier, month(usd)])) } : {}),
    },
    discounts: {
      fargateSpotUpTo: region.fargate.spot.discountUpTo,
      computeSavingsPlansEc2UpTo: data.savingsPlans.computeEc2UpTo,
      computeSavingsPlansFargateUpTo: data.savingsPlans.computeFargateUpTo,
      ec2InstanceSavingsPlansUpTo: data.savingsPlans.ec2InstanceUpTo,
    },
    eksPodsMode: "vpc-cni",
    people: kubernetesPeople(answers),
    assumptions: assumptionsFor(answers, workload, environments, utilization, data, region, rows),
    excluded: EXCLUDED.map((key) => msg(`estimate.excluded.${key}`)),
    prices: options.prices.origin,
    sources: sourcesOf(data, region, pricing),
  };
}

/** Clusters Fargate needs: as asked, or more on EKS where an environment's pods pass a cluster's limit (ECS has no such limit for Fargate). */
function fargateClusters(data: PricesFileData, platform: Platform, envs: readonly (readonly Tasks[])[], asked: number): { total: number; split?: { reason: SplitReason; limit: number } } {
  let total = 0;
  let split: { reason: SplitReason; limit: number } | undefined;
  const limit = data.limits.eks.podsPerCluster;
  for (const tasks of envs) {
    const pods = taskCount(tasks);
    const n = platform === "eks" ? Math.max(asked, Math.ceil(pods / limit)) : asked;
    if (n > asked) split = { reason: "eksPods", limit };
    total += n;
  }
  return { total, ...(split ? { split } : {}) };
}

/** The old one-line summary of a fleet: the type with the most instances and the count of all, or the commonest Fargate size and every task. */
function sizingOf(p: Priced): EstimateOption["sizing"] {
  if (p.fargate) {
    const entries = p.fleet as FargateEntry[];
    const top = entries.reduce<FargateEntry | undefined>((best, e) => (!best || e.tasks > best.tasks ? e : best), undefined);
    return { fargate: { vcpu: top?.vcpu ?? 0, memoryGiB: top?.memoryGiB ?? 0, tasks: entries.reduce((sum, e) => sum + e.tasks, 0) } };
  }
  const byType = new Map<string, number>();
  for (const e of p.fleet as FleetEntry[]) byType.set(e.type, (byType.get(e.type) ?? 0) + e.count);
  const top = [...byType].reduce<[string, number] | undefined>((best, x) => (!best || x[1] > best[1] ? x : best), undefined);
  return { instances: { type: top?.[0] ?? "", count: [...byType.values()].reduce((a, b) => a + b, 0) } };
}

/** Why a way has no figure, and whether only a rate the prices lack is to blame. */
interface Refused {
  refused: Message;
  unpriced?: true;
}

/**
 * What in the workload rules a way out, whatever the rule set's limits say
 * (cost/limits.ts), or a region with no price for it (`unpriced` when that is
 * the only reason).
 */
function own(answers: Answers, data: PricesFileData, workload: Workload, platform: Platform, launchType: LaunchType, region: RegionPrices): { exclusions: Message[]; unpriced: boolean } {
  const out = workloadExclusions(data, workload, platform, launchType);
  const windows = workload.services.some((s) => s.replicas > 0 && s.os === "windows");
  const noPrice = windows && !linuxOnly(platform, launchType) && (launchType === "fargate" ? region.fargate.windows === undefined : region.ec2Windows === undefined || Object.keys(region.ec2Windows).length === 0);
  if (noPrice) out.push(msg("estimate.own.noWindowsPrice", { region: answers.region }));
  return { exclusions: out, unpriced: noPrice && out.length === 1 };
}

function wayMessage(o: Way): Message {
  return msg("estimate.way", { platform: msg(`platform.${o.platform}`), launch: msg(`launch.short.${o.launchType}`) });
}

const EXCLUDED = ["dataTransfer", "storage", "monitoring"] as const;

function assumptionsFor(answers: Answers, workload: Workload, environments: readonly Environment[], utilization: number, data: PricesFileData, region: RegionPrices, rows: readonly EstimateOption[]): Message[] {
  const out: Message[] = [];
  out.push(...workloadNotes(answers, workload));
  if (environments.length > 1 || answers.environments !== undefined) {
    out.push(msg("estimate.assume.environments", { list: environments.map((e) => `${e.name} ${e.share}`).join(", ") }));
  }
  out.push(msg("estimate.assume.placement", { percent: Math.round(utilization * 100), min: MIN_INSTANCES_PER_CLUSTER }));
  out.push(msg("estimate.assume.fargate", { add: data.eksFargatePodMemory.addGiB * 1024 }));
  out.push(msg("estimate.assume.eksNodes"));
  out.push(msg("estimate.assume.ecsTasks", { percent: round(data.ecsRegisteredMemory.share * 100, 2) }));
  out.push(msg("estimate.assume.fees", { mi: Math.round(region.managedInstancesFee.fraction * 100), auto: Math.round(region.autoModeFee.fraction * 100) }));
  const split = rows.filter((o) => o.split);
  for (const o of split) out.push(msg(`estimate.split.${o.split!.reason}`, { way: wayMessage(o), limit: o.split!.limit, clusters: o.clusters }));
  if (answers.pricing !== "on-demand") out.push(msg(`estimate.assume.pricing.${answers.pricing}`));
  const fellBack = rows.filter((o) => o.onDemandFallback);
  if (fellBack.length > 0) out.push(msg("estimate.assume.fallback", { ways: listMessage(fellBack.map(wayMessage)), pricing: msg(`estimate.pricingName.${answers.pricing}`) }));
  out.push(msg("estimate.assume.people"));
  out.push(msg("estimate.assume.prices", { hours: data.hoursPerMonth, region: answers.region }));
  return out;
}

/** The workload note: exactly the figures that were assumed, and the values they took. */
function workloadNotes(answers: Answers, workload: Workload): Message[] {
  if (workload.from === "shorthand") {
    if (workload.assumed.length === 0) return [];
    const out = [
      msg("estimate.assume.shorthand", {
        services: answers.microservices,
        tasks: workload.tasks,
        vcpus: round(workload.vcpus, 2),
        memory: round(workload.memoryGiB, 2),
        figures: listMessage(workload.assumed.filter((f) => f !== "gpu").map((f) => msg(`estimate.figure.${f}`))),
      }),
    ];
    // The totals the assumption reaches can pass what the flags themselves accept: say so, not silently.
    const maxVcpus = QUESTIONS.find((q) => q.key === "vcpus")!.max;
    const maxMemory = QUESTIONS.find((q) => q.key === "memoryGiB")!.max;
    if (workload.vcpus > maxVcpus || workload.memoryGiB > maxMemory) {
      out.push(msg("estimate.assume.beyondFlags", { vcpus: round(workload.vcpus, 2), memory: round(workload.memoryGiB, 2), maxVcpus, maxMemory }));
    }
    if (workload.assumed.includes("gpu")) out.push(msg("estimate.assume.gpuPerTask"));
    return out;
  }
  const out: Message[] = [];
  for (const figure of ["vcpu", "memoryGiB", "replicas", "os", "gpu"] as const) {
    const list = workload.services.filter((s) => s.assumed.includes(figure)).map((s) => s.name);
    if (list.length > 0) out.push(msg(`estimate.assume.service.${figure}`, { services: servicesList(list), count: list.length }));
  }
  return out;
}

/** The region's prices the estimate uses (the sizes and overheads are not prices and do not date it). */
function pricesUsed(region: RegionPrices): Dated[] {
  const n = region.network;
  return [
    region.fargate.x86,
    region.fargate.arm,
    ...Object.values(region.ec2),
    region.managedInstancesFee,
    region.autoModeFee,
    region.eks.clusterHour,
    n.loadBalancerHour,
    n.loadBalancerLcuHour,
    n.natGatewayHour,
    n.natGatewayGb,
    n.publicIpv4Hour,
    n.logsIngestGb,
    n.logsStorageGbMonth,
  ];
}

function scenarioPrices(region: RegionPrices, pricing: Pricing): Dated[] {
  const fargate = fargateScenarioRates(region, pricing);
  const ec2 = ec2ScenarioRates(region, pricing);
  return [...(fargate ? [fargate.x86, ...(fargate.arm ? [fargate.arm] : [])] : []), ...Object.values(ec2 ?? {})];
}

const datesCache = new WeakMap<RegionPrices, string[]>();

/** The dates of the region's prices, oldest first (cached: a pure function of the immutable prices). */
function datesOf(region: RegionPrices): string[] {
  let dates = datesCache.get(region);
  if (!dates) datesCache.set(region, (dates = pricesUsed(region).map((d) => d.asOf).sort()));
  return dates;
}

// A cache, not state: a region's sources are a pure function of its (immutable) prices.
const sourcesCache = new WeakMap<RegionPrices, Map<Pricing, string[]>>();

function sourcesOf(data: PricesFileData, region: RegionPrices, pricing: Pricing): string[] {
  let byPricing = sourcesCache.get(region);
  if (!byPricing) sourcesCache.set(region, (byPricing = new Map()));
  let sources = byPricing.get(pricing);
  if (!sources) byPricing.set(pricing, (sources = collectSources(data, region, pricing)));
  // A copy: the result is the caller's to change.
  return [...sources];
}

function collectSources(data: PricesFileData, region: RegionPrices, pricing: Pricing): string[] {
  const overheads: Dated[] = [data.fargateTaskSizes, data.eksFargatePodMemory, data.ecsRegisteredMemory, data.eksNodeReservation, data.limits.ecs, data.limits.eks, ...Object.values(data.instanceTypes)];
  const windows = [...(region.fargate.windows ? [region.fargate.windows] : []), ...Object.values(region.ec2Windows ?? {})];
  return [...new Set([...pricesUsed(region), ...scenarioPrices(region, pricing), ...windows, ...overheads].map((d) => `${d.source} (${d.asOf})`))];
}

/** The monthly total of the way of running a decision chose: the batch's column. */
export function recommendedTotal(answers: Answers, ruleSet: RuleSet, options: EstimateOptions, chosen: { recommendation: Platform; launchType: LaunchType }): number | null {
  return estimateCosts(answers, ruleSet, { ...options, chosen: { platform: chosen.recommendation, launchType: chosen.launchType }, chosenOnly: true }).headline.total;
}
