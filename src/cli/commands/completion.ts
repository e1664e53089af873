// `ecs-or-eks completion bash|zsh|fish`: a shell completion script for the
// commands, their flags and the values each flag takes, all read from the
// questions table and the option tables, so a new answer or flag completes
// without anyone touching this file.
import { hasFlag, QUESTIONS } from "../../engine/questions.js";
import { LAUNCH_TYPES, PLATFORMS } from "../../engine/rule-types.js";
import { LANGS, t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import { COMMAND_OPTIONS, FORMATS, OPTION_TABLES, flagNames, oneOf } from "../input/options.js";
import type { Io } from "../terminal/io.js";
import { writeOut } from "../output/write-out.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** The subcommands besides those with options of their own. */
const EXTRA_COMMANDS = ["help", "completion"] as const;

/** What completes where: each command's flags, and the values (or files) each flag takes. */
export interface CompletionModel {
  commands: readonly string[];
  /** The flags of each command; "" is the main command. */
  flags: Readonly<Record<string, readonly string[]>>;
  /** Values for flags that take one of a list, or "files" for a path. */
  values: Readonly<Record<string, readonly string[] | "files">>;
}

export function completionModel(): CompletionModel {
  const flagged = QUESTIONS.filter(hasFlag);
  const answerFlags = flagged.map((q) => `--${q.flag}`);
  const flags: Record<string, string[]> = {};
  const values: Record<string, readonly string[] | "files"> = {};
  for (const q of flagged) if (q.kind === "choice" || q.kind === "set") values[`--${q.flag}`] = q.kind === "set" ? [...q.choices, "none"] : q.choices;
  for (const [command, spec] of Object.entries(COMMAND_OPTIONS)) {
    const own = spec.tables.flatMap((table) => OPTION_TABLES[table].map(([option]) => option as string));
    flags[command] = [...(spec.answers ? answerFlags : []), ...own.flatMap(flagNames), "-h", "--help"];
    for (const option of own) {
      const placeholder = /<(\w+)>/.exec(option)?.[1];
      if (placeholder === "file" || placeholder === "dir") for (const name of flagNames(option)) values[name] = "files";
    }
  }
  values["--lang"] = LANGS;
  values["--expect"] = PLATFORMS;
  values["--platform"] = PLATFORMS;
  values["--launch-type"] = LAUNCH_TYPES;
  // --format takes what the command offers; the completion offers every format, each command checks its own.
  values["--format"] = values["-f"] = [...new Set(Object.values(FORMATS).flat())];
  const commands = [...Object.keys(COMMAND_OPTIONS).filter((name) => name !== ""), ...EXTRA_COMMANDS];
  return { commands, flags, values };
}

export function renderCompletion(shell: Shell, model: CompletionModel): string {
  switch (shell) {
    case "bash":
      return bash(model);
    case "zsh":
      // zsh runs bash completion functions through its bashcompinit layer.
      return `#compdef ecs-or-eks\nautoload -U +X bashcompinit && bashcompinit\n${bash(model)}`;
    case "fish":
      return fish(model);
  }
}

function bash(model: CompletionModel): string {
  const withValues = Object.entries(model.values);
  const valueCases = withValues
    .map(([flag, values]) => `    ${flag}) ${values === "files" ? 'COMPREPLY=($(compgen -f -- "$cur"))' : `COMPREPLY=($(compgen -W "${values.join(" ")}" -- "$cur"))`}; return ;;`)
    .join("\n");
  const commandCases = model.commands
    .filter((name) => name in model.flags)
    .map((name) => `    ${name}) opts="${model.flags[name]!.join(" ")}" ;;`)
    .join("\n");
  return `# ecs-or-eks completion for bash. Load it with: source <(ecs-or-eks completion bash)
_ecs_or_eks() {
  local cur prev cmd opts word
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=""
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$word" in
      ${model.commands.join("|")}) cmd="$word"; break ;;
    esac
  done
  case "$prev" in
${valueCases}
  esac
  case "$cmd" in
${commandCases}
    help) opts="${model.commands.join(" ")}" ;;
    completion) opts="${SHELLS.join(" ")}" ;;
    *) opts="${model.commands.join(" ")} ${model.flags[""]!.join(" ")}" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _ecs_or_eks ecs-or-eks
`;
}

function fish(model: CompletionModel): string {
  const lines = ["# ecs-or-eks completion for fish. Load it with: ecs-or-eks completion fish | source", "complete -c ecs-or-eks -f"];
  const noCommand = "__fish_use_subcommand";
  lines.push(`complete -c ecs-or-eks -n ${noCommand} -a "${model.commands.join(" ")}"`);
  lines.push(`complete -c ecs-or-eks -n "__fish_seen_subcommand_from help" -a "${model.commands.join(" ")}"`);
  lines.push(`complete -c ecs-or-eks -n "__fish_seen_subcommand_from completion" -a "${SHELLS.join(" ")}"`);
  for (const [command, flags] of Object.entries(model.flags)) {
    const when = command === "" ? noCommand : `"__fish_seen_subcommand_from ${command}"`;
    for (const flag of flags) {
      const values = model.values[flag];
      const name = flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`;
      const takes = values === undefined ? "" : values === "files" ? " -r -F" : ` -x -a "${values.join(" ")}"`;
      lines.push(`complete -c ecs-or-eks -n ${when} ${name}${takes}`);
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
