// The questionnaire as a test walks it: its messages in either language, and the quick path to the review.
import { isPrompted, QUESTIONS } from "../../src/engine/questions.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { KEYS, type inTerminal } from "./pty.js";

const CATALOGUES = { en, ko } as const;
export type Lang = keyof typeof CATALOGUES;

/** A message of the catalogue, filled. */
export const say = (lang: Lang, key: string, vars: Record<string, string | number> = {}) =>
  (CATALOGUES[lang] as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

// Every question a team with nothing in production is asked (how it feels about what it runs is not asked then).
// The estimate's detail (services, environments, pricing, ...) is given by flags and files, not asked.
export const ASKED = QUESTIONS.filter((q) => !("askedWhen" in q) && isPrompted(q));
export const TOTAL = ASKED.length;
export const QUICK = QUESTIONS.filter((q) => (q.required || "quick" in q) && !("askedWhen" in q));

/** A prompt's first words: enough to know it is drawn, short enough never to be wrapped. */
export const opening = (text: string) => text.slice(0, 12);

/** The six quick questions answered with their defaults, then "finish now", up to the review. */
export async function quickPathToReview(term: ReturnType<typeof inTerminal>, lang: Lang) {
  for (let n = 1; n <= QUICK.length; n++) await term.when(`(${n}/${TOTAL})`, KEYS.enter);
  await term.when(opening(say(lang, "prompt.finish", { n: TOTAL - QUICK.length })), `${KEYS.down}${KEYS.enter}`);
  await term.when(opening(say(lang, "prompt.review")), "");
}
