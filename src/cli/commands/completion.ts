// `ecs-or-eks completion bash|zsh|fish`: a shell completion script for the
// commands, their flags, the values each flag takes and each command's
// operand, all read from the commands table the program is built from and
// the questions table, so a new command, answer or flag completes without
// anyone touching this file. File names are completed by each shell's own
// means, so a name with a space, a quote or a `*` in it is one word.
import { hasFlag, QUESTIONS } from "../../engine/questions.js";
import { LAUNCH_TYPES, PLATFORMS } from "../../engine/rule-types.js";
import { LANGS, t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import { COMMAND_OPTIONS, FORMATS, OPTION_TABLES, flagNames, oneOf, type CommandSpec, type OperandKind } from "../input/options.js";
import type { Io } from "../terminal/io.js";
import { writeOut } from "../output/write-out.js";

const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** One command as completion sees it: its flags, its own commands and what its operand names. */
interface Completed {
  flags: readonly string[];
  subcommands: readonly string[];
  operand?: OperandKind;
}

/** What a flag's value completes to: one of a list, a path ("files"), or either (--workload takes a choice or a FILE). */
type Values = readonly string[] | "files" | { words: readonly string[]; files: true };

/** The main command with --batch typed: it takes its own formats (FORMATS.batch). */
const BATCH = "--batch";

/** What completes where. */
export interface CompletionModel {
  /** Each command by the words that name it: "" is the main command, then "rules", "rules check", ... */
  commands: Readonly<Record<string, Completed>>;
  /** Values for flags that take one of a list, or "files" for a path, whatever the command. */
  values: Readonly<Record<string, Values>>;
  /** What --format takes, per command ("--batch" for the main command with it): the lists the commands check with. */
  formats: Readonly<Record<string, readonly string[]>>;
  /** Flags that take a value (the word after one is never a command). */
  takesValue: readonly string[];
}

export function completionModel(): CompletionModel {
  const flagged = QUESTIONS.filter(hasFlag);
  const commands: Record<string, Completed> = {};
  const values: Record<string, Values> = {};
  const takesValue = new Set<string>();
  for (const q of flagged) {
    takesValue.add(`--${q.flag}`);
    if (q.kind === "choice" || q.kind === "set") values[`--${q.flag}`] = q.kind === "set" ? [...q.choices, "none"] : q.choices;
  }
  // A flag that also reads a file (--workload FILE: the services answer shares its flag) offers files too.
  for (const q of QUESTIONS.filter((question) => !hasFlag(question))) {
    const flag = `--${q.flag}`;
    const words = values[flag];
    values[flag] = Array.isArray(words) ? { words, files: true } : "files";
  }
  const add = (words: string, spec: CommandSpec) => {
    const own = spec.tables.flatMap((table) => OPTION_TABLES[table].map(([option]) => option as string));
    const answerFlags = spec.tables.includes("answers") ? flagged.map((q) => `--${q.flag}`) : [];
    commands[words] = {
      flags: [...answerFlags, ...own.flatMap(flagNames), "-h", "--help"],
      subcommands: Object.keys(spec.subcommands ?? {}),
      ...(spec.operand ? { operand: spec.operand[2] } : {}),
    };
    for (const option of own) {
      const placeholder = /<(\w+)>/.exec(option)?.[1];
      if (placeholder !== undefined) for (const name of flagNames(option)) takesValue.add(name);
      if (placeholder === "file" || placeholder === "dir") for (const name of flagNames(option)) values[name] = "files";
    }
    for (const [name, sub] of Object.entries(spec.subcommands ?? {})) add(`${words} ${name}`.trim(), sub);
  };
  for (const [name, spec] of Object.entries(COMMAND_OPTIONS) as [string, CommandSpec][]) add(name, spec);
  // The main command's own commands are every other one.
  commands[""] = { ...commands[""]!, subcommands: Object.keys(COMMAND_OPTIONS).filter((name) => name !== "") };
  values["--lang"] = LANGS;
  values["--expect"] = PLATFORMS;
  values["--platform"] = PLATFORMS;
  values["--launch-type"] = LAUNCH_TYPES;
  // --format offers what the command takes: the very lists each command checks its --format with.
  const formats: Record<string, readonly string[]> = { "": FORMATS.advise, [BATCH]: FORMATS.batch };
  for (const command of Object.keys(FORMATS)) if (command in commands) formats[command] = FORMATS[command as keyof typeof FORMATS];
  return { commands, values, formats, takesValue: [...takesValue] };
}

/** The words an operand completes to; a file is left to the shell. */
function operandWords(kind: OperandKind | undefined, model: CompletionModel): readonly string[] {
  return kind === "command" ? model.commands[""]!.subcommands : kind === "shell" ? SHELLS : [];
}

function renderCompletion(shell: Shell, model: CompletionModel): string {
  switch (shell) {
    case "bash":
      return bash(model);
    case "zsh":
      return zsh(model);
    case "fish":
      return fish(model);
  }
}

/** The command-finding loop's cases, for bash and zsh alike: a top-level command, then one of its own. */
function commandCases(model: CompletionModel, open: string): string[] {
  const top = model.commands[""]!.subcommands;
  const nested = top.flatMap((name) => model.commands[name]!.subcommands.map((sub) => `${name}:${sub}`));
  return [
    `      ${open}${top.map((name) => `:${name}`).join("|")}) cmd="$word" ;;`,
    ...(nested.length > 0 ? [`      ${open}${nested.join("|")}) cmd="$cmd $word" ;;`] : []),
  ];
}

/**
 * For each command, a case setting what it offers: its flags, the words where
 * no flag is being typed (its own commands, or its operand's values) and
 * whether a file is; as bash strings (`words`) or zsh arrays (`words_`).
 */
function offers(model: CompletionModel, words: string): string[] {
  return Object.entries(model.commands).map(([command, completed]) => {
    const offered = [...completed.subcommands, ...operandWords(completed.operand, model)].join(" ");
    const [open, close] = words === "words" ? ['"', '"'] : ["(", ")"];
    const files = completed.operand === "file" ? "; files=1" : "";
    return `    ${words === "words" ? `"${command}")` : `("${command}")`} flags=${open}${completed.flags.join(" ")}${close}; ${words}=${open}${offered}${close}${files} ;;`;
  });
}

