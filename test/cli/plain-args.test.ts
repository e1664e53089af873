// The main command's plain flags are read without commander (plain-args.ts).
// Whatever that reading accepts, commander must read to the very same
// options, and call the main command: otherwise a flag would mean one thing
// in one form and another in the next.
import type { Command } from "commander";
import fc from "fast-check";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/input/command-line.js";
import { OPTION_TABLES } from "../../src/cli/input/options.js";
import { plainMainOptions } from "../../src/cli/input/plain-args.js";
import type { Io } from "../../src/cli/terminal/io.js";
import { QUESTIONS } from "../../src/engine/questions.js";

function quietIo(): Io {
  const sink = () => Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: false });
  return { stdin: Object.assign(Readable.from([]), { isTTY: false }), stdout: sink(), stderr: sink(), env: {}, cwd: "/" };
}

/** What commander makes of a command line: the command it runs and that command's options, or that it refused the line. */
async function commanderReading(argv: readonly string[]): Promise<{ command: string; options: Record<string, unknown> } | "refused"> {
  let ran: { command: string; options: Record<string, unknown> } | undefined;
  const capture = () => async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    ran = { command: command.name(), options: command.optsWithGlobals() };
  };
  try {
    await buildProgram(argv, quietIo(), "en", capture).parseAsync([...argv], { from: "user" });
  } catch {
    return "refused";
  }
  return ran ?? "refused";
}

const MAIN_FLAGS = [
  ...QUESTIONS.map((q) => `--${q.flag}`),
  ...[...OPTION_TABLES.answers, ...OPTION_TABLES.advise, ...OPTION_TABLES.common].flatMap(([spec]) => spec.replace(/ <[^>]+>$/, "").split(", ")),
];
const OTHER_WORDS = ["--", "-", "--help", "-h", "-V", "--version", "--colour", "--color", "--input", "-x", "rules", "init", "help", "answers.json"];
const VALUES = ["json", "text", "adr", "-", "", "x.json", "ko", "helm,gitops", "none", "3", "0.5", "--force", "-a", "--json", "=", "a=b", "rules"];

/** A command line of main-command flags, values, their joined forms and the odd word. */
const commandLine = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...MAIN_FLAGS), fc.constantFrom(...VALUES)).map(([flag, value]) => [flag, value]) },
      { weight: 3, arbitrary: fc.constantFrom(...MAIN_FLAGS).map((flag) => [flag]) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...MAIN_FLAGS), fc.constantFrom(...VALUES)).map(([flag, value]) => [flag.startsWith("--") ? `${flag}=${value}` : `${flag}${value}`]) },
      { weight: 1, arbitrary: fc.constantFrom(...OTHER_WORDS).map((word) => [word]) },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.flat());

describe("reading the main command's flags without commander", () => {
  it("gives exactly the options commander gives, for every line it reads, and leaves the rest to commander", async () => {
    let read = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        runs++;
        const plain = plainMainOptions(argv, "en");
        if (plain === undefined) return;
        read++;
        expect(await commanderReading(argv)).toStrictEqual({ command: "ecs-or-eks", options: plain });
      }),
      { numRuns: 1500 },
    );
    // The generator reaches both sides: a reading that gave up on every line would pass the property alone.
    expect(read / runs).toBeGreaterThan(0.2);
    expect(read / runs).toBeLessThan(0.95);
  });

  it("reads the lines people run, and leaves help, commands, words and mistakes to commander", () => {
    expect(plainMainOptions([], "en")).toStrictEqual({ color: true, input: true });
    expect(plainMainOptions(["--answers", "-", "--json", "--lang=ko"], "en")).toStrictEqual({ answers: "-", json: true, lang: "ko", color: true, input: true });
    expect(plainMainOptions(["-a", "team.json", "-fjson", "--no-color", "--ecosystem", "helm", "--ecosystem=gitops"], "en")).toStrictEqual({
      answers: "team.json",
      format: "json",
      color: false,
      input: true,
      ecosystem: ["helm", "gitops"],
    });
    for (const argv of [["--help"], ["-h"], ["--version"], ["rules"], ["answers.json"], ["--answers"], ["--force=yes"], ["--jsn"], ["--", "--json"]]) {
      expect(plainMainOptions(argv, "en"), argv.join(" ")).toBeUndefined();
    }
  });
});

describe("a list flag repeated", () => {
  const repeated = (count: number, form: string[]) => Array.from({ length: count }, () => form).flat();

  /** What commander throws for a command line, run as the program runs it. */
  async function commanderError(argv: readonly string[]): Promise<unknown> {
    try {
      await buildProgram(argv, quietIo(), "en", () => async () => {}).parseAsync([...argv], { from: "user" });
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it("keeps 32 values, and refuses the 33rd as it comes in both readings, naming the flag and the limit", async () => {
    const argv = repeated(32, ["--ecosystem=helm"]);
    expect(plainMainOptions(argv, "en")?.ecosystem).toHaveLength(32);
    expect(await commanderReading(argv)).toMatchObject({ options: { ecosystem: expect.arrayContaining(["helm"]) } });
    const message = (flag: string) => `${flag} is given more than 32 times; a list holds at most 32 items, so list each choice once.`;
    // 40,000 repetitions were read whole, each copying the list so far, before the limit was checked.
    for (const [more, flag] of [
      [repeated(33, ["--ecosystem=helm"]), "--ecosystem"],
      [repeated(40_000, ["--ecosystem", "helm"]), "--ecosystem"],
      [["--rules", "x.json", ...repeated(40_000, ["--requirements=gpu"])], "--requirements"],
    ] as const) {
      expect(() => plainMainOptions(more, "en")).toThrow(message(flag));
      expect(await commanderError(["scaffold", ...more])).toMatchObject({ message: message(flag) });
    }
  });
});
