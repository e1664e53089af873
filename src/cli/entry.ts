import { readFileSync } from "node:fs";
import { langOf } from "../i18n/lang.js";

/** What bin/ecs-or-eks.js calls: run with the real process, then set the exit code. */
export async function main(): Promise<void> {
  watchOutput(process.stdout, "stdout");
  watchOutput(process.stderr, "stderr");
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
 * A stream we cannot write to ends the run with its own exit code. A reader
 * that went away (`ecs-or-eks ... | head`) is not an error: exit quietly with
 * what the run would have returned. Anything else (a full disk, a device
 * error) is one line on stderr, if stderr still works, and exit 74: never a
 * stack, and never 1, which CI would read as "the decision changed".
 */
function watchOutput(stream: NodeJS.WriteStream, name: "stdout" | "stderr"): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (name === "stdout") {
      try {
        process.stderr.write(`ecs-or-eks: ${outputFailure(error)}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left.
      }
    }
    process.exit(74);
  });
}

// The catalogues are not loaded yet when the first write fails, so this one message carries both languages.
const OUTPUT_FAILURE = {
  en: { message: "cannot write the output (stdout)", ENOSPC: "the disk is full", EIO: "an input/output error", EDQUOT: "the disk quota is used up" },
  ko: { message: "출력(stdout)을 쓸 수 없습니다", ENOSPC: "디스크가 가득 찼습니다", EIO: "입출력 오류입니다", EDQUOT: "디스크 할당량을 다 썼습니다" },
} as const;

/** "cannot write the output (stdout): the disk is full." */
function outputFailure(error: NodeJS.ErrnoException): string {
  const words = OUTPUT_FAILURE[langOf(process.argv.slice(2), process.env)];
  const reason = (words as Record<string, string>)[error.code ?? ""] ?? error.message;
  return `${words.message}: ${reason}.`;
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
