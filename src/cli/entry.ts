import { readFileSync } from "node:fs";
import { LANGS, langArgument, langOf } from "../i18n/lang.js";
import { isChangedOnDisk } from "./output/changed-on-disk.js";
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
  const lang = langOf(argv, io.env);
  // `ecs-or-eks` alone at a terminal is the questionnaire, and nothing of such a run can fail before it: the
  // questions come first, and the rest of the program (the engine, the rules, the prices, what the result
  // loads) loads behind the first question, so the package may be upgraded or removed while they are open.
  // The answers, or why there are none (Ctrl-C), go to the main command, which reports either.
  const questionnaire = questionnaireAlone(argv) ? import("./input/prompts.js") : undefined;
  let program: Promise<typeof import("./program.js")> | undefined;
  const loadProgram = () => {
    program ??= import("./program.js").then(async (loaded) => {
      if (questionnaire) await loaded.loadForQuestionnaire();
      return loaded;
    });
    // Awaited after the questions; a failure before then is not an unhandled one.
    program.catch(() => {});
    return program;
  };
  const asking = questionnaire?.then((prompts) => prompts.askFromStart(io, lang, () => void loadProgram()));
  await asking?.catch(() => {});
  try {
    const { runCli } = await loadProgram();
    process.exitCode = await runCli(argv, io, asking);
  } catch (error) {
    // The program's own files went while the questions were open; the questionnaire's module, loaded, says so.
    if (!questionnaire || !isChangedOnDisk(error)) throw error;
    process.exitCode = (await questionnaire).reportChangedOnDisk(io.stderr, lang);
  }
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
