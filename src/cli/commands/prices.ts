import { Chalk } from "chalk";
import type { Prices } from "../../engine/price-types.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import { outputWidth } from "../terminal/width.js";
import { loadPrices } from "../input/load-prices.js";
import { checkLang, FORMATS, formatOf, type PricesOptions } from "../input/options.js";
import { wrap } from "../render/layout.js";
import { renderTable } from "../render/table.js";

/** `ecs-or-eks prices`: the prices in use, per region, each with its date and source; as JSON, a file --prices reads back. */
export async function listPrices(options: PricesOptions, io: Io, lang: Lang): Promise<number> {
  const format = formatOf(options, FORMATS.prices, lang);
  checkLang(options, lang);
  const prices = await loadPrices(options.prices, io, lang);
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(prices.data, null, 2)}\n`);
    return EXIT.ok;
  }
  const c = new Chalk({ level: colorEnabled(io.stdout, io.env, options.color) ? 1 : 0 });
  const table = { width: outputWidth(io.stdout), unicode: io.stdout.isTTY === true, header: (text: string) => c.bold(text) };
  const origin = prices.origin.source === "built-in" ? t(lang, "prices.builtIn") : prices.origin.path;
  const { data } = prices;
  const out = [...wrap(t(lang, "prices.title", { origin, version: data.version, hours: data.hoursPerMonth }), table.width).map((line) => c.bold(line))];
  const columns = [t(lang, "prices.column.item"), t(lang, "prices.column.usd"), t(lang, "prices.column.asOf"), t(lang, "prices.column.source")];
  for (const [name, region] of Object.entries(data.regions)) {
    const rows: string[][] = [];
    for (const arch of ["x86", "arm"] as const) {
      const rate = region.fargate[arch];
      rows.push([t(lang, "prices.item.fargate", { arch }), `${rate.usdPerVcpuHour} / ${rate.usdPerGbHour}`, rate.asOf, rate.source]);
    }
    rows.push([t(lang, "prices.item.spot"), String(region.fargate.spot.discountUpTo), region.fargate.spot.asOf, region.fargate.spot.source]);
    for (const [type, price] of Object.entries(region.ec2)) {
      const spec = data.instanceTypes[type];
      const label = spec ? t(lang, "prices.item.ec2", { type, vcpus: spec.vcpus, memory: spec.memoryGiB, arch: spec.arch }) : type;
      rows.push([label, String(price.usdPerHour), price.asOf, price.source]);
    }
    rows.push([t(lang, "prices.item.managedInstancesFee"), String(region.managedInstancesFee.fraction), region.managedInstancesFee.asOf, region.managedInstancesFee.source]);
    rows.push([t(lang, "prices.item.autoModeFee"), String(region.autoModeFee.fraction), region.autoModeFee.asOf, region.autoModeFee.source]);
    rows.push([t(lang, "prices.item.clusterHour"), String(region.eks.clusterHour.usd), region.eks.clusterHour.asOf, region.eks.clusterHour.source]);
    rows.push([t(lang, "prices.item.extendedSupport"), String(region.eks.extendedSupportAdds.usd), region.eks.extendedSupportAdds.asOf, region.eks.extendedSupportAdds.source]);
    const pcp = region.eks.provisionedControlPlane;
    if (pcp) for (const [tier, usd] of Object.entries(pcp.usdPerHour)) rows.push([t(lang, "prices.item.pcp", { tier }), String(usd), pcp.asOf, pcp.source]);
    out.push("", c.bold(t(lang, "prices.region", { region: name })), renderTable(columns, rows, table));
  }
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}

/** `ecs-or-eks prices check FILE`: exit 0 with the regions covered, or 2 with every problem. */
export async function checkPricesFile(file: string, options: PricesOptions, io: Io, lang: Lang): Promise<number> {
  checkLang(options, lang);
  const prices: Prices = await loadPrices(file, io, lang);
  const kind = prices.origin.source === "file" && prices.origin.extends ? "prices.validOverrides" : "prices.valid";
  io.stdout.write(`${t(lang, kind, { file, regions: Object.keys(prices.data.regions).join(", ") })}\n`);
  return EXIT.ok;
}
