import { validateRules, type ParseRulesOptions as EngineParseRulesOptions, type RulesOutcome } from "../engine/rules.js";
import type { Lang } from "../i18n/lang.js";
import { checkedLang, say } from "./words.js";

export type ParseRulesOutcome = RulesOutcome<string>;

export interface ParseRulesOptions extends EngineParseRulesOptions {
  /** The language of the problems; English by default. */
  lang?: Lang;
}

/**
 * Validates a parsed rules file (or an overrides file) and compiles it; each
 * problem is a sentence in `lang`, naming the file, the rule and the field.
 */
export function parseRules(json: unknown, options: ParseRulesOptions): ParseRulesOutcome {
  const lang = checkedLang(options.lang);
  const outcome = validateRules(json, options);
  if (outcome.ok) return outcome;
  return { ok: false, problems: outcome.problems.map((problem) => say(lang, problem)) };
}
