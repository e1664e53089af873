import type { Readable, Writable } from "node:stream";

/** The process's streams and environment, injected so tests can run the CLI in-process. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** The real process. Streams are looked up when first used: merely touching process.stdin costs a pipe or TTY setup. */
export function processIo(): Io {
  return {
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
  };
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

/** Lines longer than this are wrapped: the terminal's width, or 80 columns when not a terminal. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }): number {
  const columns = stream.isTTY && stream.columns ? stream.columns : 80;
  return Math.max(40, Math.min(columns, 120));
}
