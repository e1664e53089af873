import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import xterm from "@xterm/headless";
import { ROOT } from "./fixtures.js";
import { BIN } from "./run-bin.js";

const { Terminal } = xterm;

/**
 * How long a test waits for what it reads before it fails: generous, since on
 * a loaded two-core machine (the whole suite beside a CPU hog) a prompt can
 * take seconds to draw. A wait ends as soon as the text is there, so a quick
 * machine never waits this long; only a broken run does.
 */
const PTY_WAIT_MS = 60_000;

/**
 * The CLI in a real pseudo-terminal (util-linux `script`), its output drawn
 * by a terminal emulator (@xterm/headless), so a test reads the screen a
 * person sees: cursor moves, clears and redraws applied, not raw bytes.
 */
export function inTerminal(
  args: readonly string[],
  options: { env?: Record<string, string>; cols?: number; rows?: number; shell?: string; cwd?: string } = {},
) {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 60;
  const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(" ");
  // `shell` runs a script of its own in the terminal instead of the CLI alone.
  // A resize is asked for through a file: a job beside the CLI, in the same terminal, sets the new size
  // with stty (the kernel then sends SIGWINCH), and ends when the CLI does.
  const sizes = join(mkdtempSync(join(tmpdir(), "ecs-or-eks-pty-")), "size");
  const watcher = `(while kill -0 $$ 2>/dev/null; do if [ -f ${sizes} ]; then stty $(cat ${sizes}) </dev/tty; rm -f ${sizes}; fi; sleep 0.02; done) &`;
  const script = `stty cols ${cols} rows ${rows}; ${watcher} exec ${quoted}`;
  const command = `bash -c '${(options.shell ?? script).replace(/'/g, "'\\''")}'`;
  const child = spawn("script", ["-qefc", command, "/dev/null"], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm-256color", LANG: "C.UTF-8", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  let raw = "";
  // Where the last wait matched: the next one reads on from there.
  let seen = 0;
  let drawn = Promise.resolve();
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    raw += chunk;
    drawn = drawn.then(() => new Promise<void>((resolve) => term.write(chunk, resolve)));
  });
  let closed = false;
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => ((closed = true), resolve(code))));
  /** Every line the terminal holds, scrollback included, as displayed. */
  const screen = async () => {
    await drawn;
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? "");
    while (lines.length > 0 && lines.at(-1) === "") lines.pop();
    return lines;
  };
  return {
    child,
    /** What the terminal received, escape sequences and all. */
    raw: () => raw,
    exited: exited.then(async (code) => (await drawn, code)),
    screen,
    /** Resizes the terminal and the emulator together, as a person dragging the window's edge. */
    resize(newCols: number, newRows = rows) {
      // In the drawing order: what arrives after the resize is drawn at the new size.
      drawn = drawn.then(() => term.resize(newCols, newRows));
      // What is drawn from now on answers the next wait.
      seen = raw.length;
      writeFileSync(sizes, `cols ${newCols} rows ${newRows}`);
    },
    /**
     * Waits until the raw output shows `text`, then types `keys`. Each wait
     * reads on from where the last one matched, so text drawn by an earlier
     * prompt never answers for a later one.
     */
    async when(text: string, keys: string) {
      const start = Date.now();
      let at = raw.indexOf(text, seen);
      while (at < 0) {
        // A run that has ended will draw nothing more: no need to wait out the bound.
        if (closed || Date.now() - start > PTY_WAIT_MS) throw new Error(`no ${JSON.stringify(text)} on screen:\n${(await screen()).join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        at = raw.indexOf(text, seen);
      }
      seen = at + text.length;
      child.stdin.write(keys);
    },
    /**
     * The screen once `check` passes on it: a frame can arrive in pieces, so
     * what follows the text a test waited for may not be drawn yet. Reads the
     * screen again until `check` stops throwing, and throws its last error if
     * it never does.
     */
    async screenWhen(check: (lines: string[]) => void): Promise<string[]> {
      const start = Date.now();
      for (;;) {
        const lines = await screen();
        try {
          check(lines);
          return lines;
        } catch (error) {
          if (Date.now() - start > PTY_WAIT_MS) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

export const KEYS = { down: "\u001b[B", enter: "\r", ctrlC: "\u0003", space: " ", backspace: "\u007f" } as const;
