// The golden corpus: what the CLI prints for hundreds of answer sets, in
// every format and both languages, plus compare, rules, schema, scaffold,
// batch and bad input. Recorded before a refactor, it must stay byte-for-byte
// the same through it. Each output is kept as its SHA-256 (the corpus file
// stays small); a mismatch names the case, so `node bin/ecs-or-eks.js ARGS`
// shows the output to diff. GOLDEN_WRITE=1 records the corpus anew, which is
// only right when the output is meant to change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli as run } from "../../src/cli/program.js";
import type { Io } from "../../src/cli/terminal/io.js";
import { answersArbitrary } from "../helpers/arbitraries.js";
import { Capture } from "../helpers/fake-terminal.js";
import { fixturePath, ROOT } from "../helpers/fixtures.js";

interface Case {
  name: string;
  args: string[];
  input?: string;
  /** Hashes of stdout, stderr and any files the run wrote, with its exit code. */
  out?: string;
}

const CORPUS = new URL("./corpus.json", import.meta.url);
const WRITE = process.env.GOLDEN_WRITE === "1";

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

async function runCase(c: Case): Promise<string> {
  // The run's folder, and beside it a link to the fixtures: a rules file is named by a path relative to the run's
  // folder (`$FIXTURES/` in the corpus is `../fixtures/`), so what is printed and wrapped around it is the same
  // wherever the repository is cloned.
  const scratch = mkdtempSync(join(tmpdir(), "golden-"));
  const cwd = join(scratch, "cwd");
  mkdirSync(cwd);
  symlinkSync(fixturePath(""), join(scratch, "fixtures"));
  try {
    const stdout = new Capture();
    const stderr = new Capture();
    const io: Io = {
      stdin: Readable.from(c.input === undefined ? [] : [Buffer.from(c.input)]),
      stdout,
      stderr,
      env: { LANG: "C.UTF-8", SOURCE_DATE_EPOCH: "1764547200" },
      cwd,
      stdinIsTTY: () => false,
    };
    const args = c.args.map((arg) => arg.replace("$FIXTURES/", "../fixtures/"));
    const code = await run(args, io);
    for (const text of [stdout.text, stderr.text]) if (text.includes(ROOT)) throw new Error(`${c.name}: the output names the checkout (${ROOT}), so the corpus would depend on it`);
    const files = filesUnder(cwd).map((path) => `${relative(cwd, path)}=${sha(readFileSync(path, "utf8"))}`);
    // Where a file was written (--save names its full path) is recorded as $CWD; it is the same length on every run.
    const here = (text: string) => text.replaceAll(cwd, "$CWD");
    return `${code} ${sha(here(stdout.text))} ${sha(here(stderr.text))}${files.length ? ` ${files.join(" ")}` : ""}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The cases, built once (GOLDEN_WRITE=1) from the fixtures and a fixed seed, then read from the corpus. */
function buildCases(): Case[] {
  const cases: Case[] = [];
  const sets: [string, unknown][] = [];
  for (const name of readdirSync(fixturePath("answers")).sort()) sets.push([`answers/${name}`, JSON.parse(readFileSync(fixturePath(`answers/${name}`), "utf8"))]);
  for (const name of readdirSync(fixturePath("teams")).sort()) sets.push([`teams/${name}`, (JSON.parse(readFileSync(fixturePath(`teams/${name}`), "utf8")) as { answers: unknown }).answers]);
  fc.sample(answersArbitrary, { seed: 14, numRuns: 280 }).forEach((answers, i) => sets.push([`random/${i}`, answers]));
  for (const [name, answers] of sets) {
    // "text --details" is the full report; "text" alone, the summary.
    for (const format of ["text", "text --details", "json", "markdown", "adr"]) {
      for (const lang of ["en", "ko"]) cases.push({ name: `${name} ${format} ${lang}`, args: ["--format", ...format.split(" "), "--lang", lang], input: JSON.stringify(answers) });
    }
  }
  for (const [name, answers] of sets.slice(0, 12)) {
    for (const rules of ["custom-rules.json", "team-overrides.json"]) {
      cases.push({ name: `${name} --rules ${rules}`, args: ["--format", "json", "--rules", `$FIXTURES/rules/${rules}`], input: JSON.stringify(answers) });
      cases.push({ name: `${name} --rules ${rules} text ko`, args: ["--lang", "ko", "--rules", `$FIXTURES/rules/${rules}`], input: JSON.stringify(answers) });
    }
  }
  const batch = readFileSync(fixturePath("batch/portfolio.ndjson"), "utf8");
  const randomBatch = sets.slice(30, 130).map(([, answers], i) => JSON.stringify({ id: `r${i}`, ...(answers as object) })).join("\n");
  for (const lang of ["en", "ko"]) {
    for (const format of ["json", "text"]) {
      cases.push({ name: `batch portfolio ${format} ${lang}`, args: ["--batch", "--format", format, "--lang", lang], input: batch });
      cases.push({ name: `batch random ${format} ${lang}`, args: ["--batch", "--format", format, "--lang", lang], input: randomBatch });
    }
    for (const format of ["text", "markdown", "json"]) cases.push({ name: `compare ${format} ${lang}`, args: ["compare", "--format", format, "--lang", lang] });
    for (const format of ["text", "json"]) {
      cases.push({ name: `rules ${format} ${lang}`, args: ["rules", "--format", format, "--lang", lang] });
      cases.push({ name: `rules custom ${format} ${lang}`, args: ["rules", "--format", format, "--lang", lang, "--rules", "$FIXTURES/rules/custom-rules.json"] });
    }
    for (const file of readdirSync(fixturePath("rules")).sort()) {
      cases.push({ name: `rules check ${file} ${lang}`, args: ["rules", "check", `$FIXTURES/rules/${file}`, "--lang", lang] });
    }
    for (const command of [[], ["schema"], ["init"], ["rules"], ["rules", "check"], ["compare"], ["scaffold"]]) {
      cases.push({ name: `help ${command.join(" ")} ${lang}`, args: [...command, "--help", "--lang", lang] });
    }
    cases.push({ name: `schema ${lang}`, args: ["schema", "--lang", lang] });
    const team = JSON.stringify(sets[0]![1]);
    for (const extra of [
      ["--platform", "ecs"],
      ["--platform", "ecs", "--launch-type", "ec2"],
      ["--platform", "ecs", "--launch-type", "managed-instances", "--gpu"],
      ["--platform", "eks"],
      ["--platform", "eks", "--helm"],
      ["--platform", "eks", "--launch-type", "fargate", "--helm"],
      ["--platform", "eks", "--launch-type", "auto-mode", "--gpu"],
      ["--platform", "eks", "--name", "shop", "--image", "nginx:1.27", "--port", "8080", "--replicas", "3"],
    ]) {
      cases.push({ name: `scaffold ${extra.join(" ")} ${lang}`, args: ["scaffold", ...extra, "--lang", lang] });
      cases.push({ name: `scaffold --out ${extra.join(" ")} ${lang}`, args: ["scaffold", ...extra, "--out", "out", "--lang", lang] });
    }
    cases.push({ name: `scaffold from answers ${lang}`, args: ["scaffold", "--lang", lang], input: team });
    cases.push({ name: `init ${lang}`, args: ["init", "--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3", "--lang", lang] });
    cases.push({ name: `init out ${lang}`, args: ["init", "--kubernetes-experience", "basic", "--cloud-strategy", "hybrid", "--budget", "flexible", "--microservices", "30", "--out", "a.json", "--lang", lang] });
    cases.push({ name: `save ${lang}`, args: ["--kubernetes-experience", "expert", "--cloud-strategy", "multi-cloud", "--budget", "moderate", "--microservices", "12", "--save", "s.json", "--lang", lang] });
    cases.push({ name: `expect ${lang}`, args: ["--expect", "eks", "--lang", lang], input: team });
  }
  const bad = JSON.parse(readFileSync(fixturePath("bad-inputs.json"), "utf8")) as { cases: { args: string[]; input?: string; env?: unknown }[] };
  bad.cases.forEach((b, i) => {
    // Special files and the environment are the edge tests' business; here, what the messages say.
    if (b.env || b.args.some((arg) => arg.startsWith("/dev") || arg.startsWith("/proc") || arg.includes("fixtures"))) return;
    for (const lang of ["en", "ko"]) cases.push({ name: `bad ${i} ${lang}`, args: [...b.args, "--lang", lang], input: b.input });
  });
  return cases;
}

describe("golden corpus", () => {
  if (WRITE || !existsSync(CORPUS)) {
    it("records the corpus", async () => {
      const cases = buildCases();
      for (const c of cases) c.out = await runCase(c);
      // Each input once: most are read in eight runs (four formats, two languages).
      const inputs: Record<string, string> = {};
      const stored = cases.map(({ input, ...rest }) => {
        if (input === undefined) return rest;
        const key = sha(input);
        inputs[key] = input;
        return { ...rest, input: key };
      });
      const lines = (value: object) => JSON.stringify(value).replace(/,"(?=[0-9a-f]{24}":)/g, ',\n"').replace(/\},\{/g, "},\n{");
      writeFileSync(CORPUS, `{"note":"Recorded by test/golden/golden.test.ts; see its header.",\n"inputs":${lines(inputs)},\n"cases":${lines(stored)}}\n`);
      expect(cases.length).toBeGreaterThan(2400);
    }, 600_000);
    return;
  }
  const corpus = JSON.parse(readFileSync(CORPUS, "utf8")) as { inputs: Record<string, string>; cases: Case[] };
  const cases = corpus.cases.map((c) => (c.input === undefined ? c : { ...c, input: corpus.inputs[c.input]! }));
  it(`prints the same bytes for all ${cases.length} recorded runs`, async () => {
    const differ: string[] = [];
    for (const c of cases) {
      const out = await runCase(c);
      if (out !== c.out) differ.push(`${c.name}: ecs-or-eks ${c.args.join(" ")}${c.input === undefined ? "" : " < input"}\n  recorded ${c.out}\n  now      ${out}`);
    }
    expect(differ.slice(0, 10).join("\n")).toBe("");
  }, 600_000);
});
