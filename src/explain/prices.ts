import { validatePrices, type ParsePricesOptions as EngineParsePricesOptions, type PricesOutcome } from "../engine/prices.js";
import type { Lang } from "../i18n/lang.js";
import { say } from "./words.js";

export interface ParsePricesOptions extends EngineParsePricesOptions {
  /** The language of the problems; English by default. */
  lang?: Lang;
}

/** Validates a parsed prices file (or an overrides file); each problem is a sentence in `lang`, naming the file and the field. */
export function parsePrices(json: unknown, options: ParsePricesOptions): PricesOutcome<string> {
  const outcome = validatePrices(json, options);
  if (outcome.ok) return outcome;
  const lang = options.lang ?? "en";
  return { ok: false, problems: outcome.problems.map((problem) => say(lang, problem)) };
}
