// The prices file as plain types. An object with an asOf is one figure: an
// overrides file replaces it whole, so a figure never mixes two sources.
// The zod schema in prices-schema.ts checks a
// file against them (at compile time too); the published .d.ts files must not
// depend on zod.

/** Every figure says when it was true and where it comes from. */
export interface Dated {
  asOf: string;
  source: string;
}

export const ARCHES = ["x86", "arm"] as const;
export type Arch = (typeof ARCHES)[number];

export const OSES = ["linux", "windows"] as const;
export type Os = (typeof OSES)[number];

/** What an instance family is for: the placement picks from all of them, GPU families only for GPU tasks. */
export const FAMILIES = ["general", "compute", "memory", "gpu"] as const;
type Family = (typeof FAMILIES)[number];

export type FargateSize = { vcpu: number; memoryGiB: number[] } | { vcpu: number; memoryGiBRange: { from: number; to: number; step: number } };

export interface InstanceType extends Dated {
  vcpus: number;
  memoryGiB: number;
  arch: Arch;
  family: Family;
  /** GPUs on the instance (GPU families only). */
  gpus?: number | undefined;
  /** Pods a node of this type takes on EKS with the VPC CNI, without prefix delegation (the CNI's default). */
  eksMaxPods: number;
  /** The same with prefix delegation turned on. */
  eksMaxPodsPrefix?: number | undefined;
  /** ECS tasks in awsvpc mode an instance holds: one network interface each, with ENI trunking where the type supports it. */
  ecsMaxTasks: number;
}

export interface FargateRate extends Dated {
  usdPerVcpuHour: number;
  usdPerGbHour: number;
}

/** Windows on Fargate (ECS only, x86): the vCPU and memory rates, and the OS licence on top, billed at least `minimumMinutes` a task where known. */
interface FargateWindowsRate extends FargateRate {
  osUsdPerVcpuHour: number;
  minimumMinutes?: number | undefined;
}

export interface HourlyPrice extends Dated {
  usdPerHour: number;
}

interface UsdFigure extends Dated {
  usd: number;
}

/** A management fee: a share of the instance's on-demand price, or AWS's own rate per type where the prices file has it. */
export interface ManagementFee extends Dated {
  fraction: number;
  usdPerHour?: Record<string, number> | undefined;
}

/** The network and the rest of the bill, per unit the key names. */
interface NetworkPrices {
  natGatewayHour: UsdFigure;
  natGatewayGb: UsdFigure;
  loadBalancerHour: UsdFigure;
  loadBalancerLcuHour: UsdFigure;
  publicIpv4Hour: UsdFigure;
  vpcEndpointHour: UsdFigure;
  vpcEndpointGb: UsdFigure;
  logsIngestGb: UsdFigure;
  logsStorageGbMonth: UsdFigure;
}

/** Rates of a pricing scenario for Fargate, Linux. */
export interface FargateScenario {
  x86: FargateRate;
  arm?: FargateRate | undefined;
}

export interface RegionPrices {
  fargate: {
    x86: FargateRate;
    arm: FargateRate;
    windows?: FargateWindowsRate | undefined;
    spot: Dated & { discountUpTo: number };
    /** Fargate Spot rates (ECS only), a dated snapshot: they move with demand. */
    spotRates?: FargateScenario | undefined;
    /** Compute Savings Plans, no upfront. */
    savings1y?: FargateScenario | undefined;
    savings3y?: FargateScenario | undefined;
  };
  /** On-demand Linux price per instance type. */
  ec2: Record<string, HourlyPrice>;
  /** On-demand Windows price (the licence included) per instance type. */
  ec2Windows?: Record<string, HourlyPrice> | undefined;
  /** Spot, Linux: a dated snapshot per type. */
  ec2Spot?: Record<string, HourlyPrice> | undefined;
  /** Compute Savings Plans, no upfront, Linux. */
  ec2Savings1y?: Record<string, HourlyPrice> | undefined;
  ec2Savings3y?: Record<string, HourlyPrice> | undefined;
  /** ECS Managed Instances and EKS Auto Mode: a share of the instance's on-demand price. */
  managedInstancesFee: ManagementFee;
  autoModeFee: ManagementFee;
  eks: {
    clusterHour: Dated & { usd: number };
    /** What extended support adds to the cluster-hour (not the total). */
    extendedSupportAdds: Dated & { usd: number };
    provisionedControlPlane?: (Dated & { usdPerHour: Record<string, number> }) | undefined;
  };
  network: NetworkPrices;
}

/** Hard limits that split a cluster: past them a second cluster is needed. */
interface ClusterLimits {
  ecs: Dated & { instancesPerCluster: number };
  eks: Dated & { nodesPerCluster: number; podsPerCluster: number };
}

export interface PricesFileData {
  $schema?: string | undefined;
  version: string;
  hoursPerMonth: number;
  fargateTaskSizes: Dated & { sizes: FargateSize[]; windowsVcpus: number[] };
  eksFargatePodMemory: Dated & { addGiB: number };
  /** The share of an instance's memory the ECS container agent registers for tasks: the rest is the kernel's and the platform's. */
  ecsRegisteredMemory: Dated & { share: number };
  eksNodeReservation: Dated & {
    memoryMiB: { base: number; perPod: number; eviction: number };
    /** Shares of CPU reserved, core range by core range; the last has no `cores` and covers the rest. */
    cpuShares: { cores?: number | undefined; share: number }[];
  };
  instanceTypes: Record<string, InstanceType>;
  limits: ClusterLimits;
  savingsPlans: Dated & { computeEc2UpTo: number; computeFargateUpTo: number; ec2InstanceUpTo: number };
  regions: Record<string, RegionPrices>;
}

/** Where the prices came from, as the result reports it. */
export type PricesOrigin = { source: "built-in"; version: string } | { source: "file"; path: string; sha256: string; version: string; extends?: "built-in" };

export interface Prices {
  readonly origin: PricesOrigin;
  readonly data: PricesFileData;
}
