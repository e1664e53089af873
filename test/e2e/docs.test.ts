// The README and every page under docs/ tell the truth: every flag they show
// exists, and every example is what the CLI prints. A new page is tested as
// soon as it is there. GOLDEN_WRITE=1 records the examples anew (after a
// change meant to alter output), as it does the golden corpus.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { constants as osConstants } from "node:os";
import { describe, expect, it } from "vitest";
import { hasFlag, QUESTIONS } from "../../src/engine/questions.js";
import { FORMATS } from "../../src/cli/input/options.js";
import { EXIT, SIGNAL_EXIT } from "../../src/cli/output/exit-codes.js";
import { docPages, expectedOutput, pageCommands, pageFiles } from "../helpers/docs.js";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { runBin, runProcess } from "../helpers/run-bin.js";

const WRITE = process.env.GOLDEN_WRITE === "1";
const PAGES = docPages(ROOT);
const read = (page: string) => readFileSync(join(ROOT, page), "utf8");
const readme = read("README.md");

/** Every command and subcommand, from the help itself: a new command is known here as soon as its help lists it. */
async function allHelp(): Promise<string> {
  const seen: string[] = [];
  const visit = async (command: string[]): Promise<void> => {
    const help = (await runBin([...command, "--help"])).stdout;
    seen.push(help);
    const listed = help.slice(help.indexOf("\nCommands:\n")).match(/^ {2}([a-z][a-z-]*)/gm) ?? [];
    if (!help.includes("\nCommands:\n")) return;
    for (const name of listed.map((entry) => entry.trim()).filter((name) => name !== "help")) await visit([...command, name]);
  };
  await visit([]);
  return seen.join("\n");
}
const helps = allHelp();

// Other tools' flags: npx, the AWS CLI, eksctl, our bench script, Node.
const THEIRS = ["--yes", "--cli-input-json", "--log-group-name", "--write", "--no-experimental-require-module"];

