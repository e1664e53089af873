import fc from "fast-check";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli as run } from "../../src/cli/program.js";
import { BUILT_IN_PRICES } from "../../src/engine/builtin-prices.js";
import { QUESTIONS } from "../../src/engine/questions.js";
import { readFixture } from "../helpers/fixtures.js";

interface Case {
  args: string[];
  input: string | Buffer;
  code?: number;
  /** What the message must say, where the corpus holds a message a user once found wrong. */
  says?: string;
}

const { cases: CORPUS } = readFixture("bad-inputs.json") as { cases: Case[] };

/** The CLI in-process, with stdin piped (not a terminal) and stdout and stderr captured. */
async function runCase({ args, input }: Case, env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    Object.assign(new Writable({ write: (chunk, _encoding, done) => (append(chunk.toString()), done()) }), { isTTY: false });
  const io = {
    stdin: Object.assign(Readable.from([typeof input === "string" ? Buffer.from(input) : input]), { isTTY: false }),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { LANG: "C.UTF-8", ...env },
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

/**
 * What a user's terminal and log can rely on, whatever came in: a bounded
 * report (at most 25 lines, none over 1,000 characters), no byte a terminal
 * would act on (below 0x20 but newline and tab) on stderr or in the output,
 * and JSON output as whole JSON lines or one JSON document.
 */
function expectSafeOutput(ran: { stdout: string; stderr: string }, args: readonly string[]) {
  const lines = ran.stderr.split("\n").filter(Boolean);
  if (!args.includes("check")) expect(lines.length).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(1000);
  expect(ran.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  expect(ran.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  const json = args.includes("--json") || (args.includes("--format") && args[args.indexOf("--format") + 1] === "json");
  if (json && ran.stdout !== "") {
    if (args.includes("--batch")) {
      expect(ran.stdout.endsWith("\n")).toBe(true);
      for (const line of ran.stdout.slice(0, -1).split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    } else expect(() => JSON.parse(ran.stdout)).not.toThrow();
  }
}

describe("a corpus of bad input and faults", () => {
  it.each(CORPUS.map((c) => [JSON.stringify(c.args), c] as const))("%s: the documented exit code, one clear message, no bug", async (_name, c) => {
    const ran = await runCase(c);
    expectHonest(ran, c.args);
    expectSafeOutput(ran, c.args);
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
  ...QUESTIONS.map((q) => fc.tuple(fc.constant(`--${q.flag}`), fc.oneof(junk, q.kind === "integer" || q.kind === "number" ? fc.integer({ min: Math.ceil(q.min), max: q.max }).map(String) : q.kind === "choice" || q.kind === "set" ? fc.constantFrom(...q.choices) : junk))),
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

// Issue 18's generators: hostile text in every string field, prototype names
// in every name and ref field, deep unterminated JSON, duplicate keys, and
// bytes that are not UTF-8.
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));
const trickyChar = fc.constantFrom("\u001b", "\u0007", "\u0000", "\r", "\n", "\u009b", "\u202e", "\u2066", "\u200f", "한", "😀", "|", "`", "#", "\\");
const hostileString = fc.oneof(
  fc.string({ unit: fc.oneof(controlChar, trickyChar, fc.constant("a")), maxLength: 24 }),
  fc.constantFrom("\u001b]0;owned\u0007\nfake: ok", "\u001b[2J\u001b[H", "\u202egnp.exe", "line\n## heading | `x`"),
);
const PROTOTYPE_NAMES = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__"];
const prototypeName = fc.constantFrom(...PROTOTYPE_NAMES);
const nameOrRef = fc.oneof(prototypeName, hostileString, fc.constantFrom("guide.comparison", "x"));
const answerValue = fc.oneof(hostileString, prototypeName, fc.constantFrom(...QUESTIONS.flatMap((q) => (q.kind === "choice" || q.kind === "set" ? q.choices : []))));

/** An answers object whose keys and values may be hostile text or prototype names. */
const hostileAnswers = fc
  .dictionary(fc.oneof(fc.constantFrom(...answerKeys), prototypeName, hostileString), fc.oneof(answerValue, fc.array(answerValue, { maxLength: 3 }), fc.integer()), { maxKeys: 6 })
  .map((o) => JSON.stringify(o));

/** A rules file with hostile ids, refs, source titles, texts and labels. */
const hostileRules = fc
  .record({ id: nameOrRef, ref: nameOrRef, source: nameOrRef, text: hostileString, label: hostileString, answer: fc.oneof(prototypeName, fc.constantFrom(...answerKeys)) })
  .map(({ id, ref, source, text, label, answer }) =>
    JSON.stringify({
      version: "1",
      sources: { [source]: { title: { en: text } } },
      rules: [{ id, platform: "ecs", weight: 1, when: { answer, in: ["tight"] }, text: { en: text }, source: { ref } }],
      launchTypeLimits: [{ id: `${id}-limit`, excludes: ["fargate"], when: { answer: "budget", in: ["tight"] }, text: { en: label }, source: { ref } }],
    }),
  );
const overridesFile = fc
  .record({ id: nameOrRef, weight: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constant(1.5)) })
  .map(({ id, weight }) => JSON.stringify({ extends: "built-in", weights: { [id]: weight }, disable: [id] }));

/** Unterminated, or closed, nesting far past any limit: the error locator must not recurse. */
const deepJson = fc.record({ depth: fc.integer({ min: 5_000, max: 40_000 }), open: fc.constantFrom("[", '{"a":'), closed: fc.boolean() }).map(({ depth, open, closed }) => {
  const body = open.repeat(depth);
  return closed ? body + (open === "[" ? "]" : "}").repeat(depth) : body;
});

/** A key given twice, at the top or inside. */
const duplicateKeys = fc.record({ key: fc.oneof(fc.constantFrom(...answerKeys), prototypeName, hostileString), nested: fc.boolean() }).map(({ key, nested }) => {
  const pair = `${JSON.stringify(key)}:1,${JSON.stringify(key)}:2`;
  return nested ? `{"extends":"built-in","weights":{${pair}}}` : `{"budget":"tight",${pair}}`;
});

/** UTF-16 (with or without a byte-order mark), UTF-32, and Latin-1 bytes. */
const foreignBytes = fc.record({ text: fc.oneof(fc.constant('{"budget":"tight"}'), hostileAnswers), encoding: fc.constantFrom("utf16le", "utf16be", "utf32", "latin1"), bom: fc.boolean() }).map(({ text, encoding, bom }) => {
  const latin = `${text.slice(0, -1)},"x":"caf\u00e9 na\u00efve"}`;
  if (encoding === "latin1") return Buffer.from(latin, "latin1");
  if (encoding === "utf32") return Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...Array.from(text, (c) => Buffer.from([c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8, 0, 0]))]);
  const le = Buffer.from(text, "utf16le");
  const bytes = encoding === "utf16be" ? Buffer.from(le).swap16() : le;
  return bom ? Buffer.concat([Buffer.from(encoding === "utf16be" ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]) : bytes;
});

const hostileInput = fc.oneof(hostileAnswers, hostileRules, overridesFile, deepJson, duplicateKeys, foreignBytes, fc.array(hostileAnswers, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n")));
// Commands that read the input above as answers, as a rules file or as NDJSON; none of them may end in 1 or 74.
const readerCommand = fc.constantFrom(
  ["--no-input"],
  ["--no-input", "--json"],
  ["--no-input", "--format", "markdown"],
  ["--batch"],
  ["--batch", "--format", "text"],
  ["rules", "check", "-"],
  ["rules", "--rules", "-"],
  ["--rules", "-", "--no-input", "--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"],
  ["scaffold", "--answers", "-"],
);
const hostileFlag = fc.tuple(fc.constantFrom("--name", "--image", "--budget", "--requirements", "--lang", "--format"), hostileString);

describe("fuzzing with hostile text, prototype names, deep and foreign input", () => {
  it("ends in 0 or 2, with a bounded, escaped report and whole JSON", async () => {
    await fc.assert(
      fc.asyncProperty(readerCommand, fc.option(hostileFlag, { nil: undefined }), hostileInput, async (cmd, flag, input) => {
        const args = [...cmd, ...(flag ?? [])];
        const ran = await runCase({ args, input });
        expect([0, 2]).toContain(ran.code);
        expectHonest(ran, args);
        expectSafeOutput(ran, args);
      }),
      { numRuns: 250, seed: 18 },
    );
  }, 120_000);
});

// Issue 28's generators: control bytes, newlines, pipes, backticks, HTML,
// links and forged Markdown in every string and key of a prices file and an
// answers file that a run may show, for every format that shows them.
const MARK = "ZZ";
const hostilePiece = fc.constantFrom(
  "\u001b[31m", "\u001b]0;t\u0007", "\u0007", "\u0000", "\r", "\n", "\u009b", "\u007f", "\u202e", "\u2066", "\u2028",
  `|${MARK}`, `\`${MARK}\``, `<b>${MARK}</b>`, "<img src=x onerror=alert(1)>", `\n## ${MARK}`, `\n- ${MARK}`, `\n\n${MARK}`, `[${MARK}](javascript:x)`, `![${MARK}](http://x/t.png)`, "한", "a",
);
/** Text a user could put anywhere: never empty, never only what a field would refuse. */
const hostileText = fc.array(hostilePiece, { minLength: 1, maxLength: 6 }).map((pieces) => `x${pieces.join("")}`);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every "source" and the version replaced; instance types and Provisioned Control Plane tiers renamed, consistently. */
function hostilePrices(texts: readonly string[], extraKey: string | undefined): Json {
  const data = structuredClone(BUILT_IN_PRICES.data) as unknown as Json;
  let next = 0;
  const text = () => `${texts[next++ % texts.length]!}${next}`;
  const types = Object.keys(data.instanceTypes as Json);
  const renamed = new Map(types.slice(0, 2).map((type) => [type, text()]));
  const rename = (object: Json) => Object.fromEntries(Object.entries(object).map(([key, value]) => [renamed.get(key) ?? key, value]));
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, ""));
    if (!isObject(value)) return key === "source" || key === "version" ? text() : value;
    // Every map keyed by instance type (on-demand, Spot, Windows, Savings Plans rates) follows the rename.
    const entries = Object.entries(rename(value)).map(([k, v]) => [key === "usdPerHour" ? text() : k, walk(v, k)]);
    return Object.fromEntries(entries);
  };
  const file = walk(data, "") as Json;
  return extraKey === undefined ? file : { ...file, [extraKey]: 1 };
}

/** Valid answers with some keys and values (and the $schema) made hostile. */
function hostileAnswersFile(texts: readonly string[], where: readonly number[]): Json {
  const answers: Json = { $schema: texts[0], kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3, ecosystem: ["helm"] };
  const keys = Object.keys(answers);
  for (const [i, at] of where.entries()) {
    const key = keys[at % keys.length]!;
    if (i % 2 === 0) answers[key] = texts[i % texts.length];
    else answers[texts[i % texts.length]!] = answers[key];
  }
  return answers;
}

/** A byte a terminal would act on: C0 but newline and tab, DEL, C1, the bidirectional controls, the line separators. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Markdown in which user text stayed on its line: no forged heading, list item or paragraph, no raw HTML, code, cell or link of it. */
function expectUserTextInline(markdown: string): void {
  expect(markdown).not.toMatch(RAW_CONTROL);
  expect(markdown).not.toMatch(new RegExp(`^\\s*(#+ |- |)${MARK}`, "m"));
  expect(markdown).not.toMatch(/<(b|img)\b/);
  expect(markdown).not.toMatch(new RegExp(`(^|[^\\\\])[|\`[]${MARK}`, "m"));
}

const ANSWER_FLAGS = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];
const pricesRun = fc.constantFrom<string[]>(
  [...ANSWER_FLAGS, "--prices", "-"],
  [...ANSWER_FLAGS, "--prices", "-", "--format", "markdown"],
  [...ANSWER_FLAGS, "--prices", "-", "--format", "adr"],
  [...ANSWER_FLAGS, "--prices", "-", "--json"],
  [...ANSWER_FLAGS, "--prices", "-", "--summary"],
  ["prices", "--prices", "-"],
  ["prices", "--prices", "-", "--json"],
  ["prices", "check", "-"],
);
const answersRun = fc.constantFrom<string[]>(["--no-input"], ["--no-input", "--format", "markdown"], ["--no-input", "--format", "adr"], ["--no-input", "--json"], ["--batch", "--format", "text"], ["--batch"], ["scaffold", "--answers", "-"]);

/** What every hostile run owes its user: no bug, no raw control byte anywhere, Markdown with the user's text inline, whole JSON. */
async function expectSafeRun(args: readonly string[], input: string): Promise<number> {
  const summary = join(mkdtempSync(join(tmpdir(), "ecs-or-eks-fuzz-summary-")), "summary.md");
  const ran = await runCase({ args: [...args], input }, { GITHUB_STEP_SUMMARY: summary });
  expect([0, 2]).toContain(ran.code);
  expectHonest(ran, args);
  expect(ran.stdout).not.toMatch(RAW_CONTROL);
  expect(ran.stderr).not.toMatch(RAW_CONTROL);
  const markdown = args.includes("markdown") || args.includes("adr");
  if (markdown) expectUserTextInline(ran.stdout);
  if (existsSync(summary)) expectUserTextInline(readFileSync(summary, "utf8"));
  if (ran.code === 0 && args.includes("--json")) expect(() => JSON.parse(ran.stdout)).not.toThrow();
  return ran.code;
}

describe("fuzzing every string and key of a prices file and an answers file, in every format", () => {
  it("a prices file: no raw control byte on a terminal, user text inline in Markdown and the job summary", async () => {
    const codes: number[] = [];
    await fc.assert(
      fc.asyncProperty(pricesRun, fc.array(hostileText, { minLength: 1, maxLength: 8 }), fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileText }), async (args, texts, extraKey) => {
        const file = hostilePrices(texts, extraKey);
        codes.push(await expectSafeRun(args, JSON.stringify(file)));
        // The JSON of the prices keeps every name exact.
        if (extraKey === undefined && args.includes("--json") && args[0] === "prices") {
          const shown = await runCase({ args: [...args], input: JSON.stringify(file) });
          expect(JSON.parse(shown.stdout)).toEqual(file);
        }
      }),
      { numRuns: 120, seed: 28 },
    );
    // Most files are valid, so their names reach every format; the rest are refused, naming them.
    expect(codes.filter((code) => code === 0).length).toBeGreaterThan(codes.length / 2);
    expect(codes).toContain(2);
  }, 120_000);

  it("an answers file: the same, on every line it reaches", async () => {
    await fc.assert(
      fc.asyncProperty(answersRun, fc.array(hostileText, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }), async (args, texts, where) => {
        const answers = JSON.stringify(hostileAnswersFile(texts, where));
        await expectSafeRun(args, args.includes("--batch") ? `${answers}\n${answers}\n` : answers);
      }),
      { numRuns: 120, seed: 2828 },
    );
  }, 120_000);
});

