import { useLanguage } from "../i18n/index.js";
import { LANGS, langArgument, langOf } from "../i18n/lang.js";
import { advise } from "./commands/advise.js";
import { checkLang } from "./input/options.js";
import { plainMainOptions } from "./input/plain-args.js";
import { reportError } from "./output/report-error.js";
import type { Io } from "./terminal/io.js";

export { loadForQuestionnaire } from "./commands/advise.js";

/**
 * Runs the CLI and resolves to its exit code: the one place where errors
 * become exit codes. The main command is loaded with this module, and its
 * plain flags are read without the parser; the parser and every other
 * command load when they are needed (plain import()s), so the path measured
 * for start-up, a JSON run of the main command, carries none of their code
 * or data. `asking` is the questionnaire the entry started for a run given
 * nothing (see entry.ts).
 */
export async function runCli(argv: readonly string[], io: Io, asking?: Promise<Record<string, unknown>>): Promise<number> {
  const lang = langOf(argv, io.env);
  await useLanguage(lang);
  // A --lang the tool does not speak is refused in every language it does (options.ts checkLang).
  const asked = langArgument(argv);
  if (asked !== undefined && !(LANGS as readonly string[]).includes(asked)) for (const other of LANGS) await useLanguage(other);
  try {
    const plain = plainMainOptions(argv, lang);
    if (plain !== undefined) {
      checkLang(plain);
      return await advise(plain, io, lang, asking);
    }
    const { runCommandLine } = await import("./input/command-line.js");
    return await runCommandLine(argv, io, lang);
  } catch (error) {
    return reportError(error, (text) => io.stderr.write(text), lang, Boolean(io.env.ECS_OR_EKS_DEBUG));
  }
}
