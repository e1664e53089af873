import { BUILT_IN_PRICES } from "../../engine/builtin-prices.js";
import { InputError } from "../../engine/errors.js";
import type { Prices } from "../../engine/price-types.js";
import { t, type Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { parseJson, readText } from "./read.js";

/**
 * The prices for --prices FILE: a whole prices file, or an overrides file
 * ("extends": "built-in") laid over the built-in prices. Without the flag,
 * the built-in prices, which are checked at build time and so load without zod.
 */
export async function loadPrices(path: string | undefined, io: Io, lang: Lang): Promise<Prices> {
  if (path === undefined) return BUILT_IN_PRICES;
  const [{ parsePrices }, { createHash }] = await Promise.all([import("../../explain/prices.js"), import("node:crypto")]);
  const text = await readText(path, () => io.stdin, io.cwd, lang, "--prices");
  const label = path === "-" ? "stdin" : path;
  const outcome = parsePrices(parseJson(text, label, lang, t(lang, "prices.emptyHint")), {
    file: label,
    lang,
    base: BUILT_IN_PRICES,
    origin: { source: "file", path: label, sha256: createHash("sha256").update(text).digest("hex") },
  });
  if (!outcome.ok) throw new InputError(outcome.problems, t(lang, "prices.fixHint"));
  return outcome.prices;
}
