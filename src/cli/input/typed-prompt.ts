// A question answered by typing (a number, a file name, yes or no): the
// question and what Enter alone gives on one line, the hint under it, and
// what is typed on a line of its own. The prompt library's own text and
// yes-or-no prompts redraw and measure the whole line at every key, so a
// paste of 100 KB cost minutes; here the line never grows past `maxLength`,
// and each key costs the same however much was pasted.
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from "@inquirer/core";
import type { PromptContext } from "./drawn.js";
import type { themeFor } from "./prompt-theme.js";

/** What the text typed means: a value, or a sentence saying what is wrong with it. */
export type Parsed<T> = { value: T } | { problem: string };

export interface TypedQuestion<T> {
  message: string;
  /** What Enter alone gives, shown after the question: "(default: 5)", "(y/N)"; empty for nothing. */
  fallback: string;
  theme: ReturnType<typeof themeFor>;
  /** The most characters a sensible answer has; more is cut, shown as cut, and refused as `tooLong`, whatever it says. */
  maxLength: number;
  tooLong: string;
  /** The text typed (trimmed; "" for Enter alone) as a value, or why it is none. */
  parse: (text: string) => Parsed<T>;
  /** The answer as it stays on screen once given. */
  shown: (value: T) => string;
}

/** Typed text is drawn from this column, under the hint. */
const INDENT = "  › ";

type Status = "idle" | "done";

const typedPrompt = createPrompt<unknown, TypedQuestion<unknown>>((question, done) => {
  const theme = makeTheme(question.theme);
  const [status, setStatus] = useState<Status>("idle");
  const [typed, setTyped] = useState("");
  const [cut, setCut] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState("");
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      // readline has emptied its line for the Enter: what was typed is in `typed`.
      const parsed = cut ? { problem: question.tooLong } : question.parse(typed.trim());
      if ("problem" in parsed) {
        // Too long is typed again from scratch; anything else stays, to be mended.
        if (cut) setTyped("");
        else rl.write(typed);
        setCut(false);
        setProblem(parsed.problem);
        return;
      }
      setAnswer(question.shown(parsed.value));
      setStatus("done");
      done(parsed.value);
      return;
    }
    // Cut back at once, so that readline's next key and the next redraw measure at most maxLength characters.
    const line = rl as unknown as { line: string; cursor: number };
    if (line.line.length > question.maxLength) {
      line.line = line.line.slice(0, question.maxLength);
      line.cursor = Math.min(line.cursor, question.maxLength);
      setCut(true);
    } else if (line.line.length === 0) setCut(false);
    setTyped(line.line);
    setProblem(undefined);
  });

  // Once answered, the question and the answer alone, as the prompt library's own prompts leave them.
  if (status === "done") return `${prefix} ${theme.style.message(question.message, status)} ${theme.style.answer(answer)}`;
  const message = theme.style.message(question.fallback === "" ? question.message : `${question.message} ${question.fallback}`, status);
  const below = problem ?? (cut ? question.tooLong : undefined);
  // A line that was cut ends in "…", so what is on screen never passes for the whole answer.
  return [`${prefix} ${message}\n${INDENT}${typed}${cut ? "…" : ""}`, below === undefined ? "" : theme.style.error(below)];
});

/** Asks `question` and resolves to the value typed; rejects as the prompt library's prompts do (Ctrl-C, an abort). */
export function askTyped<T>(question: TypedQuestion<T>, context: PromptContext): Promise<T> {
  return typedPrompt(question as TypedQuestion<unknown>, context) as Promise<T>;
}
