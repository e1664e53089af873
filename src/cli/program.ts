import { Command, Option } from "commander";
import { t, useLanguage, type Lang, type MessageKey } from "../i18n/index.js";
import { langOf } from "../i18n/lang.js";
import { advise } from "./commands/advise.js";
import { answerOptions } from "./input/flags.js";
import {
  FORMATS,
  OPTION_TABLES,
  type AdviseOptions,
  type CommonOptions,
  type CompareOptions,
  type InitOptions,
  type OptionSpec,
  type PricesOptions,
  type RulesCheckOptions,
  type RulesOptions,
  type ScaffoldOptions,
  type SchemaOptions,
} from "./input/options.js";
import { EXIT, exitCodeVars } from "./output/exit-codes.js";
import { UsageError } from "../engine/errors.js";
import { suggest } from "../engine/suggest.js";
import { reportError } from "./output/report-error.js";
import { helpTitle, narrowHelp, usageIn, wrapExamples } from "./render/help.js";
import { wrap } from "./render/layout.js";
import type { Io } from "./terminal/io.js";
import { outputWidth } from "./terminal/width.js";
import { VERSION } from "./package-info.js";

/** A command's work: its options in, its exit code out. */
type Action<O> = (options: O, command: Command) => Promise<number> | number;

/**
 * Runs the CLI and resolves to its exit code: the one place where errors
 * become exit codes. The main command is loaded with this module; every other
 * command loads when it runs (a plain import() below), so the path measured
 * for start-up, a JSON run of the main command, carries neither their code
 * nor their data.
 */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  await useLanguage(lang);
  let exitCode: number = EXIT.ok;
  // commander calls an action with its arguments, then the options, then the command.
  const settingExitCode =
    <O,>(action: Action<O>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      exitCode = await action(command.optsWithGlobals() as O, command);
    };
  try {
    await buildProgram(argv, io, lang, settingExitCode).parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, (text) => io.stderr.write(text), lang, Boolean(io.env.ECS_OR_EKS_DEBUG));
  }
}

/** A command name nobody defined: the nearest one when it reads as a typo, else the list. */
function unknownCommand(word: string, program: Command, lang: Lang): UsageError {
  const names = program.commands.map((command) => command.name());
  const near = suggest(word, names);
  if (near !== undefined) return new UsageError(t(lang, "error.unknownCommandSuggest", { command: word, suggestion: near }), t(lang, "error.helpHint"));
  // A file (or - for stdin) where a command goes was probably meant as the answers.
  const list = t(lang, "error.unknownCommandList", { command: word, commands: names.join(", ") });
  if (word === "-") return new UsageError(list, t(lang, "error.stdinAnswersHint"));
  if (/\.json$/i.test(word)) return new UsageError(list, t(lang, "error.answersFileHint", { file: word }));
  return new UsageError(list, t(lang, "error.helpHint"));
}

type SettingExitCode = <O>(action: Action<O>) => (...args: unknown[]) => Promise<void>;

