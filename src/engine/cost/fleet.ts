// The instances one way of running needs for one environment: the tasks
// dealt to clusters, each cluster's tasks split into pools that need the same
// kind of machine (architecture, OS, GPUs), each pool placed whole on the
// cheapest instance type that holds it, at least two instances a cluster for
// two Availability Zones, and more clusters where a hard limit says so.
import type { Arch, Os, PricesFileData, RegionPrices } from "../price-types.js";
import type { Platform } from "../rule-types.js";
import { allocatable, headroom, rateOf, type Pricing } from "./instances.js";
import { lowerBound, pack, type Capacity, type Layout, type TaskShape } from "./placement.js";
import { EPSILON } from "../rounding.js";

/** Two Availability Zones: the fewest instances a cluster runs on. */
export const MIN_INSTANCES_PER_CLUSTER = 2;

/**
 * The tasks of services that need the same (their size, architecture and OS,
 * and how many each runs) in one environment: equal services are one group,
 * so a list of 10,000 equal services is placed as one.
 */
export interface Tasks {
  /** The services' names, in the list's order; "" for the shorthand's one group. */
  services: readonly string[];
  vcpu: number;
  memoryGiB: number;
  gpu: number;
  /** Tasks of each service. */
  count: number;
  /** The architecture the service must run on; undefined: either. */
  arch?: Arch | undefined;
  os: Os;
  /** The shorthand's average task: split into equal parts when no instance holds it. */
  splittable: boolean;
  /** Fargate runs each task whole or not at all (a service's, or the shorthand's counted tasks). */
  wholeOnFargate: boolean;
}

export interface FleetEntry {
  type: string;
  count: number;
  vcpu: number;
  memoryGiB: number;
  usdPerHour: number;
  /** The cluster in its environment, from 1. */
  cluster: number;
  environment: string;
  /** What each group of instances holds: the proof that the fleet holds the tasks. */
  layout: Layout[];
}

/** Why a cluster was split beyond the clusters asked for. */
export type SplitReason = "ecsInstances" | "eksNodes" | "eksPods";

export interface Fleet {
  entries: FleetEntry[];
  clusters: number;
  split?: { reason: SplitReason; limit: number } | undefined;
  /** The hourly price of the instances under the scenario, and at on demand (the management fees are a share of that). */
  usdPerHour: number;
  onDemandUsdPerHour: number;
  arch: "x86" | "arm" | "mixed";
  /** Instance types priced on demand because the scenario has no rate for them. */
  fallback: string[];
  /** The types each pool uses: what the break-even keeps when it tries other utilisations. */
  typesByPool: Map<string, Set<string>>;
}

/** Tasks no instance type in the prices can run at all (an architecture, OS and GPU the list has no type or no price for): the way is ruled out. */
export interface NoType {
  noType: { services: readonly string[]; arch?: Arch | undefined; os: Os; gpu: boolean };
}

/** A task no instance type in the list can hold: the caller words it. */
export interface TooLarge {
  tooLarge: { service: string; vcpu: number; memoryGiB: number; gpu: number; largest: { type: string; vcpus: number; memoryGiB: number; gpus: number } };
}

export interface FleetRequest {
  data: PricesFileData;
  region: RegionPrices;
  platform: Platform;
  pricing: Pricing;
  utilization: number;
  /** Where a service leaves its architecture open: x86, or Arm. */
  prefer: Arch;
  clusters: number;
  environment: string;
  /** One task (pod) per instance: isolation where tasks on one instance would share its kernel. */
  onePerInstance?: boolean | undefined;
  /** For the break-even: the instance types each pool may use (the fleet already chosen). */
  only?: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

/** Pools of tasks that need the same kind of instance. */
function poolKey(arch: Arch, os: Os, gpu: boolean): string {
  return `${arch}/${os}/${gpu ? "gpu" : "cpu"}`;
}

interface Candidate {
  type: string;
  full: Capacity;
  target: Capacity;
  usdPerHour: number;
  onDemand: number;
  fallback: boolean;
}

// A cache, not state: a region's candidates are a pure function of its (immutable) prices and the request's terms.
const cached = new WeakMap<RegionPrices, Map<string, Candidate[]>>();

/** The instance types that can take a pool's tasks: its architecture, a price for its OS, GPUs for GPU tasks and none otherwise. */
function candidatesFor(req: FleetRequest, arch: Arch, os: Os, gpu: boolean, key: string): Candidate[] {
  let byTerms = cached.get(req.region);
  if (!byTerms) cached.set(req.region, (byTerms = new Map()));
  const terms = `${key}/${req.platform}/${req.pricing}/${req.utilization}/${req.onePerInstance === true}`;
  let all = byTerms.get(terms);
  if (!all) byTerms.set(terms, (all = allCandidates(req, arch, os, gpu)));
  const only = req.only?.get(key);
  return only ? all.filter((c) => only.has(c.type)) : all;
}

function allCandidates(req: FleetRequest, arch: Arch, os: Os, gpu: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const [type, spec] of Object.entries(req.data.instanceTypes)) {
    if (spec.arch !== arch || (spec.family === "gpu") !== gpu) continue;
    const rate = rateOf(req.region, type, os, req.pricing);
    if (!rate) continue;
    const room = allocatable(req.data, type, req.platform);
    const full = req.onePerInstance ? { ...room, slots: Math.min(room.slots, 1) } : room;
    if (full.vcpu <= EPSILON || full.memoryGiB <= EPSILON || full.slots < 1) continue;
    out.push({ type, full, target: headroom(full, req.utilization), usdPerHour: rate.usdPerHour, onDemand: rate.onDemand, fallback: rate.fallback });
  }
  return out;
}

