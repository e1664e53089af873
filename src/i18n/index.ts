import { en, type MessageKey } from "./en.js";

import type { Lang } from "./lang.js";

export { LANGS, langFromEnv, type Lang } from "./lang.js";
export type { MessageKey };

export type Catalogue = Readonly<Record<MessageKey, string>>;

// English is always here; another language's catalogue is added when a run
// speaks it (useLanguage), so an English run never loads the Korean one.
// The library adds every language up front (src/index.ts).
const CATALOGUES: Partial<Record<Lang, Catalogue>> = { en };

/** Adds a language's catalogue, so t() can speak it. */
export function addCatalogue(lang: Lang, catalogue: Catalogue): void {
  CATALOGUES[lang] = catalogue;
}

/** Loads a language's catalogue if it is not here yet: what the CLI does once it knows the run's language. */
export async function useLanguage(lang: Lang): Promise<void> {
  if (lang === "ko" && !CATALOGUES.ko) addCatalogue("ko", (await import("./ko.js")).ko);
}

function catalogueOf(lang: Lang): Catalogue {
  // Own keys only: a lang "constructor" must not find Object.prototype's.
  const catalogue = Object.hasOwn(CATALOGUES, lang) ? CATALOGUES[lang] : undefined;
  // A bug, never input: every entry point adds the language it speaks first.
  if (!catalogue) throw new Error(`the ${lang} messages are not loaded: call useLanguage("${lang}") first`);
  return catalogue;
}

export type Vars = Readonly<Record<string, string | number>>;

/** Looks up a message and fills its `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, vars?: Vars): string {
  return particles(lang, fill(catalogueOf(lang)[key], vars));
}

/** A key built at run time (e.g. a choice label), with its placeholders filled; falls back to `fallback`. */
export function tDynamic(lang: Lang, key: string, fallback: string, vars?: Vars): string {
  const catalogue = catalogueOf(lang) as Readonly<Record<string, string>>;
  return particles(lang, fill(catalogue[key] ?? fallback, vars));
}

// A Korean particle after a filled-in word depends on how the word ends: "GPU가" but "DaemonSet이".
// The catalogue writes both forms ("{item}이/가"); the one that fits is kept once the word is known.
const PARTICLES = /(이\/가|을\/를|은\/는|과\/와|으로\/로|이어야\/여야)/g;

function particles(lang: Lang, text: string): string {
  if (lang !== "ko" || !text.includes("/")) return text;
  return text.replace(PARTICLES, (pair: string, _group: string, at: number) => {
    const [closed, open] = pair.split("/") as [string, string];
    const end = finalSound(text.slice(0, at));
    // "로" follows a vowel and also ㄹ: "Helm으로" but "서울로".
    return end === "none" || (pair === "으로/로" && end === "rieul") ? open : closed;
  });
}

/** How the text before a particle ends when read aloud: with no final consonant, with ㄹ, or another one. */
function finalSound(before: string): "none" | "rieul" | "other" {
  // A particle after a parenthesis follows the word before it: "기본 규칙(버전 1)으로".
  const last = before.replace(/[\s"'’”\]]+$/u, "").replace(/\s*\([^()]*\)$/u, "").at(-1) ?? "";
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const batchim = (code - 0xac00) % 28;
    return batchim === 0 ? "none" : batchim === 8 ? "rieul" : "other";
  }
  // Digits as read in Korean (영, 일, 이, 삼, ...).
  if (/[0136]/.test(last)) return "other";
  if (/[78]/.test(last)) return "rieul";
  const word = /[A-Za-z]+$/.exec(before.replace(/[\s"'’”\]]+$/u, "").replace(/\s*\([^()]*\)$/u, ""))?.[0];
  return word === undefined ? "none" : latinFinalSound(word);
}

/**
 * How an English word ends as Korean reads it aloud. Capitals are spelt out
 * (EKS 에스, VM 엠, URL 엘); a word follows its loanword spelling: a final
 * d, g, s, f, z or a consonant pair takes 으 and leaves no final consonant
 * (recommend 리커멘드를, scaffold 스캐폴드를, test 테스트를), while m, n, ng,
 * ng, and k, p, t or b after a short vowel close it (Helm 헬름을, DaemonSet 데몬셋이,
 * web 웹을), and l is ㄹ (rule 룰을).
 */
function latinFinalSound(word: string): "none" | "rieul" | "other" {
  if (word.length > 1 && word === word.toUpperCase()) return /[LR]$/.test(word) ? "rieul" : /[MN]$/.test(word) ? "other" : "none";
  // A silent e after l, m or n leaves the consonant final (rule 룰, name 네임, engine 엔진); after others it is 으 (node 노드).
  const tail = word.toLowerCase().replace(/(?<=[lmn])e$/, "");
  if (tail.endsWith("l")) return "rieul";
  if (/(?:[mn]|ng)$/.test(tail)) return "other";
  // A short vowel before k, p, t, b closes the syllable (셋, 앱, 웹); a long one or a consonant does not (플리트, 테스트).
  if (/(?:^|[^aeiou])[aeiou](?:[kptb]|ck)$/.test(tail)) return "other";
  return "none";
}

function fill(template: string, vars: Vars | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
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
