import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli as run } from "../../src/cli/program.js";
import { QUESTIONS } from "../../src/engine/questions.js";
import { readFixture } from "../helpers/fixtures.js";

interface Case {
  args: string[];
  input: string;
  code?: number;
  /** What the message must say, where the corpus holds a message a user once found wrong. */
  says?: string;
}

const { cases: CORPUS } = readFixture("bad-inputs.json") as { cases: Case[] };

/** The CLI in-process, with stdin piped (not a terminal) and stdout and stderr captured. */
async function runCase({ args, input }: Case) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    Object.assign(new Writable({ write: (chunk, _encoding, done) => (append(chunk.toString()), done()) }), { isTTY: false });
  const io = {
    stdin: Object.assign(Readable.from([Buffer.from(input)]), { isTTY: false }),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { LANG: "C.UTF-8" },
    cwd: mkdtempSync(join(tmpdir(), "ecs-or-eks-fuzz-")),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** What every run owes its user, whatever came in: a documented exit code, never a bug, never a stack. */
function expectHonest(ran: { code: number; stdout: string; stderr: string }, args: readonly string[]) {
  expect([0, 1, 2, 74]).toContain(ran.code);
  expect(ran.stderr).not.toMatch(/\n\s+at |This is a bug|unexpected error/);
  if (ran.code === 2) {
    expect(ran.stderr).toMatch(/^ecs-or-eks: /);
    // A batch run writes each good line's record before it reports the bad ones.
    if (!args.includes("--batch")) expect(ran.stdout).toBe("");
  }
}

describe("a corpus of bad input and faults", () => {
  it.each(CORPUS.map((c) => [JSON.stringify(c.args), c] as const))("%s: the documented exit code, one clear message, no bug", async (_name, c) => {
    const ran = await runCase(c);
    expectHonest(ran, c.args);
    if (c.code !== undefined) expect(ran.code).toBe(c.code);
    if (c.says !== undefined) expect(ran.stderr.replace(/\s+/g, " ")).toContain(c.says);
  });
});

// Values a user might type: right, wrong, empty, odd.
const junk = fc.oneof(
  fc.constantFrom("", " ", "none", "0", "-1", "1.5", "1e999", "NaN", "null", "{}", "[]", ",", "a,,b", "가", "\u0000", "../..", "-", "--"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 200000 }).map(String),
);
const flagValue = fc.oneof(
  ...QUESTIONS.map((q) => fc.tuple(fc.constant(`--${q.flag}`), fc.oneof(junk, q.kind === "integer" ? fc.integer({ min: q.min, max: q.max }).map(String) : fc.constantFrom(...q.choices)))),
  fc.tuple(fc.constantFrom("--format", "--lang", "--expect", "--rules", "--answers", "--save", "--out", "--platform", "--launch-type", "--name", "--cpu", "--memory", "--port"), junk),
);
const switches = fc.subarray(["--json", "--batch", "--no-input", "--no-color", "--force", "--summary", "--helm", "--gpu"]);
const command = fc.constantFrom([], [], ["init"], ["scaffold"], ["rules"], ["compare"], ["schema"], ["rules", "check", "-"]);
const answerKeys = QUESTIONS.map((q) => q.key);
const inputs = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...answerKeys), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }).map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 200 }),
  fc.array(fc.json({ maxDepth: 2 }), { maxLength: 5 }).map((lines) => lines.join("\n")),
  fc.integer({ min: 50, max: 3000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.constantFrom(...CORPUS.map((c) => c.input)),
);

describe("fuzzing the corpus", () => {
  it("never ends in exit 70, whatever the flags and the input", async () => {
    await fc.assert(
      fc.asyncProperty(command, fc.array(flagValue, { maxLength: 5 }), switches, inputs, async (cmd, pairs, flags, input) => {
        const args = [...cmd, ...pairs.flat(), ...flags];
        const ran = await runCase({ args, input });
        expectHonest(ran, args);
      }),
      { numRuns: 400, seed: 74 },
    );
  });
});
