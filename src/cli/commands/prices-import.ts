import { BUILT_IN_PRICES } from "../../engine/builtin-prices.js";
import { InputError, UsageError } from "../../engine/errors.js";
import { QUESTIONS } from "../../engine/questions.js";
import { parsePrices } from "../../explain/prices.js";
import { t, type Lang } from "../../i18n/index.js";
import { classifyProduct, OFFERS, onDemandUsd, regionOf, type Slot } from "../../price-list/offer.js";
import { overridesFrom, type FoundRate, type OfferFile } from "../../price-list/overrides.js";
import { streamPriceList } from "../input/read-price-list.js";
import { inputLabel } from "../input/read.js";
import type { PricesImportOptions } from "../input/options.js";
import { forTerminal } from "../output/escape.js";
import { EXIT } from "../output/exit-codes.js";
import { assertCanWrite, linkNotes, writeFilesAtomically } from "../output/write-file.js";
import { writeOut } from "../output/write-out.js";
import type { Io } from "../terminal/io.js";

/** The regions the `region` answer allows: rows of any other are left out. */
const REGIONS: readonly string[] = QUESTIONS.find((q) => q.key === "region")!.choices;

/** How many other regions a refusal names: a global file lists dozens. */
const SHOWN_REGIONS = 5;

/**
 * `ecs-or-eks prices import FILE...`: AWS Price List bulk files in, an
 * overrides file for --prices out (stdout, or --out FILE written whole).
 * Every figure is dated by its file's publication date and cites the file and
 * its version; a file of another service, or one that prices no region the
 * tool knows, is refused with one line.
 */
export async function importPrices(files: readonly string[], options: PricesImportOptions, io: Io, lang: Lang): Promise<number> {
  const force = options.force === true;
  if (options.out !== undefined) {
    if (options.out === "") throw new UsageError(t(lang, "write.emptyPath", { flag: "--out" }));
    assertCanWrite([options.out], io.cwd, force, lang);
  }
  if (files.filter((file) => file === "-").length > 1) throw new UsageError(t(lang, "priceList.stdinTwice"));
  const rates: FoundRate[] = [];
  for (const file of files) rates.push(...(await readOffer(file, io, lang)));
  const { file: overrides, figures, regions } = overridesFrom(rates, REGIONS);
  // What is written must be what --prices takes: checked as a run would check it.
  const checked = parsePrices(overrides, { file: options.out ?? "stdout", lang, base: BUILT_IN_PRICES, latestYear: new Date().getUTCFullYear() + 1 });
  if (!checked.ok) throw new InputError(checked.problems, t(lang, "priceList.hint"), { listAll: true });
  const text = `${JSON.stringify(overrides, null, 2)}\n`;
  const summary = { figures, regions: regions.join(", ") };
  if (options.out === undefined) {
    await writeOut(io.stdout, text);
    io.stderr.write(`${t(lang, "priceList.printed", summary)}\n`);
    return EXIT.ok;
  }
  const written = writeFilesAtomically([{ path: options.out, content: text }], io.cwd, force, lang);
  for (const note of linkNotes(written, lang)) io.stderr.write(`${note}\n`);
  io.stderr.write(`${t(lang, "priceList.wrote", { ...summary, file: forTerminal(options.out) })}\n`);
  return EXIT.ok;
}

/** The rates one file gives. Products come before terms in every Price List file, so a SKU's place is known when its terms arrive. */
async function readOffer(path: string, io: Io, lang: Lang): Promise<FoundRate[]> {
  const label = forTerminal(inputLabel(path));
  const header: Partial<Record<keyof OfferFile, string>> = {};
  const types = new Set(Object.keys(BUILT_IN_PRICES.data.instanceTypes));
  // Only the SKUs that price something are kept; other regions are only counted, for the message.
  const wanted = new Map<string, { region: string; slot: Slot }>();
  const elsewhere = new Set<string>();
  const found: FoundRate[] = [];
  const refuse = (key: "priceList.notOffer" | "priceList.otherOffer", values: Record<string, string> = {}) =>
    new InputError(t(lang, key, { file: label, offers: OFFERS.join(", "), ...values }), t(lang, "priceList.hint"));
  await streamPriceList(path, io, lang, {
    header(field, value) {
      if (typeof value !== "string") throw refuse("priceList.notOffer");
      if (field === "offerCode" && !(OFFERS as readonly string[]).includes(value)) throw refuse("priceList.otherOffer", { offer: forTerminal(value, 60) });
      header[field] = value;
    },
    product(sku, product) {
      if (header.offerCode === undefined) throw refuse("priceList.notOffer");
      const where = classifyProduct(header.offerCode, product, REGIONS, types);
      if (where) wanted.set(sku, where);
      const region = regionOf(product);
      if (region !== undefined && !REGIONS.includes(region) && elsewhere.size < 100) elsewhere.add(region);
    },
    onDemand(sku, terms) {
      const where = wanted.get(sku);
      const usd = where && onDemandUsd(terms);
      if (where && usd !== undefined) found.push({ ...where, usd, offer: header as OfferFile });
    },
  });
  if (header.offerCode === undefined || header.version === undefined || !/^\d{4}-\d{2}-\d{2}/.test(header.publicationDate ?? "")) throw refuse("priceList.notOffer");
  if (found.length === 0 && elsewhere.size > 0) {
    const shown = [...elsewhere].sort().slice(0, SHOWN_REGIONS).map((region) => forTerminal(region, 30));
    throw new InputError(t(lang, "priceList.otherRegion", { file: label, found: shown.join(", "), known: REGIONS.join(", ") }), t(lang, "priceList.hint"));
  }
  if (found.length === 0) throw new InputError(t(lang, "priceList.nothing", { file: label, offer: header.offerCode }), t(lang, "priceList.hint"));
  return found;
}
