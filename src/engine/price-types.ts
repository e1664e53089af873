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

export type FargateSize = { vcpu: number; memoryGiB: number[] } | { vcpu: number; memoryGiBRange: { from: number; to: number; step: number } };

interface InstanceType extends Dated {
  vcpus: number;
  memoryGiB: number;
  arch: Arch;
  /** Pods a node of this type takes on EKS with the VPC CNI. */
  eksMaxPods: number;
}

export interface FargateRate extends Dated {
  usdPerVcpuHour: number;
  usdPerGbHour: number;
}

export interface RegionPrices {
  fargate: { x86: FargateRate; arm: FargateRate; spot: Dated & { discountUpTo: number } };
  /** On-demand Linux price per instance type. */
  ec2: Record<string, Dated & { usdPerHour: number }>;
  /** ECS Managed Instances and EKS Auto Mode: a share of the instance's on-demand price. */
  managedInstancesFee: Dated & { fraction: number };
  autoModeFee: Dated & { fraction: number };
  eks: {
    clusterHour: Dated & { usd: number };
    /** What extended support adds to the cluster-hour (not the total). */
    extendedSupportAdds: Dated & { usd: number };
    provisionedControlPlane?: (Dated & { usdPerHour: Record<string, number> }) | undefined;
  };
}

export interface PricesFileData {
  $schema?: string | undefined;
  version: string;
  hoursPerMonth: number;
  fargateTaskSizes: Dated & { sizes: FargateSize[] };
  eksFargatePodMemory: Dated & { addGiB: number };
  eksNodeReservation: Dated & {
    memoryMiB: { base: number; perPod: number; eviction: number };
    /** Shares of CPU reserved, core range by core range; the last has no `cores` and covers the rest. */
    cpuShares: { cores?: number | undefined; share: number }[];
  };
  instanceTypes: Record<string, InstanceType>;
  savingsPlans: Dated & { computeEc2UpTo: number; computeFargateUpTo: number; ec2InstanceUpTo: number };
  regions: Record<string, RegionPrices>;
}

/** Where the prices came from, as the result reports it. */
export type PricesOrigin = { source: "built-in"; version: string } | { source: "file"; path: string; sha256: string; version: string; extends?: "built-in" };

export interface Prices {
  readonly origin: PricesOrigin;
  readonly data: PricesFileData;
}