/**
 * The lines both bash and zsh run inside the loop over the words typed: skip
 * a flag's value, note the command, then set what the word before the cursor
 * and the command offer. zsh reads the same case syntax, a "(" before each pattern.
 */
function findAndOffer(model: CompletionModel, typed: string, open: "" | "(", valueCases: string, byCommand: string): string {
  return `    word="\${${typed}[i]}"
    [[ "$word" == ${BATCH} && -z "$cmd" ]] && mode=${BATCH}
    case "$word" in
      ${open}${model.takesValue.join("|")}) ((i++)); continue ;;
    esac
    case "$cmd:$word" in
${commandCases(model, open).join("\n")}
    esac
  done
  case "$prev" in
${valueCases}
  esac
  case "$cmd" in
${byCommand}
  esac
`;
}

/** The flags that name the output format. */
const FORMAT_FLAGS = ["--format", "-f"];

/** The case over the command typed ("--batch" for the main command with it) that offers its formats, for bash and zsh. */
function formatCases(model: CompletionModel, open: "" | "(", offer: (words: readonly string[]) => string): string {
  const cases = Object.entries(model.formats).map(([command, formats]) => `        ${open}"${command}") ${offer(formats)} ;;`);
  return `    ${open}${FORMAT_FLAGS.join("|")})\n      case "$cmd$mode" in\n${cases.join("\n")}\n      esac\n      return ;;`;
}

function bash(model: CompletionModel): string {
  const words = (values: readonly string[]) => `_ecs_or_eks_words "${values.join(" ")}" "$cur"`;
  const valueCases = [
    formatCases(model, "", words),
    ...Object.entries(model.values).map(
      ([flag, values]) =>
        `    ${flag}) ${values === "files" ? '_ecs_or_eks_files "$cur"' : Array.isArray(values) ? words(values) : `${words((values as { words: readonly string[] }).words)}; _ecs_or_eks_files "$cur" more`}; return ;;`,
    ),
  ].join("\n");
  const byCommand = offers(model, "words").join("\n");
  return `# ecs-or-eks completion for bash. Load it with: source <(ecs-or-eks completion bash)
# Each candidate is one element of COMPREPLY, read with mapfile: never split at a
# space or expanded as a glob, whatever the shell's options (failglob included).
_ecs_or_eks_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}
_ecs_or_eks_files() {
  compopt -o filenames 2>/dev/null
  # With a second argument, the files join the words already offered.
  if [[ -n "$2" ]]; then mapfile -t -O "\${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$1"); else mapfile -t COMPREPLY < <(compgen -f -- "$1"); fi
}
_ecs_or_eks() {
  local cur prev cmd="" mode="" word i flags="" words="" files=""
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
${findAndOffer(model, "COMP_WORDS", "", valueCases, byCommand)}  if [[ "$cur" == -* || ( -z "$words" && -z "$files" ) ]]; then
    _ecs_or_eks_words "$flags" "$cur"
  elif [[ -n "$files" ]]; then
    _ecs_or_eks_files "$cur"
  else
    _ecs_or_eks_words "$words" "$cur"
  fi
}
complete -o default -F _ecs_or_eks ecs-or-eks
`;
}