function buildProgram(argv: readonly string[], io: Io, lang: Lang, settingExitCode: SettingExitCode): Command {
  const describe = (command: Command, name: string) =>
    command
      .description(t(lang, `help.${name}.description` as MessageKey))
      .helpOption("-h, --help", t(lang, "help.help"))
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // The help fits the terminal it goes to, down to the narrowest we lay out for.
        getOutHelpWidth: () => outputWidth(io.stdout),
        getErrHelpWidth: () => outputWidth(io.stderr),
        // Errors are reported once, in our words and language, by reportError.
        outputError: () => {},
      })
      // The examples join the description only when help is shown: every run builds the commands.
      .configureHelp({
        ...narrowHelp,
        // commander's own headings and usage words, in the run's language.
        styleTitle: (title: string) => helpTitle(title, lang),
        commandUsage: (shown: Command) => usageIn(shown, lang),
        commandDescription: (shown: Command) =>
          `${shown.description()}\n\n${t(lang, "help.examplesTitle")}\n${wrapExamples(t(lang, `help.${name}.examples` as MessageKey), outputWidth(io.stdout))}`,
      })
      .exitOverride()
      .showSuggestionAfterError(true);
  // Each table's flags, in order; --format says which formats this command offers.
  const withOptions = (command: Command, table: readonly OptionSpec[], formats?: readonly string[]) => {
    for (const [flags, help] of table) {
      command.addOption(new Option(flags, t(lang, help, help === "help.format" ? { formats: (formats ?? []).join("|") } : undefined)));
    }
    return command;
  };
  const common = (command: Command) => withOptions(command, OPTION_TABLES.common);
  // `rules check <file>` and `prices check <file>`: the same shape, over different data.
  const withCheck = <O>(command: Command, data: "rules" | "prices", check: (file: string, options: O) => ReturnType<Action<O>>) => {
    const sub = describe(command.command("check"), `${data}Check`)
      .summary(t(lang, `help.${data}Check.description`))
      .argument("<file>", t(lang, `help.${data}File`));
    common(sub).action(settingExitCode<O>((options, self) => check(self.args[0]!, options)));
  };
  const withAnswers = (command: Command) => {
    for (const option of answerOptions(lang)) command.addOption(option);
    return withOptions(command, OPTION_TABLES.answers);
  };

  const program = describe(new Command("ecs-or-eks"), "main")
    .version(VERSION, "-V, --version", t(lang, "help.version"))
    .addHelpText("after", () => `\n${wrap(t(lang, "help.exitCodes", exitCodeVars()), outputWidth(io.stdout)).join("\n")}`)
    .helpCommand(false)
    .enablePositionalOptions();
  // A word where the main command takes none is a mistyped command (or a file meant for --answers):
  // reported as such, rather than as commander's "too many arguments".
  common(withOptions(withAnswers(program), OPTION_TABLES.advise, FORMATS.advise))
    .action(
      settingExitCode<AdviseOptions>((options, self) => {
        if (self.args.length > 0) throw unknownCommand(self.args[0]!, program, lang);
        return advise(options, io, lang);
      }),
    );

  // Each subcommand's options are built only when it is the one being run;
  // the others are listed by name and summary (all that the root help shows).
  const subcommands: Record<string, (command: Command) => void> = {
    schema: (command) =>
      common(command).action(settingExitCode<SchemaOptions>(async (options) => (await import("./commands/schema.js")).printSchema(options, io, lang))),
    init: (command) =>
      common(withOptions(withAnswers(command), OPTION_TABLES.init)).action(
        settingExitCode<InitOptions>(async (options) => (await import("./commands/init.js")).init(options, io, lang)),
      ),
    rules: (command) => {
      common(withOptions(command, OPTION_TABLES.rules, FORMATS.rules)).action(
        settingExitCode<RulesOptions>(async (options) => (await import("./commands/rules.js")).listRules(options, io, lang)),
      );
      withCheck(command, "rules", async (file, options: RulesCheckOptions) => (await import("./commands/rules.js")).checkRulesFile(file, options, io, lang));
    },
    prices: (command) => {
      common(withOptions(command, OPTION_TABLES.prices, FORMATS.prices)).action(
        settingExitCode<PricesOptions>(async (options) => (await import("./commands/prices.js")).listPrices(options, io, lang)),
      );
      withCheck(command, "prices", async (file, options: PricesOptions) => (await import("./commands/prices.js")).checkPricesFile(file, options, io, lang));
    },
    compare: (command) =>
      common(withOptions(command, OPTION_TABLES.compare, FORMATS.compare)).action(
        settingExitCode<CompareOptions>(async (options) => (await import("./commands/compare.js")).compare(options, io, lang)),
      ),
    scaffold: (command) =>
      common(withAnswers(withOptions(command, OPTION_TABLES.scaffold))).action(
        settingExitCode<ScaffoldOptions>(async (options) => (await import("./commands/scaffold.js")).scaffoldCommand(options, io, lang)),
      ),
    help: (command) =>
      command.action(
        settingExitCode<CommonOptions>((_options, self) => {
          const name = self.args[0];
          const shown = name === undefined ? program : program.commands.find((c) => c.name() === name);
          if (shown === undefined) throw unknownCommand(name!, program, lang);
          shown.outputHelp();
          return EXIT.ok;
        }),
      ),
    completion: (command) =>
      common(command).action(
        settingExitCode<CommonOptions>(async (_options, self) => (await import("./commands/completion.js")).printCompletion(self.args[0]!, io, lang)),
      ),
  };
  // Arguments are declared for every command, built or not: the main help's list shows them.
  const operands: Record<string, [string, MessageKey]> = {
    help: ["[command]", "help.helpCommand.argument"],
    completion: ["<shell>", "help.completion.argument"],
  };
  for (const [name, build] of Object.entries(subcommands)) {
    const command = program.command(name).summary(t(lang, `help.${name}.description` as MessageKey));
    const operand = operands[name];
    if (operand) command.argument(operand[0], t(lang, operand[1]));
    if (argv.includes(name)) build(describe(command, name));
  }
  // Set after the subcommands are made, which would otherwise inherit it.
  return program.allowExcessArguments(true);
}
