import { InputError } from "../engine/errors.js";
import { t } from "../i18n/index.js";
import { checkedLang } from "./words.js";
import { parseAnswers } from "./answers.js";
import { evaluate, type RecommendOptions, type Result } from "./result.js";

export { evaluateBrief } from "../engine/evaluate.js";
export { evaluate, SCHEMA_VERSION } from "./result.js";
export type {
  BriefResult,
  LaunchTypeReason,
  Reason,
  RecommendOptions,
  Result,
  WhatWouldChange,
} from "./result.js";

/**
 * The recommendation for a team's answers. Validates them first (defaults
 * filled in) and throws an InputError that lists every problem.
 */
export function recommend(input: unknown, options: RecommendOptions = {}): Result {
  const lang = checkedLang(options.lang);
  const parsed = parseAnswers(input, { lang });
  if (!parsed.ok) {
    const missing = parsed.missing.map((key) => `"${key}"`);
    throw new InputError(missing.length > 0 ? [...parsed.problems, t(lang, "answers.missing", { keys: missing.join(", ") })] : parsed.problems);
  }
  return evaluate(parsed.answers, options);
}

