import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUESTIONS } from "../../src/engine/questions.js";
import { constants as osConstants } from "node:os";
import { EXIT, SIGNAL_EXIT } from "../../src/cli/output/exit-codes.js";
import { ROOT } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

const readme = readFileSync(`${ROOT}README.md`, "utf8");

describe("the README tells the truth", () => {
  it("shows only flags that exist", async () => {
    const helps = await Promise.all(
      [[], ["init"], ["rules"], ["rules", "check"], ["prices"], ["prices", "check"], ["schema"], ["compare"], ["scaffold"], ["mcp"]].map(async (command) => (await runBin([...command, "--help"])).stdout),
    );
    const known = new Set(helps.join("\n").match(/--[a-z][a-z-]+/g));
    const shown = new Set(readme.match(/(?<![\w-])--[a-z][a-z-]+/g));
    // other tools' flags: npx, the AWS CLI, our bench script
    for (const theirs of ["--yes", "--cli-input-json", "--log-group-name", "--write"]) shown.delete(theirs);
    expect([...shown].filter((flag) => !known.has(flag))).toEqual([]);
  });

  it("documents every answer, its flag and its values", () => {
    for (const q of QUESTIONS) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${q.key}\` |`));
      expect(row, q.key).toBeDefined();
      expect(row).toContain(`\`--${q.flag}\``);
      if (q.kind !== "integer" && q.kind !== "number") for (const choice of q.choices) expect(row).toContain(`\`${choice}\``);
    }
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

  it("documents each input and output of the GitHub Action", () => {
    const action = readFileSync(`${ROOT}action.yml`, "utf8");
    const declared = (section: string) => [...action.slice(action.indexOf(`${section}:`)).split(/\n(?=\S)/)[0]!.matchAll(/^  ([a-z-]+):$/gm)].map((m) => m[1]!);
    for (const input of declared("inputs")) expect(readme, input).toContain(`| \`${input}\` |`);
    for (const output of declared("outputs")) expect(readme, output).toContain(`\`${output}\``);
    expect(readme).toMatch(/uses: ecs-or-eks\/ecs-or-eks@v1/);
  });

  it("shows the two commands a new user runs", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
  });

  it("shows real output: the README's text example is what the CLI prints", async () => {
    const shown = readme.match(/\$ ecs-or-eks --answers answers.json\n([\s\S]*?)```/)![1]!;
    const answers = JSON.parse(readme.match(/`answers.json`:\n\n```json\n([\s\S]*?)```/)![1]!);
    const ran = await runBin(["--answers", "-"], { input: JSON.stringify(answers) });
    expect(ran.stdout).toBe(shown);
    const korean = readme.match(/\$ ecs-or-eks --answers answers.json --lang ko\n([\s\S]*?)```/)![1]!;
    expect((await runBin(["--answers", "-", "--lang", "ko"], { input: JSON.stringify(answers) })).stdout).toBe(korean);
  });

  it("shows a real estimate, the formula of each way of running and the prices' date", async () => {
    const command = "--answers answers.json --vcpus 16 --memory-gib 32 --tasks 16 --engineer-cost 150000";
    const shown = readme.match(new RegExp(`\\$ ecs-or-eks ${command}\n\\.\\.\\.\n([\\s\\S]*?)\`\`\``))![1]!;
    const answers = readme.match(/`answers.json`:\n\n```json\n([\s\S]*?)```/)![1]!;
    const ran = await runBin(["--answers", "-", ...command.split(" ").slice(2)], { input: answers });
    const section = ran.stdout.slice(ran.stdout.indexOf("What it costs (estimate)\n"));
    expect(shown).toBe(section.slice(0, section.indexOf("\n\n") + 1));
    const formulas = readme.slice(readme.indexOf("## What it costs"), readme.indexOf("## Decisions in the repository"));
    for (const way of ["ECS on Fargate", "ECS Managed Instances", "ECS on EC2", "EKS Auto Mode", "EKS on Fargate", "EKS on EC2"]) expect(formulas).toMatch(new RegExp(`^\\| ${way} \\|`, "m"));
    // The dates the README gives are the dates the estimate reports.
    const estimate = JSON.parse((await runBin(["--answers", "-", "--json"], { input: answers })).stdout).costs.estimate;
    expect(formulas).toContain(`us-east-1 prices are as of ${estimate.asOf}`);
    expect(formulas).toContain(`to ${estimate.asOfLatest}`);
  });

  it.each([
    ["compare"],
    ["scaffold --platform ecs --name web --image my-app:1.0 --port 8080 --cpu 512 --memory 1024"],
    ["scaffold --platform eks --name web --image my-app:1.0 --port 8080"],
  ])("shows real output for `ecs-or-eks %s`", async (command) => {
    const escaped = command.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const shown = readme.match(new RegExp(`\\$ ecs-or-eks ${escaped}\n([\\s\\S]*?)\`\`\``))![1]!;
    const ran = await runBin(command.split(" "));
    expect(ran.stdout + ran.stderr).toBe(shown);
  });
});

describe("the library", () => {
  it("is importable by name and returns what --format json prints", async () => {
    const answers = { kubernetesExperience: "basic", cloudStrategy: "aws-first", budget: "moderate", microservices: 14, ecosystem: ["helm"] };
    const script = `import { recommend } from "ecs-or-eks"; process.stdout.write(JSON.stringify(recommend(${JSON.stringify(answers)}), null, 2) + "\\n");`;
    const fromLibrary = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    const fromCli = await runBin(["--json"], { input: JSON.stringify(answers) });
    expect(fromLibrary).toBe(fromCli.stdout);
  });
});
