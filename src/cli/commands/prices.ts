import { Chalk } from "chalk";
import type { Prices } from "../../engine/price-types.js";
import { t, type Lang } from "../../i18n/index.js";
import { InputError } from "../../engine/errors.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import { outputWidth } from "../terminal/width.js";
import { loadPrices } from "../input/load-prices.js";
import { formatOf, type PricesOptions } from "../input/options.js";
import { hang, wrap } from "../render/layout.js";
import { renderTable } from "../render/table.js";
import { forTerminal, jsonText, mapStrings, MAX_LABEL } from "../output/escape.js";
import { ec2ScenarioRates, fargateScenarioRates } from "../../engine/cost/instances.js";

/** The scenarios with rates of their own, in the order the table lists them: the estimate's own lookups find each list. */
const SCENARIOS = ["spot", "savings-1y", "savings-3y"] as const;

/** `ecs-or-eks prices`: the prices in use, per region, each with its date and source; as JSON, a file --prices reads back. */
export async function listPrices(options: PricesOptions, io: Io, lang: Lang): Promise<number> {
  const format = formatOf(options, "prices", lang);
  const prices = await loadPrices(options.prices, io, lang);
  if (format === "json") {
    io.stdout.write(`${jsonText(prices.data, 2)}\n`);
    return EXIT.ok;
  }
  const c = new Chalk({ level: colorEnabled(io.stdout, io.env, options.color) ? 1 : 0 });
  const table = { width: outputWidth(io.stdout), unicode: io.stdout.isTTY === true, header: (text: string) => c.bold(text) };
  const origin = prices.origin.source === "built-in" ? t(lang, "prices.builtIn") : forTerminal(prices.origin.path);
  // Every name, key, date and source in a prices file is the user's: escaped and cut, as on any terminal line.
  const data = mapStrings(prices.data, (text) => forTerminal(text));
  const version = forTerminal(prices.data.version, MAX_LABEL);
  const out = [...wrap(t(lang, "prices.title", { origin, version, hours: data.hoursPerMonth }), table.width).map((line) => c.bold(line))];
  const columns = [t(lang, "prices.column.item"), t(lang, "prices.column.usd"), t(lang, "prices.column.asOf"), t(lang, "prices.column.source")];
  // Sources are long: each row cites a number, and the sources follow the tables once.
  const sources: string[] = [];
  const cite = (source: string) => {
    if (!sources.includes(source)) sources.push(source);
    return `[${sources.indexOf(source) + 1}]`;
  };
  const row = (item: string, value: number, figure: { asOf: string; source: string }) => [item, String(value), figure.asOf, cite(figure.source)];
  for (const [name, region] of Object.entries(data.regions)) {
    const rows: string[][] = [];
    for (const arch of ["x86", "arm"] as const) {
      const rate = region.fargate[arch];
      rows.push(row(t(lang, "prices.item.fargateVcpu", { arch }), rate.usdPerVcpuHour, rate));
      rows.push(row(t(lang, "prices.item.fargateGb", { arch }), rate.usdPerGbHour, rate));
    }
    const windows = region.fargate.windows;
    if (windows) {
      rows.push(row(t(lang, "prices.item.fargateVcpu", { arch: "Windows" }), windows.usdPerVcpuHour, windows));
      rows.push(row(t(lang, "prices.item.fargateGb", { arch: "Windows" }), windows.usdPerGbHour, windows));
      rows.push(row(t(lang, "prices.item.fargateWindowsOs"), windows.osUsdPerVcpuHour, windows));
    }
    rows.push(row(t(lang, "prices.item.spot"), region.fargate.spot.discountUpTo, region.fargate.spot));
    for (const scenario of SCENARIOS) {
      for (const arch of ["x86", "arm"] as const) {
        const rate = fargateScenarioRates(region, scenario)?.[arch];
        if (!rate) continue;
        rows.push(row(t(lang, "prices.item.fargateScenarioVcpu", { arch, scenario }), rate.usdPerVcpuHour, rate));
        rows.push(row(t(lang, "prices.item.fargateScenarioGb", { arch, scenario }), rate.usdPerGbHour, rate));
      }
    }
    const lists = [["", region.ec2], ["Windows", region.ec2Windows], ...SCENARIOS.map((scenario) => [scenario === "spot" ? "Spot" : scenario, ec2ScenarioRates(region, scenario)] as const)] as const;
    for (const [kind, list] of lists) {
      for (const [type, price] of Object.entries(list ?? {})) {
        const spec = data.instanceTypes[type];
        const item = spec ? t(lang, "prices.item.ec2", { type, vcpus: spec.vcpus, memory: spec.memoryGiB, arch: spec.arch }) : type;
        rows.push(row(kind === "" ? item : `${item}, ${kind}`, price.usdPerHour, price));
      }
    }
    rows.push(row(t(lang, "prices.item.managedInstancesFee"), region.managedInstancesFee.fraction, region.managedInstancesFee));
    rows.push(row(t(lang, "prices.item.autoModeFee"), region.autoModeFee.fraction, region.autoModeFee));
    rows.push(row(t(lang, "prices.item.clusterHour"), region.eks.clusterHour.usd, region.eks.clusterHour));
    rows.push(row(t(lang, "prices.item.extendedSupport"), region.eks.extendedSupportAdds.usd, region.eks.extendedSupportAdds));
    const pcp = region.eks.provisionedControlPlane;
    if (pcp) for (const [tier, usd] of Object.entries(pcp.usdPerHour)) rows.push(row(t(lang, "prices.item.pcp", { tier }), usd, pcp));
    for (const [item, figure] of Object.entries(region.network)) rows.push(row(t(lang, `prices.item.network.${item as keyof typeof region.network}`), figure.usd, figure));
    out.push("", c.bold(name), renderTable(columns, rows, table));
  }
  // What every Region shares: the sizes Fargate bills and what ECS and EKS keep back, each dated and sourced too.
  const sizes = data.fargateTaskSizes;
  const reservation = data.eksNodeReservation;
  const shared: string[][] = [
    [t(lang, "prices.item.sizes"), t(lang, "prices.value.sizes", { count: sizes.sizes.length, min: Math.min(...sizes.sizes.map((s) => s.vcpu)), max: Math.max(...sizes.sizes.map((s) => s.vcpu)) }), sizes.asOf, cite(sizes.source)],
    [t(lang, "prices.item.podMemory"), `${data.eksFargatePodMemory.addGiB} GiB`, data.eksFargatePodMemory.asOf, cite(data.eksFargatePodMemory.source)],
    [t(lang, "prices.item.ecsRegistered"), `${Math.round(data.ecsRegisteredMemory.share * 10000) / 100}%`, data.ecsRegisteredMemory.asOf, cite(data.ecsRegisteredMemory.source)],
    [t(lang, "prices.item.reservation"), `${reservation.memoryMiB.base} + ${reservation.memoryMiB.perPod} × pods + ${reservation.memoryMiB.eviction} MiB`, reservation.asOf, cite(reservation.source)],
    ...Object.entries(data.instanceTypes).map(([type, spec]) => [
      t(lang, "prices.item.perInstance", { type }),
      t(lang, "prices.value.perInstance", { pods: spec.eksMaxPods, prefix: spec.eksMaxPodsPrefix ?? "–", tasks: spec.ecsMaxTasks, gpus: spec.gpus ?? 0 }),
      spec.asOf,
      cite(spec.source),
    ]),
    [t(lang, "prices.item.ecsInstances"), String(data.limits.ecs.instancesPerCluster), data.limits.ecs.asOf, cite(data.limits.ecs.source)],
    [t(lang, "prices.item.eksLimits"), `${data.limits.eks.nodesPerCluster} / ${data.limits.eks.podsPerCluster}`, data.limits.eks.asOf, cite(data.limits.eks.source)],
    [t(lang, "prices.item.savingsPlans"), `${data.savingsPlans.computeEc2UpTo} / ${data.savingsPlans.computeFargateUpTo} / ${data.savingsPlans.ec2InstanceUpTo}`, data.savingsPlans.asOf, cite(data.savingsPlans.source)],
  ];
  out.push("", c.bold(t(lang, "prices.shared")), renderTable([t(lang, "prices.column.item"), t(lang, "prices.column.value"), t(lang, "prices.column.asOf"), t(lang, "prices.column.source")], shared, table));
  out.push("", c.bold(t(lang, "prices.sources")), ...sources.flatMap((source, i) => hang(`[${i + 1}] `, withStanding(source, lang), table.width).split("\n")));
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}

