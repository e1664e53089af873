import * as z from "zod/mini";
import { ARCHES, FAMILIES, type PricesFileData } from "./price-types.js";

// The shape of a prices file. Meaning across fields (every region priced,
// known instance types, at least one x86 type) is checked in prices.ts.

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** The largest hourly price a figure may have: far above any listed instance, so a typo (a monthly figure) is caught. */
const MAX_USD_PER_HOUR = 1000;

const dated = { asOf: z.string().check(z.regex(DATE)), source: z.string().check(z.minLength(1)) };
const usd = z.number().check(z.gt(0), z.lte(MAX_USD_PER_HOUR));
const share = z.number().check(z.gte(0), z.lt(1));
const count = z.int().check(z.gte(1), z.lte(100000));
const gib = z.number().check(z.gt(0), z.lte(100000));

const fargateRate = z.strictObject({ usdPerVcpuHour: usd, usdPerGbHour: usd, ...dated });
const fargateScenario = z.strictObject({ x86: fargateRate, arm: z.optional(fargateRate) });
const fargateSize = z.union([
  z.strictObject({ vcpu: gib, memoryGiB: z.array(gib).check(z.minLength(1)) }),
  z.strictObject({ vcpu: gib, memoryGiBRange: z.strictObject({ from: gib, to: gib, step: gib }) }),
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
  hoursPerMonth: z.number().check(z.gt(0), z.lte(744)),
  fargateTaskSizes: z.strictObject({ sizes: z.array(fargateSize).check(z.minLength(1)), windowsVcpus: z.array(gib), ...dated }),
  eksFargatePodMemory: z.strictObject({ addGiB: z.number().check(z.gte(0), z.lte(4)), ...dated }),
  eksNodeReservation: z.strictObject({
    memoryMiB: z.strictObject({ base: z.number().check(z.gte(0)), perPod: z.number().check(z.gte(0)), eviction: z.number().check(z.gte(0)) }),
    cpuShares: z.array(z.strictObject({ cores: z.optional(count), share })).check(z.minLength(1)),
    ...dated,
  }),
  instanceTypes: z.record(
    z.string().check(z.minLength(1)),
    z.strictObject({
      vcpus: gib,
      memoryGiB: gib,
      arch: z.enum(ARCHES),
      family: z.enum(FAMILIES),
      gpus: z.optional(z.int().check(z.gte(1), z.lte(64))),
      eksMaxPods: count,
      eksMaxPodsPrefix: z.optional(count),
      ecsMaxTasks: count,
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
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inSync: Same<z.infer<typeof pricesFileSchema>, PricesFileData> = true;
void inSync;
