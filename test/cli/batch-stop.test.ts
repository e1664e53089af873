import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import type { Io } from "../../src/cli/terminal/io.js";
import { Capture } from "../helpers/fake-terminal.js";

/** The batch in-process on an idle pipe, stopped by `signal` once its handlers are set (it waits for them, not for a time). */
async function stopBeforeAnyLine(lang: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: Io = { stdin: new PassThrough(), stdout, stderr, env: { LANG: lang }, cwd: process.cwd() };
  const before = process.listenerCount("SIGTERM");
  const running = runCli(["--batch"], io);
  while (process.listenerCount("SIGTERM") === before) await new Promise((resolve) => setImmediate(resolve));
  process.emit("SIGTERM");
  return { code: await running, stdout: stdout.text, stderr: stderr.text };
}

describe("a signal before the batch has read a line", () => {
  it("says so with the tool's prefix, not 'after line 0', and exits 143", async () => {
    const ran = await stopBeforeAnyLine("C.UTF-8");
    expect(ran.code).toBe(143);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe("\necs-or-eks: Stopped by SIGTERM before any line was read; nothing was written.\n");
  });

  it("says it in Korean too, without '0번째 줄'", async () => {
    const ran = await stopBeforeAnyLine("ko_KR.UTF-8");
    expect(ran.stderr).toContain("ecs-or-eks: 한 줄도 읽기 전에 SIGTERM 신호를 받아 중단했습니다.");
    expect(ran.stderr).not.toContain("0번째");
  });
});
