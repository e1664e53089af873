import { quickCheckAnswers } from "../../engine/answers-quick-check.js";
import type { ParseOptions, ParseOutcome, parseAnswers } from "../../explain/answers.js";

type Parse = typeof parseAnswers;

/**
 * Answers checked the cheap way first: valid answers never load the zod
 * schema. Invalid ones are handed to parseAnswers, loaded on first need, for
 * the messages that name every problem.
 */
export async function validateAnswers(raw: unknown, options: ParseOptions = {}): Promise<ParseOutcome> {
  const answers = quickCheckAnswers(raw, options.batchLine);
  if (answers) return { ok: true, answers };
  return (await loadAnswerParser())(raw, options);
}

/** parseAnswers, with zod, loaded when some answers first turn out invalid (the module system keeps it after). */
export async function loadAnswerParser(): Promise<Parse> {
  return (await import("../../explain/answers.js")).parseAnswers;
}
