// The cost estimate's rows and sentences, shared by the text, Markdown and
// ADR renderers so every format says the same figures the same way.
import type { EstimateOptionResult, EstimateResult } from "../../explain/estimate.js";
import type { Result } from "../../explain/result.js";
import type { FleetEntry } from "../../engine/cost/fleet.js";
import type { FargateEntry } from "../../engine/cost/fargate.js";
import type { LaunchType, Platform } from "../../engine/rule-types.js";
import { joinList, t, tDynamic, type Lang, type MessageKey } from "../../i18n/index.js";
import { optionName, usdText } from "./phrases.js";

/** "ECS Fargate": the short name a table row needs. */
export function wayName(lang: Lang, option: { platform: Platform; launchType: LaunchType }): string {
  return `${t(lang, `platform.${option.platform}`)} ${t(lang, `launch.short.${option.launchType}`)}`;
}

export function isRecommended(result: Result, option: { platform: Platform; launchType: LaunchType }): boolean {
  return option.platform === result.recommendation && option.launchType === result.launchType;
}

export const ESTIMATE_COLUMNS = ["way", "compute", "fees", "controlPlane", "total", "bill"] as const;
export type EstimateColumn = (typeof ESTIMATE_COLUMNS)[number];

export function estimateHeader(lang: Lang, column: EstimateColumn): string {
  return t(lang, `estimate.column.${column}`);
}

/** A row's figure for a column, or undefined when the way is ruled out. */
export function figureOf(option: EstimateOptionResult, column: Exclude<EstimateColumn, "way">): number | undefined {
  return column === "bill" ? option.bill?.total : option[column];
}

/** Why a row has no figure: a limit of the way ("Ruled out"), or a rate the prices lack ("Not priced"), which is no limit of the platform. */
export function rowNote(lang: Lang, option: EstimateOptionResult): string | undefined {
  if (option.excluded === undefined) return undefined;
  return t(lang, option.unpriced ? "estimate.notPriced" : "estimate.ruledOut", { reasons: option.excluded });
}

/** How a priced row gives each task its own VM boundary, when isolation was asked: the figure's terms, said beside it. */
export function rowIsolation(lang: Lang, option: EstimateOptionResult): string | undefined {
  return option.isolation === undefined || option.excluded !== undefined ? undefined : t(lang, option.isolation === "sandbox" && option.platform === "eks" ? "estimate.isolation.sandboxEks" : `estimate.isolation.${option.isolation}`);
}

/** A date as the prices line shows it: a bare year says it is only a year. */
function dateText(lang: Lang, date: string): string {
  return /^\d{4}$/.test(date) ? t(lang, "estimate.yearOnly", { year: date }) : date;
}

/** "ap-northeast-2 (Seoul), USD a month at on-demand prices. Workload: ...": what the figures are for. */
export function workloadLine(result: Result, lang: Lang): string {
  const estimate = result.costs.estimate;
  const { workload } = estimate;
  const assumed =
    workload.from === "shorthand"
      ? workload.assumed.filter((f) => f !== "gpu").length > 0
        ? t(lang, "estimate.assumedFigures", { list: joinList(lang, workload.assumed.filter((f) => f !== "gpu").map((f) => t(lang, `estimate.figureName.${f}`))) })
        : ""
      : workload.services.some((s) => s.assumed.length > 0)
        ? t(lang, "estimate.assumedSome")
        : "";
  const services = workload.from === "services" ? workload.services.length : result.answers.microservices;
  const envs = estimate.environments;
  return t(lang, "estimate.workload", {
    region: tDynamic(lang, `choice.region.${estimate.region}`, estimate.region),
    pricing: pricingText(estimate, lang),
    services: count(lang, "services", services),
    tasks: count(lang, "tasks", workload.tasks),
    vcpus: number(workload.vcpus),
    memory: number(workload.memoryGiB),
    assumed,
    environments: envs.length > 1 ? t(lang, "estimate.environmentsList", { list: joinList(lang, envs.map((e) => (e.share === 1 ? e.name : `${e.name} (${number(e.share)})`))) }) : "",
  });
}

/**
 * The rates the figures are at. A scenario whose rates the prices lack for
 * every way priced is said to be on demand, so the heading never names rates
 * that no figure uses (the assumptions say which ways fell back, either way).
 */
function pricingText(estimate: EstimateResult, lang: Lang): string {
  const scenario = t(lang, `estimate.pricingName.${estimate.pricing}`);
  const priced = estimate.options.filter((o) => o.excluded === undefined);
  const noneAtRate = estimate.pricing !== "on-demand" && priced.length > 0 && priced.every((o) => (o.onDemandFallback?.length ?? 0) > 0);
  return noneAtRate ? t(lang, "estimate.pricingFellBack", { scenario }) : scenario;
}

