import type { Source } from "../engine/rule-types.js";
import type { RuleSet } from "../engine/rule-set.js";
import { t, type Lang } from "../i18n/index.js";
import { localize } from "./words.js";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * The citation shown beside a rule. A quote is shown only in its own
 * language's output: English never shows the guide's Korean lines, and
 * Korean never shows an English line from the facts (the title says where).
 */
export function citeSource(ruleSet: RuleSet, source: Source, lang: Lang, withQuote = true): string {
  if (typeof source === "string") return source;
  // Own keys only: a ref named like an Object.prototype member ("constructor") is not a source.
  const title = Object.hasOwn(ruleSet.sources, source.ref) ? localize(ruleSet.sources[source.ref]!.title, lang) : source.ref;
  if (!withQuote || !source.quote || HANGUL.test(source.quote) !== (lang === "ko")) return title;
  return t(lang, "source.withQuote", { title, quote: source.quote });
}
