// How a question looks: the hint under it, colour where it is on, and every
// text word-wrapped for the terminal's width each time it is drawn.
import { Chalk } from "chalk";
import { t, type Lang } from "../../i18n/index.js";
import { displayWidth, wrap } from "../render/layout.js";
import { MIN_WIDTH } from "../terminal/width.js";

/** Columns a prompt may fill: the terminal's less one, so no line ever ends in its last column. */
export function widthOf(output: NodeJS.WritableStream & { columns?: number }): number {
  return Math.max(MIN_WIDTH, (output.columns ?? 80) - 1);
}

/** Word-wrapped to `width`, every line after the first indented by `indent` spaces. */
function wrapped(text: string, width: number, indent: number, first = indent): string {
  return wrap(text, width - indent)
    .map((line, i) => " ".repeat(i === 0 ? first : indent) + line)
    .join("\n");
}

/**
 * A list choice's name that wraps itself for the terminal's width each time
 * the prompt draws it. The prompt library reads a name once, when the prompt
 * opens, and breaks a line at the last column, not between words: a name
 * wrapped for the width the prompt opened at would be cut mid-word after a
 * resize. The library only ever puts the name in a template (drawing) or
 * lower-cases it (type-to-find), so an object that answers both will do.
 */
export function wrappedWhenDrawn(text: string, output: NodeJS.WritableStream & { columns?: number }): string {
  const name = { toString: () => wrapped(text, widthOf(output), 4, 0), toLowerCase: () => text.toLowerCase() };
  return name as unknown as string;
}

/**
 * How many lines a list shows at once: every choice, each as wrapped when
 * drawn, where the terminal is tall enough, with `reserved` rows left for
 * what is drawn around the list. The prompt library's own page of seven
 * lines would cut a wrapped choice at a narrow width, showing its first
 * line only.
 */
export function pageSizeFor(names: readonly string[], output: NodeJS.WritableStream & { columns?: number; rows?: number }, reserved: number): number {
  const lines = names.reduce((sum, name) => sum + wrap(name, widthOf(output) - 4).length, 0);
  return Math.max(5, Math.min(lines, (output.rows ?? 24) - reserved));
}

/** The help line's keys, as many to a line as fit, broken between keys and never inside one. */
function keyLines(keys: readonly string[], width: number, separator: string, shownWidth: (text: string) => number): string {
  const lines: string[] = [];
  for (const key of keys) {
    const last = lines.at(-1);
    if (last !== undefined && shownWidth(last + separator + key) <= width) lines[lines.length - 1] = last + separator + key;
    else lines.push(key);
  }
  return lines.join("\n");
}

/**
 * The hint goes under the question while it is open; colour only where it is
 * on. Every text is word-wrapped for the terminal's width when drawn, so a
 * resize is followed and the prompt library never cuts a word.
 */
export function themeFor(hint: string, lang: Lang, color: boolean, output: NodeJS.WritableStream & { columns?: number }) {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const width = () => widthOf(output);
  const actions: Record<string, string> = {
    navigate: t(lang, "prompt.key.navigate"),
    select: t(lang, "prompt.key.select"),
    submit: t(lang, "prompt.key.submit"),
    all: t(lang, "prompt.key.all"),
    invert: t(lang, "prompt.key.invert"),
  };
  // The question follows "? " on its first line; the lines under it line up with it.
  // Its last line's end is kept so that an answer too long to follow it goes under it.
  let questionEnd = 0;
  const question = (text: string) => {
    const lines = wrapped(text, width(), 2, 0);
    questionEnd = 2 + displayWidth(lines.split("\n").at(-1)!);
    return chalk.bold(lines);
  };
  return {
    prefix: { idle: chalk.blue("?"), done: chalk.green("✔") },
    icon: { cursor: "❯", checked: chalk.green("◉"), unchecked: "◯" },
    style: {
      message: (text: string, status: string) =>
        status === "done" || hint === "" ? question(text) : `${question(text)}\n${chalk.dim(wrapped(hint, width(), 2))}`,
      answer: (text: string) =>
        chalk.cyan(questionEnd + 1 + displayWidth(text) <= width() ? text : `\n${wrapped(text, width(), 2)}`),
      highlight: (text: string) => chalk.cyan(text),
      description: (text: string) => chalk.cyan(wrapped(text, width(), 0)),
      error: (text: string) => chalk.red(wrapped(`> ${text}`, width(), 2, 0)),
      defaultAnswer: (text: string) => chalk.dim(`(${text})`),
      help: (text: string) => chalk.dim(text),
      // A choice no question asks (the review's scanned services); the library's own dimming ignores --no-color.
      disabled: (text: string) => chalk.dim(text),
      key: (text: string) => chalk.cyan(`<${text}>`),
      keysHelpTip: (keys: [string, string][]) =>
        keyLines(
          keys.map(([key, action]) => `${chalk.bold(key)} ${chalk.dim(actions[action] ?? action)}`),
          width(),
          chalk.dim(" • "),
          displayWidth,
        ),
    },
    i18n: { disabledError: t(lang, "prompt.review.fixed") },
  };
}
