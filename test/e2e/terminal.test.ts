import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { BIN } from "../helpers/run-bin.js";

// A real pseudo-terminal, via util-linux `script`, so the TTY checks, raw
// mode and Ctrl-C are the ones a user meets, not test doubles.
function inTerminal(args: string, env: Record<string, string> = {}) {
  const child = spawn("script", ["-qefc", `"${process.execPath}" "${BIN}" ${args}`, "/dev/null"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TERM: "xterm", LANG: "C.UTF-8", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let screen = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (screen += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    screen: () => screen,
    exited,
    async when(text: string, keys: string) {
      const start = Date.now();
      while (!screen.includes(text)) {
        if (Date.now() - start > 8000) throw new Error(`no ${JSON.stringify(text)} on screen:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.stdin.write(keys);
    },
  };
}

const DOWN = "\u001b[B";
const ENTER = "\r";

describe("in a real terminal", () => {
  it("runs the questionnaire and prints the recommendation", async () => {
    const term = inTerminal("--no-color");
    await term.when("(1/11)", `${DOWN}${DOWN}${DOWN}${ENTER}`); // expert
    await term.when("(2/11)", `${DOWN}${DOWN}${ENTER}`); // multi-cloud
    await term.when("(3/11)", ENTER);
    await term.when("(4/11)", `40${ENTER}`);
    for (let n = 5; n <= 11; n++) await term.when(`(${n}/11)`, ENTER);
    expect(await term.exited).toBe(0);
    expect(term.screen()).toContain("Recommendation: Amazon EKS on AWS Fargate");
    expect(term.screen()).toContain("███"); // block bars in a terminal
  });

  it("exits 130 quietly on Ctrl-C", async () => {
    const term = inTerminal("");
    await term.when("(1/11)", "\u0003");
    expect(await term.exited).toBe(130);
    expect(term.screen()).toContain("Cancelled; nothing was written.");
    expect(term.screen()).not.toMatch(/ExitPromptError|at .*\.js:\d+/);
  });
});
