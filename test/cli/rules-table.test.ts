// `ecs-or-eks rules` at 80 columns (review M19): the source on a line of its
// own under each rule, and every word whole, in English and Korean.
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/cli/render/layout.js";
import { runCli } from "../../src/cli/program.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";

/** `rules` in-process, to a terminal `columns` wide, or to a pipe (80 columns) when `columns` is undefined. */
async function rulesAt(lang: "en" | "ko", columns?: number) {
  let stdout = "";
  const write = (chunk: Buffer | string, _encoding: unknown, done: () => void) => ((stdout += chunk.toString()), done());
  const out = Object.assign(new Writable({ write }), columns === undefined ? { isTTY: false } : { isTTY: true, columns });
  const io = {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: out,
    stderr: new Writable({ write: (_chunk, _encoding, done) => done() }),
    env: { LANG: "C.UTF-8", NO_COLOR: "1" },
    cwd: process.cwd(),
  };
  expect(await runCli(["rules", "--lang", lang], io)).toBe(0);
  return stdout.split("\n");
}

/** Each rule's lines, from the line its id starts to the line before the next rule or title. */
function blocks(lines: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of lines) {
    const id = /^([a-z0-9][a-z0-9-]*[a-z0-9]) {2}/.exec(line)?.[1];
    if (id !== undefined && id !== "id") found.set(id, (current = [line]));
    else if (/^\S/.test(line) || line === "") current = undefined;
    else current?.push(line);
  }
  return found;
}

/** The words of a rule as read: a list broken after its bar ("kubernetes|" / "openshift") is one word again. */
const words = (block: string[]) => block.join("\n").replace(/\|\s+/g, "|").split(/\s+/).filter(Boolean).sort();

describe("the rules table", () => {
  it.each([
    ["en", en["rules.column.source"]],
    ["ko", ko["rules.column.source"]],
  ] as const)("in %s at 80 columns, gives each rule's source a line of its own and cuts no word", async (lang, source) => {
    for (const columns of [80, undefined]) {
      const lines = await rulesAt(lang, columns);
      expect(lines.filter((line) => displayWidth(line) > 80)).toEqual([]);
      // The header has no source column: the source is under each rule.
      expect(lines.filter((line) => line.startsWith("id ")).every((line) => !line.includes(source))).toBe(true);
      const narrow = blocks(lines);
      // One line per rule when the terminal is wide enough for every cell: the words each rule must still have.
      const wide = blocks(await rulesAt(lang, 400));
      expect([...narrow.keys()]).toEqual([...wide.keys()]);
      expect(narrow.size).toBeGreaterThan(50);
      for (const [id, block] of narrow) {
        expect(block.filter((line) => line.startsWith(`  ${source}: `))).toHaveLength(1);
        expect({ id, words: words(block) }).toEqual({ id, words: words(wide.get(id)!) });
      }
    }
  });

  it("draws a rule as a record, words whole, when the terminal is too narrow for whole words side by side", async () => {
    const lines = await rulesAt("en", 50);
    expect(lines.filter((line) => displayWidth(line) > 50)).toEqual([]);
    const record = lines.slice(lines.indexOf("ecs-runs-ecs-today"), lines.indexOf("ecs-runs-ecs-today") + 7);
    expect(record).toEqual([
      "ecs-runs-ecs-today",
      "  platform: ECS",
      "  weight: 6",
      "  when: currentPlatform = ecs and",
      "        currentPlatformFit = content",
      "  source: AWS startup-advisor guidance, the",
      '          "Kubernetes tax" (2026)',
    ]);
  });
});
