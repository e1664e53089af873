import * as z from "zod/mini";
import { ARCHES, FAMILIES, type PricesFileData } from "./price-types.js";
import type { Same } from "./same-type.js";

// The shape of a prices file. Meaning across fields (every region priced,
// known instance types, at least one x86 type) is checked in prices.ts.

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** The largest hourly price a figure may have: far above any listed instance, so a typo (a monthly figure) is caught. */
const MAX_USD_PER_HOUR = 1000;

/**
 * The limits a prices file is held to, named in its messages and the README:
 * each far outside what AWS lists, and each what keeps a run from dividing by
 * a hair (1e-300 makes every total 0.00), enumerating without end (a Fargate
 * step of 1e-9) or reserving more than an instance has.
 */
export const PRICE_LIMITS = {
  /** The smallest price per unit: the cheapest figure AWS lists (Fargate Spot, GB-hour) is about USD 0.0014. */
  minUsd: 0.0001,
  /** A month is 28 to 31 days. */
  minHoursPerMonth: 672,
  maxHoursPerMonth: 744,
  /** The smallest vCPU and GiB a Fargate size or an instance may state (Fargate's smallest is 0.25 vCPU, 0.5 GiB). */
  minVcpu: 0.125,
  minGiB: 0.125,
  /** The smallest step of a Fargate memory range (AWS's is 1 GiB), and the most CPU and memory pairs all sizes may give (AWS lists 74). */
  minStepGiB: 0.25,
  maxFargatePairs: 1000,
  /** The most pods or tasks one instance takes (the VPC CNI's largest is 737). */
  maxPerInstance: 1000,
  /** What EKS keeps back on a node, at most, as a share of its memory (the EKS AMI keeps about 8% of an m6i.large). */
  maxReservedShare: 0.5,
  /** What a pod keeps on the largest Fargate size after what EKS adds, at least. */
  minPodRoomGiB: 0.5,
  /** The first year a figure may be dated (ECS became generally available in 2015). */
  firstYear: 2015,
} as const;

/** A figure's date and where it comes from, as every data file gives them. */
export const dated = { asOf: z.string().check(z.regex(DATE)), source: z.string().check(z.minLength(1)) };
const usd = z.number().check(z.gte(PRICE_LIMITS.minUsd), z.lte(MAX_USD_PER_HOUR));
const share = z.number().check(z.gte(0), z.lt(1));
const count = z.int().check(z.gte(1), z.lte(100000));
const perInstance = z.int().check(z.gte(1), z.lte(PRICE_LIMITS.maxPerInstance));
const vcpus = z.number().check(z.gte(PRICE_LIMITS.minVcpu), z.lte(100000));
const gib = z.number().check(z.gte(PRICE_LIMITS.minGiB), z.lte(100000));
/** MiB an EKS node keeps back; what it leaves on each instance is checked in prices.ts. */
const mib = z.number().check(z.gte(0), z.lte(10000000));
const step = z.number().check(z.gte(PRICE_LIMITS.minStepGiB), z.lte(100000));

const fargateRate = z.strictObject({ usdPerVcpuHour: usd, usdPerGbHour: usd, ...dated });
const fargateScenario = z.strictObject({ x86: fargateRate, arm: z.optional(fargateRate) });
const fargateSize = z.union([
  z.strictObject({ vcpu: vcpus, memoryGiB: z.array(gib).check(z.minLength(1), z.maxLength(PRICE_LIMITS.maxFargatePairs)) }),
  z.strictObject({ vcpu: vcpus, memoryGiBRange: z.strictObject({ from: gib, to: gib, step }) }),
]);
const hourly = z.strictObject({ usdPerHour: usd, ...dated });
const perType = z.record(z.string().check(z.minLength(1)), hourly);
const figure = z.strictObject({ usd, ...dated });
const fee = z.strictObject({ fraction: share, usdPerHour: z.optional(z.record(z.string().check(z.minLength(1)), usd)), ...dated });

