import MuteStream from "mute-stream";
import { Writable } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import type { Io } from "../../src/cli/terminal/io.js";

/** A stream that keeps what is written to it, as a pipe would (not a terminal). */
export class Capture extends Writable {
  text = "";
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/**
 * An in-process terminal for the questionnaire: stdin claims to be a TTY and
 * takes key presses the way @inquirer/testing sends them; stdout and stderr
 * are captured.
 */
export function fakeTerminal(env: Record<string, string> = {}) {
  const stdin = new MuteStream() as MuteStream & { isTTY: boolean };
  stdin.isTTY = true;
  const stdout = new Capture();
  const stderr = new Capture();
  const io: Io = { stdin, stdout, stderr, env: { LANG: "C.UTF-8", ...env }, cwd: process.cwd() };
  const screen = () => stripVTControlCharacters(stderr.text);
  return {
    io,
    stdout,
    stderr,
    screen,
    press(key: string | { name: string; ctrl?: boolean }) {
      stdin.emit("keypress", null, typeof key === "string" ? { name: key } : key);
    },
    type(text: string) {
      stdin.write(text);
      for (const char of text) stdin.emit("keypress", null, { name: char });
    },
    /** Presses Enter on questions `from` to `to` of `total` (`to` when not given), each once it is on screen. */
    async acceptDefaults(from: number, to: number, total = to) {
      for (let n = from; n <= to; n++) {
        await this.waitFor(`(${n}/${total})`);
        this.press("enter");
      }
    },
    /** At the review before the result, takes its default: show the result (or, for init, write the file). */
    async review() {
      await this.waitFor("Your answers.");
      this.press("enter");
    },
    /** Waits until the prompt output contains `text` (the next question has rendered). */
    async waitFor(text: string, timeoutMs = 60_000) {
      const start = Date.now();
      while (!screen().includes(text)) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}\n${screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}