// Issue 28's prices-file generator: numbers that are each of the right type
// but wrong together (sizes smaller than what EKS adds, a reservation larger
// than an instance, steps that explode, hairline prices and hours, dates off
// the calendar) and prototype names as keys. Whatever the file, a run and
// prices check end in 0 or 2, never 70, and a file the check passes is one
// every run takes.
type Mutation = (file: Json) => void;
const pick = <T,>(values: readonly T[]) => fc.constantFrom(...values);
/** A key set as JSON.parse would set it: "__proto__" stays a key. */
const setKey = (object: Json, key: string, value: unknown) => Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
const sizesOf = (file: Json) => (file.fargateTaskSizes as Json).sizes as Json[];
const typesOf = (file: Json) => file.instanceTypes as Record<string, Json>;
const usEast = (file: Json) => (file.regions as Record<string, Json>)["us-east-1"]!;
const priceMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(6), pick([5e-324, 1e-9, 0.1, 0.125, 1, 64, 1e5])).map(([i, vcpu]): Mutation => (file) => void (sizesOf(file)[i % sizesOf(file).length]!.vcpu = vcpu)),
  fc.tuple(fc.integer({ min: 1, max: 6 }), pick([1e-9, 0.01, 0.25, 0.5, 1, 1e5])).map(([i, step]): Mutation => (file) => {
    const range = sizesOf(file)[i]!.memoryGiBRange as Json | undefined;
    if (range) range.step = step;
  }),
  fc.tuple(fc.integer({ min: 1, max: 6 }), pick([0.125, 1, 1000, 1e5]), pick([0.125, 2, 1000, 1e5])).map(([i, from, to]): Mutation => (file) => {
    const range = sizesOf(file)[i]!.memoryGiBRange as Json | undefined;
    if (range) Object.assign(range, { from, to });
  }),
  pick([0, 0.25, 3.99, 4]).map((addGiB): Mutation => (file) => void ((file.eksFargatePodMemory as Json).addGiB = addGiB)),
  fc.tuple(pick(["base", "perPod", "eviction"]), pick([0, 255, 1e4, 1e6, 1e7, 1e9])).map(([part, mib]): Mutation => (file) => void (((file.eksNodeReservation as Json).memoryMiB as Json)[part] = mib)),
  fc.tuple(fc.nat(50), pick(["eksMaxPods", "eksMaxPodsPrefix", "ecsMaxTasks"]), pick([1, 737, 1000, 1001, 100000])).map(([i, field, count]): Mutation => (file) => {
    const types = Object.values(typesOf(file));
    types[i % types.length]![field] = count;
  }),
  fc.tuple(fc.nat(50), pick(["vcpus", "memoryGiB"]), pick([1e-300, 0.125, 0.5, 1e5])).map(([i, field, size]): Mutation => (file) => {
    const types = Object.values(typesOf(file));
    types[i % types.length]![field] = size;
  }),
  pick([1e-300, 1, 671, 672, 744, 745]).map((hours): Mutation => (file) => void (file.hoursPerMonth = hours)),
  fc.tuple(pick(["m6i.large", "m7g.large", "g5.xlarge"]), pick([5e-324, 1e-300, 0.00009, 0.0001, 1000])).map(([type, usd]): Mutation => (file) => {
    const price = (usEast(file).ec2 as Record<string, Json>)[type];
    if (price) price.usdPerHour = usd;
  }),
  pick([5e-324, 1e-300, 0.0001]).map((usd): Mutation => (file) => void (((usEast(file).fargate as Json).x86 as Json).usdPerGbHour = usd)),
  pick(["0000", "9999-12-31", "2026-02-30", "2024-02-29", "2015", "2014-12", "2026-13"]).map((asOf): Mutation => (file) => void (((file.limits as Json).ecs as Json).asOf = asOf)),
  fc.tuple(prototypeName, fc.boolean()).map(([name, priced]): Mutation => (file) => {
    setKey(typesOf(file), name, { ...typesOf(file)["m6i.large"] });
    if (priced) setKey(usEast(file).ec2 as Json, name, { usdPerHour: 0.1, asOf: "2026", source: "x" });
  }),
  prototypeName.map((name): Mutation => (file) => void setKey(usEast(file).ec2 as Json, name, { usdPerHour: 0.1, asOf: "2026", source: "x" })),
);
const workloadRun = pick<string[]>([
  [],
  ["--vcpus", "0.25", "--memory-gib", "0.5", "--tasks", "3"],
  ["--requirements", "arm"],
  ["--requirements", "gpu"],
  ["--requirements", "windows", "--json"],
  ["--vcpus", "64", "--memory-gib", "256", "--tasks", "2", "--format", "markdown"],
]);

