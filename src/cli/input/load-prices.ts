import { BUILT_IN_PRICES } from "../../engine/builtin-prices.js";
import type { Prices } from "../../engine/price-types.js";
import type { Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { loadDataFile } from "./load-data-file.js";

/**
 * The prices for --prices FILE: a whole prices file, or an overrides file
 * ("extends": "built-in") laid over the built-in prices. Without the flag,
 * the built-in prices, which are checked at build time and so load without zod.
 */
export async function loadPrices(path: string | undefined, io: Io, lang: Lang): Promise<Prices> {
  if (path === undefined) return BUILT_IN_PRICES;
  return loadDataFile(path, io, lang, {
    flag: "--prices",
    base: BUILT_IN_PRICES,
    emptyHint: "prices.emptyHint",
    fixHint: "prices.fixHint",
    parse: async () => {
      const { parsePrices } = await import("../../explain/prices.js");
      return (json, context) => {
        // A figure dated past next year is a typo; the year comes from the clock here, never in the engine.
        const outcome = parsePrices(json, { ...context, latestYear: new Date().getUTCFullYear() + 1 });
        return outcome.ok ? { ok: true, value: outcome.prices } : outcome;
      };
    },
  });
}
