// What an instance type offers a platform's tasks, and what it costs an hour
// under a pricing scenario. Pure lookups over the prices file.
import type { FargateScenario, HourlyPrice, InstanceType, Os, PricesFileData, RegionPrices } from "../price-types.js";
import type { Answers } from "../questions.js";
import type { Platform } from "../rule-types.js";
import type { Capacity } from "./placement.js";

/** The pricing scenario: the `pricing` question's choices. */
export type Pricing = Answers["pricing"];

/**
 * What an instance offers tasks: its CPU and memory less what each platform
 * keeps back, and the tasks or pods it may hold. On EKS the EKS AMI's
 * reservation for the kubelet and system, and the VPC CNI's pods limit
 * (without prefix delegation, the CNI's default); on ECS the memory the
 * container agent does not register (the kernel's and the platform's), and one
 * task per network interface (awsvpc mode, without ENI trunking).
 */
export function allocatable(data: PricesFileData, type: string, platform: Platform): Capacity {
  const t = data.instanceTypes[type]!;
  const kept = platform === "ecs" ? ecsKeeps(data, t) : eksKeeps(data, t);
  return { vcpu: t.vcpus - kept.vcpu, memoryGiB: t.memoryGiB - kept.memoryGiB, slots: platform === "ecs" ? t.ecsMaxTasks : t.eksMaxPods, gpus: t.gpus ?? 0 };
}

type Kept = { vcpu: number; memoryGiB: number };

/** The agent registers every vCPU, and the share of the memory the operating system reports. */
function ecsKeeps(data: PricesFileData, t: InstanceType): Kept {
  return { vcpu: 0, memoryGiB: t.memoryGiB * (1 - data.ecsRegisteredMemory.share) };
}

/** The EKS AMI's kube-reserved CPU, by bands of cores, and memory, by the pods the node takes, with the eviction threshold. */
function eksKeeps(data: PricesFileData, t: InstanceType): Kept {
  const { memoryMiB, cpuShares } = data.eksNodeReservation;
  let vcpu = 0;
  let left = t.vcpus;
  for (const band of cpuShares) {
    const cores = Math.min(left, band.cores ?? left);
    vcpu += cores * band.share;
    left -= cores;
  }
  return { vcpu, memoryGiB: (memoryMiB.base + memoryMiB.perPod * t.eksMaxPods + memoryMiB.eviction) / 1024 };
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
