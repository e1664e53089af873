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

/** What completes where. */
export interface CompletionModel {
  /** Each command by the words that name it: "" is the main command, then "rules", "rules check", ... */
  commands: Readonly<Record<string, Completed>>;
  /** Values for flags that take one of a list, or "files" for a path. */
  values: Readonly<Record<string, readonly string[] | "files">>;
  /** Flags that take a value (the word after one is never a command). */
  takesValue: readonly string[];
}

export function completionModel(): CompletionModel {
  const flagged = QUESTIONS.filter(hasFlag);
  const commands: Record<string, Completed> = {};
  const values: Record<string, readonly string[] | "files"> = {};
  const takesValue = new Set<string>();
  for (const q of flagged) {
    takesValue.add(`--${q.flag}`);
    if (q.kind === "choice" || q.kind === "set") values[`--${q.flag}`] = q.kind === "set" ? [...q.choices, "none"] : q.choices;
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
  // --format takes what the command offers; the completion offers every format, each command checks its own.
  values["--format"] = values["-f"] = [...new Set(Object.values(FORMATS).flat())];
  return { commands, values, takesValue: [...takesValue] };
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

function bash(model: CompletionModel): string {
  const valueCases = Object.entries(model.values)
    .map(([flag, values]) => `    ${flag}) ${values === "files" ? '_ecs_or_eks_files "$cur"' : `_ecs_or_eks_words "${values.join(" ")}" "$cur"`}; return ;;`)
    .join("\n");
  const byCommand = offers(model, "words").join("\n");
  return `# ecs-or-eks completion for bash. Load it with: source <(ecs-or-eks completion bash)
# Each candidate is one element of COMPREPLY, read with mapfile: never split at a
# space or expanded as a glob, whatever the shell's options (failglob included).
_ecs_or_eks_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}
_ecs_or_eks_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$1")
}
_ecs_or_eks() {
  local cur prev cmd="" word i flags="" words="" files=""
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
  const valueCases = Object.entries(model.values)
    .map(([flag, values]) => `    (${flag}) ${values === "files" ? "_files" : `compadd -- ${word(values)}`}; return ;;`)
    .join("\n");
  const byCommand = offers(model, "words_").join("\n");
  return `#compdef ecs-or-eks
# ecs-or-eks completion for zsh. Save it as _ecs-or-eks in a folder on $fpath,
# or load it with: source <(ecs-or-eks completion zsh)
_ecs_or_eks() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmd="" word files=""
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
      const takes = values === undefined ? (model.takesValue.includes(flag) ? " -x" : "") : values === "files" ? " -r -F" : ` -x -a "${values.join(" ")}"`;
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
