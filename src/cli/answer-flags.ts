import { Option } from "commander";
import { QUESTIONS, type AnswerKey } from "../engine/questions.js";
import { t, type Lang } from "../i18n/index.js";

/** One flag per answer, from the questions table: --kubernetes-experience, --ecosystem helm,gitops, ... */
export function answerOptions(lang: Lang): Option[] {
  return QUESTIONS.map((q) => {
    const placeholder = q.kind === "integer" ? "<n>" : q.kind === "set" ? "<list>" : "<value>";
    const values = q.kind === "integer" ? `${q.min}-${q.max}` : q.choices.join("|");
    const comma = q.kind === "set" ? t(lang, "help.commaList") : "";
    const fallback = q.required
      ? ""
      : t(lang, "help.default", { value: q.kind === "set" ? "none" : "default" in q ? String(q.default) : t(lang, "value.unknown") });
    return new Option(`--${q.flag} ${placeholder}`, `${t(lang, `q.${q.key}`)} (${values}${comma})${fallback}`);
  });
}

export interface FlagAnswers {
  raw: Record<string, unknown>;
  /** The flag each answer came from, for error messages. */
  where: Map<string, string>;
}

/** Raw answer values from parsed options. Validation happens with the file's answers, in one place. */
export function answersFromFlags(options: Record<string, unknown>): FlagAnswers {
  const raw: Record<string, unknown> = {};
  const where = new Map<string, string>();
  for (const q of QUESTIONS) {
    const value = options[q.key];
    if (typeof value !== "string") continue;
    raw[q.key] = q.kind === "set" ? toList(value) : q.kind === "integer" ? toInteger(value) : value.trim();
    where.set(q.key, `--${q.flag}`);
  }
  return { raw, where };
}

// "--ecosystem helm,gitops"; "--ecosystem none" or an empty value clears the list.
function toList(value: string): string[] {
  const items = value.split(",").map((item) => item.trim()).filter(Boolean);
  return items.length === 1 && items[0] === "none" ? [] : items;
}

// Only plain digits become a number; anything else stays text so the error can quote it.
function toInteger(value: string): number | string {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

export function flagOf(key: AnswerKey): string {
  return `--${QUESTIONS.find((q) => q.key === key)!.flag}`;
}
