// The command line as commander reads it: every command, its flags and its
// help. The main command's plain flags are read without it (plain-args.ts);
// this loads for everything else: help, the other commands, and every
// mistake, so that each is reported in commander's terms.
import { Command, Option } from "commander";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import { advise } from "../commands/advise.js";
import { hasFlag, QUESTIONS } from "../../engine/questions.js";
import { addListValue } from "./flags.js";
import {
  checkLang,
  COMMAND_OPTIONS,
  FORMATS,
  OPTION_TABLES,
  type CommandName,
  type CommandSpec,
  type AdviseOptions,
  type CommonOptions,
  type CompareOptions,
  type InitOptions,
  type OptionSpec,
  type PricesImportOptions,
  type PricesOptions,
  type RulesOptions,
  type ScaffoldOptions,
  type ScanCommandOptions,
} from "./options.js";
import { EXIT, exitCodeVars } from "../output/exit-codes.js";
import { UsageError } from "../../engine/errors.js";
import { suggest } from "../../engine/suggest.js";
import { helpTitle, narrowHelp, usageIn, wrapExamples } from "../render/help.js";
import { wrap } from "../render/layout.js";
import type { Io } from "../terminal/io.js";
import { outputWidth } from "../terminal/width.js";
import { VERSION } from "../package-info.js";

/** A command's work: its options in, its exit code out. */
type Action<O> = (options: O, command: Command) => Promise<number> | number;

/** Parses the command line and runs the command it names; resolves to its exit code, or throws what went wrong. */
export async function runCommandLine(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  let exitCode: number = EXIT.ok;
  // commander calls an action with its arguments, then the options, then the command.
  // Every command takes --lang; a bad one is refused here, once, before the command reads or writes anything.
  const settingExitCode =
    <O,>(action: Action<O>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const options = optionsOf(command);
      checkLang(options);
      exitCode = await action(options as O, command);
    };
  await buildProgram(argv, io, lang, settingExitCode).parseAsync([...argv], { from: "user" });
  return exitCode;
}

/**
 * A command's options with those given before its name (`ecs-or-eks --no-color rules`). Commander's
 * optsWithGlobals lets a parent's default win over what was typed after the name: `rules --no-color` stayed bold.
 */
