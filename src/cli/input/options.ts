import { UsageError } from "../../engine/errors.js";
import { isLang, LANGS, t, type Lang } from "../../i18n/index.js";

type Options = Record<string, unknown>;

/** What --format takes, per command; the first is the default. Help and parsing both read this. */
export const FORMATS = {
  advise: ["text", "json", "markdown", "adr"],
  batch: ["json", "text"],
  rules: ["text", "json"],
  compare: ["text", "markdown", "json"],
} as const;

/** The output format from --format (or --json), checked against what the command offers. */
export function formatOf<F extends string>(options: Options, allowed: readonly F[], lang: Lang): F {
  const flag = options.format;
  if (options.json === true) {
    if (typeof flag === "string" && flag !== "json") throw new UsageError(t(lang, "error.jsonAndFormat", { format: flag }));
    if (!allowed.includes("json" as F)) throw new UsageError(t(lang, "error.badFormat", { format: "json", formats: allowed.join(", ") }));
    return "json" as F;
  }
  if (flag === undefined) return allowed[0]!;
  if (typeof flag !== "string" || !allowed.includes(flag as F)) {
    throw new UsageError(t(lang, "error.badFormat", { format: String(flag), formats: allowed.join(", ") }));
  }
  return flag as F;
}

/** --lang was already used to pick the language if valid; here a bad value becomes an error. */
export function checkLang(options: Options, lang: Lang): void {
  const value = options.lang;
  if (value !== undefined && (typeof value !== "string" || !isLang(value))) {
    throw new UsageError(t(lang, "error.badLang", { lang: String(value), langs: LANGS.join(", ") }));
  }
}
