// The questionnaire. Loaded only on the interactive path: the prompt library
// costs start-up time that a CI run must not pay.
import { checkbox, input, select } from "@inquirer/prompts";
import { Chalk } from "chalk";
import { Writable } from "node:stream";
import { QUESTIONS, type AnswerKey, type Question } from "../engine/questions.js";
import { t, tDynamic, type Lang } from "../i18n/index.js";

export interface PromptContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * Asks the given questions in table order, one prompt each, with progress
 * ("3/10") and a hint under each. Resolves to raw answers for validation;
 * rejects with ExitPromptError when the user presses Ctrl-C.
 */
export async function askAnswers(
  keys: readonly AnswerKey[],
  context: PromptContext,
  lang: Lang,
  color: boolean,
): Promise<Record<string, unknown>> {
  const questions = QUESTIONS.filter((q) => keys.includes(q.key));
  const answers: Record<string, unknown> = {};
  let n = 0;
  for (const q of questions) {
    n++;
    // Each prompt ends the stream it writes to when it is done; only process.stderr is immune.
    const output = new Writable({ write: (chunk, _encoding, done) => context.output.write(chunk, done) });
    const message = `(${n}/${questions.length}) ${t(lang, `q.${q.key}`)}`;
    answers[q.key] = await askOne(q, message, { input: context.input, output }, lang, color);
  }
  return answers;
}

async function askOne(q: Question, message: string, context: PromptContext, lang: Lang, color: boolean): Promise<unknown> {
  const theme = themeFor(t(lang, `q.${q.key}.hint`), lang, color);
  const label = (value: string) => tDynamic(lang, `choice.${q.key}.${value}`, value);
  const hint = (value: string) => tDynamic(lang, `hint.${q.key}.${value}`, "");
  switch (q.kind) {
    case "choice":
      return select(
        {
          message,
          theme,
          default: "askDefault" in q ? q.askDefault : q.default,
          choices: q.choices.map((value) => ({ value, name: label(value), description: hint(value) })),
        },
        context,
      );
    case "set":
      return checkbox(
        {
          message,
          theme,
          choices: q.choices.map((value) => ({ value, name: label(value), description: hint(value) })),
        },
        context,
      );
    case "integer": {
      const fallback = String("askDefault" in q ? q.askDefault : q.default);
      const text = await input(
        {
          message,
          theme,
          default: fallback,
          validate: (value) =>
            isIntegerIn(value, q.min, q.max) || t(lang, "prompt.integer", { min: q.min, max: q.max }),
        },
        context,
      );
      return Number(text.trim());
    }
  }
}

function isIntegerIn(value: string, min: number, max: number): boolean {
  if (!/^\s*\d+\s*$/.test(value)) return false;
  const n = Number(value);
  return n >= min && n <= max;
}

/** The hint goes under the question while it is open; colour only where it is on. */
function themeFor(hint: string, lang: Lang, color: boolean) {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const actions: Record<string, string> = {
    navigate: t(lang, "prompt.key.navigate"),
    select: t(lang, "prompt.key.select"),
    submit: t(lang, "prompt.key.submit"),
    all: t(lang, "prompt.key.all"),
    invert: t(lang, "prompt.key.invert"),
  };
  return {
    prefix: { idle: chalk.blue("?"), done: chalk.green("✔") },
    icon: { cursor: "❯", checked: chalk.green("◉"), unchecked: "◯" },
    style: {
      message: (text: string, status: string) =>
        status === "done" ? chalk.bold(text) : `${chalk.bold(text)}\n  ${chalk.dim(hint)}`,
      answer: (text: string) => chalk.cyan(text),
      highlight: (text: string) => chalk.cyan(text),
      description: (text: string) => chalk.cyan(text),
      error: (text: string) => chalk.red(`> ${text}`),
      defaultAnswer: (text: string) => chalk.dim(`(${text})`),
      help: (text: string) => chalk.dim(text),
      key: (text: string) => chalk.cyan(`<${text}>`),
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${chalk.bold(key)} ${chalk.dim(actions[action] ?? action)}`).join(chalk.dim(" • ")),
    },
  };
}
