// Drawing a prompt on the terminal: at its real width, following a resize,
// and only done once everything drawn has reached the screen.
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { Interrupted } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT, SIGNAL_EXIT, type Signal } from "../output/exit-codes.js";
import { capTypeToFind } from "./find-keys.js";
import { clearAfterResize, frameOf, type Frame } from "./redraw.js";

export interface PromptContext {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal?: AbortSignal;
  /** Called each time a prompt's first frame (the question drawn whole, not a cursor move) has reached the terminal. */
  drawn?: () => void;
}

/**
 * Runs prompts with the process's signals caught: a signal from outside (kill,
 * a closed window) aborts the open prompt, which then puts the terminal back
 * (echo, cursor, line mode) before the run ends with the signal's exit code.
 * Ctrl-D (end of input) at any prompt ends the run as Ctrl-C does, with its
 * own line: readline would close quietly, leaving the prompt unanswered and
 * the run to end with 0.
 */
export async function whileAsking<T>(context: PromptContext, lang: Lang, ask: (context: PromptContext) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (signal: Signal) => () => controller.abort(new Interrupted(signal, SIGNAL_EXIT[signal]));
  const handlers = (Object.keys(SIGNAL_EXIT) as Signal[]).map((signal) => [signal, stop(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  // Heard before readline's own handler, which each prompt adds later.
  const endOfInput = (_text: unknown, key?: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl === true && key.name === "d") controller.abort(new Interrupted("EOF", EXIT.interrupted, t(lang, "error.endOfInput")));
  };
  context.input.on("keypress", endOfInput);
  try {
    return await ask({ ...context, signal: controller.signal });
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    context.input.off("keypress", endOfInput);
  }
}

/**
 * Runs one prompt and resolves once everything it drew has reached the
 * terminal. A prompt writes through a stream it ends when done, and its last
 * chunks arrive after its answer: printing the result before they land would
 * garble both.
 */
export async function untilDrawn<T>(context: PromptContext, prompt: (output: Writable) => Promise<T>, textField = false): Promise<T> {
  // Each prompt ends the stream it writes to; only process.stderr is immune, so each gets its own.
  const output = drawnTo(context.output, context.drawn);
  const flushed = finished(output).catch(() => {});
  // A resize redraws the open prompt at the new width rather than at the next key.
  const redraw = () => nudge(context.input, textField);
  output.on("resize", redraw);
  // A typed answer bounds its own line (typed-prompt.ts); a list's type-to-find is bounded here.
  const uncap = textField ? () => {} : capTypeToFind(context.input);
  try {
    return await prompt(output);
  } finally {
    uncap();
    output.off("resize", redraw);
    await flushed;
  }
}

type Terminal = NodeJS.WritableStream & { columns?: number; rows?: number; isTTY?: boolean };

/**
 * A stream that writes to the terminal and reports its size, so the prompt
 * library lays out for the real width. On a resize it clears what the prompt
 * drew (the terminal has rewrapped it) and passes the resize on.
 */
function drawnTo(terminal: Terminal, shown?: () => void): Writable {
  let frame: Frame | undefined;
  let first = shown;
  const output = new Writable({
    write: (chunk, _encoding, done) => {
      const text = String(chunk);
      const drawn = frameOf(text);
      if (drawn) frame = drawn;
      const then = drawn ? first : undefined;
      if (then) first = undefined;
      terminal.write(text, then ? (error) => (done(error), afterPaint(then)) : done);
    },
  });
  Object.defineProperties(output, {
    columns: { get: () => terminal.columns },
    rows: { get: () => terminal.rows },
    isTTY: { get: () => terminal.isTTY === true },
  });
  const resized = () => {
    if (frame && terminal.columns) terminal.write(clearAfterResize(frame, terminal.columns));
    output.emit("resize");
  };
  terminal.on("resize", resized);
  const stop = () => terminal.off("resize", resized);
  output.once("finish", stop).once("close", stop);
  return output;
}

/**
 * Runs `then` a moment after a frame was written: long enough for the terminal
 * (another process, on the same cores) to paint it before `then` takes the CPU,
 * far shorter than anyone takes to read a question. Never keeps the run alive.
 */
const PAINT_MS = 100;
function afterPaint(then: () => void): void {
  setTimeout(then, PAINT_MS).unref();
}

/**
 * Makes the open prompt draw again: the prompt library draws only when its
 * state changes, so two keys that undo each other (up then down in a list,
 * a character then Backspace in a text field) change it twice and end where
 * they began.
 */
function nudge(input: NodeJS.ReadableStream, textField: boolean): void {
  if (textField) {
    input.emit("keypress", "x", { name: "x", sequence: "x" });
    input.emit("keypress", "\u007f", { name: "backspace", sequence: "\u007f" });
  } else {
    input.emit("keypress", "", { name: "up", sequence: "\u001b[A" });
    input.emit("keypress", "", { name: "down", sequence: "\u001b[B" });
  }
}