describe.each(PAGES)("%s", (page) => {
  const text = read(page);

  it("shows only flags that exist", async () => {
    const known = new Set((await helps).match(/--[a-z][a-z-]+/g));
    const shown = new Set(text.match(/(?<![\w-])--[a-z][a-z-]+/g));
    for (const theirs of THEIRS) shown.delete(theirs);
    expect([...shown].filter((flag) => !known.has(flag))).toEqual([]);
  });

  it("shows what the CLI prints, for every example", async () => {
    const examples = pageCommands(text).flatMap((command) => (command.example ? [command.example] : []));
    const cwd = mkdtempSync(join(tmpdir(), "ecs-or-eks-docs-"));
    try {
      for (const [name, content] of Object.entries(pageFiles(text))) writeFileSync(join(cwd, name), content);
      const printed = await Promise.all(examples.map((example) => runBin(example.args, { cwd })));
      const expected = examples.map((example, i) => expectedOutput(example, printed[i]!.stdout + printed[i]!.stderr));
      // An example shows a result or a failed gate, never an error: a mistyped example would record its own error message.
      expect(examples.map((example, i) => [example.args.join(" "), printed[i]!.code! <= EXIT.gateFailed])).toEqual(examples.map((example) => [example.args.join(" "), true]));
      if (WRITE) {
        let updated = text;
        for (let i = examples.length - 1; i >= 0; i--) updated = updated.slice(0, examples[i]!.start) + expected[i] + updated.slice(examples[i]!.end);
        if (updated !== text) writeFileSync(join(ROOT, page), updated);
        return;
      }
      expect(examples.map((example) => example.shown)).toEqual(expected);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("keeps Korean examples on Korean pages", () => {
    if (page.startsWith("docs/ko/")) return;
    const korean = pageCommands(text).filter((command) => /[\uac00-\ud7af]/.test(command.example?.shown ?? ""));
    expect(korean.map((command) => command.line)).toEqual([]);
  });

  it("links only to pages that exist", () => {
    // Links between the pages this test reads; a link to any other file is the file's business.
    const links = [...text.matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)].map((m) => relative(ROOT, join(ROOT, page, "..", m[1]!)));
    expect(links.filter((target) => (target === "README.md" || target.startsWith("docs/")) && !existsSync(join(ROOT, target)))).toEqual([]);
  });
});

describe("the README is a front door", () => {
  it("fits in 250 lines", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
  });

  it("shows the set-up commands and the short result, and says where the full report went", () => {
    for (const command of ["npm ci && npm start", "npm ci && npm test", "npx ecs-or-eks"]) expect(readme).toContain(command);
    const summary = pageCommands(readme).find((command) => command.line === "ecs-or-eks --answers answers.json")?.example;
    expect(summary?.shown).toMatch(/^Recommendation: /);
    expect(summary!.shown.split("\n").length).toBeLessThanOrEqual(31);
    expect(readme).toContain("--details");
  });

  it("runs the clone's build with `npm start -- ARGS`, and names that command for running it again", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ecs-or-eks-start-"));
    try {
      const answers = fixturePath("answers/close-call.json");
      const saved = join(folder, "answers.json");
      // --ignore-scripts leaves out prestart (the bundle, which the tests build first) and still runs start.
      const started = await runProcess("npm", ["start", "--silent", "--ignore-scripts", "--", "--answers", answers, "--json", "--save", saved], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: folder, LANG: "C.UTF-8", npm_config_update_notifier: "false" },
      });
      expect(started.code).toBe(0);
      expect(started.stdout).toBe((await runBin(["--answers", answers, "--json"])).stdout);
      expect(existsSync(saved)).toBe(true);
      expect(started.stderr.replace(/\s+/g, " ")).toContain(`Run \`npm start -- --answers ${saved}\``);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("lists every command and every format in its table", async () => {
    const main = (await runBin(["--help"])).stdout;
    const commands = (main.slice(main.indexOf("\nCommands:\n")).match(/^ {2}([a-z][a-z-]*)/gm) ?? []).map((entry) => entry.trim());
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) expect(readme, command).toMatch(new RegExp(`^\\| \`ecs-or-eks ${command}\\b`, "m"));
    for (const format of FORMATS.advise) expect(readme, format).toMatch(new RegExp(`^\\| .*--format ${format}\\b`, "m"));
  });

  it("lists every exit code the CLI uses, and only those", () => {
    const table = readme.slice(readme.indexOf("## Exit codes"));
    const documented = [...table.matchAll(/^\| ([\d /]+) \|/gm)].flatMap((row) => row[1]!.split("/").map((code) => Number(code.trim())));
    // The three signals a person meets are listed by number; every other catchable one is 128 + its number, as the row says.
    const named = [SIGNAL_EXIT.SIGHUP, SIGNAL_EXIT.SIGINT, SIGNAL_EXIT.SIGTERM];
    const used = [...Object.values(EXIT), ...named];
    expect(documented.sort((a, b) => a - b)).toEqual([...new Set(used)].sort((a, b) => a - b));
    expect(table).toContain("128 + its number");
    for (const [signal, code] of Object.entries(SIGNAL_EXIT)) expect(code).toBe(128 + osConstants.signals[signal as keyof typeof osConstants.signals]);
  });
});

