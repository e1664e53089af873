import { Command, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { isLang, langFromEnv, t, type Lang } from "../i18n/index.js";
import { answerOptions } from "./answer-flags.js";
import { EXIT, reportError } from "./errors-report.js";
import type { Io } from "./io.js";

type Options = Record<string, unknown>;

/**
 * Runs the CLI and resolves to its exit code. Parsing is all that happens
 * up front; each command loads its own code when it runs, so --help and
 * --version cost little more than starting Node.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  try {
    await buildProgram(io, lang, setExit).parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, (text) => io.stderr.write(text), lang, Boolean(io.env.ECS_OR_EKS_DEBUG));
  }
}

/** --lang wins (if valid; a bad value is reported once parsing runs), then the locale. */
function langOf(argv: readonly string[], env: Io["env"]): Lang {
  const index = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const value = index === -1 ? undefined : argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
  return value && isLang(value) ? value : langFromEnv(env);
}

function buildProgram(io: Io, lang: Lang, setExit: (code: number) => void): Command {
  const program = new Command("ecs-or-eks");
  program
    .description(t(lang, "help.description"))
    .version(pkg.version, "-V, --version", t(lang, "help.version"))
    .helpOption("-h, --help", t(lang, "help.help"))
    .addHelpText("after", `\n${t(lang, "help.examplesTitle")}\n${t(lang, "help.examples")}\n\n${t(lang, "help.exitCodes")}`)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Errors are reported once, in our words and language, by reportError.
      outputError: () => {},
    })
    .exitOverride()
    .showSuggestionAfterError(true)
    .enablePositionalOptions();

  for (const option of answerOptions(lang)) program.addOption(option);
  program
    .option("-a, --answers <file>", t(lang, "help.answers"))
    .option("--no-input", t(lang, "help.noInput"))
    .addOption(formatOption(lang, ["text", "json"]))
    .option("--json", t(lang, "help.json"))
    .addOption(langOption(lang))
    .option("--no-color", t(lang, "help.noColor"))
    .action(async (options: Options) => {
      const { advise } = await import("./commands/advise.js");
      setExit(await advise(options, io, lang));
    });
  return program;
}

function formatOption(lang: Lang, formats: readonly string[]): Option {
  return new Option("-f, --format <format>", t(lang, "help.format", { formats: formats.join("|") }));
}

function langOption(lang: Lang): Option {
  return new Option("--lang <lang>", t(lang, "help.lang"));
}
