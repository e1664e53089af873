import { Command, Help, Option } from "commander";
import { t, useLanguage, type Lang, type MessageKey } from "../i18n/index.js";
import { langOf } from "../i18n/lang.js";
import { answerOptions } from "./input/flags.js";
import * as commands from "./commands/index.js";
import { EXIT, reportError } from "./output/report-error.js";
import { MIN_WIDTH, outputWidth, processIo, type Io } from "./terminal/io.js";
import { displayWidth, hang, wrap } from "./render/layout.js";
import { FORMATS } from "./input/options.js";
import { VERSION } from "./package-info.js";

export { processIo };

type Options = Record<string, unknown>;
type Action = (options: Options, command: Command) => Promise<number> | number;

/** Runs the CLI and resolves to its exit code: the one place where errors become exit codes. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const lang = langOf(argv, io.env);
  await useLanguage(lang);
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

/**
 * Help that still reads in a narrow terminal: where an option's description
 * would not fit beside it, it goes under the option, wrapped; a long usage
 * line wraps too. Wide terminals get commander's own layout.
 */
const narrowHelp: Partial<Help> = {
  // commander wraps nothing narrower than this; our narrowest layout has 14 columns beside an indent.
  minWidthToWrap: 10,
  // Hangul takes two columns: commander would count one and overflow Korean help.
  displayWidth: (text: string) => displayWidth(text),
  formatItem(term, termWidth, description, helper) {
    const width = helper.helpWidth ?? 80;
    if (!description || width - termWidth - 4 >= MIN_WIDTH) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
    const over = wrap(term, Math.max(1, width - 2)).map((line) => `  ${line}`);
    const under = wrap(description, Math.max(1, width - 6)).map((line) => `      ${line}`);
    return [...over, ...under].join("\n");
  },
  styleUsage(usage) {
    const width = (this as Help).helpWidth ?? 80;
    return displayWidth(`Usage: ${usage}`) <= width ? usage : wrap(usage, Math.max(1, width - 7)).join("\n       ");
  },
};

/** Example lines (kept as written by commander) wrapped to the width, comments and commands hanging under themselves. */
function wrapExamples(examples: string, width: number): string {
  return examples
    .split("\n")
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const [, indent = "", marker = ""] = /^(\s*)([#$] )?/.exec(line) ?? [];
      return hang(indent + marker, line.slice(indent.length + marker.length), width);
    })
    .join("\n");
}

function buildProgram(
  argv: readonly string[],
  io: Io,
  lang: Lang,
  act: (action: Action) => (...args: unknown[]) => Promise<void>,
): Command {
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
        commandDescription: (shown: Command) =>
          `${shown.description()}\n\n${t(lang, "help.examplesTitle")}\n${wrapExamples(t(lang, `help.${name}.examples` as MessageKey), outputWidth(io.stdout))}`,
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
  const withOptions = (command: Command, list: readonly [flags: string, help: MessageKey][]) =>
    list.reduce((self, [flags, help]) => self.option(flags, t(lang, help)), command);

  const program = describe(new Command("ecs-or-eks"), "main")
    .version(VERSION, "-V, --version", t(lang, "help.version"))
    .addHelpText("after", () => `\n${wrap(t(lang, "help.exitCodes"), outputWidth(io.stdout)).join("\n")}`)
    .helpCommand(false)
    .enablePositionalOptions();
  withOptions(withAnswers(program).addOption(format(FORMATS.advise)), [
    ["--json", "help.json"],
    ["--rules <file>", "help.rules"],
    ["--expect <platform>", "help.expect"],
    ["--save <file>", "help.save"],
    ["--force", "help.force"],
    ["--summary", "help.summary"],
    ["--batch", "help.batch"],
  ]);
  common(program).action(act((given) => commands.advise(given, io, lang)));

  // Each subcommand's options are built only when it is the one being run;
  // the others are listed by name and summary (all that the root help shows).
  const subcommands: Record<string, (command: Command) => void> = {
    schema: (command) => common(command).action(act(() => commands.printSchema(io))),
    init: (command) =>
      common(
        withAnswers(command).option("-o, --out <file>", t(lang, "help.out")).option("--force", t(lang, "help.force")),
      ).action(act((options) => commands.init(options, io, lang))),
    rules: (command) => {
      common(command.addOption(format(FORMATS.rules)).option("--json", t(lang, "help.json")).option("--rules <file>", t(lang, "help.rules")))
        .action(act((options) => commands.listRules(options, io, lang)));
      const check = describe(command.command("check"), "rulesCheck")
        .summary(t(lang, "help.rulesCheck.description"))
        .argument("<file>", t(lang, "help.rulesFile"));
      common(check).action(async (file: string, _options: Options, self: Command) => {
        await act(() => commands.checkRulesFile(file, self.optsWithGlobals(), io, lang))(self);
      });
    },
    compare: (command) =>
      common(command.addOption(format(FORMATS.compare)).option("--json", t(lang, "help.json"))).action(
        act((options) => commands.compare(options, io, lang)),
      ),
    scaffold: (command) =>
      common(
        withAnswers(
          withOptions(command, [
            ["--platform <platform>", "help.platform"],
            ["--launch-type <type>", "help.launchType"],
            ["--helm", "help.helm"],
            ["--gpu", "help.gpu"],
            ["--name <name>", "help.name"],
            ["--image <image>", "help.image"],
            ["--port <n>", "help.port"],
            ["--cpu <units>", "help.cpu"],
            ["--memory <mib>", "help.memory"],
            ["--replicas <n>", "help.replicas"],
            ["-o, --out <dir>", "help.outDir"],
            ["--force", "help.force"],
            ["--rules <file>", "help.rules"],
          ]),
        ),
      ).action(act((given) => commands.scaffoldCommand(given, io, lang))),
  };
  for (const [name, build] of Object.entries(subcommands)) {
    const command = program.command(name).summary(t(lang, `help.${name}.description` as MessageKey));
    if (argv.includes(name)) build(describe(command, name));
  }
  return program;
}