function optionsOf(command: Command): Record<string, unknown> {
  const chain: Command[] = [];
  for (let at: Command | null = command; at; at = at.parent) chain.unshift(at);
  const merged: Record<string, unknown> = {};
  for (const each of chain) {
    for (const [key, value] of Object.entries(each.opts())) {
      if (!(key in merged) || each.getOptionValueSource(key) !== "default") merged[key] = value;
    }
  }
  return merged;
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

/** The program, with the subcommand named in `argv` built whole; `settingExitCode` wraps each action. */
export function buildProgram(argv: readonly string[], io: Io, lang: Lang, settingExitCode: SettingExitCode): Command {
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
  // A command's options, from its row of the commands table: each table's flags in order, one flag per answer
  // before the answers table; --format says which formats the command offers.
  const withOptions = (command: Command, spec: { readonly tables: readonly (keyof typeof OPTION_TABLES)[] }, formats?: readonly string[]) => {
    for (const table of spec.tables) {
      if (table === "answers") for (const option of answerOptions(lang)) command.addOption(option);
      for (const [flags, help] of OPTION_TABLES[table] as readonly OptionSpec[]) {
        command.addOption(new Option(flags, t(lang, help, help === "help.format" ? { formats: (formats ?? []).join("|") } : undefined)));
      }
    }
    return command;
  };
  // `rules check <file>` and `prices check <file>`: the same shape, over different data.
  const withCheck = (command: Command, data: "rules" | "prices", check: (file: string) => Promise<number>) => {
    const spec = COMMAND_OPTIONS[data].subcommands.check;
    const sub = describe(command.command("check"), `${data}Check`)
      .summary(t(lang, `help.${data}Check.description`))
      .argument(spec.operand[0], t(lang, spec.operand[1]));
    withOptions(sub, spec).action(settingExitCode((_options, self) => check(self.args[0]!)));
  };

  const program = describe(new Command("ecs-or-eks"), "main")
    .version(VERSION, "-V, --version", t(lang, "help.version"))
    .addHelpText("after", () => `\n${wrap(t(lang, "help.exitCodes", exitCodeVars()), outputWidth(io.stdout)).join("\n")}`)
    .helpCommand(false)
    .enablePositionalOptions();
  // A word where the main command takes none is a mistyped command (or a file meant for --answers):
  // reported as such, rather than as commander's "too many arguments".
  withOptions(program, COMMAND_OPTIONS[""], FORMATS.advise)
    .action(
      settingExitCode<AdviseOptions>((options, self) => {
        if (self.args.length > 0) throw unknownCommand(self.args[0]!, program, lang);
        return advise(options, io, lang);
      }),
    );

  // Each subcommand's options are built only when it is the one being run;
  // the others are listed by name and summary (all that the root help shows).
  const subcommands: Record<CommandName, (command: Command) => void> = {
    schema: (command) =>
      withOptions(command, COMMAND_OPTIONS.schema).action(settingExitCode(async () => (await import("../commands/schema.js")).printSchema(io, lang))),
    init: (command) =>
      withOptions(command, COMMAND_OPTIONS.init).action(
        settingExitCode<InitOptions>(async (options) => (await import("../commands/init.js")).init(options, io, lang)),
      ),
    rules: (command) => {
      withOptions(command, COMMAND_OPTIONS.rules, FORMATS.rules).action(
        settingExitCode<RulesOptions>(async (options) => (await import("../commands/rules.js")).listRules(options, io, lang)),
      );
      withCheck(command, "rules", async (file) => (await import("../commands/rules.js")).checkRulesFile(file, io, lang));
    },
    prices: (command) => {
      withOptions(command, COMMAND_OPTIONS.prices, FORMATS.prices).action(
        settingExitCode<PricesOptions>(async (options) => (await import("../commands/prices.js")).listPrices(options, io, lang)),
      );
      withCheck(command, "prices", async (file) => (await import("../commands/prices.js")).checkPricesFile(file, io, lang));
      // `prices import FILE...`: AWS Price List bulk files in; its stream parser loads with it, for it alone.
      const spec = COMMAND_OPTIONS.prices.subcommands.import;
      const sub = describe(command.command("import"), "pricesImport")
        .summary(t(lang, "help.pricesImport.description"))
        .argument(spec.operand[0], t(lang, spec.operand[1]));
      withOptions(sub, spec).action(
        settingExitCode<PricesImportOptions>(async (options, self) => (await import("../commands/prices-import.js")).importPrices(self.args, options, io, lang)),
      );
    },
    compare: (command) =>
      withOptions(command, COMMAND_OPTIONS.compare, FORMATS.compare).action(
        settingExitCode<CompareOptions>(async (options) => (await import("../commands/compare.js")).compare(options, io, lang)),
      ),
    scaffold: (command) =>
      withOptions(command, COMMAND_OPTIONS.scaffold).action(
        settingExitCode<ScaffoldOptions>(async (options) => (await import("../commands/scaffold.js")).scaffoldCommand(options, io, lang)),
      ),
    scan: (command) =>
      withOptions(command, COMMAND_OPTIONS.scan, FORMATS.scan).action(
        settingExitCode<ScanCommandOptions>(async (options, self) => (await import("../commands/scan.js")).scanCommand(self.args[0], options, io, lang)),
      ),
    mcp: (command) =>
      withOptions(command, COMMAND_OPTIONS.mcp).action(settingExitCode(async () => (await import("../commands/mcp.js")).serveMcp(io, lang))),
    // The global options are taken here too (`help compare --lang ko`): the language was read from them already.
    help: (command) =>
      withOptions(command, COMMAND_OPTIONS.help).action(
        settingExitCode<CommonOptions>((_options, self) => {
          const name = self.args[0];
          const shown = name === undefined ? program : program.commands.find((c) => c.name() === name);
          if (shown === undefined) throw unknownCommand(name!, program, lang);
          shown.outputHelp();
          return EXIT.ok;
        }),
      ),
    completion: (command) =>
      withOptions(command, COMMAND_OPTIONS.completion).action(
        settingExitCode<CommonOptions>(async (_options, self) => (await import("../commands/completion.js")).printCompletion(self.args[0]!, io, lang)),
      ),
  };
  // Arguments are declared for every command, built or not: the main help's list shows them.
  for (const [name, build] of Object.entries(subcommands) as [CommandName, (command: Command) => void][]) {
    const command = program.command(name).summary(t(lang, `help.${name}.description` as MessageKey));
    const spec: CommandSpec = COMMAND_OPTIONS[name];
    if (spec.operand) command.argument(spec.operand[0], t(lang, spec.operand[1]));
    if (argv.includes(name)) build(describe(command, name));
  }
  // Set after the subcommands are made, which would otherwise inherit it.
  return program.allowExcessArguments(true);
}

/** One flag per answer, from the questions table: --kubernetes-experience, --ecosystem helm,gitops, ... */
function answerOptions(lang: Lang): Option[] {
  return QUESTIONS.filter(hasFlag).map((q) => {
    const placeholder = q.kind === "integer" || q.kind === "number" ? "<n>" : q.kind === "set" ? "<list>" : "<value>";
    // --workload also takes a file of services (the `services` answer, which has no flag of its own).
    const orFile = QUESTIONS.some((other) => other.kind === "services" && other.flag === q.flag) ? t(lang, "help.orServicesFile") : "";
    const values = q.kind === "integer" || q.kind === "number" ? `${q.min}-${q.max}` : q.kind === "environments" ? t(lang, "help.environmentsValues", { max: q.max }) : `${q.choices.join(", ")}${orFile}`;
    const comma = q.kind === "set" ? t(lang, "help.commaList") : "";
    // An answer with no default is left unknown by leaving its flag out; "unknown" is no value it takes.
    const fallback = q.required
      ? ""
      : "default" in q
        ? t(lang, "help.default", { value: q.kind === "set" ? "none" : String(q.default) })
        : t(lang, "help.leaveOutIfUnknown");
    const option = new Option(`--${q.flag} ${placeholder}`, `${t(lang, `q.${q.key}`)} (${values}${comma})${fallback}`);
    // The value lands under the answer's key: --memory-gib is memoryGiB, not commander's memoryGib.
    option.attributeName = () => q.key;
    // A list flag given twice adds up (--ecosystem helm --ecosystem gitops); others keep the last value, as usual.
    return q.kind === "set" ? option.argParser((value: string, previous: string[] | undefined) => addListValue(previous, value, `--${q.flag}`, lang)) : option;
  });
}
