import { Help } from "commander";
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
  styleUsage(usage) {
    const width = (this as Help).helpWidth ?? 80;
    return displayWidth(`Usage: ${usage}`) <= width ? usage : wrap(usage, Math.max(1, width - 7)).join("\n       ");
  },
};

/** Example lines (kept as written by commander) wrapped to the width, comments and commands hanging under themselves. */
export function wrapExamples(examples: string, width: number): string {
  return examples
    .split("\n")
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      const [, indent = "", marker = ""] = /^(\s*)([#$] )?/.exec(line) ?? [];
      return hang(indent + marker, line.slice(indent.length + marker.length), width);
    })
    .join("\n");
}
