import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/cli/render/layout.js";
import { runCli as run } from "../../src/cli/program.js";
import { readFileSync } from "node:fs";
import { fixturePath } from "../helpers/fixtures.js";

/** The CLI in-process, writing to what claims to be a terminal `columns` wide. */
async function atWidth(columns: number, args: string[]) {
  let stdout = "";
  const terminal = Object.assign(new Writable({ write: (chunk, _encoding, done) => ((stdout += chunk.toString()), done()) }), { isTTY: true, columns });
  const io = {
    stdin: Object.assign(Readable.from([readFileSync(fixturePath("answers/ml-gpu.json"))]), { isTTY: false }),
    stdout: terminal,
    stderr: Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: true, columns }),
    env: { LANG: "C.UTF-8", NO_COLOR: "1" },
    cwd: process.cwd(),
  };
  const code = await run(args, io);
  return { code, lines: stdout.split("\n") };
}

describe("a narrow terminal", () => {
  it.each([20, 24, 30, 40, 41])("at %i columns, every line of every command fits, in English and Korean", async (columns) => {
    for (const lang of ["en", "ko"]) {
      for (const args of [["--answers", "-"], ["compare"], ["rules"], ["prices"], ["--help"], ["scaffold", "--help"], ["init", "--help"]]) {
        const { code, lines } = await atWidth(columns, [...args, "--lang", lang]);
        expect(code).toBe(0);
        const over = lines.filter((line) => displayWidth(line) > columns);
        expect({ args, lang, over }).toEqual({ args, lang, over: [] });
      }
    }
  });

  it("still says everything: the narrow result has the same words as the wide one", async () => {
    const words = (lines: string[]) => lines.join(" ").split(/\s+/).filter(Boolean).join(" ");
    const narrow = await atWidth(24, ["--answers", "-"]);
    const wide = await atWidth(120, ["--answers", "-"]);
    // Bars are drawn to the width; everything else is the same text, wrapped differently.
    const text = (lines: string[]) => words(lines).replace(/[█▏▎▍▌▋▊▉]+/g, "");
    expect(text(narrow.lines)).toBe(text(wide.lines));
  });
});