describe("each topic's page", () => {
  it("the answers: every answer, its flag and its values", () => {
    const page = read("docs/answers.md");
    for (const q of QUESTIONS) {
      const row = page.split("\n").find((line) => line.startsWith(`| \`${q.key}\` |`));
      expect(row, q.key).toBeDefined();
      // The services list has no flag of its own: it comes from --workload FILE or an answers file.
      expect(row).toContain(hasFlag(q) ? `\`--${q.flag}\`` : "`--workload");
      if (q.kind === "choice" || q.kind === "set") for (const choice of q.choices) expect(row).toContain(`\`${choice}\``);
    }
  });

  it("CI: each input and output of the GitHub Action", () => {
    const page = read("docs/ci.md");
    const action = readFileSync(`${ROOT}action.yml`, "utf8");
    const declared = (section: string) => [...action.slice(action.indexOf(`${section}:`)).split(/\n(?=\S)/)[0]!.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!);
    for (const input of declared("inputs")) expect(page, input).toContain(`| \`${input}\` |`);
    for (const output of declared("outputs")) expect(page, output).toContain(`\`${output}\``);
    expect(page).toMatch(/uses: ecs-or-eks\/ecs-or-eks@v1/);
    expect(readme).toMatch(/uses: ecs-or-eks\/ecs-or-eks@v1/);
  });

  it("costs: the formula of each way of running and the prices' dates", async () => {
    const page = read("docs/costs.md");
    for (const way of ["ECS on Fargate", "ECS Managed Instances", "ECS on EC2", "EKS Auto Mode", "EKS on Fargate", "EKS on EC2"]) expect(page).toMatch(new RegExp(`^\\| ${way} \\|`, "m"));
    // The dates the page gives are the dates the estimate reports (the page's answers take their services from a file; three will do here).
    const estimate = JSON.parse((await runBin(["--json", "--microservices", "3"], { input: pageFiles(page)["answers.json"]! })).stdout).costs.estimate;
    expect(page).toContain(`us-east-1 prices are as of ${estimate.asOf}`);
    expect(page).toContain(`to ${estimate.asOfLatest}`);
  });

  it("reading the result: the full report is --details, in English here and in Korean on its own page", () => {
    const english = pageCommands(read("docs/reading-the-result.md")).map((command) => command.line);
    const korean = pageCommands(read("docs/ko/reading-the-result.md")).map((command) => command.line);
    expect(english).toContain("ecs-or-eks --answers answers.json --details");
    expect(korean).toContain("ecs-or-eks --answers answers.json --details --lang ko");
  });
});

describe("the library", () => {
  it("documents every name it exports, and only those", async () => {
    const page = read("docs/library.md");
    const table = page.slice(page.indexOf("| name |"));
    const documented = [...table.matchAll(/^\| (.+?) \|/gm)].slice(1).flatMap((row) => [...row[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
    expect(documented.sort()).toEqual(Object.keys(await import("../../src/index.js")).sort());
  });


  it("runs every example the page shows, each value as its comment says, from ESM and from CommonJS", async () => {
    const page = read("docs/library.md");
    const blocks = [...page.matchAll(/```(js|cjs)\n([\s\S]*?)```/g)].map((m) => ({ kind: m[1]!, code: m[2]! }));
    expect(blocks.map((b) => b.kind).sort()).toEqual(["cjs", "js", "js", "js"]);
    // A user's folder: the package installed by name, and the rules and prices files the examples read.
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-library-"));
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(ROOT, join(dir, "node_modules", "ecs-or-eks"));
    writeFileSync(join(dir, "my-rules.json"), (await runBin(["rules", "--format", "json"])).stdout);
    writeFileSync(join(dir, "my-prices.json"), (await runBin(["prices", "--format", "json"])).stdout);
    let checked = 0;
    for (const { kind, code } of blocks) {
      // `value; // shown` becomes a check that the value is what is shown.
      const body = code.replace(/^(\s*)(return )?(.+); \/\/ (.+)$/gm, (_line, indent: string, ret: string | undefined, expr: string, shown: string) => {
        checked++;
        return `${indent}{ const shown = ${expr}; assert.deepStrictEqual(JSON.parse(JSON.stringify(shown)), ${shown}); ${ret ? "return shown;" : ""} }`;
      });
      const [flags, head] = kind === "js" ? [["--input-type=module"], 'import assert from "node:assert";'] : [["--no-experimental-require-module"], 'const assert = require("node:assert");'];
      const ran = spawnSync(process.execPath, [...flags, "-e", `${head}\n${body}`], { cwd: dir, encoding: "utf8" });
      expect(ran.stderr, code).toBe("");
      expect(ran.status, code).toBe(0);
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("is importable by name and returns what --format json prints", async () => {
    const answers = { kubernetesExperience: "basic", cloudStrategy: "aws-first", budget: "moderate", microservices: 14, ecosystem: ["helm"] };
    const script = `import { recommend } from "ecs-or-eks"; process.stdout.write(JSON.stringify(recommend(${JSON.stringify(answers)}), null, 2) + "\\n");`;
    const fromLibrary = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    const fromCli = await runBin(["--json"], { input: JSON.stringify(answers) });
    expect(fromLibrary).toBe(fromCli.stdout);
  });
});