function zsh(model: CompletionModel): string {
  const word = (values: readonly string[]) => values.join(" ");
  const valueCases = [
    formatCases(model, "(", (values) => `compadd -- ${word(values)}`),
    ...Object.entries(model.values).map(
      ([flag, values]) =>
        `    (${flag}) ${values === "files" ? "_files" : Array.isArray(values) ? `compadd -- ${word(values)}` : `compadd -- ${word((values as { words: readonly string[] }).words)}; _files`}; return ;;`,
    ),
  ].join("\n");
  const byCommand = offers(model, "words_").join("\n");
  return `#compdef ecs-or-eks
# ecs-or-eks completion for zsh. Save it as _ecs-or-eks in a folder on $fpath,
# or load it with: source <(ecs-or-eks completion zsh)
_ecs_or_eks() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmd="" mode="" word files=""
  local -a flags words_
  local i
  for ((i = 2; i < CURRENT; i++)); do
${findAndOffer(model, "words", "(", valueCases, byCommand)}  if [[ "$cur" == -* || ( \${#words_} -eq 0 && -z "$files" ) ]]; then
    compadd -- $flags
  elif [[ -n "$files" ]]; then
    _files
  else
    compadd -- $words_
  fi
}
if [[ "\${funcstack[1]}" == "_ecs-or-eks" ]]; then
  _ecs_or_eks "$@"
else
  compdef _ecs_or_eks ecs-or-eks
fi
`;
}

function fish(model: CompletionModel): string {
  const top = model.commands[""]!.subcommands;
  const nested = top.flatMap((name) => model.commands[name]!.subcommands.map((sub) => `'${name}:${sub}'`));
  const lines = [
    "# ecs-or-eks completion for fish. Load it with: ecs-or-eks completion fish | source",
    "# The command typed so far (\"\", \"rules\", \"rules check\"), skipping the value after a flag that takes one.",
    "function __ecs_or_eks_command",
    "    set -l cmd ''",
    "    set -l skip 0",
    "    for word in (commandline -opc)[2..-1]",
    "        if test $skip = 1",
    "            set skip 0",
    "            continue",
    "        end",
    "        switch \"$cmd:$word\"",
    `            case ${top.map((name) => `':${name}'`).join(" ")}`,
    "                set cmd $word",
    ...(nested.length > 0 ? [`            case ${nested.join(" ")}`, '                set cmd "$cmd $word"'] : []),
    "            case '*'",
    `                contains -- $word ${model.takesValue.join(" ")}; and set skip 1`,
    "        end",
    "    end",
    "    echo $cmd",
    "end",
    "# Whether --batch was typed: the main command then takes the batch's formats.",
    "function __ecs_or_eks_batch",
    `    contains -- ${BATCH} (commandline -opc)`,
    "end",
    "function __ecs_or_eks_is",
    "    set -l cmd (__ecs_or_eks_command)",
    '    test "$cmd" = "$argv[1]"',
    "end",
    "complete -c ecs-or-eks -f",
  ];
  for (const [command, completed] of Object.entries(model.commands)) {
    const when = `-n '__ecs_or_eks_is "${command}"'`;
    const words = [...completed.subcommands, ...operandWords(completed.operand, model)];
    if (words.length > 0) lines.push(`complete -c ecs-or-eks ${when} -a "${words.join(" ")}"`);
    if (completed.operand === "file") lines.push(`complete -c ecs-or-eks ${when} -F`);
    for (const flag of completed.flags) {
      const values = model.values[flag];
      const name = flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
      const formats = FORMAT_FLAGS.includes(flag) ? model.formats[command] : undefined;
      if (formats && command === "") {
        // The main command's formats, or the batch's once --batch is typed.
        lines.push(`complete -c ecs-or-eks -n '__ecs_or_eks_is ""; and not __ecs_or_eks_batch' ${name} -x -a "${formats.join(" ")}"`);
        lines.push(`complete -c ecs-or-eks -n '__ecs_or_eks_is ""; and __ecs_or_eks_batch' ${name} -x -a "${model.formats[BATCH]!.join(" ")}"`);
        continue;
      }
      const takes = formats
        ? ` -x -a "${formats.join(" ")}"`
        : values === undefined
          ? model.takesValue.includes(flag) ? " -x" : ""
          : values === "files"
            ? " -r -F"
            : Array.isArray(values)
              ? ` -x -a "${values.join(" ")}"`
              : ` -r -F -a "${(values as { words: readonly string[] }).words.join(" ")}"`;
      lines.push(`complete -c ecs-or-eks ${when} ${name}${takes}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The command: the script for the shell named, on stdout. */
export async function printCompletion(shell: string, io: Io, lang: Lang): Promise<number> {
  const chosen = oneOf(shell, SHELLS, (got) => t(lang, "completion.badShell", { got, shells: SHELLS.join(", ") }), lang)!;
  await writeOut(io.stdout, renderCompletion(chosen, completionModel()));
  return EXIT.ok;
}