describe("fuzzing a prices file's numbers across fields and its keys", () => {
  it("ends every check and run in 0 or 2; a file the check passes, every run takes", async () => {
    const checked: number[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(priceMutation, { minLength: 1, maxLength: 4 }), workloadRun, async (mutations, workload) => {
        const file = structuredClone(BUILT_IN_PRICES.data) as unknown as Json;
        for (const mutate of mutations) mutate(file);
        const text = JSON.stringify(file);
        const check = await runCase({ args: ["prices", "check", "-"], input: text });
        expect([0, 2]).toContain(check.code);
        expectHonest(check, ["prices", "check"]);
        checked.push(check.code);
        const ran = await runCase({ args: [...ANSWER_FLAGS, ...workload, "--prices", "-"], input: text });
        expectHonest(ran, workload);
        // A workload no instance holds is the user's error (2); a file the check passed never breaks a run.
        if (check.code === 0) expect([0, 2]).toContain(ran.code);
        else expect(ran.code).toBe(2);
        if (check.code === 0 && ran.code === 2) expect(ran.stderr).not.toMatch(/prices check|stdin: field/);
      }),
      { numRuns: 150, seed: 2805 },
    );
    // Both kinds are met: files refused, and files that pass.
    expect(checked).toContain(0);
    expect(checked).toContain(2);
  }, 240_000);
});
