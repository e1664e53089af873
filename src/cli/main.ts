import { Command, Option } from "commander";
import { t, type Lang, type MessageKey } from "../i18n/index.js";
import { langOf } from "../i18n/lang.js";
import { answerOptions } from "./answer-flags.js";
import * as commands from "./commands/index.js";
import { EXIT, reportError } from "./errors-report.js";
import { processIo, type Io } from "./io.js";
import { VERSION } from "./schema-url.js";

export { processIo };

type Options = Record<string, unknown>;
type Action = (options: Options, command: Command) => Promise<number> | number;

/** Runs the CLI and resolves to its exit code: the one place where errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  let exitCode: number = EXIT.ok;
  const act = (action: Action) => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    exitCode = await action(command.optsWithGlobals(), command);
  };
  try {
    await buildProgram(argv, io, lang, act).parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, (text) => io.stderr.write(text), lang, Boolean(io.env.ECS_OR_EKS_DEBUG));
  }
}

function buildProgram(
  argv: readonly string[],
  io: Io,
  lang: Lang,
  act: (action: Action) => (...args: unknown[]) => Promise<void>,
): Command {
  const describe = (command: Command, name: string) =>
    command
      .description(
        `${t(lang, `help.${name}.description` as MessageKey)}\n\n${t(lang, "help.examplesTitle")}\n${t(lang, `help.${name}.examples` as MessageKey)}`,
      )
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
    return command.option("-a, --answers <file>", t(lang, "help.answers")).option("--no-input", t(lang, "help.noInput"));
  };
  const format = (formats: readonly string[]) =>
    new Option("-f, --format <format>", t(lang, "help.format", { formats: formats.join("|") }));

  const program = describe(new Command("ecs-or-eks"), "main")
    .version(VERSION, "-V, --version", t(lang, "help.version"))
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
  common(program).action(act((options) => commands.advise(options, io, lang)));

  // Each subcommand's options are built only when it is the one being run;
  // the others are listed by name and summary (all that the root help shows).
  const subcommands: Record<string, (command: Command) => void> = {
    schema: (command) => common(command).action(act(() => commands.printSchema(io))),
    init: (command) =>
      common(
        withAnswers(command).option("-o, --out <file>", t(lang, "help.out")).option("--force", t(lang, "help.force")),
      ).action(act((options) => commands.init(options, io, lang))),
    rules: (command) => {
      common(command.addOption(format(["text", "json"])).option("--json", t(lang, "help.json")).option("--rules <file>", t(lang, "help.rules")))
        .action(act((options) => commands.listRules(options, io, lang)));
      const check = describe(command.command("check"), "rulesCheck")
        .summary(t(lang, "help.rulesCheck.description"))
        .argument("<file>", t(lang, "help.rulesFile"));
      common(check).action(async (file: string, _options: Options, self: Command) => {
        await act(() => commands.checkRulesFile(file, self.optsWithGlobals(), io, lang))(self);
      });
    },
    compare: (command) =>
      common(command.addOption(format(["text", "markdown", "json"])).option("--json", t(lang, "help.json"))).action(
        act((options) => commands.compare(options, io, lang)),
      ),
    scaffold: (command) =>
      common(
        withAnswers(
          command
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
            .option("--rules <file>", t(lang, "help.rules")),
        ),
      ).action(act((options) => commands.scaffoldCommand(options, io, lang))),
  };
  for (const [name, build] of Object.entries(subcommands)) {
    const command = program.command(name).summary(t(lang, `help.${name}.description` as MessageKey));
    if (argv.includes(name)) build(describe(command, name));
  }
  return program;
}
