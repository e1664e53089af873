// The questionnaire. Loaded only on the interactive path: the prompt library
// costs start-up time that a CI run must not pay.
import { checkbox, input, select } from "@inquirer/prompts";
import { Chalk } from "chalk";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { isAsked, QUESTIONS, type AnswerKey, type Question } from "../../engine/questions.js";
import { Interrupted } from "../../engine/errors.js";
import { t, tDynamic, type Lang } from "../../i18n/index.js";
import { SIGNAL_EXIT, type Signal } from "../output/exit-codes.js";


export interface PromptContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal?: AbortSignal;
}

/**
 * Asks the given questions in table order, one prompt each, with progress
 * ("3/10") and a hint under each. Once the quick questions are answered (the
 * required ones, what runs today and the team's size), it offers to finish
 * with the defaults, going on by default. Resolves to raw answers for
 * validation, leaving out what was left unknown; rejects with ExitPromptError
 * when the user presses Ctrl-C.
 */
export async function askAnswers(
  keys: readonly AnswerKey[],
  context: PromptContext,
  lang: Lang,
  color: boolean,
): Promise<Record<string, unknown>> {
  const questions = QUESTIONS.filter((q) => keys.includes(q.key));
  const isQuick = (q: Question) => q.required || "quick" in q;
  // A signal from outside (kill, a closed window) aborts the open prompt, which then puts the
  // terminal back (echo, cursor, line mode) before the run ends with the signal's exit code.
  const controller = new AbortController();
  const stop = (signal: Signal) => () => controller.abort(new Interrupted(signal, SIGNAL_EXIT[signal]));
  const handlers = (Object.keys(SIGNAL_EXIT) as Signal[]).map((signal) => [signal, stop(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return await askAll(questions, isQuick, { ...context, signal: controller.signal }, lang, color);
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

async function askAll(
  questions: readonly Question[],
  isQuick: (q: Question) => boolean,
  context: PromptContext,
  lang: Lang,
  color: boolean,
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  // A question that follows from an earlier answer (how the team feels about what it runs) counts only once it applies.
  const open = () => questions.filter((q) => isAsked(q, answers));
  let n = 0;
  let offered = false;
  for (const q of questions) {
    if (!isAsked(q, answers)) continue;
    if (!offered && !isQuick(q)) {
      offered = true;
      const rest = open().length - n;
      const finish = await untilDrawn(context, (output) => askToFinish(rest, { ...context, output }, lang, color));
      if (finish) break;
    }
    n++;
    const message = `(${n}/${open().length}) ${t(lang, `q.${q.key}`)}`;
    const value = await untilDrawn(context, (output) => askOne(q, message, { ...context, output }, lang, color));
    if (value !== undefined) answers[q.key] = value;
  }
  return answers;
}

/**
 * Runs one prompt and resolves once everything it drew has reached the
 * terminal. A prompt writes through a stream it ends when done, and its last
 * chunks arrive after its answer: printing the result before they land would
 * garble both.
 */
async function untilDrawn<T>(context: PromptContext, prompt: (output: Writable) => Promise<T>): Promise<T> {
  // Each prompt ends the stream it writes to; only process.stderr is immune, so each gets its own.
  const output = new Writable({ write: (chunk, _encoding, done) => context.output.write(chunk, done) });
  const flushed = finished(output).catch(() => {});
  const value = await prompt(output);
  await flushed;
  return value;
}

/** "6 more questions have defaults. Answer them, or finish now?"; going on is the default. */
async function askToFinish(rest: number, context: PromptContext, lang: Lang, color: boolean): Promise<boolean> {
  const choice = await select(
    {
      message: t(lang, "prompt.finish", { n: rest }),
      theme: themeFor(t(lang, "prompt.finish.hint"), lang, color),
      default: "continue",
      choices: [
        { value: "continue", name: t(lang, "prompt.finish.continue") },
        { value: "finish", name: t(lang, "prompt.finish.stop") },
      ],
    },
    context,
  );
  return choice === "finish";
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
    case "number":
    case "integer": {
      // A count with no default may stay unknown: an empty answer leaves it out.
      const unknownable = !("askDefault" in q) && !("default" in q);
      const fallback = "askDefault" in q ? q.askDefault : "default" in q ? q.default : undefined;
      const text = await input(
        {
          message,
          theme,
          ...(fallback === undefined ? {} : { default: String(fallback) }),
          // A paste of 100 KB would be redrawn whole at every key: only the first few characters are drawn.
          transformer: (value) => (value.length > MAX_TYPED ? `${value.slice(0, MAX_TYPED)}…` : value),
          validate: (value) =>
            (unknownable && value.trim() === "") ||
            isNumberIn(value, q.min, q.max, q.kind === "number") ||
            t(lang, `prompt.${q.kind}${unknownable ? "OrEmpty" : ""}`, { min: q.min, max: q.max }),
        },
        context,
      );
      return text.trim() === "" ? undefined : Number(text.trim());
    }
  }
}

/** A count is at most six digits; past this, what was typed is cut where it is drawn. */
const MAX_TYPED = 16;

function isNumberIn(value: string, min: number, max: number, decimals: boolean): boolean {
  if (!(decimals ? /^\s*\d+(\.\d+)?\s*$/ : /^\s*\d+\s*$/).test(value)) return false;
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
