import type { AnswerKey } from "../../engine/questions.js";
import { UsageError } from "../../engine/errors.js";
import { suggest } from "../../engine/suggest.js";
import { LANGS, t, type Lang, type MessageKey } from "../../i18n/index.js";

/** What --format takes, per command; the first is the default. Help, parsing and completion all read this. */
export const FORMATS = {
  advise: ["text", "json", "markdown", "adr"],
  batch: ["json", "text"],
  rules: ["text", "json"],
  prices: ["text", "json"],
  compare: ["text", "markdown", "json"],
  scan: ["text", "json", "markdown"],
} as const;

/** One option: its flags as commander reads them, and its help text. */
export type OptionSpec = readonly [flags: string, help: MessageKey];

/** The names an option answers to, from its flags: "-a, --answers <file>" is -a and --answers. */
export function flagNames(flags: string): string[] {
  return flags.split(/[ ,]+/).filter((part) => part.startsWith("-"));
}

// Each command's own options, as tables: the program definition builds the
// flags from them, and each command's options type is derived from them, so
// a flag and the value a command reads cannot drift apart.
export const OPTION_TABLES = {
  /** Every command. */
  common: [
    ["--lang <lang>", "help.lang"],
    ["--no-color", "help.noColor"],
  ],
  /** Commands that take answers, beside one flag per answer (input/flags.ts). */
  answers: [
    ["-a, --answers <file>", "help.answers"],
    ["--from <dir>", "help.from"],
    ["--no-input", "help.noInput"],
  ],
  advise: [
    ["-f, --format <format>", "help.format"],
    ["--json", "help.json"],
    ["--details", "help.details"],
    ["--rules <file>", "help.rules"],
    ["--prices <file>", "help.prices"],
    ["--utilization <share>", "help.utilization"],
    ["--expect <platform>", "help.expect"],
    ["--save <file>", "help.save"],
    ["--force", "help.force"],
    ["--summary", "help.summary"],
    ["--batch", "help.batch"],
  ],
  init: [
    ["-o, --out <file>", "help.out"],
    ["--force", "help.force"],
  ],
  rules: [
    ["-f, --format <format>", "help.format"],
    ["--json", "help.json"],
    ["--rules <file>", "help.rules"],
  ],
  prices: [
    ["-f, --format <format>", "help.format"],
    ["--json", "help.json"],
    ["--prices <file>", "help.prices"],
  ],
  pricesImport: [
    ["-o, --out <file>", "help.pricesImportOut"],
    ["--force", "help.force"],
  ],
  compare: [
    ["-f, --format <format>", "help.format"],
    ["--json", "help.json"],
  ],
  scan: [
    ["-f, --format <format>", "help.format"],
    ["--json", "help.json"],
    ["--helm", "help.scanHelm"],
  ],
  scaffold: [
    ["--platform <platform>", "help.platform"],
    ["--launch-type <type>", "help.launchType"],
    ["--helm", "help.helm"],
    ["--gpu", "help.gpu"],
    ["--name <name>", "help.name"],
    ["--image <image>", "help.image"],
    ["--port <n>", "help.port"],
    ["--public", "help.public"],
    ["--cpu <units>", "help.cpu"],
    ["--memory <mib>", "help.memory"],
    ["--replicas <n>", "help.replicas"],
    ["-o, --out <dir>", "help.outDir"],
    ["--force", "help.force"],
    ["--rules <file>", "help.rules"],
  ],
} as const satisfies Record<string, readonly OptionSpec[]>;

/** What a command's operand names, for completion: a file, a command, a shell. */
export type OperandKind = "file" | "command" | "shell";

/** A command's operand: as commander declares it, its help, and what it names. */
type Operand = readonly [spec: string, help: MessageKey, kind: OperandKind];

export interface CommandSpec {
  /** Its option tables, in the order its help lists them; "answers" comes after one flag per answer. */
  readonly tables: readonly (keyof typeof OPTION_TABLES)[];
  readonly operand?: Operand;
  readonly subcommands?: Readonly<Record<string, CommandSpec>>;
}

/**
 * Every command ("" is the main one), its options, its operand and its own
 * commands: the program is built from this table (a command missing from it
 * cannot be built, command-line.ts), and so are the completion scripts.
 */
export const COMMAND_OPTIONS = {
  "": { tables: ["answers", "advise", "common"] },
  schema: { tables: ["common"] },
  init: { tables: ["answers", "init", "common"] },
  rules: { tables: ["rules", "common"], subcommands: { check: { tables: ["common"], operand: ["<file>", "help.rulesFile", "file"] } } },
  prices: {
    tables: ["prices", "common"],
    subcommands: {
      check: { tables: ["common"], operand: ["<file>", "help.pricesFile", "file"] },
      import: { tables: ["pricesImport", "common"], operand: ["<files...>", "help.priceListFiles", "file"] },
    },
  },
  compare: { tables: ["compare", "common"] },
  scaffold: { tables: ["scaffold", "answers", "common"] },
  scan: { tables: ["scan", "common"], operand: ["[dir]", "help.scan.argument", "file"] },
  mcp: { tables: ["common"] },
  help: { tables: ["common"], operand: ["[command]", "help.helpCommand.argument", "command"] },
  completion: { tables: ["common"], operand: ["<shell>", "help.completion.argument", "shell"] },
} as const satisfies Record<string, CommandSpec>;

