// The cost estimate as `costs.estimate` carries it: the engine's figures, in
// the order the JSON documents, with the assumptions and what is left out
// worded in the run's language.
import type { Estimate, EstimateOption } from "../engine/estimate.js";
import type { KubernetesPeople } from "../engine/people.js";
import type { PricesOrigin } from "../engine/price-types.js";
import type { Platform } from "../engine/rule-types.js";
import type { Lang } from "../i18n/lang.js";
import { say } from "./words.js";

export interface EstimateResult {
  region: string;
  asOf: string;
  basis: "on-demand";
  workload: Estimate["workload"];
  options: EstimateOption[];
  cheapest: Estimate["cheapest"];
  breakEven: Record<Platform, number | null>;
  people: KubernetesPeople;
  assumptions: string[];
  excluded: string[];
  asOfLatest: string;
  hoursPerMonth: number;
  utilization: number;
  eksWouldAdd: Estimate["eksWouldAdd"];
  discounts: Estimate["discounts"];
  prices: PricesOrigin;
  sources: string[];
}

export function explainEstimate(estimate: Estimate, lang: Lang): EstimateResult {
  return {
    region: estimate.region,
    asOf: estimate.asOf,
    basis: estimate.basis,
    workload: estimate.workload,
    options: estimate.options,
    cheapest: estimate.cheapest,
    breakEven: estimate.breakEven,
    people: estimate.people,
    assumptions: estimate.assumptions.map((m) => say(lang, m)),
    excluded: estimate.excluded.map((m) => say(lang, m)),
    asOfLatest: estimate.asOfLatest,
    hoursPerMonth: estimate.hoursPerMonth,
    utilization: estimate.utilization,
    eksWouldAdd: estimate.eksWouldAdd,
    discounts: estimate.discounts,
    prices: estimate.prices,
    sources: estimate.sources,
  };
}
