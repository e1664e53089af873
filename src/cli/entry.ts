import { readFileSync } from "node:fs";
import { LANGS, langArgument, langOf } from "../i18n/lang.js";
import { keepCompiledCode } from "./terminal/compile-cache.js";
import { processIo } from "./terminal/io.js";
import { isTerminal, stdoutOutput } from "./terminal/streams.js";

/** What bin/ecs-or-eks.js calls: run with the real process, then set the exit code. */
export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const instant = instantOutput(argv, process.env);
  if (instant !== undefined) {
    stdoutOutput().write(instant);
    return;
  }
  // After the instant answers, which load too little to gain from it.
  keepCompiledCode(new URL("../", import.meta.url));
  const io = processIo();
  // `ecs-or-eks` alone at a terminal is the questionnaire, and nothing of such a run can fail before it: the
  // questions come first, and the rest of the program (the engine, the rules, the prices) loads once they are
  // answered. The answers, or why there are none (Ctrl-C), go to the main command, which reports either.
  const asking = questionnaireAlone(argv) ? import("./input/prompts.js").then((prompts) => prompts.askFromStart(io, langOf(argv, io.env))) : undefined;
  await asking?.catch(() => {});
  const { runCli } = await import("./program.js");
  process.exitCode = await runCli(argv, io, asking);
}

/** The questionnaire and nothing else: no argument but a language that exists, at a terminal. */
function questionnaireAlone(argv: readonly string[]): boolean {
  if (!onlyLanguage(argv) || !isTerminal(0)) return false;
  const lang = langArgument(argv);
  return lang === undefined || (LANGS as readonly string[]).includes(lang);
}

/**
 * --version, and the top-level --help when it is not going to a terminal,
 * without loading the parser or anything else. The help text is what the
 * parser itself printed at build time (scripts/build.mjs), at the width it
 * uses off a terminal (80 columns); at a terminal it is drawn to fit, as usual.
 * ECS_OR_EKS_NO_FAST_PATH=1 turns this off (the build uses it to draw the text).
 */
function instantOutput(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (env.ECS_OR_EKS_NO_FAST_PATH) return undefined;
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return `${__ECS_OR_EKS_VERSION__}\n`;
  const rest = argv.filter((arg) => arg !== "--help" && arg !== "-h");
  if (argv.length - rest.length !== 1 || !onlyLanguage(rest) || isTerminal(1)) return undefined;
  try {
    return readFileSync(new URL(`help.${langOf(argv, env)}.txt`, import.meta.url), "utf8");
  } catch {
    return undefined;
  }
}

/** No arguments but, at most, the language: `--lang ko` or `--lang=ko`. */
function onlyLanguage(args: readonly string[]): boolean {
  return args.length === 0 || (args.length === 2 && args[0] === "--lang") || (args.length === 1 && args[0]!.startsWith("--lang="));
}