/** The commands besides the main one. */
export type CommandName = Exclude<keyof typeof COMMAND_OPTIONS, "">;

// The type of an option's value, from its flags, as commander parses them:
// "--save <file>" is `save?: string`, "--force" is `force?: boolean`, and
// "--no-input" is `input?: boolean` (false when given).
type LongFlag<F extends string> = F extends `${string}--${infer Rest}` ? (Rest extends `${infer Name} ${string}` ? Name : Rest) : never;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type KeyOf<F extends string> = LongFlag<F> extends `no-${infer Name}` ? CamelCase<Name> : CamelCase<LongFlag<F>>;
type ValueOf<F extends string> = F extends `${string}<${string}>` ? string : boolean;

/** The options a table of flags gives a command. */
type OptionsOf<T extends readonly OptionSpec[]> = { readonly [S in T[number] as KeyOf<S[0]>]?: ValueOf<S[0]> };

type Tables = typeof OPTION_TABLES;
/** One flag per answer: a list flag given twice is a list of its values. */
export type AnswerFlags = { readonly [K in AnswerKey]?: string | string[] };
export type CommonOptions = OptionsOf<Tables["common"]>;
export type WithAnswers = CommonOptions & OptionsOf<Tables["answers"]> & AnswerFlags;
export type AdviseOptions = WithAnswers & OptionsOf<Tables["advise"]>;
export type InitOptions = WithAnswers & OptionsOf<Tables["init"]>;
export type RulesOptions = CommonOptions & OptionsOf<Tables["rules"]>;
export type PricesOptions = CommonOptions & OptionsOf<Tables["prices"]>;
export type PricesImportOptions = CommonOptions & OptionsOf<Tables["pricesImport"]>;
export type CompareOptions = CommonOptions & OptionsOf<Tables["compare"]>;
export type ScaffoldOptions = WithAnswers & OptionsOf<Tables["scaffold"]>;
export type ScanCommandOptions = CommonOptions & OptionsOf<Tables["scan"]>;

/**
 * The one check that a flag's value is one of a list: the value, or
 * undefined when the flag was not given; anything else is a usage error,
 * worded by `problem`.
 */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], problem: (got: string) => string, lang: Lang): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  // A value one or two keys from an allowed one is a typo: say which was meant.
  const near = suggest(String(value), allowed);
  throw new UsageError(problem(String(value)) + (near === undefined ? "" : ` ${t(lang, "error.didYouMean", { suggestion: `"${near}"` })}`));
}

/** Every format some command prints. */
const ALL_FORMATS: ReadonlySet<string> = new Set(Object.values(FORMATS).flat());

/** A command as its usage names it: --batch is a flag of the main command, not a command. */
const commandLabel = (command: keyof typeof FORMATS) => (command === "batch" ? "--batch" : command === "advise" ? "ecs-or-eks" : `ecs-or-eks ${command}`);

/**
 * The output format from --format (or --json), checked against what the
 * command offers. A format another command prints is no typo: the message
 * says it does not apply here, and what does.
 */
export function formatOf<C extends keyof typeof FORMATS>(options: { format?: string; json?: boolean }, command: C, lang: Lang): (typeof FORMATS)[C][number] {
  const allowed: readonly (typeof FORMATS)[C][number][] = FORMATS[command];
  const badFormat = (format: string) =>
    ALL_FORMATS.has(format)
      ? t(lang, "error.formatNotHere", { format, command: commandLabel(command), formats: allowed.join(", ") })
      : t(lang, "error.badFormat", { format, formats: allowed.join(", ") });
  if (options.json === true) {
    if (options.format !== undefined && options.format !== "json") throw new UsageError(t(lang, "error.jsonAndFormat", { format: options.format }));
    return oneOf("json", allowed, badFormat, lang)!;
  }
  return oneOf(options.format, allowed, badFormat, lang) ?? allowed[0]!;
}

/**
 * --lang was already used to pick the language if valid; here a bad value
 * becomes an error, said in every language the tool speaks: the one asked
 * for is unknown (`--lang kr` is most likely a Korean reader's typo).
 */
export function checkLang(options: CommonOptions): void {
  const got = options.lang;
  if (got === undefined || (LANGS as readonly string[]).includes(got)) return;
  const near = suggest(got, LANGS);
  throw new UsageError(
    LANGS.map((lang) => t(lang, "error.badLang", { lang: got, langs: LANGS.join(", ") }) + (near === undefined ? "" : ` ${t(lang, "error.didYouMean", { suggestion: `"${near}"` })}`)),
  );
}