function fitsOne(c: Candidate, t: Tasks): boolean {
  return t.vcpu <= c.full.vcpu + EPSILON && t.memoryGiB <= c.full.memoryGiB + EPSILON && t.gpu <= c.full.gpus;
}

/**
 * The pools of one environment's tasks, with the shorthand's tasks split where
 * no candidate holds one; a service's own task that no candidate holds is
 * returned as too large.
 */
function poolsOf(req: FleetRequest, tasks: readonly Tasks[]): Map<string, { arch: Arch; os: Os; gpu: boolean; candidates: Candidate[]; tasks: Tasks[] }> | TooLarge | NoType {
  const pools = new Map<string, { arch: Arch; os: Os; gpu: boolean; candidates: Candidate[]; tasks: Tasks[] }>();
  const cache = new Map<string, Candidate[]>();
  const candidates = (arch: Arch, os: Os, gpu: boolean) => {
    const key = poolKey(arch, os, gpu);
    let list = cache.get(key);
    if (!list) cache.set(key, (list = candidatesFor(req, arch, os, gpu, key)));
    return list;
  };
  for (const t of tasks) {
    if (t.count === 0) continue;
    const gpu = t.gpu > 0;
    // Windows runs on x86; an open architecture takes the preferred one where some type holds the task, else the other.
    const archs: Arch[] = t.os === "windows" ? ["x86"] : t.arch ? [t.arch] : [req.prefer, req.prefer === "x86" ? "arm" : "x86"];
    let chosen: Arch | undefined;
    for (const arch of archs) if (candidates(arch, t.os, gpu).some((c) => fitsOne(c, t))) (chosen ??= arch);
    let placed = t;
    if (chosen === undefined) {
      const all = archs.flatMap((arch) => candidates(arch, t.os, gpu));
      if (all.length === 0) return { noType: { services: t.services, arch: t.arch, os: t.os, gpu } };
      const largest = all.reduce<Candidate | undefined>((big, c) => (!big || c.full.vcpu * c.full.memoryGiB > big.full.vcpu * big.full.memoryGiB ? c : big), undefined);
      if (!t.splittable || !largest) return tooLarge(req, t, all);
      // The shorthand's average task, cut into the fewest equal parts the largest type holds.
      const parts = Math.max(Math.ceil(t.vcpu / largest.full.vcpu - EPSILON), Math.ceil(t.memoryGiB / largest.full.memoryGiB - EPSILON), 1);
      placed = { ...t, vcpu: t.vcpu / parts, memoryGiB: t.memoryGiB / parts, count: t.count * parts };
      chosen = archs.find((arch) => candidates(arch, t.os, gpu).some((c) => fitsOne(c, placed)));
      if (chosen === undefined) return tooLarge(req, t, all);
    }
    const key = poolKey(chosen, t.os, gpu);
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { arch: chosen, os: t.os, gpu, candidates: candidates(chosen, t.os, gpu), tasks: [] }));
    pool.tasks.push(placed);
  }
  return pools;
}

function tooLarge(req: FleetRequest, t: Tasks, candidates: readonly Candidate[]): TooLarge {
  // The largest type there is for this kind of task (or of any kind, when none is priced).
  const types = candidates.length > 0 ? candidates.map((c) => c.type) : Object.keys(req.data.instanceTypes);
  const largest = types.map((type) => ({ type, ...req.data.instanceTypes[type]! })).reduce((big, x) => (x.vcpus * x.memoryGiB > big.vcpus * big.memoryGiB ? x : big));
  return { tooLarge: { service: t.services[0]!, vcpu: t.vcpu, memoryGiB: t.memoryGiB, gpu: t.gpu, largest: { type: largest.type, vcpus: largest.vcpus, memoryGiB: largest.memoryGiB, gpus: largest.gpus ?? 0 } } };
}

