// The cost estimate's rows and sentences, shared by the text, Markdown and
// ADR renderers so every format says the same figures the same way.
import type { EstimateResult } from "../../explain/estimate.js";
import type { Result } from "../../explain/result.js";
import type { EstimateOption } from "../../engine/estimate.js";
import { joinList, t, type Lang } from "../../i18n/index.js";
import { headlineFigures } from "./headline-figures.js";
import { optionName, usdText } from "./phrases.js";

/** "ECS Fargate": the short name a table row needs. */
export function wayName(lang: Lang, option: Pick<EstimateOption, "platform" | "launchType">): string {
  return `${t(lang, `platform.${option.platform}`)} ${t(lang, `launch.short.${option.launchType}`)}`;
}

export function isRecommended(result: Result, option: EstimateOption): boolean {
  return option.platform === result.recommendation && option.launchType === result.launchType;
}

export function estimateHeaders(lang: Lang): string[] {
  return ["way", "compute", "fees", "controlPlane", "total"].map((column) => t(lang, `estimate.column.${column as "way"}`));
}

/** Needs the rows do not price; the estimate names them where the figures are, not only in the list of what is left out. */
const NOT_PRICED = ["windows", "gpu"] as const;

/** What these answers need that the rows do not price. */
export function unpricedNeeds(result: Result): (typeof NOT_PRICED)[number][] {
  const needs = result.answers.requirements ?? [];
  return NOT_PRICED.filter((need) => needs.includes(need));
}

/** "us-east-1, USD a month: 16 vCPU, 32 GiB, 16 tasks.", then (unless `withNeeds` is false) what the rows do not price. */
export function workloadLine(result: Result, lang: Lang, withNeeds = true): string {
  const estimate = result.costs.estimate;
  const { workload } = estimate;
  const line = t(lang, "estimate.workload", {
    region: estimate.region,
    vcpus: workload.vcpus,
    memory: workload.memoryGiB,
    tasks: workload.tasks,
    assumed: workload.assumed ? t(lang, "estimate.assumedMark") : "",
  });
  return [line, ...(withNeeds ? unpricedNeeds(result).map((need) => t(lang, `estimate.notPriced.${need}`)) : [])].join(" ");
}

/** What follows the table: the cheapest, Arm, the break-even, what EKS would add, the people. */
export function estimateSentences(result: Result, lang: Lang, marked = false): string[] {
  const estimate = result.costs.estimate;
  const { recommended: chosen, cheapest } = headlineFigures(result);
  const arms = estimate.options.filter((o) => o.arm).map((o) => `${wayName(lang, o)} ${usdText(o.arm!.total)}`);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const breakEven = (platform: "ecs" | "eks") => {
    const share = estimate.breakEven[platform];
    const name = t(lang, `platform.${platform}`);
    return share === null
      ? t(lang, "estimate.breakEvenNever", { platform: name })
      : t(lang, "estimate.breakEven", { platform: name, percent: percent(share), assumed: percent(estimate.utilization) });
  };
  const pcp = estimate.eksWouldAdd.provisionedControlPlanePerCluster;
  const tiers = pcp ? Object.entries(pcp).sort((a, b) => a[1] - b[1]) : [];
  const people = estimate.people;
  const share = (x: number) => Math.round(x * 100);
  return [
    t(lang, "estimate.recommendedLine", { option: optionName(lang, chosen.platform, chosen.launchType), total: usdText(chosen.total), mark: marked ? t(lang, "estimate.markedRow") : "" }),
    t(lang, "estimate.cheapest", { option: optionName(lang, cheapest.platform, cheapest.launchType), total: usdText(cheapest.total) }),
    ...(arms.length > 0 ? [t(lang, "estimate.arm", { list: joinList(lang, arms) })] : []),
    breakEven("ecs"),
    breakEven("eks"),
    t(lang, "estimate.wouldAdd", {
      extended: usdText(estimate.eksWouldAdd.extendedSupport),
      clusters: result.costs.clusters === 1 ? t(lang, "means.clusters.one") : t(lang, "means.clusters.many", { n: result.costs.clusters }),
      pcp:
        tiers.length > 0
          ? t(lang, "estimate.wouldAddPcp", { low: usdText(tiers[0]![1]), lowTier: tiers[0]![0], high: usdText(tiers.at(-1)![1]), highTier: tiers.at(-1)![0] })
          : "",
    }),
    t(lang, people.scale === "organisation" ? "estimate.peopleAtLeast" : "estimate.people", {
      min: share(people.engineerShare.min),
      max: share(people.engineerShare.max),
      usd: people.usdPerMonth ? t(lang, "estimate.peopleUsd", { min: usdText(people.usdPerMonth.min), max: usdText(people.usdPerMonth.max) }) : "",
    }),
    ...(people.upkeep ? [upkeepLine(people.upkeep, lang)] : []),
  ];
}

/** What the team says its clusters take today, in money when the engineer cost is given: what leaving them would save. */
function upkeepLine(upkeep: NonNullable<Result["costs"]["estimate"]["people"]["upkeep"]>, lang: Lang): string {
  const usd = upkeep.usdPerMonth === undefined ? "" : t(lang, upkeep.atLeast ? "estimate.upkeepUsdAtLeast" : "estimate.upkeepUsd", { usd: usdText(upkeep.usdPerMonth) });
  return t(lang, upkeep.atLeast ? "estimate.upkeep.several" : "estimate.upkeep.one", { usd });
}

export function excludedLine(estimate: EstimateResult, lang: Lang): string {
  return t(lang, "estimate.excludedTitle", { list: joinList(lang, estimate.excluded) });
}

export function pricesLine(estimate: EstimateResult, lang: Lang): string {
  const origin = estimate.prices.source === "built-in" ? t(lang, "estimate.pricesBuiltIn") : estimate.prices.path;
  return t(lang, "estimate.prices", { from: estimate.asOf, to: estimate.asOfLatest, origin });
}
