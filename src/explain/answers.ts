import { validateAnswers, type AnswersOutcome, type ParseOptions as EngineParseOptions } from "../engine/answers.js";
import type { Lang } from "../i18n/lang.js";
import { checkedLang, say } from "./words.js";

export type ParseOutcome = AnswersOutcome<string>;

export interface ParseOptions extends EngineParseOptions {
  /** The language of the problems; English by default. */
  lang?: Lang;
}

/** Validates raw answers (from JSON, flags or prompts) and fills in defaults; each problem is a sentence in `lang`. */
export function parseAnswers(raw: unknown, options: ParseOptions = {}): ParseOutcome {
  const lang = checkedLang(options.lang);
  const outcome = validateAnswers(raw, options);
  if (outcome.ok) return outcome;
  return { ok: false, problems: outcome.problems.map((problem) => say(lang, problem)), missing: outcome.missing };
}