/** `ecs-or-eks prices check FILE`: exit 0 with the regions covered, or 2 with every problem. */
export async function checkPricesFile(file: string, io: Io, lang: Lang): Promise<number> {
  // prices check lists every problem (each line still bounded), as rules check does, where a run shows the first few;
  // its fix is not "run prices check", the command just run.
  const prices: Prices = await loadPrices(file, io, lang).catch((error: unknown) => {
    throw error instanceof InputError && !error.listAll ? new InputError(error.problems, t(lang, "prices.checkFixHint"), { listAll: true }) : error;
  });
  const kind = prices.origin.source === "file" && prices.origin.extends ? "prices.validOverrides" : "prices.valid";
  io.stdout.write(`${t(lang, kind, { file: forTerminal(file), regions: Object.keys(prices.data.regions).join(", ") })}\n`);
  return EXIT.ok;
}

/**
 * How far a source note can be trusted, in words of the run's language, before
 * the note itself: a reader who does not read English must still learn that a
 * price was read second-hand, or that a Region's own rows were never read. The
 * notes keep their words (titles, price-list names); the standing is read from
 * the phrases the prices file uses for it.
 */
function withStanding(source: string, lang: Lang): string {
  if (lang === "en") return source;
  const standing = [
    ...(/Seoul's own rows were not read/.test(source) ? [t(lang, "prices.standing.seoulNotRead")] : []),
    ...(/second-hand/.test(source) ? [t(lang, "prices.standing.secondHand")] : []),
    ...(/re-check/.test(source) ? [t(lang, "prices.standing.recheck")] : []),
  ];
  return standing.length === 0 ? source : `(${standing.join(", ")}) ${source}`;
}
