import { Interrupted, isUserError, OutputError, type InputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT, signalExitCode } from "./exit-codes.js";
import { forLogLine } from "./escape.js";
import { isChangedOnDisk } from "./changed-on-disk.js";

/** How many problems an error shows before "… and N more": 60,000 unknown keys must not give 60,000 lines. */
const MAX_PROBLEMS = 20;


const QUIET_COMMANDER_CODES = new Set(["commander.helpDisplayed", "commander.version", "commander.help"]);

/**
 * The one place an error becomes an exit code and a message on stderr:
 * user errors are 2 with what went wrong and the fix (fix last), a file or
 * stream that cannot be written is 74, and so is a module of the package gone
 * from disk (upgraded or removed while it ran); Ctrl-C is 130 with one line,
 * anything else is a bug: 70 and a request to report it.
 */
export function reportError(error: unknown, writeRaw: (text: string) => void, lang: Lang, debug: boolean): number {
  // Each line quotes user text (a key, a file name, a rule's field): escaped one by one, so none can
  // carry a control byte to the terminal or a newline that forges a line in the log.
  const write = (...lines: string[]) => writeRaw(`${lines.map(forLogLine).join("\n")}\n`);
  if (isCommanderError(error)) {
    if (QUIET_COMMANDER_CODES.has(error.code)) return EXIT.ok;
    write(`ecs-or-eks: ${commanderMessage(error, lang)}`, t(lang, "error.fix", { fix: t(lang, "error.usageHint") }));
    return EXIT.usage;
  }
  if (isUserError(error)) {
    write(...userErrorLines(error, lang));
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    write(`ecs-or-eks: ${error.message}`);
    return EXIT.cannotWrite;
  }
  // A signal at a prompt (Interrupted carries its exit code), or Ctrl-C as the prompt library reports it.
  if (error instanceof Interrupted || (error instanceof Error && error.name === "ExitPromptError")) {
    write("", error instanceof Interrupted && error.note ? error.note : t(lang, "error.interrupted"));
    return error instanceof Interrupted ? error.exitCode : promptSignalCode(error.message);
  }
  if (isChangedOnDisk(error)) {
    write(t(lang, "error.changedOnDisk"));
    return EXIT.changedOnDisk;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`ecs-or-eks: ${t(lang, "error.unexpected", { message })}`);
  if (debug && error instanceof Error && error.stack) writeRaw(`${error.stack}\n`);
  write(t(lang, "error.report"));
  return EXIT.bug;
}

/** A user error as the CLI reports it: each problem (the first few), then the fix. The MCP server's tool errors carry the same lines. */
export function userErrorLines(error: InputError, lang: Lang): string[] {
  const shown = error.listAll ? error.problems : error.problems.slice(0, MAX_PROBLEMS);
  const lines = shown.map((problem) => `ecs-or-eks: ${problem}`);
  if (shown.length < error.problems.length) lines.push(`ecs-or-eks: ${t(lang, "error.andMore", { count: error.problems.length - shown.length })}`);
  if (error.hint) lines.push(t(lang, "error.fix", { fix: error.hint }));
  return lines;
}

/** An error commander threw about the command line, told by its code: commander itself loads only when the line needs it. */
function isCommanderError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("commander.");
}

/** commander's own wording in English; in Korean, the same facts in Korean. */
function commanderMessage(error: Error & { code: string }, lang: Lang): string {
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

/**
 * The exit code of a signal the prompt library reported before our own
 * handler could ("User force closed the prompt with 0 SIGABRT"): 128 + its
 * number, as for any signal; Ctrl-C (and anything unnamed) is 130. The
 * library may name a signal by another of its names: on Linux, SIGABRT
 * arrives as SIGIOT too (one number, 6), and it answers whichever comes first.
 */
function promptSignalCode(message: string): number {
  const signal = /\b(SIG[A-Z0-9]+)\s*$/.exec(message)?.[1];
  return (signal === undefined ? undefined : signalExitCode(signal)) ?? EXIT.interrupted;
}