const region = z.strictObject({
  fargate: z.strictObject({
    x86: fargateRate,
    arm: fargateRate,
    windows: z.optional(z.strictObject({ usdPerVcpuHour: usd, usdPerGbHour: usd, osUsdPerVcpuHour: usd, minimumMinutes: z.optional(z.number().check(z.gte(0), z.lte(60))), ...dated })),
    spot: z.strictObject({ discountUpTo: share, ...dated }),
    spotRates: z.optional(fargateScenario),
    savings1y: z.optional(fargateScenario),
    savings3y: z.optional(fargateScenario),
  }),
  ec2: perType,
  ec2Windows: z.optional(perType),
  ec2Spot: z.optional(perType),
  ec2Savings1y: z.optional(perType),
  ec2Savings3y: z.optional(perType),
  managedInstancesFee: fee,
  autoModeFee: fee,
  eks: z.strictObject({
    clusterHour: z.strictObject({ usd, ...dated }),
    extendedSupportAdds: z.strictObject({ usd, ...dated }),
    provisionedControlPlane: z.optional(z.strictObject({ usdPerHour: z.record(z.string().check(z.minLength(1)), usd), ...dated })),
  }),
  network: z.strictObject({
    natGatewayHour: figure,
    natGatewayGb: figure,
    loadBalancerHour: figure,
    loadBalancerLcuHour: figure,
    publicIpv4Hour: figure,
    vpcEndpointHour: figure,
    vpcEndpointGb: figure,
    logsIngestGb: figure,
    logsStorageGbMonth: figure,
  }),
});

export const pricesFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.string().check(z.minLength(1)),
  hoursPerMonth: z.number().check(z.gte(PRICE_LIMITS.minHoursPerMonth), z.lte(PRICE_LIMITS.maxHoursPerMonth)),
  // Date first, as rules/prices.json has it: a file's fields come out in this order, so a dump read back prints the same.
  fargateTaskSizes: z.strictObject({
    ...dated,
    sizes: z.array(fargateSize).check(z.minLength(1), z.maxLength(PRICE_LIMITS.maxFargatePairs)),
    windowsVcpus: z.array(vcpus).check(z.maxLength(PRICE_LIMITS.maxFargatePairs)),
  }),
  eksFargatePodMemory: z.strictObject({ addGiB: z.number().check(z.gte(0), z.lte(4)), ...dated }),
  eksNodeReservation: z.strictObject({
    memoryMiB: z.strictObject({ base: mib, perPod: mib, eviction: mib }),
    cpuShares: z.array(z.strictObject({ cores: z.optional(count), share })).check(z.minLength(1)),
    ...dated,
  }),
  ecsRegisteredMemory: z.strictObject({ share: z.number().check(z.gte(PRICE_LIMITS.maxReservedShare), z.lte(1)), ...dated }),
  instanceTypes: z.record(
    z.string().check(z.minLength(1)),
    z.strictObject({
      vcpus,
      memoryGiB: gib,
      arch: z.enum(ARCHES),
      family: z.enum(FAMILIES),
      gpus: z.optional(z.int().check(z.gte(1), z.lte(64))),
      eksMaxPods: perInstance,
      eksMaxPodsPrefix: z.optional(perInstance),
      ecsMaxTasks: perInstance,
      ...dated,
    }),
  ),
  limits: z.strictObject({
    ecs: z.strictObject({ instancesPerCluster: count, ...dated }),
    eks: z.strictObject({ nodesPerCluster: count, podsPerCluster: z.int().check(z.gte(1), z.lte(10000000)), ...dated }),
  }),
  savingsPlans: z.strictObject({ computeEc2UpTo: share, computeFargateUpTo: share, ec2InstanceUpTo: share, ...dated }),
  regions: z.record(z.string().check(z.minLength(1)), region),
});

// The schema must accept exactly the documented type; this fails to compile if they drift.
const inSync: Same<z.infer<typeof pricesFileSchema>, PricesFileData> = true;
void inSync;
