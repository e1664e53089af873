// Fargate for one environment's tasks: each service's task billed at the
// valid size that holds it (EKS adds its 256 MB to each pod), at the rate of
// its architecture and OS under the pricing scenario.
import { fargatePairs, fitFargate, type FargatePair } from "../fargate-size.js";
import { EPSILON } from "../rounding.js";
import type { Arch, FargateRate, PricesFileData, RegionPrices } from "../price-types.js";
import type { Platform } from "../rule-types.js";
import { archOf, type Tasks } from "./fleet.js";
import { fargateScenarioRates, type Pricing } from "./instances.js";

export interface FargateEntry {
  service: string;
  vcpu: number;
  memoryGiB: number;
  tasks: number;
  environment: string;
  /** The shorthand's average task did not fit the largest size: each runs as this many tasks. */
  splitInto?: number;
}

export interface FargateBill {
  entries: FargateEntry[];
  usdPerHour: number;
  arch: "x86" | "arm" | "mixed";
  /** True when some task is priced on demand because the scenario has no rate for it. */
  fallback: boolean;
}

/** A service's task larger than every size Fargate offers it: the caller words it. */
export interface FargateRefused {
  refused: { service: string; vcpu: number; memoryGiB: number; largest: FargatePair; windows: boolean };
}

export interface FargateRequest {
  data: PricesFileData;
  region: RegionPrices;
  platform: Platform;
  pricing: Pricing;
  prefer: Arch;
  environment: string;
}

const hourly = (pair: FargatePair, rate: FargateRate) => pair.vcpu * rate.usdPerVcpuHour + pair.memoryGiB * rate.usdPerGbHour;

/** The rate for Linux tasks of an architecture: the scenario's where the region has one, else on demand (and said). */
function linuxRate(req: FargateRequest, arch: Arch): { rate: FargateRate; fallback: boolean } {
  const onDemand = req.region.fargate[arch];
  if (req.pricing === "on-demand") return { rate: onDemand, fallback: false };
  // Fargate Spot is ECS only.
  const scenario = req.pricing === "spot" && req.platform !== "ecs" ? undefined : fargateScenarioRates(req.region, req.pricing);
  const rate = scenario?.[arch];
  return rate ? { rate, fallback: false } : { rate: onDemand, fallback: true };
}

/** The sizes Fargate offers a task: Windows tasks take fewer. */
function offeredPairs(data: PricesFileData, windows: boolean): FargatePair[] {
  const pairs = fargatePairs(data.fargateTaskSizes.sizes);
  return windows ? pairs.filter((p) => data.fargateTaskSizes.windowsVcpus.includes(p.vcpu)) : pairs;
}

/**
 * A service's own task larger than every size Fargate offers it on this
 * platform (EKS adds its 256 MB first): Fargate cannot run it, as a service's
 * task is never split, nor the shorthand's when the team counted its tasks.
 * An assumed count's average task is split instead where Fargate offers any size.
 */
export function tooLargeForFargate(data: PricesFileData, platform: Platform, t: Pick<Tasks, "services" | "vcpu" | "memoryGiB" | "os" | "wholeOnFargate">): FargateRefused | undefined {
  const windows = t.os === "windows";
  const offered = offeredPairs(data, windows);
  if (!t.wholeOnFargate && offered.length > 0) return undefined;
  const addGiB = platform === "eks" ? data.eksFargatePodMemory.addGiB : 0;
  const fits = offered.length > 0 && offered.some((p) => p.vcpu + EPSILON >= t.vcpu && p.memoryGiB - addGiB + EPSILON >= t.memoryGiB);
  return fits ? undefined : { refused: { service: t.services[0]!, vcpu: t.vcpu, memoryGiB: t.memoryGiB, largest: offered.at(-1) ?? fargatePairs(data.fargateTaskSizes.sizes).at(-1)!, windows } };
}

export function fargateFor(req: FargateRequest, tasks: readonly Tasks[]): FargateBill | FargateRefused {
  const { data } = req;
  const addGiB = req.platform === "eks" ? data.eksFargatePodMemory.addGiB : 0;
  const choosing = (pair: FargatePair) => hourly(pair, req.region.fargate.x86);
  const entries: FargateEntry[] = [];
  const archs = new Set<Arch>();
  let usdPerHour = 0;
  let fallback = false;
  for (const t of tasks) {
    if (t.count === 0) continue;
    const windows = t.os === "windows";
    const offered = offeredPairs(data, windows);
    const refused = tooLargeForFargate(data, req.platform, t);
    if (refused) return refused;
    const fit = fitFargate(offered, t.vcpu, t.memoryGiB, addGiB, choosing);
    const count = t.count * fit.split;
    let perTask: number;
    if (windows) {
      const rate = req.region.fargate.windows!;
      perTask = hourly(fit.pair, rate) + fit.pair.vcpu * rate.osUsdPerVcpuHour;
      fallback ||= req.pricing !== "on-demand";
      archs.add("x86");
    } else {
      const arch = t.arch ?? req.prefer;
      const { rate, fallback: fell } = linuxRate(req, arch);
      perTask = hourly(fit.pair, rate);
      fallback ||= fell;
      archs.add(arch);
    }
    usdPerHour += count * t.services.length * perTask;
    for (const service of t.services) entries.push({ service, vcpu: fit.pair.vcpu, memoryGiB: fit.pair.memoryGiB, tasks: count, environment: req.environment, ...(fit.split > 1 ? { splitInto: fit.split } : {}) });
  }
  return { entries, usdPerHour, arch: archOf(archs), fallback };
}