/** "1 task", "6 tasks": a count with its noun, in each language. */
function count(lang: Lang, noun: "services" | "tasks" | "instances" | "clusters" | "pods", n: number): string {
  return t(lang, `estimate.count.${noun}.${n === 1 ? "one" : "many"}`, { n: number(n) });
}

/** A plain number with thousands separators and at most two decimals. */
function number(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/**
 * Where the headline stands: beside the table of ways (its recommended row
 * marked or not), alone in the summary, or in MCP's text beside the JSON,
 * whose `costs.estimate.options` a client reads instead of a table.
 */
export type HeadlinePlace = "table" | "marked-table" | "alone" | "beside-json";

/** The recommended way and the cheapest, with the bill beside each total. */
export function headlineSentences(result: Result, lang: Lang, place: HeadlinePlace): string[] {
  const estimate = result.costs.estimate;
  const head = estimate.headline;
  const name = optionName(lang, head.platform, head.launchType);
  const mark = place === "marked-table" ? t(lang, "estimate.markedRow") : "";
  const arm = head.arch === "arm" ? t(lang, "estimate.onArm") : "";
  const lines = [
    head.total === null || head.bill === null
      ? ruledOutSentence(result, lang, name, place)
      : t(lang, "estimate.recommendedBill", { option: name, total: usdText(head.total), bill: usdText(head.bill), mark, arm }),
  ];
  const cheapest = estimate.options.find((o) => o.platform === estimate.cheapest.platform && o.launchType === estimate.cheapest.launchType)!;
  // A way with no price has no figure to beat: the cheapest is the cheapest of the ways priced, and the others with no price are named (the recommended way's own sentence says it has none).
  const unpriced = estimate.options.filter((o) => o.unpriced && (o.platform !== head.platform || o.launchType !== head.launchType));
  const none = unpriced.length === 0 ? undefined : t(lang, `estimate.noPrice.${unpriced.length === 1 ? "one" : "many"}`, { ways: joinList(lang, unpriced.map((o) => wayName(lang, o))) });
  const priced: Record<string, string> = none === undefined ? {} : { none };
  // The recommended way is the cheapest too: one sentence says both, not the same figures twice.
  if (cheapest.platform === head.platform && cheapest.launchType === head.launchType && head.total !== null) lines[0] += t(lang, none === undefined ? "estimate.alsoCheapest" : "estimate.alsoCheapestPriced", priced);
  else if (cheapest.total !== undefined && cheapest.bill) {
    const figures = { option: optionName(lang, cheapest.platform, cheapest.launchType), total: usdText(cheapest.total), bill: usdText(cheapest.bill.total) };
    lines.push(t(lang, none === undefined ? "estimate.cheapestBill" : "estimate.cheapestPricedBill", { ...figures, ...priced }));
  }
  return lines;
}

/**
 * The recommended way has no figure. Beside the table its row says why, and
 * beside the JSON its entry; alone (the summary) one short sentence says why
 * and what to do, rather than point at a row that is not on screen: its
 * reasons in full can run to several lines, which a screen has no room for.
 */
function ruledOutSentence(result: Result, lang: Lang, option: string, place: HeadlinePlace): string {
  if (place === "beside-json") return t(lang, "estimate.recommendedRuledOutJson", { option });
  const { headline, options } = result.costs.estimate;
  const row = options.find((o) => o.platform === headline.platform && o.launchType === headline.launchType);
  if (place !== "alone") return t(lang, row?.unpriced ? "estimate.recommendedUnpricedRow" : "estimate.recommendedRuledOut", { option });
  return t(lang, row?.unpriced ? "estimate.recommendedUnpriced" : "estimate.recommendedCannotRun", { option });
}

/** The shared lines, each with what it assumes: the same for every way, in each Bill. */
export function sharedLines(estimate: EstimateResult, lang: Lang): { title: string; lines: string[] } {
  // The lines' own sum, as the engine adds them: there even when every way is ruled out.
  const total = Math.round(estimate.shared.reduce((sum, line) => sum + line.usdPerMonth * 100, 0)) / 100;
  return {
    title: t(lang, "estimate.sharedTitle", { total: usdText(total) }),
    lines: estimate.shared.map((line) => t(lang, "estimate.sharedLine", { item: t(lang, `estimate.shared.item.${line.item}` as MessageKey), usd: usdText(line.usdPerMonth), assumption: line.assumption })),
  };
}

/**
 * What each way runs on: the instances by environment (a fleet shared by two
 * ways is said once), and each Fargate size with the services billed at it.
 */
export function fleetLines(estimate: EstimateResult, lang: Lang): string[] {
  const out: string[] = [];
  const said = new Map<string, string[]>();
  for (const o of estimate.options) {
    if (o.excluded !== undefined || o.fleet.length === 0) continue;
    const text = o.launchType === "fargate" ? fargateText(o.fleet as FargateEntry[], o.platform === "eks" ? "pods" : "tasks", lang) : instancesText(o.fleet as FleetEntry[], estimate, lang);
    const ways = said.get(text);
    if (ways) ways.push(wayName(lang, o));
    else said.set(text, [wayName(lang, o)]);
  }
  for (const [text, ways] of said) out.push(t(lang, "estimate.fleet", { ways: joinList(lang, ways), fleet: text }));
  return out;
}

function instancesText(entries: readonly FleetEntry[], estimate: EstimateResult, lang: Lang): string {
  const byEnv = new Map<string, { clusters: Set<number>; types: Map<string, number> }>();
  for (const e of entries) {
    let env = byEnv.get(e.environment);
    if (!env) byEnv.set(e.environment, (env = { clusters: new Set(), types: new Map() }));
    env.clusters.add(e.cluster);
    env.types.set(e.type, (env.types.get(e.type) ?? 0) + e.count);
  }
  const many = estimate.environments.length > 1;
  return [...byEnv]
    .map(([name, env]) => {
      const types = [...env.types].map(([type, n]) => `${number(n)} × ${type}`).join(", ");
      const clusters = env.clusters.size > 1 ? ` ${t(lang, "estimate.inClusters", { clusters: count(lang, "clusters", env.clusters.size) })}` : "";
      return many ? `${name}: ${types}${clusters}` : `${types}${clusters}`;
    })
    .join("; ");
}

/** The sizes Fargate bills, each with its task count and up to three services by name. */
function fargateText(entries: readonly FargateEntry[], noun: "tasks" | "pods", lang: Lang): string {
  const bySize = new Map<string, { vcpu: number; memoryGiB: number; tasks: number; services: string[]; split: number }>();
  for (const e of entries) {
    const key = `${e.vcpu}/${e.memoryGiB}`;
    let size = bySize.get(key);
    if (!size) bySize.set(key, (size = { vcpu: e.vcpu, memoryGiB: e.memoryGiB, tasks: 0, services: [], split: 0 }));
    size.tasks += e.tasks;
    if (!size.services.includes(e.service)) size.services.push(e.service);
    size.split = Math.max(size.split, e.splitInto ?? 0);
  }
  return [...bySize.values()]
    .map((size) => {
      const named = size.services.filter((s) => s !== "");
      const who = named.length === 0 ? "" : ` (${named.length > 3 ? t(lang, "estimate.namesMore", { a: named[0]!, b: named[1]!, c: named[2]!, more: named.length - 3 }) : joinList(lang, named)})`;
      const split = size.split > 1 ? ` ${t(lang, "estimate.splitInto", { n: size.split })}` : "";
      return t(lang, "estimate.fargateSize", { vcpu: number(size.vcpu), memory: number(size.memoryGiB), tasks: count(lang, noun, size.tasks), who, split });
    })
    .join("; ");
}

/** What follows the fleets: Arm, the break-even, what EKS would add, VPC endpoints, what differs by platform. */
export function estimateSentences(result: Result, lang: Lang): string[] {
  const estimate = result.costs.estimate;
  const arms = estimate.options.filter((o) => o.arm && o.excluded === undefined).map((o) => `${wayName(lang, o)} ${usdText(o.arm!.total)}`);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const breakEven = (platform: Platform) => {
    const share = estimate.breakEven[platform];
    const name = t(lang, `platform.${platform}`);
    if (share === 1) return t(lang, "estimate.breakEvenFull", { platform: name, assumed: percent(estimate.utilization) });
    if (share !== null) return t(lang, "estimate.breakEven", { platform: name, percent: percent(share), assumed: percent(estimate.utilization) });
    if (estimate.breakEvenNone[platform] !== "ruledOut") return t(lang, "estimate.breakEvenNever", { platform: name });
    // A way the workload rules out, and one only the prices leave without a figure, are said apart: a missing rate is no limit of the way.
    const none = estimate.options.filter((o) => o.platform === platform && (o.launchType === "fargate" || o.launchType === "ec2") && o.excluded !== undefined);
    const ways = (list: readonly EstimateOptionResult[]) => joinList(lang, list.map((o) => wayName(lang, o)));
    const out = none.filter((o) => !o.unpriced);
    const unpriced = none.filter((o) => o.unpriced);
    if (unpriced.length === 0) return t(lang, "estimate.breakEvenRuledOut", { platform: name, ways: ways(out) });
    if (out.length === 0) return t(lang, "estimate.breakEvenUnpriced", { platform: name, ways: ways(unpriced) });
    return t(lang, "estimate.breakEvenRuledOutUnpriced", { platform: name, out: ways(out), unpriced: ways(unpriced) });
  };
  const pcp = estimate.eksWouldAdd.provisionedControlPlanePerCluster;
  const tiers = pcp ? Object.entries(pcp).sort((a, b) => a[1] - b[1]) : [];
  const clusters = result.costs.clusters * estimate.environments.length;
  return [
    // A list of figures, each after its way: commas read better than "and" before the last (review L42).
    ...(arms.length > 0 ? [t(lang, "estimate.arm", { list: arms.join(", ") }) + (eksFargateX86Only(estimate) ? t(lang, "estimate.armEksFargate") : "")] : []),
    breakEven("ecs"),
    breakEven("eks"),
    t(lang, "estimate.wouldAdd", {
      extended: usdText(estimate.eksWouldAdd.extendedSupport),
      clusters: count(lang, "clusters", clusters),
      pcp:
        tiers.length > 0
          ? t(lang, "estimate.wouldAddPcp", { low: usdText(tiers[0]![1]), lowTier: tiers[0]![0], high: usdText(tiers.at(-1)![1]), highTier: tiers.at(-1)![0] })
          : "",
    }),
    t(lang, "estimate.endpoints", { count: estimate.endpointsInstead.endpoints, usd: usdText(estimate.endpointsInstead.usdPerMonth) }),
    t(lang, "estimate.platformNotes"),
    ...(estimate.people.upkeep ? [upkeepLine(estimate.people.upkeep, lang)] : []),
  ];
}

/** EKS on Fargate is priced but has no Arm figure: it runs x86 pods only, which the Arm line says rather than leave it out unexplained. */
function eksFargateX86Only(estimate: EstimateResult): boolean {
  const way = estimate.options.find((o) => o.platform === "eks" && o.launchType === "fargate");
  return way !== undefined && way.excluded === undefined && way.arm === undefined && way.arch !== "arm";
}

/** People for every way: engineer-hours a month, low and high where the sources give both, else the floor and what has no figure. */
export function peopleLines(estimate: EstimateResult, lang: Lang): { title: string; lines: string[] } {
  // A way the workload rules out has no people line either: its row says why.
  const lines = estimate.options.filter((o) => o.excluded === undefined).map((o) => {
    const { hoursPerMonth: h, usdPerMonth: usd, parts } = o.people;
    const hours =
      h.max === null
        ? h.min === 0
          ? t(lang, "estimate.people.noFigure")
          : t(lang, "estimate.people.atLeast", { min: number(h.min) })
        : h.min === h.max
          ? number(h.min)
          : t(lang, "estimate.range", { low: number(h.min), high: number(h.max) });
    const money =
      !usd || (usd.max === null && usd.min === 0)
        ? ""
        : usd.max === null
          ? t(lang, "estimate.people.usdAtLeast", { min: usdText(usd.min) })
          : t(lang, "estimate.people.usd", { usd: t(lang, "estimate.range", { low: usdText(usd.min), high: usdText(usd.max) }) });
    // Where AWS runs the nodes, AWS's share is a ceiling that starts from none, and the words say so: else "4–69" beside EC2's "35–69" reads as a contradiction.
    const partName = (p: (typeof parts)[number]) => (p.part === "kubernetes" && o.launchType !== "ec2" ? "kubernetesRest" : p.part);
    const part = (p: (typeof parts)[number]) =>
      t(lang, `estimate.people.part.${partName(p)}`, {
        clusters: count(lang, "clusters", p.clusters ?? 1),
        low: Math.round((p.engineerShare?.min ?? 0) * 100),
        high: Math.round((p.engineerShare?.max ?? 0) * 100),
        perYear: p.perYear ?? 0,
      });
    const known = parts.filter((p) => p.hoursPerMonth !== null && p.hoursPerMonth.max > 0).map(part);
    const unknown = parts.filter((p) => p.hoursPerMonth === null).map(part);
    const hosts = parts.some((p) => p.part === "hosts") ? t(lang, "estimate.people.awsHosts") : "";
    return t(lang, "estimate.people.line", {
      way: wayName(lang, o),
      hours,
      money,
      known: known.length > 0 ? t(lang, "estimate.people.known", { list: joinList(lang, known) }) : "",
      unknown: unknown.length > 0 ? t(lang, "estimate.people.unknown", { list: joinList(lang, unknown) }) : "",
      hosts,
    });
  });
  return { title: t(lang, estimate.people.scale === "organisation" ? "estimate.people.titleOrganisation" : "estimate.people.title"), lines };
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
  return t(lang, "estimate.prices", { from: dateText(lang, estimate.asOf), to: dateText(lang, estimate.asOfLatest), origin });
}
