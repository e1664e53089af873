import type { Message, MessageValue } from "../engine/message.js";
import type { Localized } from "../engine/rule-types.js";
import { InputError } from "../engine/errors.js";
import { quoteValue } from "../engine/quote-value.js";
import { LANGS, t, tDynamic, type Lang } from "../i18n/index.js";

/** A message from the engine, worded in `lang`: nested messages first, then the message that holds them. */
export function say(lang: Lang, message: Message): string {
  if ("text" in message) return message.text;
  const vars = message.vars && Object.fromEntries(Object.entries(message.vars).map(([name, value]) => [name, word(lang, value)]));
  return tDynamic(lang, message.key, message.key, vars);
}

function word(lang: Lang, value: MessageValue): string | number {
  return typeof value === "object" ? say(lang, value) : value;
}

/** A language a library caller passed: en or ko, else the library's InputError naming both (never a TypeError). */
export function checkedLang(lang: unknown = "en"): Lang {
  if (typeof lang === "string" && (LANGS as readonly string[]).includes(lang)) return lang as Lang;
  throw new InputError(t("en", "library.badLang", { got: quoteValue(lang), langs: LANGS.join(", ") }));
}

/** A text a rules file gives in several languages, in `lang` where it has it, else in English. */
export function localize(text: Localized, lang: Lang): string {
  return text[lang] ?? text.en;
}
