import { readFileSync } from "node:fs";
import { langOf } from "../i18n/lang.js";

/** What bin/ecs-or-eks.js calls: run with the real process, then set the exit code. */
export async function main(): Promise<void> {
  // `ecs-or-eks ... | head` closes the pipe early; that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const argv = process.argv.slice(2);
  const instant = instantOutput(argv, process.env, process.stdout.isTTY === true);
  if (instant !== undefined) {
    process.stdout.write(instant);
    return;
  }
  // A bare `ecs-or-eks` at a terminal is the questionnaire: fetch the prompts while the rest loads.
  if (process.stdin.isTTY && onlyLanguage(argv)) void import("./ask.js");
  const { run, processIo } = await import("./main.js");
  process.exitCode = await run(argv, processIo());
}

/**
 * --version, and the top-level --help when it is not going to a terminal,
 * without loading the parser or anything else. The help text is what the
 * parser itself printed at build time (scripts/build.mjs), at the width it
 * uses off a terminal (80 columns); at a terminal it is drawn to fit, as usual.
 * ECS_OR_EKS_NO_FAST_PATH=1 turns this off (the build uses it to draw the text).
 */
function instantOutput(argv: readonly string[], env: NodeJS.ProcessEnv, terminal: boolean): string | undefined {
  if (env.ECS_OR_EKS_NO_FAST_PATH) return undefined;
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return `${__ECS_OR_EKS_VERSION__}\n`;
  const rest = argv.filter((arg) => arg !== "--help" && arg !== "-h");
  if (terminal || argv.length - rest.length !== 1 || !onlyLanguage(rest)) return undefined;
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
