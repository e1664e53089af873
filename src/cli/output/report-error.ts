import { CommanderError } from "commander";
import { Interrupted, isUserError, OutputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "./exit-codes.js";


const QUIET_COMMANDER_CODES = new Set(["commander.helpDisplayed", "commander.version", "commander.help"]);

/**
 * The one place an error becomes an exit code and a message on stderr:
 * user errors are 2 with what went wrong and the fix (fix last), a file or
 * stream that cannot be written is 74, Ctrl-C is 130 with one line, anything
 * else is a bug: 70 and a request to report it.
 */
export function reportError(error: unknown, write: (text: string) => void, lang: Lang, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (QUIET_COMMANDER_CODES.has(error.code)) return EXIT.ok;
    write(`ecs-or-eks: ${commanderMessage(error, lang)}\n${t(lang, "error.fix", { fix: t(lang, "error.usageHint") })}\n`);
    return EXIT.usage;
  }
  if (isUserError(error)) {
    const lines = error.problems.map((problem) => `ecs-or-eks: ${problem}`);
    if (error.hint) lines.push(t(lang, "error.fix", { fix: error.hint }));
    write(`${lines.join("\n")}\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    write(`ecs-or-eks: ${error.message}\n`);
    return EXIT.cannotWrite;
  }
  // A signal at a prompt (Interrupted carries its exit code), or Ctrl-C as the prompt library reports it.
  if (error instanceof Interrupted || (error instanceof Error && error.name === "ExitPromptError")) {
    write(`\n${t(lang, "error.interrupted")}\n`);
    return error instanceof Interrupted ? error.exitCode : EXIT.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`ecs-or-eks: ${t(lang, "error.unexpected", { message })}\n`);
  if (debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
  write(`${t(lang, "error.report")}\n`);
  return EXIT.bug;
}

/** commander's own wording in English; in Korean, the same facts in Korean. */
function commanderMessage(error: CommanderError, lang: Lang): string {
  const english = error.message.replace(/^error: /, "").replace(/\n/g, " ");
  if (lang === "en") return english;
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  const suggestion = /Did you mean ([^?]+)\?/.exec(error.message)?.[1];
  const also = suggestion ? ` ${t(lang, "error.didYouMean", { suggestion })}` : "";
  switch (error.code) {
    case "commander.unknownOption":
      return t(lang, "error.unknownOption", { option: quoted }) + also;
    case "commander.unknownCommand":
      return t(lang, "error.unknownCommand", { command: quoted }) + also;
    case "commander.optionMissingArgument":
      return t(lang, "error.optionMissingArgument", { option: quoted });
    case "commander.missingArgument":
      return t(lang, "error.missingArgument", { argument: quoted });
    case "commander.excessArguments":
      return t(lang, "error.excessArguments");
    default:
      return english;
  }
}
