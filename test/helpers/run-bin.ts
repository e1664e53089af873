import { spawn } from "node:child_process";
import { ROOT } from "./fixtures.js";

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const BIN = `${ROOT}bin/ecs-or-eks.js`;

/**
 * Runs the built CLI as a user would: a separate process, with stdin piped
 * (or closed), a clean environment (no colour, English locale) unless the
 * test says otherwise.
 */
export function runBin(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<Ran> {
  return runProcess(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8", ...options.env },
    input: options.input,
  });
}

/** Any command, its output collected; stdin gets `input` (text, or a stream piped in as it comes), or is closed at once. */
export function runProcess(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string | NodeJS.ReadableStream }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => {}); // the process may exit before reading it all
    if (typeof options.input === "object") options.input.pipe(child.stdin);
    else child.stdin.end(options.input ?? "");
  });
}
