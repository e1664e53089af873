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
