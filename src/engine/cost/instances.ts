// What an instance type offers a platform's tasks, and what it costs an hour
// under a pricing scenario. Pure lookups over the prices file.
import type { FargateScenario, HourlyPrice, Os, PricesFileData, RegionPrices } from "../price-types.js";
import type { Answers } from "../questions.js";
import type { Platform } from "../rule-types.js";
import type { Capacity } from "./placement.js";

/** The pricing scenario: the `pricing` question's choices. */
export type Pricing = Answers["pricing"];

/**
 * What a node keeps for its tasks: on EKS, what is left after the EKS AMI's
 * reservation for the kubelet and system, and the VPC CNI's pods limit
 * (without prefix delegation, the CNI's default); on ECS everything, and one
 * task per network interface (awsvpc mode, with ENI trunking where the type
 * supports it).
 */
export function allocatable(data: PricesFileData, type: string, platform: Platform): Capacity {
  const t = data.instanceTypes[type]!;
  const gpus = t.gpus ?? 0;
  if (platform === "ecs") return { vcpu: t.vcpus, memoryGiB: t.memoryGiB, slots: t.ecsMaxTasks, gpus };
  const { memoryMiB, cpuShares } = data.eksNodeReservation;
  let reserved = 0;
  let left = t.vcpus;
  for (const band of cpuShares) {
    const cores = Math.min(left, band.cores ?? left);
    reserved += cores * band.share;
    left -= cores;
  }
  const memory = (memoryMiB.base + memoryMiB.perPod * t.eksMaxPods + memoryMiB.eviction) / 1024;
  return { vcpu: t.vcpus - reserved, memoryGiB: t.memoryGiB - memory, slots: t.eksMaxPods, gpus };
}

/** The capacity the placement fills: CPU and memory at the utilisation target; counts are hard limits and stay whole. */
export function headroom(full: Capacity, utilization: number): Capacity {
  return { vcpu: full.vcpu * utilization, memoryGiB: full.memoryGiB * utilization, slots: full.slots, gpus: full.gpus };
}

export interface Rate {
  usdPerHour: number;
  /** The on-demand price, which the management fees are a share of. */
  onDemand: number;
  /** True when the scenario has no rate for this type and the on-demand one stands in. */
  fallback: boolean;
  figure: HourlyPrice;
}

const EC2_SCENARIO = { "savings-1y": "ec2Savings1y", "savings-3y": "ec2Savings3y", spot: "ec2Spot" } as const;
const FARGATE_SCENARIO = { "savings-1y": "savings1y", "savings-3y": "savings3y", spot: "spotRates" } as const;

/** The region's Linux instance rates for a scenario; undefined on demand or where the region has none. */
export function ec2ScenarioRates(region: RegionPrices, pricing: Pricing): Record<string, HourlyPrice> | undefined {
  return pricing === "on-demand" ? undefined : region[EC2_SCENARIO[pricing]];
}

/** The region's Fargate Linux rates for a scenario; undefined on demand or where the region has none. Fargate Spot is ECS's only: the caller that prices an EKS pod leaves its rates out (fargate.ts). */
export function fargateScenarioRates(region: RegionPrices, pricing: Pricing): FargateScenario | undefined {
  return pricing === "on-demand" ? undefined : region.fargate[FARGATE_SCENARIO[pricing]];
}

/** An instance's hourly price for an OS and scenario; undefined where the region has no price for it (no Windows price, say). */
export function rateOf(region: RegionPrices, type: string, os: Os, pricing: Pricing): Rate | undefined {
  const base = os === "windows" ? region.ec2Windows?.[type] : region.ec2[type];
  if (base === undefined) return undefined;
  // Scenario rates are Linux rates: Windows stays on demand.
  const scenario = os === "windows" ? undefined : ec2ScenarioRates(region, pricing)?.[type];
  if (scenario === undefined) return { usdPerHour: base.usdPerHour, onDemand: base.usdPerHour, fallback: pricing !== "on-demand", figure: base };
  return { usdPerHour: scenario.usdPerHour, onDemand: base.usdPerHour, fallback: false, figure: scenario };
}
