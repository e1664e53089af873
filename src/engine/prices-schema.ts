import * as z from "zod/mini";
import { ARCHES, type PricesFileData } from "./price-types.js";

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
const fargateSize = z.union([
  z.strictObject({ vcpu: gib, memoryGiB: z.array(gib).check(z.minLength(1)) }),
  z.strictObject({ vcpu: gib, memoryGiBRange: z.strictObject({ from: gib, to: gib, step: gib }) }),
]);

const region = z.strictObject({
  fargate: z.strictObject({ x86: fargateRate, arm: fargateRate, spot: z.strictObject({ discountUpTo: share, ...dated }) }),
  ec2: z.record(z.string().check(z.minLength(1)), z.strictObject({ usdPerHour: usd, ...dated })),
  managedInstancesFee: z.strictObject({ fraction: share, ...dated }),
  autoModeFee: z.strictObject({ fraction: share, ...dated }),
  eks: z.strictObject({
    clusterHour: z.strictObject({ usd, ...dated }),
    extendedSupportAdds: z.strictObject({ usd, ...dated }),
    provisionedControlPlane: z.optional(z.strictObject({ usdPerHour: z.record(z.string().check(z.minLength(1)), usd), ...dated })),
  }),
});

export const pricesFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  version: z.string().check(z.minLength(1)),
  hoursPerMonth: z.number().check(z.gt(0), z.lte(744)),
  fargateTaskSizes: z.strictObject({ sizes: z.array(fargateSize).check(z.minLength(1)), ...dated }),
  eksFargatePodMemory: z.strictObject({ addGiB: z.number().check(z.gte(0), z.lte(4)), ...dated }),
  eksNodeReservation: z.strictObject({
    memoryMiB: z.strictObject({ base: z.number().check(z.gte(0)), perPod: z.number().check(z.gte(0)), eviction: z.number().check(z.gte(0)) }),
    cpuShares: z.array(z.strictObject({ cores: z.optional(count), share })).check(z.minLength(1)),
    ...dated,
  }),
  instanceTypes: z.record(
    z.string().check(z.minLength(1)),
    z.strictObject({ vcpus: gib, memoryGiB: gib, arch: z.enum(ARCHES), eksMaxPods: count, ...dated }),
  ),
  savingsPlans: z.strictObject({ computeEc2UpTo: share, computeFargateUpTo: share, ec2InstanceUpTo: share, ...dated }),
  regions: z.record(z.string().check(z.minLength(1)), region),
});

// The schema must accept exactly the documented type; this fails to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inSync: Same<z.infer<typeof pricesFileSchema>, PricesFileData> = true;
void inSync;
