import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

const startup = readFileSync(fixturePath("answers/startup-mvp.json"), "utf8");
const ANSI = /\u001b\[/;

describe("the CLI, run as a process", () => {
  it("reads answers piped on stdin and prints the recommendation", async () => {
    const ran = await runBin([], { input: startup });
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(/^Recommendation: Amazon ECS on AWS Fargate\n/);
    expect(ran.stdout).toContain("Why (ECS 17, EKS 0)\n  ECS +4  no Kubernetes skills on the team\n");
    expect(ran.stdout).not.toMatch(ANSI);
  });

  it("prints the full report with --details, the summary without it", async () => {
    const [summary, details] = await Promise.all([runBin([], { input: startup }), runBin(["--details"], { input: startup })]);
    expect(details.code).toBe(0);
    expect(details.stdout).toMatch(/^Recommendation: Amazon ECS on AWS Fargate\n/);
    expect(details.stdout).toContain("Why (rules that fired, strongest first)");
    expect(details.stdout).toMatch(/ECS \+4 .*No one on the team knows Kubernetes/);
    expect(details.stdout).toContain("What it costs (estimate)\n");
    expect(summary.stdout).not.toContain("Why (rules that fired, strongest first)");
    expect(summary.stdout.split("\n").length).toBeLessThan(details.stdout.split("\n").length / 3);
    // The other formats are the full report already: --details changes nothing there.
    for (const format of ["json", "markdown"]) {
      const [plain, detailed] = await Promise.all([runBin(["--format", format], { input: startup }), runBin(["--format", format, "--details"], { input: startup })]);
      expect(detailed.stdout).toBe(plain.stdout);
    }
  });

  it("reads an answers file, and - for stdin", async () => {
    const fromFile = await runBin(["--answers", fixturePath("answers/startup-mvp.json"), "--json"]);
    const fromDash = await runBin(["--answers", "-", "--json"], { input: startup });
    expect(fromFile.code).toBe(0);
    expect(fromDash.stdout).toBe(fromFile.stdout);
  });

  it("prints JSON that is stable byte for byte", async () => {
    const [a, b] = await Promise.all([runBin(["--json"], { input: startup }), runBin(["--format", "json"], { input: startup })]);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    expect(result).toMatchObject({ schemaVersion: 4, recommendation: "ecs", launchType: "fargate", closeCall: false });
    expect(result.reasons[0]).toEqual({
      ruleId: "ecs-no-kubernetes",
      platform: "ecs",
      weight: 4,
      label: "no Kubernetes skills on the team",
      text: expect.any(String),
      source: expect.stringContaining("When to choose ECS"),
    });
    expect(result.answers).toMatchObject({ growth: "moderate", clusters: 1 });
  });

  it("takes every answer as a flag, without reading stdin", async () => {
    const ran = await runBin(
      ["--kubernetes-experience", "expert", "--cloud-strategy", "multi-cloud", "--budget", "flexible", "--microservices", "30", "--ecosystem", "helm,gitops", "--json"],
      // A CI runner's stdin may be an open pipe that never ends; flags alone must not wait for it.
      { input: "this is not read" },
    );
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).answers).toMatchObject({ microservices: 30, ecosystem: ["helm", "gitops"] });
    const cleared = await runBin(["--answers", fixturePath("answers/multi-cloud-platform.json"), "--ecosystem", "none", "--json"]);
    expect(JSON.parse(cleared.stdout).answers.ecosystem).toEqual([]);
  });

  it("lets flags override the answers file", async () => {
    const ran = await runBin(["--answers", fixturePath("answers/startup-mvp.json"), "--kubernetes-experience", "expert", "--json"]);
    expect(JSON.parse(ran.stdout).answers.kubernetesExperience).toBe("expert");
  });

  it("speaks Korean with --lang ko or a Korean locale", async () => {
    const flag = await runBin(["--lang", "ko"], { input: startup });
    const locale = await runBin([], { input: startup, env: { LANG: "ko_KR.UTF-8" } });
    expect(flag.stdout).toMatch(/^추천: AWS Fargate 기반 Amazon ECS/);
    expect(locale.stdout).toBe(flag.stdout);
    const english = await runBin(["--lang", "en"], { input: startup, env: { LANG: "ko_KR.UTF-8" } });
    expect(english.stdout).not.toMatch(/[\uac00-\ud7af]/);
  });

  it("colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off", async () => {
    const forced = await runBin([], { input: startup, env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(ANSI);
    const noColor = await runBin([], { input: startup, env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    expect(noColor.stdout).not.toMatch(ANSI);
    const flag = await runBin(["--no-color"], { input: startup, env: { FORCE_COLOR: "1" } });
    expect(flag.stdout).not.toMatch(ANSI);
  });

  it.each([["rules"], ["compare"], ["prices"]])("takes --no-color after a command's name as before it: %s", async (command) => {
    expect((await runBin([command], { env: { FORCE_COLOR: "1" } })).stdout).toMatch(ANSI);
    expect((await runBin([command, "--no-color"], { env: { FORCE_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await runBin(["--no-color", command], { env: { FORCE_COLOR: "1" } })).stdout).not.toMatch(ANSI);
  });

  it("prints help with examples, and the version alone", async () => {
    const help = await runBin(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("--kubernetes-experience <value>");
    const version = await runBin(["--version"]);
    expect(version).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync("package.json", "utf8")).version}\n`, stderr: "" });
  });
});

describe("bad input: a clear message on stderr, exit 2, nothing on stdout", () => {
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-"));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ["invalid JSON, with line and column", [], '{\n  "budget": "tight",\n  "microservices": }', /^ecs-or-eks: stdin:3:20: invalid JSON: found "}", expected a value/],
    ["a JSON value that is not an object", [], "[1, 2]", /^ecs-or-eks: stdin: the answers must be a JSON object .*\(got a list\)/],
    ["a misspelt key", [], '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"tight","microservices":3,"grwoth":"rapid"}', /stdin: "grwoth" is not a known answer\. Did you mean "growth"\?/],
    ["a value outside its choices", [], '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"cheap","microservices":3}', /stdin: "budget" must be one of tight, moderate, flexible \(got "cheap"\)/],
    ["a non-integer microservices", [], '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"tight","microservices":2.5}', /"microservices" must be a whole number from 1 to 10000 \(got 2\.5\)/],
    ["an out-of-range microservices flag", ["--microservices", "0"], startup, /--microservices must be a whole number from 1 to 10000 \(got "0"\)/],
    ["a missing file", ["--answers", "no-such.json"], "", /^ecs-or-eks: cannot read no-such\.json: no such file\.\nfix: check the path/],
    ["empty stdin", [], "", /^ecs-or-eks: no answers on stdin: it was empty\.\nfix: /],
    ["an unknown flag", ["--bugdet", "tight"], startup, /^ecs-or-eks: unknown option '--bugdet' \(Did you mean --budget\?\)\nfix: run `ecs-or-eks --help`/],
    ["an unknown format", ["--format", "yaml"], startup, /^ecs-or-eks: unknown format "yaml": use one of text, json, markdown, adr\./],
    ["a format of another command (--batch)", ["--batch", "--format", "markdown"], "{}\n", /^ecs-or-eks: --format markdown does not apply to --batch: use one of json, text\.\n/],
    ["a format of another command (rules)", ["rules", "--format", "adr"], "", /^ecs-or-eks: --format adr does not apply to ecs-or-eks rules: use one of text, json\.\n/],
    ["a format of another command (prices)", ["prices", "--format", "markdown"], "", /^ecs-or-eks: --format markdown does not apply to ecs-or-eks prices: use one of text, json\.\n/],
    ["a format of another command (scan)", ["scan", ".", "--format", "adr"], "", /^ecs-or-eks: --format adr does not apply to ecs-or-eks scan: use one of text, json, markdown\.\n/],
    ["an unknown language", ["--lang", "fr"], startup, /^ecs-or-eks: unknown language "fr": use one of en, ko\./],
    ["input over the size cap", [], `{"pad": "${"x".repeat(1024 * 1024)}"}`, /^ecs-or-eks: stdin is larger than 1 MiB/],
    ["a __proto__ key", [], '{"__proto__": {"budget": "tight"}, "kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"tight","microservices":3}', /"__proto__" is not allowed as an answer name/],
    ["missing answers without a terminal", ["--budget", "tight"], "{}", /^ecs-or-eks: missing required answers: kubernetesExperience \(--kubernetes-experience\), cloudStrategy \(--cloud-strategy\), microservices \(--microservices\)\.\nfix: pass them as flags/],
    ["--json with another --format", ["--json", "--format", "text"], startup, /--json asks for JSON but --format asks for "text"/],
    ["an unexpected argument", ["recommend"], startup, /^ecs-or-eks: (too many arguments|unknown command)/],
  ])("%s", async (_name, args, input, message) => {
    const ran = await runBin(args as string[], { input: input as string });
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(message as RegExp);
    expect(ran.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(ran.code).toBe(2);
  });

  it("names the file a problem is in", async () => {
    const path = file("answers.json", '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"cheap","microservices":3}');
    const ran = await runBin(["--answers", path]);
    expect(ran.stderr).toBe(`ecs-or-eks: ${path}: "budget" must be one of tight, moderate, flexible (got "cheap").\n`);
    expect(ran.code).toBe(2);
  });

  it("says it in Korean under --lang ko", async () => {
    const ran = await runBin(["--lang", "ko", "--bugdet", "x"], { input: startup });
    expect(ran.stderr).toMatch(/^ecs-or-eks: 알 수 없는 옵션 '--bugdet' \(혹시 --budget인가요\?\)\n해결 방법: /);
    expect(ran.code).toBe(2);
  });

  it("never prompts under --no-input, even with flags missing", async () => {
    const ran = await runBin(["--no-input", "--budget", "tight"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("missing required answers");
  });
});
