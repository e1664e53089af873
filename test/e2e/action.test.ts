import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { npxFor } from "../../scripts/test-tools.mjs";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { runProcess, type Ran } from "../helpers/run-bin.js";
import { usePublishedPackage } from "../helpers/published.js";

// The GitHub Action (action.yml), run the way the runner runs a composite
// step: its env: mapping evaluated from the inputs, its script run by bash
// with GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at files. The script
// runs the published CLI through npx, so the packed package is published to a
// registry on this machine first (as in registry.test.ts).

interface ActionYaml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id: string; shell: string; env: Record<string, string>; run: string }[] };
}

const action = parse(readFileSync(`${ROOT}action.yml`, "utf8")) as ActionYaml;
const npx = npxFor(process.execPath);
const { registry, scratch } = usePublishedPackage();

/** `${{ inputs.x }}` and `${{ github.action_path }}`, as the runner evaluates them; nothing else may appear. */
function evaluate(expression: string, inputs: Record<string, string>): string {
  return expression.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (name === "github.action_path") return ROOT.replace(/\/$/, "");
    const input = name.replace(/^inputs\./, "");
    if (!(input in action.inputs)) throw new Error(`the step reads ${name}, which is not an input`);
    return inputs[input] ?? action.inputs[input]!.default ?? "";
  });
}

interface StepRun extends Ran {
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's step with these inputs, in a workspace (a user's repository) holding the files it names. */
function runStep(inputs: Record<string, string>): Promise<StepRun> {
  const [step] = action.runs.steps;
  const home = mkdtempSync(join(scratch, "runner-"));
  const workspace = join(home, "workspace");
  for (const file of [inputs.answers, inputs.rules]) {
    if (!file || !existsSync(`${ROOT}${file}`)) continue;
    mkdirSync(dirname(join(workspace, file)), { recursive: true });
    copyFileSync(`${ROOT}${file}`, join(workspace, file));
  }
  mkdirSync(workspace, { recursive: true });
  const outputFile = join(home, "output");
  const summaryFile = join(home, "summary.md");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env = {
    ...Object.fromEntries(Object.entries(step!.env).map(([name, value]) => [name, evaluate(value, inputs)])),
    ...registry().env(join(home, ".npm")),
    PATH: npx.path,
    HOME: home,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  return runProcess("bash", ["-c", step!.run], { cwd: workspace, env }).then((ran) => ({
    ...ran,
    outputs: Object.fromEntries(
      readFileSync(outputFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    ),
    summary: readFileSync(summaryFile, "utf8"),
  }));
}

const startup = "test/fixtures/answers/startup-mvp.json";

describe("the GitHub Action", () => {
  it("declares the inputs and outputs the README shows, and passes inputs to its script only through the environment", () => {
    expect(Object.keys(action.inputs).sort()).toEqual(["answers", "expect", "format", "lang", "rules", "summary"]);
    expect(action.inputs.answers!.required).toBe(true);
    expect(action.outputs).toEqual({
      recommendation: expect.objectContaining({ value: "${{ steps.advise.outputs.recommendation }}" }),
      "launch-type": expect.objectContaining({ value: "${{ steps.advise.outputs.launch-type }}" }),
      confidence: expect.objectContaining({ value: "${{ steps.advise.outputs.confidence }}" }),
      "close-call": expect.objectContaining({ value: "${{ steps.advise.outputs.close-call }}" }),
      "monthly-usd": expect.objectContaining({ value: "${{ steps.advise.outputs.monthly-usd }}" }),
    });
    expect(action.runs.using).toBe("composite");
    const [step] = action.runs.steps;
    expect(step!.id).toBe("advise");
    // An input pasted into the script would be a script injection.
    expect(step!.run).not.toContain("${{");
  });

  it("sets the outputs from the result, writes the job summary and prints the text result", async () => {
    const expected = JSON.parse(execFileSync(process.execPath, [`${ROOT}bin/ecs-or-eks.js`, "--answers", fixturePath("answers/startup-mvp.json"), "--json"], { encoding: "utf8" }));
    const ran = await runStep({ answers: startup, expect: "ecs" });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.outputs).toEqual({
      recommendation: "ecs",
      "launch-type": expected.launchType,
      confidence: String(expected.confidence),
      "close-call": String(expected.closeCall),
      // ECS on Fargate for 2 services, assumed 4 tasks of 0.5 vCPU and 1 GiB in us-east-1:
      // 4 x (0.5 x 0.04048 + 1 x 0.004445) = 0.09874 an hour, x 730 = 72.0802.
      "monthly-usd": "72.08",
    });
    expect(ran.summary).toMatch(/^## /);
    expect(ran.summary).toContain("Amazon ECS");
    expect(ran.stdout).toMatch(/^Recommendation: Amazon ECS/);
  }, 60_000);

  it("fails the step when --expect does not match, with the outputs still set for later steps", async () => {
    const ran = await runStep({ answers: startup, expect: "eks", summary: "false" });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^ecs-or-eks: expected EKS, but the answers recommend ECS/);
    expect(ran.outputs.recommendation).toBe("ecs");
    expect(ran.summary).toBe("");
  }, 60_000);

  it("passes format, lang and rules through", async () => {
    const ran = await runStep({ answers: startup, format: "json", lang: "ko", rules: "test/fixtures/rules/team-overrides.json", summary: "false" });
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result).toMatchObject({ lang: "ko", ruleSet: { source: "file", path: "test/fixtures/rules/team-overrides.json" } });
    expect(ran.outputs.recommendation).toBe(result.recommendation);
    // Rules of one's own were not measured on published decisions: no share, and an empty output rather than "null".
    expect(result.confidence).toBeNull();
    expect(ran.outputs.confidence).toBe("");
  }, 60_000);

  it("fails with exit 2 and sets no outputs for bad inputs: an unknown format, a missing answers file", async () => {
    const badFormat = await runStep({ answers: startup, format: "yaml" });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toBe('ecs-or-eks: the format input must be text, json, markdown or adr (got "yaml").\n');
    expect(badFormat.outputs).toEqual({});
    const missing = await runStep({ answers: "no/such/answers.json" });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^ecs-or-eks: cannot read no\/such\/answers.json/);
    expect(missing.outputs).toEqual({});
  }, 60_000);
});
