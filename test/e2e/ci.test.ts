import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { BIN, runBin, runProcess } from "../helpers/run-bin.js";

const closeCall = fixturePath("answers/close-call.json");
const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-ci-"));

describe("the decision gate", () => {
  it("exits 0 when the recommendation is the expected platform", async () => {
    const ran = await runBin(["--answers", closeCall, "--expect", "ecs", "--json"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout).recommendation).toBe("ecs");
  });

  it("exits 1 otherwise, printing the result and one line saying what was expected and why not", async () => {
    const ran = await runBin(["--answers", closeCall, "--expect", "eks"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/^Recommendation: Amazon ECS/);
    expect(ran.stderr).toBe("ecs-or-eks: expected EKS, but the answers recommend ECS (ECS 3, EKS 2; top reasons: staying on AWS only).\n");
  });

  it("names the reasons in words, in the run's language, never by rule id", async () => {
    const ran = await runBin(["--answers", closeCall, "--expect", "eks", "--lang", "ko"]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe("ecs-or-eks: --expect로 EKS를 지정했지만 답변 기준 추천은 ECS입니다 (ECS 3, EKS 2; 주요 이유: AWS만 사용).\n");
  });

  it("keeps 2 for bad input, even with --expect", async () => {
    expect((await runBin(["--answers", closeCall, "--expect", "aks"])).code).toBe(2);
    expect((await runBin(["--expect", "ecs"], { input: "{}" })).code).toBe(2);
  });
});

describe("Markdown for pull requests and step summaries", () => {
  it("has a heading, the verdict, a table of fired rules and what would change it", async () => {
    const ran = await runBin(["--answers", closeCall, "--format", "markdown"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^## Container platform: Amazon ECS on AWS Fargate\n/);
    expect(ran.stdout).toContain("| `ecs-aws-only` | ECS | 3 |");
    expect(ran.stdout).toContain("### What would change this\n\n- With an AWS-first strategy");
  });

  it("appends to $GITHUB_STEP_SUMMARY with --summary, keeping what was there", async () => {
    const summary = join(tmp(), "summary.md");
    writeFileSync(summary, "# Earlier step\n");
    const ran = await runBin(["--answers", closeCall, "--summary", "--json"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).recommendation).toBe("ecs");
    const text = readFileSync(summary, "utf8");
    expect(text).toMatch(/^# Earlier step\n## Container platform: Amazon ECS on AWS Fargate/);
  });

  it("says so, and still succeeds, when --summary is given outside GitHub Actions", async () => {
    const ran = await runBin(["--answers", closeCall, "--summary", "--json"]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toContain("GITHUB_STEP_SUMMARY is not set");
  });

  it("is in Korean with --lang ko", async () => {
    const ran = await runBin(["--answers", closeCall, "--format", "markdown", "--lang", "ko"]);
    expect(ran.stdout).toMatch(/^## 컨테이너 플랫폼: AWS Fargate 기반 Amazon ECS/);
  });
});

describe("ADRs", () => {
  const sections = [
    "# Run our containers on Amazon ECS on AWS Fargate",
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "### Consequences",
    "### Confirmation",
    "## Pros and Cons of the Options",
    "## More Information",
  ];

  it("follows the MADR layout, with drivers from the answers and the guide's pros and cons", async () => {
    const ran = await runBin(["--answers", closeCall, "--format", "adr"], { env: { SOURCE_DATE_EPOCH: "1764000000" } });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^---\nstatus: proposed\ndate: 2025-11-24\n---\n/);
    const positions = sections.map((s) => ran.stdout.indexOf(`\n${s}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(ran.stdout).toContain("* Kubernetes experience: Proficient");
    // The chosen option is one of those considered, the way of running beside it.
    const considered = ran.stdout.slice(ran.stdout.indexOf("## Considered Options"), ran.stdout.indexOf("## Decision Outcome"));
    expect(considered).toContain("* Amazon ECS\n");
    expect(ran.stdout).toContain('Chosen option: "Amazon ECS", with the containers on AWS Fargate, because');
    // Drivers are the answers the team gave: none left unknown.
    const drivers = ran.stdout.slice(ran.stdout.indexOf("## Decision Drivers"), ran.stdout.indexOf("## Considered Options"));
    expect(drivers).toContain("* Kubernetes experience: Proficient");
    expect(drivers).not.toMatch(/: unknown$/m);
    expect(drivers).not.toContain("* Engineers:");
    expect(ran.stdout).toContain("* Good, because ECS is easy to learn");
    // A proficient team: EKS's learning curve is no consequence for it; what holds for every team stays.
    expect(ran.stdout).not.toContain("EKS is hard to learn");
    expect(ran.stdout).toContain("* Bad, because EKS adds a Kubernetes management cost");
    expect(ran.stdout).toContain("--expect ecs");
  });

  /** The ADR's Confirmation command, run as a shell runs it (npx standing for the built bin): its exit code and the platform it expects. */
  async function confirm(adr: string, cwd: string): Promise<{ command: string; code: number | null }> {
    const block = adr.slice(adr.indexOf("```console\n", adr.indexOf("### Confirmation")) + 11);
    const command = block.slice(0, block.indexOf("\n```")).replace(/^\$ /, "");
    const npx = `npx() { shift 2; "${process.execPath}" "${BIN}" "$@"; }`;
    const ran = await runProcess("sh", ["-c", `${npx}\n${command}`], { cwd, env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" } });
    return { command, code: ran.code };
  }

  it.each([
    ["an answers file in a folder, with a flag over it", ["--answers", "ci/a.json", "--microservices", "30"], "--answers ci/a.json --microservices 30", "eks"],
    ["flags alone", ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"], "--kubernetes-experience none", "ecs"],
    ["a rules file whose name has a space", ["--answers", "ci/a.json", "--rules", "my rules.json"], "--rules 'my rules.json'", "ecs"],
    ["a repository and flags", ["--from", "repo", "--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight"], "--from repo", "ecs"],
  ])("confirms with the command that gives this decision again: %s", async (_name, args, part, platform) => {
    const dir = tmp();
    mkdirSync(join(dir, "ci"));
    copyFileSync(closeCall, join(dir, "ci", "a.json"));
    copyFileSync(`${ROOT}rules/rules.json`, join(dir, "my rules.json"));
    cpSync(fixturePath("scan/podinfo"), join(dir, "repo"), { recursive: true });
    const ran = await runBin([...args, "--format", "adr"], { cwd: dir });
    expect(ran.code).toBe(0);
    const confirmed = await confirm(ran.stdout, dir);
    expect(confirmed.command).toContain(part);
    expect(confirmed.command).toMatch(new RegExp(`--expect ${platform}$`));
    expect(confirmed.code).toBe(0);
  });

  it("tells the reader to save answers read from stdin to a file, and names it in the command", async () => {
    const dir = tmp();
    const answers = readFileSync(closeCall, "utf8");
    for (const [args, saying] of [
      [["--format", "adr"], "The answers were read from stdin: save them as answers.json beside this record, which the command reads."],
      [["--answers", "-", "--format", "adr", "--lang", "ko"], "답변을 표준 입력에서 읽었으므로, 아래 명령이 읽을 수 있도록 이 기록과 같은 폴더에 answers.json 파일로 저장하세요."],
    ] as const) {
      const ran = await runBin([...args], { cwd: dir, input: answers });
      expect(ran.stdout).toContain(saying);
      const confirmed = await confirm(ran.stdout.replace("### 확인", "### Confirmation"), dir);
      expect(confirmed.command).toMatch(/^npx --yes ecs-or-eks@1 --answers answers\.json (--lang ko )?--expect ecs$/);
      // Once saved where it says, the command confirms the decision.
      writeFileSync(join(dir, "answers.json"), answers);
      expect((await confirm(ran.stdout.replace("### 확인", "### Confirmation"), dir)).code).toBe(0);
      rmSync(join(dir, "answers.json"));
    }
  });

  it("lists only consequences true of the team, in one voice (docs/ci.md's two services)", async () => {
    const [checkout, search] = readFileSync(fixturePath("batch/portfolio.ndjson"), "utf8").split("\n").map((line) => line.replace(/"id": "[^"]+", /, ""));
    const expert = await runBin(["--format", "adr", "--engineers", "60"], { input: search! });
    expect(expert.stdout).toContain('Chosen option: "Amazon EKS"');
    expect(expert.stdout).not.toContain("EKS is hard to learn");
    expect(expert.stdout).not.toContain("a small team spends");
    expect(expert.stdout).toContain("EKS needs a Kubernetes version upgrade at least once a year");
    const small = await runBin(["--format", "adr"], { input: checkout! });
    expect(small.stdout).toContain('Chosen option: "Amazon ECS", with the containers on AWS Fargate');
    expect(small.stdout).not.toContain("DaemonSet");
    // The ADR speaks as the team ("we", "our"); the consequences never switch to "you".
    for (const ran of [expert, small]) expect(ran.stdout.slice(ran.stdout.indexOf("### Consequences"))).not.toMatch(/\byou(r)?\b/i);
  });

  it("is in Korean with --lang ko", async () => {
    const ran = await runBin(["--answers", closeCall, "--format", "adr", "--lang", "ko"]);
    expect(ran.stdout).toContain("## 결정 요인");
    expect(ran.stdout).toContain("* Kubernetes 경험: 능숙");
  });

  it("lists how the team feels about what it runs only when it runs something (review L10)", async () => {
    // close-call.json runs nothing today: the default "content" would be a driver nobody gave.
    const none = await runBin(["--answers", closeCall, "--format", "adr", "--lang", "ko"]);
    expect(none.stdout).toContain("* 현재 운영 중인 플랫폼: ");
    expect(none.stdout).not.toContain("만족도");
    const ecs = await runBin(["--answers", closeCall, "--current-platform", "ecs", "--format", "adr", "--lang", "ko"]);
    expect(ecs.stdout).toContain("* 현재 플랫폼에 대한 만족도: 만족 (잘 맞음)\n");
  });
});

describe("init and --save write answers files, never over one that exists", () => {
  const flags = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];

  it("init writes every answer with $schema", async () => {
    const dir = tmp();
    const ran = await runBin(["init", ...flags], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain("Wrote answers.json");
    const file = JSON.parse(readFileSync(join(dir, "answers.json"), "utf8"));
    expect(file).toMatchObject({ $schema: expect.stringMatching(/answers\.schema\.json$/), kubernetesExperience: "none", growth: "moderate", clusters: 1 });
    const again = await runBin(["--answers", join(dir, "answers.json"), "--json"]);
    expect(JSON.parse(again.stdout).recommendation).toBe("ecs");
  });

  it("init refuses to overwrite without --force, and overwrites with it", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "mine.json"), "keep me");
    const refused = await runBin(["init", "--out", "mine.json", ...flags], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("ecs-or-eks: mine.json already exists.\nfix: pass --force to overwrite it, or choose another file.\n");
    expect(readFileSync(join(dir, "mine.json"), "utf8")).toBe("keep me");
    const forced = await runBin(["init", "--out", "mine.json", "--force", ...flags], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "mine.json"), "utf8")).budget).toBe("tight");
  });

  it("init creates the folder it writes into, and lists what is missing without a terminal", async () => {
    const dir = tmp();
    expect((await runBin(["init", "--out", "ci/answers.json", ...flags], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, "ci/answers.json"))).toBe(true);
    const missing = await runBin(["init", "--budget", "tight"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required answers: kubernetesExperience (--kubernetes-experience)");
  });

  it("--save writes the answers given, and refuses an existing file before doing anything", async () => {
    const dir = tmp();
    const saved = await runBin(["--save", "saved.json", "--json", ...flags, "--growth", "rapid"], { cwd: dir });
    expect(saved.code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, "saved.json"), "utf8"));
    expect(file).toEqual({ $schema: expect.any(String), kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3, growth: "rapid" });
    const refused = await runBin(["--save", "saved.json", ...flags], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
  });
});

describe("rules of your own", () => {
  it("lists the rules as a table", async () => {
    const ran = await runBin(["rules"]);
    expect(ran.code).toBe(0);
    const builtIn = JSON.parse(readFileSync(`${ROOT}rules/rules.json`, "utf8")) as { version: string; rules: unknown[] };
    expect(ran.stdout.startsWith(`Platform rules (built-in, version ${builtIn.version}): ${builtIn.rules.length}\n`)).toBe(true);
    expect(ran.stdout).toMatch(/ecs-aws-only +ECS +3 +cloudStrategy =/);
  });

  it("prints a rules file that --rules reads back to the same result", async () => {
    const dir = tmp();
    const printed = await runBin(["rules", "--format", "json"]);
    const path = join(dir, "mine.json");
    writeFileSync(path, printed.stdout);
    expect((await runBin(["rules", "check", path])).code).toBe(0);
    const builtIn = JSON.parse((await runBin(["--answers", closeCall, "--json"])).stdout);
    const mine = JSON.parse((await runBin(["--answers", closeCall, "--json", "--rules", path])).stdout);
    expect({ ...mine, ruleSet: undefined }).toEqual({ ...builtIn, ruleSet: undefined });
    expect(mine.ruleSet).toEqual({
      source: "file",
      path,
      sha256: createHash("sha256").update(printed.stdout).digest("hex"),
      version: builtIn.ruleSet.version,
    });
  });

  it("applies an overrides file and names it in the result", async () => {
    const ran = await runBin(["--answers", closeCall, "--json", "--rules", fixturePath("rules/team-overrides.json")]);
    const result = JSON.parse(ran.stdout);
    expect(result.scores.ecs).toBe(5);
    expect(result.ruleSet).toMatchObject({ source: "file", extends: "built-in" });
  });

  it("rules check: exit 0 for a good file, 2 with every problem for a bad one", async () => {
    const good = await runBin(["rules", "check", fixturePath("rules/custom-rules.json")]);
    expect(good).toMatchObject({ code: 0, stderr: "" });
    expect(good.stdout).toContain("valid, 2 platform rules and 0 launch-type rules");
    const bad = await runBin(["rules", "check", fixturePath("rules/bad-conditions.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.match(/^ecs-or-eks: .*bad-conditions\.json: rule "/gm)).toHaveLength(5);
  });

  it("refuses a broken rules file on any command", async () => {
    const ran = await runBin(["--answers", closeCall, "--rules", fixturePath("rules/broken-weights.json")]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain('rule "negative" (rules[0]), field "weight"');
  });
});

describe("portfolio runs with --batch", () => {
  const portfolio = fixturePath("batch/portfolio.ndjson");

  it("writes one result a line, in order, with line numbers and ids; a bad line gets an error in its place", async () => {
    const ran = await runBin(["--batch", "--answers", portfolio]);
    const records = ran.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(records.map((r) => [r.line, r.id, r.recommendation ?? "error"])).toEqual([
      [1, "checkout", "ecs"],
      [2, "search", "eks"],
      [3, undefined, "error"],
      [5, 7, "ecs"],
      [6, "typo", "error"],
      [7, undefined, "eks"],
    ]);
    // Each line says which shape it has, as a single result does: confidence changed meaning in 4.
    for (const record of records) expect(record.schemaVersion).toBe(4);
    expect(records[2].error).toMatch(/^column 54: invalid JSON: found the end of the input/);
    expect(records[4].error).toContain('"budgte" is not a known answer. Did you mean "budget"?');
    expect(records[5]).toMatchObject({ launchType: "ec2", launchTypeRequired: true, firedRules: expect.arrayContaining(["eks-runs-kubernetes-today"]) });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe("ecs-or-eks: 2 of 6 lines were bad (lines 3, 6); their records hold the error.\n");
  });

  it("gives each line the same decision as a single run", async () => {
    const line = readFileSync(closeCall, "utf8").replace(/\s+/g, " ");
    const [batch, single] = await Promise.all([runBin(["--batch"], { input: `${line}\n` }), runBin(["--json"], { input: line })]);
    const record = JSON.parse(batch.stdout);
    const result = JSON.parse(single.stdout);
    expect(batch.code).toBe(0);
    expect(record).toMatchObject({
      line: 1,
      recommendation: result.recommendation,
      scores: result.scores,
      confidence: result.confidence,
      confidenceLabel: result.confidenceLabel,
      margin: result.margin,
      closeCall: result.closeCall,
      firedRules: result.reasons.map((r: { ruleId: string }) => r.ruleId),
      decidingRules: result.decidingRules,
    });
    expect(record).not.toHaveProperty("whatWouldChange");
  });

  it("takes a batch line, id and all, as a single run's answers: its full result is one --answers away", async () => {
    const line = readFileSync(portfolio, "utf8").split("\n")[1]!;
    expect(JSON.parse(line).id).toBe("search");
    const [batch, single] = await Promise.all([runBin(["--batch"], { input: `${line}\n` }), runBin(["--answers", "-", "--expect", "eks", "--json"], { input: line })]);
    expect(single.stderr).toBe("");
    expect(single.code).toBe(0);
    expect(JSON.parse(single.stdout)).toMatchObject({ recommendation: JSON.parse(batch.stdout).recommendation, scores: JSON.parse(batch.stdout).scores });
    // The id weighs nothing and is no answer; one that is neither text nor a number is still refused.
    expect(JSON.parse(single.stdout).answers).not.toHaveProperty("id");
    const bad = await runBin(["--json"], { input: line.replace('"search"', "[1]") });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"id" must be a string or a number (got [1]).');
  });

  it("summarises in text: counts of ECS and EKS, close calls and bad lines", async () => {
    const ran = await runBin(["--batch", "--format", "text", "--answers", portfolio]);
    expect(ran.stdout).toContain("line 1 checkout: ECS on AWS Fargate (clear call, by 13 points)");
    expect(ran.stdout).toContain("line 5 7: ECS on AWS Fargate (close call, by 1 point)");
    expect(ran.stdout).toContain("line 7: EKS on Amazon EC2 (clear call, by");
    expect(ran.stdout).not.toContain("%");
    expect(ran.stdout.trimEnd().split("\n").at(-1)).toBe("6 answer sets: 2 ECS, 2 EKS. Close calls: 1 (line 5). Bad lines: 2 (3, 6).");
    expect(ran.code).toBe(2);
  });

  it("applies flags to every line", async () => {
    const ran = await runBin(["--batch", "--kubernetes-experience", "expert"], { input: '{"cloudStrategy":"multi-cloud","budget":"tight","microservices":3}\n' });
    expect(JSON.parse(ran.stdout)).toMatchObject({ line: 1, recommendation: "eks" });
  });

  it("reports a line over the cap without reading it into memory", async () => {
    const ran = await runBin(["--batch"], { input: `{"pad": "${"x".repeat(70 * 1024)}"}\n` });
    expect(JSON.parse(ran.stdout)).toEqual({ line: 1, schemaVersion: 4, error: expect.stringContaining("longer than 64 KiB") });
    expect(ran.code).toBe(2);
  });

  it("reads a portfolio file of any size: the 1 MiB cap is for one answers file, not for a batch", async () => {
    const file = join(tmp(), "big.ndjson");
    const line = readFileSync(closeCall, "utf8").replace(/\s+/g, " ");
    const lines = 2 * Math.ceil((1024 * 1024) / line.length);
    writeFileSync(file, `${line}\n`.repeat(lines));
    const ran = await runBin(["--batch", "--format", "text", "--answers", file]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^${lines} answer sets: ${lines} ECS, 0 EKS`));
  });

  it.each([
    ["empty input", "", "no answers to evaluate: the input had no lines."],
    ["only blank lines", "\n\n", "no answers to evaluate: no answer lines (only blank lines)."],
  ])("refuses %s with nothing on stdout, saying which it was", async (_name, input, problem) => {
    for (const format of ["text", "json"]) {
      const ran = await runBin(["--batch", "--format", format], { input });
      expect(ran.code).toBe(2);
      expect(ran.stdout).toBe("");
      expect(ran.stderr).toBe(`ecs-or-eks: ${problem}\nfix: give one JSON answers object a line (NDJSON), in --answers FILE or on stdin.\n`);
    }
  });

  it("refuses empty input and --expect", async () => {
    expect((await runBin(["--batch"], { input: "" })).code).toBe(2);
    const expectRan = await runBin(["--batch", "--expect", "ecs"], { input: "{}\n" });
    expect(expectRan.code).toBe(2);
    expect(expectRan.stderr).toContain("--expect does not apply to --batch");
  });
});
