import { spawn } from "node:child_process";
import xterm from "@xterm/headless";
import { ROOT } from "./fixtures.js";
import { BIN } from "./run-bin.js";

const { Terminal } = xterm;

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
  const command = options.shell ? `bash -c '${options.shell.replace(/'/g, "'\\''")}'` : `stty cols ${cols} rows ${rows}; exec ${quoted}`;
  const child = spawn("script", ["-qefc", command, "/dev/null"], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm-256color", LANG: "C.UTF-8", ...options.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  let raw = "";
  let drawn = Promise.resolve();
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    raw += chunk;
    drawn = drawn.then(() => new Promise<void>((resolve) => term.write(chunk, resolve)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
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
    /** Waits until the raw output shows `text`, then types `keys`. */
    async when(text: string, keys: string) {
      const start = Date.now();
      while (!raw.includes(text)) {
        if (Date.now() - start > 8000) throw new Error(`no ${JSON.stringify(text)} on screen:\n${(await screen()).join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.stdin.write(keys);
    },
  };
}

export const KEYS = { down: "\u001b[B", enter: "\r", ctrlC: "\u0003", space: " " } as const;
