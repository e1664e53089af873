import { InputError } from "../../engine/errors.js";
import { quoteValue } from "../../engine/quote-value.js";
import { QUESTIONS, type Answers, type AnswerKey } from "../../engine/questions.js";
import { t, type Lang } from "../../i18n/index.js";
import { answersFromFlags, flagOf } from "./flags.js";
import { validateAnswers } from "./validate-answers.js";
import { stdinIsTTY, type Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import type { WithAnswers } from "./options.js";
import { parseJson, readText } from "./read.js";
import type { ReviewEnd } from "./prompts.js";

export interface Gathered {
  answers: Answers;
  /** The answers as given (file, flags and prompts), before defaults: what --save writes. */
  given: Record<string, unknown>;
  /** Whether the questionnaire ran: a person answered at a terminal. */
  asked: boolean;
}

/**
 * Answers from, in order: an answers file or piped JSON, then flags (which
 * override the file), then prompts for what is still missing when a person
 * is at a terminal. A run without a terminal never waits for input.
 */
export async function gatherAnswers(
  options: WithAnswers,
  io: Io,
  lang: Lang,
  end: ReviewEnd = "recommend",
  /** Every question, already being asked (input/prompts.ts askFromStart), for a run given nothing. */
  asking?: Promise<Record<string, unknown>>,
): Promise<Gathered> {
  const flags = answersFromFlags(options, lang);
  const flagsComplete = QUESTIONS.every((q) => !q.required || q.key in flags.raw);
  // Piped JSON is read only when flags leave something to answer: a CI job
  // whose stdin is an open pipe must not hang when every flag is given.
  const source = options.answers ?? (!flagsComplete && !stdinIsTTY(io) ? "-" : undefined);
  const label = source === undefined ? undefined : source === "-" ? "stdin" : source;
  const text = source === undefined ? "" : await readText(source, () => io.stdin, io.cwd, lang);
  // Empty stdin that nobody asked for (no --answers) is no answers, when flags give some.
  const implicitAndEmpty = options.answers === undefined && text.trim() === "" && Object.keys(flags.raw).length > 0;
  const fromFile = source === undefined || implicitAndEmpty ? {} : parseJson(text, label!, lang);
  const where = (key: string) => flags.where.get(key) ?? (label ? `${label}: ${quoteValue(key)}` : quoteValue(key));
  if (typeof fromFile !== "object" || fromFile === null || Array.isArray(fromFile)) {
    const outcome = await validateAnswers(fromFile, { lang, label });
    throw new InputError(outcome.ok ? [] : outcome.problems);
  }
  const given: Record<string, unknown> = { ...fromFile, ...flags.raw };
  // Asked only when it matters: knowing costs a look at stdin.
  const interactive = () => options.input !== false && stdinIsTTY(io);

  // Nothing given at a terminal: straight to the questions (validation comes after them).
  if (Object.keys(given).length > 0 || !interactive()) {
    const first = await validateAnswers(given, { lang, where, label });
    if (first.ok) return { answers: first.answers, given, asked: false };
    if (first.problems.length > 0) throw new InputError(first.problems);
    if (!interactive()) throw missingError(first.missing, lang, options.input === false && stdinIsTTY(io));
  }

  // With an answers file, ask only the required answers it lacks; otherwise every question not given.
  const toAsk = QUESTIONS.filter((q) => !(q.key in given) && (source === undefined || q.required)).map((q) => q.key);
  const asked = await (asking ?? (await import("./prompts.js")).askAnswers(toAsk, { input: io.stdin, output: io.stderr }, lang, colorEnabled(io.stderr, io.env, options.color), end, given));
  const all = { ...given, ...asked };
  const second = await validateAnswers(all, { lang, where });
  if (!second.ok) throw second.problems.length > 0 ? new InputError(second.problems) : missingError(second.missing, lang);
  return { answers: second.answers, given: all, asked: true };
}

/** The answers still missing; the fix offers the prompts only where they could come: at a terminal, without --no-input. */
function missingError(missing: readonly AnswerKey[], lang: Lang, noInputAtTerminal = false): InputError {
  const list = missing.map((key) => `${key} (${flagOf(key)})`).join(", ");
  return new InputError(t(lang, "answers.missing", { keys: list }), t(lang, noInputAtTerminal ? "answers.missingHintNoInput" : "answers.missingHint"));
}