interface Choice {
  candidate: Candidate;
  instances: number;
  layouts: Layout[];
}

/**
 * The cheapest type for a pool's shapes: each candidate packed, cheapest
 * first by the fewest instances it could need, until no other can be
 * cheaper. `atLeast` is the cluster's minimum when this is its only pool.
 */
function choose(candidates: readonly Candidate[], shapes: readonly TaskShape[], atLeast: number): Choice | undefined {
  const bounds = candidates
    .map((c, index) => ({ c, index, bound: Math.max(atLeast, lowerBound(shapes, c.full)) * c.usdPerHour }))
    .filter((b) => Number.isFinite(b.bound))
    .sort((a, b) => a.bound - b.bound || a.index - b.index);
  let best: (Choice & { cost: number; index: number }) | undefined;
  for (const { c, index, bound } of bounds) {
    if (best && bound > best.cost + EPSILON) break;
    const packed = pack(shapes, c.target, c.full);
    if (!packed) continue;
    const instances = Math.max(atLeast, packed.instances);
    const cost = instances * c.usdPerHour;
    const better = !best || cost < best.cost - EPSILON || (Math.abs(cost - best.cost) <= EPSILON && (instances < best.instances || (instances === best.instances && index < best.index)));
    if (better) best = { candidate: c, instances, layouts: packed.layouts, cost, index };
  }
  return best && { candidate: best.candidate, instances: best.instances, layouts: best.layouts };
}

/**
 * Tasks dealt to `n` clusters, as shapes: services in turn (a group of equal
 * services shares itself out as dealing them one by one would), and the
 * shorthand's one group in near-equal parts.
 */
function deal(tasks: readonly Tasks[], n: number, byTask: boolean): TaskShape[][] {
  const clusters: TaskShape[][] = Array.from({ length: n }, () => []);
  const add = (i: number, t: Tasks, count: number) => {
    if (count > 0) clusters[i]!.push({ vcpu: t.vcpu, memoryGiB: t.memoryGiB, gpu: t.gpu, count });
  };
  let next = 0;
  for (const t of tasks) {
    // The shorthand's tasks, and every service's once a limit splits clusters, spread evenly: a service too large for one cluster runs in several.
    if (t.services[0] === "" || byTask) {
      const all = t.count * t.services.length;
      for (let i = 0; i < n; i++) add(i, t, Math.floor(all / n) + (i < all % n ? 1 : 0));
      continue;
    }
    const m = t.services.length;
    for (let i = 0; i < n; i++) add(i, t, t.count * (Math.floor(m / n) + ((i - next + n) % n < m % n ? 1 : 0)));
    next = (next + m) % n;
  }
  return clusters;
}

/** Equal tasks of a pool as one shape each. */
function shapesOf(tasks: readonly TaskShape[]): TaskShape[] {
  const byShape = new Map<string, TaskShape>();
  for (const t of tasks) {
    const key = `${t.vcpu}/${t.memoryGiB}/${t.gpu}`;
    const shape = byShape.get(key);
    if (shape) shape.count += t.count;
    else byShape.set(key, { vcpu: t.vcpu, memoryGiB: t.memoryGiB, gpu: t.gpu, count: t.count });
  }
  return [...byShape.values()];
}

/** The fleet for one environment's tasks on one platform, or the task no instance holds. */
export function fleetFor(req: FleetRequest, tasks: readonly Tasks[]): Fleet | TooLarge | NoType {
  const pools = poolsOf(req, tasks);
  if ("tooLarge" in pools || "noType" in pools) return pools;
  const limits = req.data.limits;
  const pods = taskCount(tasks);
  // Clusters a count limit already asks for, before any instance is placed.
  let clusters = req.clusters;
  let split: Fleet["split"];
  const need = (reason: SplitReason, total: number, limit: number) => {
    const n = Math.ceil(total / limit);
    if (n > clusters) (clusters = n), (split = { reason, limit });
  };
  if (req.platform === "eks") need("eksPods", pods, limits.eks.podsPerCluster);
  const maxInstances = req.platform === "ecs" ? limits.ecs.instancesPerCluster : limits.eks.nodesPerCluster;
  for (;;) {
    const built = build(req, [...pools.values()], clusters, split !== undefined);
    if (!built) return tooLarge(req, tasks.find((t) => t.count > 0)!, []);
    const most = built.perCluster.reduce((a, b) => Math.max(a, b), 0);
    if (most <= maxInstances) return { ...built.fleet, clusters, ...(split ? { split } : {}) };
    // Past the instances a cluster may have: more clusters, as many as the instances need, the tasks spread evenly.
    const total = built.perCluster.reduce((a, b) => a + b, 0);
    clusters = Math.max(clusters + 1, Math.ceil(total / maxInstances));
    split = { reason: req.platform === "ecs" ? "ecsInstances" : "eksNodes", limit: maxInstances };
  }
}

