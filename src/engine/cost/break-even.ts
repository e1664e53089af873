// The break-even on the fleet actually chosen: the instance use above which
// the platform's EC2 fleet (its instance types kept) costs less than its
// Fargate, or null when even full instances cost more.
import type { Environment } from "./environments.js";
import { fleetFor, type Fleet, type Tasks } from "./fleet.js";
import type { Pricing } from "./instances.js";
import type { Arch, PricesFileData, RegionPrices } from "../price-types.js";
import type { Platform } from "../rule-types.js";
import { EPSILON } from "../rounding.js";

export interface BreakEvenRequest {
  data: PricesFileData;
  region: RegionPrices;
  platform: Platform;
  pricing: Pricing;
  prefer: Arch;
  clusters: number;
  environments: readonly { env: Environment; tasks: readonly Tasks[] }[];
  /** The EC2 fleets chosen at the stated utilisation, one per environment. */
  fleets: readonly Fleet[];
  fargateUsdPerHour: number;
  /** One task per instance (isolation on shared-kernel instances), as the fleet was placed. */
  onePerInstance: boolean;
}

/** The lowest use, in hundredths from 0.10 to 1, at which the fleet's types cost no more than Fargate. */
export function breakEvenFor(req: BreakEvenRequest): number | null {
  const cost = (percent: number): number => {
    let usd = 0;
    req.environments.forEach(({ env, tasks }, i) => {
      const fleet = fleetFor(
        { data: req.data, region: req.region, platform: req.platform, pricing: req.pricing, utilization: percent / 100, prefer: req.prefer, clusters: req.clusters, environment: env.name, only: req.fleets[i]!.typesByPool, onePerInstance: req.onePerInstance },
        tasks,
      );
      usd += "tooLarge" in fleet || "noType" in fleet ? Infinity : fleet.usdPerHour;
    });
    return usd;
  };
  const cheaper = (percent: number) => cost(percent) <= req.fargateUsdPerHour + EPSILON;
  if (!cheaper(100)) return null;
  // Fuller instances never cost more: the lowest use that is cheap enough, by halving.
  let low = 10;
  let high = 100;
  if (cheaper(low)) return low / 100;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (cheaper(mid)) high = mid;
    else low = mid;
  }
  return high / 100;
}
