// The languages, apart from their catalogues, so the library's published
// types name a language without carrying every message with them.

export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG,
 * the POSIX order; ko_* (or plain "ko") means Korean, anything else English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ko(?:[_.@-]|$)/i.test(locale) ? "ko" : "en";
}

/** What --lang says, as typed (`--lang ko` or `--lang=ko`), or undefined without it. */
export function langArgument(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  return index === -1 ? undefined : argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
}

/** A run's language: --lang when it names one (a bad value is reported later, by the parser), else the locale. */
export function langOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const value = langArgument(argv);
  return value && isLang(value) ? value : langFromEnv(env);
}
