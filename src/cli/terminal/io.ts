import type { Readable, Writable } from "node:stream";
import { isTerminal, stderrOutput, stdoutOutput, type Output } from "./streams.js";

/** The process's streams and environment, injected so tests can run the CLI in-process. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Output;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Whether a person is at the keyboard: stdin is a terminal (asked without making the stdin stream). */
  stdinIsTTY?: () => boolean;
}

/**
 * The real process. Streams are made when first used, and stdout is written
 * through its file descriptor: making process.stdin or process.stdout costs
 * more than a whole --version run.
 */
export function processIo(): Io {
  const stdout = stdoutOutput();
  return {
    get stdin() {
      return process.stdin;
    },
    stdout,
    get stderr() {
      return stderrOutput();
    },
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: () => isTerminal(0),
  };
}

/** Whether stdin is a terminal: cheaply for the real process, from the stream for an in-process one. */
export function stdinIsTTY(io: Io): boolean {
  return io.stdinIsTTY ? io.stdinIsTTY() : io.stdin.isTTY === true;
}

/**
 * Colour for a stream, as users expect: --no-color and a non-empty NO_COLOR
 * turn it off (chalk itself ignores NO_COLOR), FORCE_COLOR turns it on,
 * TERM=dumb and a stream that is not a terminal turn it off.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: Io["env"], flag?: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** The narrowest terminal we lay text out for; below it lines are cut rather than wrapped into nothing. */
export const MIN_WIDTH = 20;

/** Lines longer than this are wrapped: the terminal's width (from 20 to 120 columns), or 80 when not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  const columns = stream.isTTY && stream.columns ? stream.columns : 80;
  return Math.max(MIN_WIDTH, Math.min(columns, 120));
}

/**
 * Writes to stdout and goes on only once the text is written. When the write
 * fails (a full disk), the run stops here: the process's own handler reports
 * it in one line and exits 74, so nothing that depends on the output (a saved
 * file, a report on stderr) follows it. A reader that went away (EPIPE) is
 * not a failure.
 */
export function writeOut(stream: Output, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, (error?: Error | null) => {
      if (!error || (error as NodeJS.ErrnoException).code === "EPIPE") resolve();
    });
  });
}
