import { fstatSync, writeSync } from "node:fs";
import { langOf } from "../../i18n/lang.js";

// The process's stdout without process.stdout: making that stream costs a
// few milliseconds at every start (it loads Node's streams, or its network
// code for a pipe), more than the rest of a --version run. Text goes to the
// file descriptor directly; a terminal, or a pipe that is full, gets the
// real stream after all.

/** What the CLI writes its results to: process.stdout, or an in-process stand-in in the tests. */
export interface Output {
  write(text: string, callback?: (error?: Error | null) => void): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Whether a file descriptor is a terminal, cheaply: anything but a character
 * device is not, nor are Linux's memory devices (/dev/null, /dev/full, major
 * number 1); only the rest is asked of Node's tty module, which is slower to load.
 */
export function isTerminal(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice()) return false;
    if (process.platform === "linux" && Math.floor(info.rdev / 256) % 4096 === 1) return false;
  } catch {
    return false;
  }
  return (process.getBuiltinModule?.("node:tty") as typeof import("node:tty") | undefined)?.isatty(fd) ?? process.stdout.isTTY === true;
}

/** stdout, written through its file descriptor until a terminal or a full pipe calls for the stream. */
export function stdoutOutput(): Output {
  let stream: NodeJS.WriteStream | undefined;
  let terminal: boolean | undefined;
  const real = () => {
    if (!stream) {
      stream = process.stdout;
      stream.on("error", (error: NodeJS.ErrnoException) => outputFailed(error));
    }
    return stream;
  };
  const isTTY = () => (terminal ??= isTerminal(1));
  return {
    get isTTY() {
      return isTTY();
    },
    get columns() {
      return isTTY() ? real().columns : undefined;
    },
    write(text, callback) {
      if (stream || isTTY()) return real().write(text, callback);
      const bytes = Buffer.from(text);
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(1, bytes, at);
      } catch (error) {
        // A non-blocking pipe that is full: the stream waits for the reader, as it should.
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") return real().write(bytes.subarray(at), callback);
        outputFailed(error as NodeJS.ErrnoException);
      }
      callback?.();
      return true;
    },
  };
}

/** stderr, which reports its own failures the same way (quietly: there is nowhere left to say it). */
export function stderrOutput(): NodeJS.WriteStream {
  const stream = process.stderr;
  if (stream.listenerCount("error") === 0) stream.on("error", (error: NodeJS.ErrnoException) => outputFailed(error, "stderr"));
  return stream;
}

/**
 * A stream we cannot write to ends the run with its own exit code. A reader
 * that went away (`ecs-or-eks ... | head`) is not an error: exit quietly with
 * what the run would have returned. Anything else (a full disk, a device
 * error) is one line on stderr, if stderr still works, and exit 74: never a
 * stack, and never 1, which CI would read as "the decision changed".
 */
function outputFailed(error: NodeJS.ErrnoException, name: "stdout" | "stderr" = "stdout"): never {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  if (name === "stdout") {
    try {
      writeSync(2, `ecs-or-eks: ${outputFailure(error)}\n`);
    } catch {
      // stderr is gone too: the exit code is all that is left.
    }
  }
  process.exit(74);
}

// The catalogues are not loaded yet when the first write fails, so this one message carries both languages.
const OUTPUT_FAILURE = {
  en: { message: "cannot write the output (stdout)", ENOSPC: "the disk is full", EIO: "an input/output error", EDQUOT: "the disk quota is used up" },
  ko: { message: "출력(stdout)을 쓸 수 없습니다", ENOSPC: "디스크가 가득 찼습니다", EIO: "입출력 오류입니다", EDQUOT: "디스크 할당량을 다 썼습니다" },
} as const;

/** "cannot write the output (stdout): the disk is full." */
function outputFailure(error: NodeJS.ErrnoException): string {
  const words = OUTPUT_FAILURE[langOf(process.argv.slice(2), process.env)];
  const reason = (words as Record<string, string>)[error.code ?? ""] ?? error.message;
  return `${words.message}: ${reason}.`;
}
