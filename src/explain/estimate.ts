// The cost estimate as `costs.estimate` carries it: the engine's figures, in
// the order the JSON documents, with the assumptions, the shared lines' and
// the ruled-out ways' reasons worded in the run's language.
import type { Estimate, EstimateOption } from "../engine/estimate.js";
import type { KubernetesPeople } from "../engine/people.js";
import type { PricesOrigin } from "../engine/price-types.js";
import type { RuleSet } from "../engine/rule-set.js";
import type { Platform } from "../engine/rule-types.js";
import type { Lang } from "../i18n/lang.js";
import { localize, sayFigures } from "./words.js";

/** A way of running as the JSON shows it: its figures, or, when the workload or a requirement rules it out, the reasons in words. */
export type EstimateOptionResult = Omit<EstimateOption, "exclusions"> & {
  /** Every limit that rules this way out, in words, in the run's language (schemaVersion 4). */
  excluded?: string;
};

export interface EstimateResult {
  region: string;
  asOf: string;
  basis: Estimate["basis"];
  /** The pricing scenario: on-demand, savings-1y, savings-3y or spot (schemaVersion 4). */
  pricing: Estimate["pricing"];
  workload: Estimate["workload"];
  environments: Estimate["environments"];
  options: EstimateOptionResult[];
  cheapest: Estimate["cheapest"];
  breakEven: Record<Platform, number | null>;
  breakEvenNone: Estimate["breakEvenNone"];
  headline: Estimate["headline"];
  shared: { item: string; usdPerMonth: number; assumption: string }[];
  endpointsInstead: Estimate["endpointsInstead"];
  people: KubernetesPeople;
  assumptions: string[];
  excluded: string[];
  asOfLatest: string;
  hoursPerMonth: number;
  utilization: number;
  eksWouldAdd: Estimate["eksWouldAdd"];
  discounts: Estimate["discounts"];
  eksPodsMode: Estimate["eksPodsMode"];
  prices: PricesOrigin;
  sources: string[];
}

export function explainEstimate(estimate: Estimate, ruleSet: RuleSet, lang: Lang): EstimateResult {
  const limitText = (id: string) => {
    const limit = ruleSet.launchTypeLimits.find((l) => l.id === id);
    return limit ? localize(limit.text, lang) : id;
  };
  return {
    region: estimate.region,
    asOf: estimate.asOf,
    basis: estimate.basis,
    pricing: estimate.pricing,
    workload: estimate.workload,
    environments: estimate.environments,
    // `unpriced` follows `excluded`, the reasons it qualifies, as the JSON has always ordered them.
    options: estimate.options.map(({ exclusions, unpriced, ...option }) => {
      const reasons = [...(option.excludedBy ?? []).map(limitText), ...(exclusions ?? []).map((m) => sayFigures(lang, m))];
      return reasons.length > 0 ? { ...option, excluded: reasons.join(" "), ...(unpriced ? { unpriced } : {}) } : option;
    }),
    cheapest: estimate.cheapest,
    breakEven: estimate.breakEven,
    breakEvenNone: estimate.breakEvenNone,
    headline: estimate.headline,
    shared: estimate.shared.map((line) => ({ item: line.item, usdPerMonth: line.usdPerMonth, assumption: sayFigures(lang, line.assumption) })),
    endpointsInstead: estimate.endpointsInstead,
    people: estimate.people,
    assumptions: estimate.assumptions.map((m) => sayFigures(lang, m)),
    excluded: estimate.excluded.map((m) => sayFigures(lang, m)),
    asOfLatest: estimate.asOfLatest,
    hoursPerMonth: estimate.hoursPerMonth,
    utilization: estimate.utilization,
    eksWouldAdd: estimate.eksWouldAdd,
    discounts: estimate.discounts,
    eksPodsMode: estimate.eksPodsMode,
    prices: estimate.prices,
    sources: estimate.sources,
  };
}
