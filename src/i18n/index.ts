import { en, type MessageKey } from "./en.js";
import { ko } from "./ko.js";

import type { Lang } from "./lang.js";

export { LANGS, isLang, langFromEnv, type Lang } from "./lang.js";
export type { MessageKey };

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, ko };

export type Vars = Readonly<Record<string, string | number>>;

/** Looks up a message and fills its `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = CATALOGUES[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A key built at run time (e.g. a choice label); falls back to the raw value. */
export function tDynamic(lang: Lang, key: string, fallback: string): string {
  const catalogue = CATALOGUES[lang] as Readonly<Record<string, string>>;
  return catalogue[key] ?? fallback;
}


/** Joins a list the way each language writes one ("a, b and c"). */
export function joinList(lang: Lang, items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  const word = t(lang, conjunction === "and" ? "list.and" : "list.or");
  return `${items.slice(0, -1).join(", ")}${word}${items.at(-1)}`;
}

/**
 * Joins conditions into one clause: "A, B and C" in English; in Korean every
 * clause but the last takes the connective ending (-면 becomes -고).
 */
export function joinConditions(lang: Lang, phrases: readonly string[]): string {
  if (lang === "ko") {
    return phrases.map((phrase, i) => (i < phrases.length - 1 ? phrase.replace(/으?면$/, "고") : phrase)).join(" ");
  }
  return joinList(lang, phrases, "and");
}
