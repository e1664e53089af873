import { Command, Option } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { isLang, langFromEnv, t, type Lang, type MessageKey } from "../i18n/index.js";
import { answerOptions } from "./answer-flags.js";
import { EXIT, reportError } from "./errors-report.js";
import type { Io } from "./io.js";

type Options = Record<string, unknown>;
type Action = (options: Options, command: Command) => Promise<number> | number;

/**
 * Runs the CLI and resolves to its exit code. Parsing is all that happens
 * up front; each command loads its own code when it runs, so --help and
 * --version cost little more than starting Node.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  let exitCode: number = EXIT.ok;
  const act = (action: Action) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    exitCode = await action(command.optsWithGlobals(), command);
  };
  try {
    await buildProgram(io, lang, act).parseAsync([...argv], { from: "user" });
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

function buildProgram(io: Io, lang: Lang, act: (action: Action) => (...args: unknown[]) => Promise<void>): Command {
  const describe = (command: Command, name: string) =>
    command
      .summary(t(lang, `help.${name}.description` as MessageKey))
      .description(`${t(lang, `help.${name}.description` as MessageKey)}\n\n${t(lang, "help.examplesTitle")}\n${t(lang, `help.${name}.examples` as MessageKey)}`)
      .helpOption("-h, --help", t(lang, "help.help"))
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // Errors are reported once, in our words and language, by reportError.
        outputError: () => {},
      })
      .exitOverride()
      .showSuggestionAfterError(true);
  const common = (command: Command) =>
    command.addOption(new Option("--lang <lang>", t(lang, "help.lang"))).option("--no-color", t(lang, "help.noColor"));
  const withAnswers = (command: Command) => {
    for (const option of answerOptions(lang)) command.addOption(option);
    return command
      .option("-a, --answers <file>", t(lang, "help.answers"))
      .option("--no-input", t(lang, "help.noInput"));
  };
  const format = (formats: readonly string[]) =>
    new Option("-f, --format <format>", t(lang, "help.format", { formats: formats.join("|") }));

  const program = describe(new Command("ecs-or-eks"), "main")
    .version(pkg.version, "-V, --version", t(lang, "help.version"))
    .addHelpText("after", `\n${t(lang, "help.exitCodes")}`)
    .helpCommand(false)
    .enablePositionalOptions();
  withAnswers(program)
    .addOption(format(["text", "json", "markdown", "adr"]))
    .option("--json", t(lang, "help.json"))
    .option("--rules <file>", t(lang, "help.rules"))
    .option("--expect <platform>", t(lang, "help.expect"))
    .option("--save <file>", t(lang, "help.save"))
    .option("--force", t(lang, "help.force"))
    .option("--summary", t(lang, "help.summary"))
    .option("--batch", t(lang, "help.batch"));
  common(program).action(
    act(async (options) => {
      const { advise } = await import("./commands/advise.js");
      return advise(options, io, lang);
    }),
  );

  const schema = describe(program.command("schema"), "schema");
  common(schema).action(
    act(async () => {
      const { printSchema } = await import("./commands/schema.js");
      return printSchema(io);
    }),
  );

  const init = describe(program.command("init"), "init");
  withAnswers(init)
    .option("-o, --out <file>", t(lang, "help.out"))
    .option("--force", t(lang, "help.force"));
  common(init).action(
    act(async (options) => {
      const { init: run } = await import("./commands/init.js");
      return run(options, io, lang);
    }),
  );

  const rules = describe(program.command("rules"), "rules")
    .addOption(format(["text", "json"]))
    .option("--json", t(lang, "help.json"))
    .option("--rules <file>", t(lang, "help.rules"));
  common(rules).action(
    act(async (options) => {
      const { listRules } = await import("./commands/rules.js");
      return listRules(options, io, lang);
    }),
  );
  const check = describe(rules.command("check"), "rulesCheck").argument("<file>", t(lang, "help.rulesFile"));
  common(check).action(async (file: string, _options: Options, command: Command) => {
    const { checkRulesFile } = await import("./commands/rules.js");
    await act(() => checkRulesFile(file, command.optsWithGlobals(), io, lang))(command);
  });

  const compare = describe(program.command("compare"), "compare")
    .addOption(format(["text", "markdown", "json"]))
    .option("--json", t(lang, "help.json"));
  common(compare).action(
    act(async (options) => {
      const { compare: run } = await import("./commands/compare.js");
      return run(options, io, lang);
    }),
  );

  const scaffold = describe(program.command("scaffold"), "scaffold")
    .option("--platform <platform>", t(lang, "help.platform"))
    .option("--launch-type <type>", t(lang, "help.launchType"))
    .option("--helm", t(lang, "help.helm"))
    .option("--name <name>", t(lang, "help.name"))
    .option("--image <image>", t(lang, "help.image"))
    .option("--port <n>", t(lang, "help.port"))
    .option("--cpu <units>", t(lang, "help.cpu"))
    .option("--memory <mib>", t(lang, "help.memory"))
    .option("--replicas <n>", t(lang, "help.replicas"))
    .option("-o, --out <dir>", t(lang, "help.outDir"))
    .option("--force", t(lang, "help.force"))
    .option("--rules <file>", t(lang, "help.rules"));
  withAnswers(scaffold);
  common(scaffold).action(
    act(async (options) => {
      const { scaffoldCommand } = await import("./commands/scaffold.js");
      return scaffoldCommand(options, io, lang);
    }),
  );

  return program;
}