function build(
  req: FleetRequest,
  pools: readonly { arch: Arch; os: Os; gpu: boolean; candidates: Candidate[]; tasks: Tasks[] }[],
  clusters: number,
  byTask: boolean,
): { fleet: Omit<Fleet, "clusters" | "split">; perCluster: number[] } | undefined {
  const entries: FleetEntry[] = [];
  const perCluster: number[] = [];
  const fallback = new Set<string>();
  const archs = new Set<Arch>();
  const typesByPool = new Map<string, Set<string>>();
  let usdPerHour = 0;
  let onDemandUsdPerHour = 0;
  const dealt = pools.map((pool) => deal(pool.tasks, clusters, byTask));
  // Clusters dealt the same tasks get the same choice: worked out once, as many clusters are alike.
  const choices = new Map<string, Choice | undefined>();
  const chooseOnce = (p: number, shapes: readonly TaskShape[], atLeast: number) => {
    const key = `${p} ${atLeast} ${shapes.map((t) => `${t.vcpu}/${t.memoryGiB}/${t.gpu}x${t.count}`).join(",")}`;
    if (!choices.has(key)) choices.set(key, choose(pools[p]!.candidates, shapes, atLeast));
    return choices.get(key);
  };
  for (let k = 0; k < clusters; k++) {
    const chosen: { pool: (typeof pools)[number]; choice: Choice }[] = [];
    const inCluster = pools.map((pool, p) => ({ pool, p, shapes: shapesOf(dealt[p]![k]!) })).filter((x) => x.shapes.length > 0);
    for (const { pool, p, shapes } of inCluster) {
      const choice = chooseOnce(p, shapes, inCluster.length === 1 ? MIN_INSTANCES_PER_CLUSTER : 0);
      if (!choice) return undefined;
      chosen.push({ pool, choice });
    }
    let count = chosen.reduce((sum, c) => sum + c.choice.instances, 0);
    // Several pools: the cluster still runs on at least two instances, the cheapest kind topped up.
    if (count > 0 && count < MIN_INSTANCES_PER_CLUSTER) {
      const cheapest = chosen.reduce((a, b) => (b.choice.candidate.usdPerHour < a.choice.candidate.usdPerHour ? b : a));
      const extra = MIN_INSTANCES_PER_CLUSTER - count;
      cheapest.choice = { ...cheapest.choice, instances: cheapest.choice.instances + extra, layouts: [...cheapest.choice.layouts, { count: extra, holds: [] }] };
      count = MIN_INSTANCES_PER_CLUSTER;
    }
    perCluster.push(count);
    for (const { pool, choice } of chosen) {
      const c = choice.candidate;
      const spec = req.data.instanceTypes[c.type]!;
      // A pool's minimum (two instances when it is the cluster's only one) may exceed what its layouts fill.
      const filled = choice.layouts.reduce((sum, l) => sum + l.count, 0);
      const layout = filled < choice.instances ? [...choice.layouts, { count: choice.instances - filled, holds: [] }] : choice.layouts;
      entries.push({ type: c.type, count: choice.instances, vcpu: spec.vcpus, memoryGiB: spec.memoryGiB, usdPerHour: c.usdPerHour, cluster: k + 1, environment: req.environment, layout });
      usdPerHour += choice.instances * c.usdPerHour;
      onDemandUsdPerHour += choice.instances * c.onDemand;
      archs.add(pool.arch);
      const key = poolKey(pool.arch, pool.os, pool.gpu);
      typesByPool.set(key, new Set([...(typesByPool.get(key) ?? []), c.type]));
      if (c.fallback) fallback.add(c.type);
    }
  }
  return { fleet: { entries, usdPerHour, onDemandUsdPerHour, arch: archOf(archs), fallback: [...fallback].sort(), typesByPool }, perCluster };
}

/** The architecture a bill's parts run on together: one, or mixed where they differ (x86 when there are none). */
export function archOf(archs: Iterable<Arch | "mixed">): Arch | "mixed" {
  const all = new Set(archs);
  return all.size > 1 || all.has("mixed") ? "mixed" : all.has("arm") ? "arm" : "x86";
}

/** Every task of the groups. */
export function taskCount(tasks: readonly Tasks[]): number {
  return tasks.reduce((sum, t) => sum + t.count * t.services.length, 0);
}
