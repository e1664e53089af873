import { Help, type Command } from "commander";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import { MIN_WIDTH } from "../terminal/width.js";
import { displayWidth, hang, wrap } from "./layout.js";

/**
 * Help that still reads in a narrow terminal: where an option's description
 * would not fit beside it, it goes under the option, wrapped; a long usage
 * line wraps too. Wide terminals get commander's own layout.
 */
export const narrowHelp: Partial<Help> = {
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
  // A command in the main list by its name and operand, as the list shows every command whether or not it was built
  // with its options (only the one being run is: `help` lists itself the same as --help does).
  subcommandTerm(command) {
    return [command.name(), ...command.registeredArguments.map((arg) => (arg.required ? `<${arg.name()}>` : `[${arg.name()}]`))].join(" ");
  },
  styleUsage(usage) {
    const width = (this as Help).helpWidth ?? 80;
    // The heading before it is in the run's language ("Usage:", "사용법:"): its own width.
    const indent = displayWidth((this as Help).styleTitle("Usage:")) + 1;
    return displayWidth(usage) + indent <= width ? usage : wrap(usage, Math.max(1, width - indent)).join(`\n${" ".repeat(indent)}`);
  },
};

/**
 * Example lines wrapped to the width: a comment hangs under itself; a command
 * goes on over lines ending in a backslash, broken between words (a pipe's
 * stage kept whole where it fits), so it still pastes into a shell.
 */
export function wrapExamples(examples: string, width: number): string {
  return examples
    .split("\n")
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const [, indent = "", marker = ""] = /^(\s*)([#$] )?/.exec(line) ?? [];
      const rest = line.slice(indent.length + marker.length);
      return marker === "$ " ? continued(indent + marker, rest, width) : hang(indent + marker, rest, width);
    })
    .join("\n");
}

/** "--port 8080" stays one unit: a flag is never left at a line's end without its value. */
function flagsWithValues(words: readonly string[]): string[] {
  const units: string[] = [];
  for (const word of words) {
    const last = units.at(-1);
    if (last !== undefined && /^-/.test(last) && !last.includes(" ") && !/^-/.test(word)) units[units.length - 1] = `${last} ${word}`;
    else units.push(word);
  }
  return units;
}

function continued(first: string, command: string, width: number): string {
  const next = " ".repeat(displayWidth(first) + 2);
  // Each stage of a pipe is one unit, unless it alone is wider than a line.
  const units = command
    .split(" | ")
    .map((stage, i) => (i === 0 ? stage : `| ${stage}`))
    .flatMap((stage) => (displayWidth(next + stage + " \\") <= width ? [stage] : flagsWithValues(stage.split(" "))));
  // Narrower than a word (a long path at 20 columns), the command can only be cut, as text is.
  if (units.some((unit) => displayWidth(next + unit + " \\") > width)) return hang(first, command, width);
  const lines = [first.trimEnd()];
  let start = true;
  for (const unit of units) {
    const last = lines.at(-1)!;
    const joined = start ? `${first}${unit}` : `${last} ${unit}`;
    // A pipe's next stage starts a line of its own, where the reader looks for it.
    if (start || (!unit.startsWith("| ") && displayWidth(`${joined} \\`) <= width)) lines[lines.length - 1] = joined;
    else lines.push(next + unit);
    start = false;
  }
  return lines.join(" \\\n");
}

// The headings commander writes, each with its key in the message catalogues.
const TITLES: Readonly<Record<string, MessageKey>> = {
  "Usage:": "help.title.usage",
  "Options:": "help.title.options",
  "Commands:": "help.title.commands",
  "Arguments:": "help.title.arguments",
  "Global Options:": "help.title.globalOptions",
};

/** A heading of commander's help, in `lang`. */
export function helpTitle(title: string, lang: Lang): string {
  const key = TITLES[title];
  return key === undefined ? title : t(lang, key);
}

/** The usage line ("ecs-or-eks [options] [command]"), its placeholders in `lang`. */
export function usageIn(command: Command, lang: Lang): string {
  const usage = Help.prototype.commandUsage.call(new Help(), command);
  return usage.replace("[options]", t(lang, "help.usage.options")).replace("[command]", t(lang, "help.usage.command"));
}
