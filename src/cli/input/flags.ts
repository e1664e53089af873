import { MAX_SET_ITEMS, QUESTIONS, type AnswerKey } from "../../engine/questions.js";
import { UsageError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import type { AnswerFlags } from "./options.js";

export interface FlagAnswers {
  raw: Record<string, unknown>;
  /** The flag each answer came from, for error messages. */
  where: Map<string, string>;
}

/**
 * Raw answer values from parsed options. Values are checked with the file's
 * answers, in one place; only what a list flag's own syntax gets wrong (an
 * empty item, "none" beside a value) is refused here.
 */
export function answersFromFlags(options: AnswerFlags, lang: Lang): FlagAnswers {
  const raw: Record<string, unknown> = {};
  const where = new Map<string, string>();
  for (const q of QUESTIONS) {
    const value = options[q.key];
    if (value === undefined) continue;
    const flag = `--${q.flag}`;
    if (q.kind === "set") raw[q.key] = toList(Array.isArray(value) ? value.map(String) : [String(value)], flag, lang);
    else if (typeof value === "string") raw[q.key] = q.kind === "integer" ? toInteger(value, q.min, q.max) : q.kind === "number" ? toNumber(value) : value.trim();
    else continue;
    where.set(q.key, flag);
  }
  return { raw, where };
}

/**
 * A list flag's values as they are typed, kept in place: each repetition
 * costs the same (a copy per value had made 40,000 of them quadratic), and a
 * value past what any list may hold is refused at once, since every value
 * holds at least one item.
 */
export function addListValue(values: string[] | undefined, value: string, flag: string, lang: Lang): string[] {
  const list = values ?? [];
  if (list.length >= MAX_SET_ITEMS) throw new UsageError(t(lang, "flags.tooManyValues", { flag, max: MAX_SET_ITEMS }));
  list.push(value);
  return list;
}

// "--ecosystem helm,gitops", or "--ecosystem helm --ecosystem gitops"; "--ecosystem none" is the empty list.
function toList(values: readonly string[], flag: string, lang: Lang): string[] {
  const items = values.flatMap((value) => value.split(",").map((item) => item.trim()));
  if (items.some((item) => item === "")) {
    throw new UsageError(t(lang, "flags.emptyItem", { flag, got: JSON.stringify(values.join(",")) }));
  }
  if (items.includes("none")) {
    if (items.length > 1) throw new UsageError(t(lang, "flags.noneAndMore", { flag }));
    return [];
  }
  return items;
}

// Only plain digits become a number; anything else stays text so the error can quote it.
/**
 * A count from a flag, by the rule a file's number follows: JSON's number
 * syntax (so 3.0 and 3e0 are 3, as in a file), a whole value. Anything else,
 * or a value out of range, stays the text typed, so the message quotes the
 * input as given ("-0", not 0).
 */
export function toInteger(value: string, min: number, max: number): number | string {
  const text = value.trim();
  if (!/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return value;
  const number = Number(text);
  return Number.isInteger(number) && number >= min && number <= max && !Object.is(number, -0) ? number : text;
}

// Plain decimals only ("0.5", "16"); "1e3" or "0x10" stay text so the error can quote them.
export function toNumber(value: string): number | string {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

export function flagOf(key: AnswerKey): string {
  return `--${QUESTIONS.find((q) => q.key === key)!.flag}`;
}

/**
 * The flags that give these answers again: each answer that differs from its
 * default, in the questions' order (a required answer has no default, so it is
 * always there). An answer left unknown is left out, as it was.
 */
export function flagsFor(answers: Readonly<Record<string, unknown>>): string[] {
  const flags: string[] = [];
  for (const q of QUESTIONS) {
    const value = answers[q.key];
    if (value === undefined) continue;
    const shown = Array.isArray(value) ? value.join(",") : String(value);
    const fallback = "default" in q ? q.default : undefined;
    if (fallback !== undefined && shown === (Array.isArray(fallback) ? fallback.join(",") : String(fallback))) continue;
    flags.push(`--${q.flag}`, shown === "" ? "none" : shown);
  }
  return flags;
}
