import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePath, readFixture, ROOT } from "../helpers/fixtures.js";
import { connect, textOf, type Connected } from "../helpers/mcp.js";
import { runBin } from "../helpers/run-bin.js";

const teams = readdirSync(fixturePath("teams"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, answers: (readFixture(`teams/${name}`) as { answers: Record<string, unknown> }).answers }));
const clearCut = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 };

/** What the CLI prints on stderr for answers read from a file named `answers`, which is how the tools name them. */
async function cliErrorFor(answers: unknown, extra: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-answers-"));
  writeFileSync(join(dir, "answers"), JSON.stringify(answers));
  const ran = await runBin(["--answers", "answers", "--json", ...extra], { cwd: dir });
  expect(ran.code).toBe(2);
  return ran.stderr;
}

describe("ecs-or-eks mcp, from the packed package, to the SDK's client", () => {
  let server: Connected;
  beforeAll(async () => {
    server = await connect();
  }, 60_000);
  afterAll(async () => server?.close());

  it("lists its tools, each with a title, a description, schemas and annotations; its resources; and the decide prompt", async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(["recommend", "estimate_costs", "questions", "compare", "scan_repository", "scaffold", "explain_rule"]);
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description!.length, tool.name).toBeGreaterThan(80);
      expect(tool.inputSchema.properties!.lang, tool.name).toMatchObject({ enum: ["en", "ko"] });
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: tool.name !== "scaffold", idempotentHint: true, openWorldHint: false });
    }
    // The answers a tool takes are the answers file's schema, generated from the questions table.
    const schema = JSON.parse((await runBin(["schema"])).stdout);
    const recommend = tools.find((tool) => tool.name === "recommend")!;
    expect((recommend.inputSchema.properties!.answers as { properties: unknown }).properties).toEqual(schema.properties);
    expect(recommend.inputSchema.required).toEqual(["answers"]);
    // What scan_repository returns is the shape the package ships for `scan --format json`.
    const { $schema: _draft, $id: _id, title: _title, description: _description, ...scanned } = JSON.parse(readFileSync(fixturePath("../../dist/scan.schema.json"), "utf8"));
    expect(tools.find((tool) => tool.name === "scan_repository")!.outputSchema).toEqual(scanned);
    const scaffold = tools.find((tool) => tool.name === "scaffold")!;
    expect(Object.keys(scaffold.inputSchema.properties!)).toEqual(expect.arrayContaining(["platform", "launchType", "helm", "port", "write", "out", "force"]));

    const { resources } = await server.client.listResources();
    expect(resources.map((resource) => [resource.uri, resource.mimeType])).toEqual([
      ["ecs-or-eks://guide", "text/markdown"],
      ["ecs-or-eks://facts", "text/markdown"],
      ["ecs-or-eks://prices", "application/json"],
      ["ecs-or-eks://rules", "application/json"],
    ]);
    const { prompts } = await server.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(["decide"]);
  });

  it("serves the guide, FACTS, and the same prices and rules as `prices --json` and `rules --json`", async () => {
    const read = async (uri: string) => (await server.client.readResource({ uri })).contents[0] as { text: string; uri: string };
    expect((await read("ecs-or-eks://guide")).text).toBe(readFileSync(fixturePath("../../docs/sources/guide.ko.md"), "utf8"));
    expect((await read("ecs-or-eks://facts")).text).toBe(readFileSync(fixturePath("../../docs/sources/FACTS.md"), "utf8"));
    expect((await read("ecs-or-eks://prices")).text).toBe((await runBin(["prices", "--json"])).stdout);
    expect((await read("ecs-or-eks://rules")).text).toBe((await runBin(["rules", "--json"])).stdout);
  });

  it("prompts the agent to scan the repository, ask only what the scan did not tell, and call recommend, in the language asked", async () => {
    const english = await server.client.getPrompt({ name: "decide" });
    const text = (english.messages[0]!.content as { text: string }).text;
    expect(text).toMatch(/^1\. Call scan_repository[\s\S]*questions tool[\s\S]*recommend/m);
    const korean = await server.client.getPrompt({ name: "decide", arguments: { lang: "ko" } });
    const korean1 = (korean.messages[0]!.content as { text: string }).text;
    expect(korean1).toMatch(/^1\. 이 저장소의 폴더로 scan_repository를 호출하세요\(lang ko\)/m);
    expect(korean1).toContain("recommend를 호출하고(lang ko)");
  });

  it.each(teams.map((team) => [team.name, team.answers] as const))("recommend for %s is the CLI's --json, byte for byte", async (_name, answers) => {
    const [result, cli] = await Promise.all([server.client.callTool({ name: "recommend", arguments: { answers } }), runBin(["--json"], { input: JSON.stringify(answers) })]);
    expect(result.isError).toBeFalsy();
    expect(`${JSON.stringify(result.structuredContent, null, 2)}\n`).toBe(cli.stdout);
  });

  it("answers in Korean when a call asks, the structured content still the CLI's JSON", async () => {
    const [result, cli] = await Promise.all([
      server.client.callTool({ name: "recommend", arguments: { answers: clearCut, lang: "ko" } }),
      runBin(["--json", "--lang", "ko"], { input: JSON.stringify(clearCut) }),
    ]);
    expect(`${JSON.stringify(result.structuredContent, null, 2)}\n`).toBe(cli.stdout);
    // The verdict line in Korean: the label, the margin in points, no percentage.
    expect(textOf(result)).toMatch(/^추천: AWS Fargate 기반 Amazon ECS\n(근소한 차이입니다|한쪽으로 기운 결정입니다|분명한 결정입니다)\. ECS가 [0-9.]+점 앞섭니다/);
  });

  it("estimate_costs returns the result's costs.estimate, and the figures in its text", async () => {
    const answers = { ...clearCut, vcpus: 16, memoryGiB: 32, tasks: 16, region: "ap-northeast-2" };
    const [result, cli] = await Promise.all([server.client.callTool({ name: "estimate_costs", arguments: { answers } }), runBin(["--json"], { input: JSON.stringify(answers) })]);
    const estimate = JSON.parse(cli.stdout).costs.estimate;
    expect(result.structuredContent).toEqual(estimate);
    expect(textOf(result)).toContain("ap-northeast-2");
    const cheapest = estimate.options.find((o: { platform: string; launchType: string }) => o.platform === estimate.cheapest.platform && o.launchType === estimate.cheapest.launchType);
    expect(textOf(result)).toContain(cheapest.total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  });

  it("points at the JSON's entry, not a table row, when the recommended way has no figure in estimate_costs' and recommend's text", async () => {
    // EKS on EC2 with Windows: no Windows instance price is built in for the region.
    const { answers } = readFixture("teams/eks-windows-platform.json") as { answers: Record<string, unknown> };
    const [estimate, recommend] = await Promise.all([server.client.callTool({ name: "estimate_costs", arguments: { answers } }), server.client.callTool({ name: "recommend", arguments: { answers } })]);
    for (const text of [textOf(estimate), textOf(recommend)]) {
      expect(text).toContain('Recommended: Amazon EKS on Amazon EC2, which has no figure: its entry in costs.estimate.options says why ("excluded").');
      expect(text).not.toContain("its row");
      expect(text).not.toContain("--details");
    }
  });

  it.each(["savings-1y", "savings-3y", "spot"])("recommend and estimate_costs answer for %s pricing, their content held to their output schemas by the client", async (pricing) => {
    // The SDK's client checks structuredContent against the outputSchema it has listed, and throws on a mismatch.
    await server.client.listTools();
    const answers = { ...clearCut, pricing };
    const [recommended, estimated, cli] = await Promise.all([
      server.client.callTool({ name: "recommend", arguments: { answers } }),
      server.client.callTool({ name: "estimate_costs", arguments: { answers } }),
      runBin(["--json"], { input: JSON.stringify(answers) }),
    ]);
    expect(`${JSON.stringify(recommended.structuredContent, null, 2)}\n`).toBe(cli.stdout);
    expect(estimated.structuredContent).toEqual(JSON.parse(cli.stdout).costs.estimate);
    expect((estimated.structuredContent as { basis: string }).basis).toBe(pricing);
  });

  it("questions lists every question in the questionnaire's order, with its choices, in either language", async () => {
    const schema = JSON.parse((await runBin(["schema"])).stdout);
    const english = (await server.client.callTool({ name: "questions", arguments: {} })).structuredContent as { questions: { key: string; required: boolean; choices?: { value: string; label: string }[] }[] };
    // Every answer is a question; "$schema" and a batch line's "id" are no answers.
    expect(english.questions.map((q) => q.key)).toEqual(Object.keys(schema.properties).filter((key) => key !== "$schema" && key !== "id"));
    // The count is required unless a list of services stands in for it, which the schema says with anyOf.
    const eitherOf: string[] = schema.anyOf.flatMap((branch: { required: string[] }) => branch.required);
    expect(english.questions.filter((q) => q.required && !eitherOf.includes(q.key)).map((q) => q.key)).toEqual(schema.required);
    const budget = english.questions.find((q) => q.key === "budget")!;
    expect(budget.choices!.map((c) => c.value)).toEqual(["tight", "moderate", "flexible"]);
    const korean = await server.client.callTool({ name: "questions", arguments: { lang: "ko" } });
    expect(JSON.stringify(korean.structuredContent)).toMatch(/[\uac00-\ud7af]/);
    expect(textOf(korean)).toMatch(/^질문 \d+개 중 4개가 필수입니다/);
  });

  it("compare is `compare --json`", async () => {
    for (const lang of ["en", "ko"]) {
      const [result, cli] = await Promise.all([server.client.callTool({ name: "compare", arguments: { lang } }), runBin(["compare", "--json", "--lang", lang])]);
      expect(`${JSON.stringify(result.structuredContent, null, 2)}\n`).toBe(cli.stdout);
    }
  });

  it("explain_rule gives a rule's text, weight, condition and the line of the document it cites", async () => {
    const rules = JSON.parse((await runBin(["rules", "--json"])).stdout);
    const rule = rules.rules[0];
    const result = await server.client.callTool({ name: "explain_rule", arguments: { id: rule.id } });
    const explained = result.structuredContent as Record<string, any>;
    expect(explained).toMatchObject({ id: rule.id, kind: "rules", platform: rule.platform, weight: rule.weight, when: rule.when, text: rule.text.en });
    const document = readFileSync(fixturePath(`../../docs/sources/${explained.source.document}`), "utf8").split("\n");
    expect(document[explained.source.line - 1]).toBe(explained.source.lineText);
    expect(explained.source.lineText).toContain(rule.source.quote);
    // Every id a result can cite is explained, from every list of the rules file.
    for (const list of ["launchTypeRules", "launchTypeLimits", "launchTypeNotes", "alsoConsider", "answerNotes"]) {
      const id = rules[list][0].id;
      const each = await server.client.callTool({ name: "explain_rule", arguments: { id, lang: "ko" } });
      expect(each.isError, id).toBeFalsy();
      expect((each.structuredContent as { kind: string }).kind).toBe(list);
    }
  });

  it("scaffold returns the files `scaffold` prints, and writes nothing without write: true", async () => {
    const args = { platform: "eks", name: "web", image: "my-app:1.0", port: 8080 };
    const [result, cli] = await Promise.all([
      server.client.callTool({ name: "scaffold", arguments: args }),
      runBin(["scaffold", "--platform", "eks", "--name", "web", "--image", "my-app:1.0", "--port", "8080"]),
    ]);
    const structured = result.structuredContent as { files: { path: string; content: string }[]; written: string[]; platform: string };
    expect(structured.files.map((file) => file.content).join("")).toBe(cli.stdout);
    expect(structured.written).toEqual([]);
    expect(textOf(result)).toBe(cli.stderr.trimEnd());
    const fromAnswers = await server.client.callTool({ name: "scaffold", arguments: { answers: clearCut } });
    expect((fromAnswers.structuredContent as { platform: string; launchType: string })).toMatchObject({ platform: "ecs", launchType: "fargate" });
  });

  it("scaffold refuses Fargate for a task larger than Fargate's largest size, with the CLI's message", async () => {
    const answers = { ...clearCut, services: [{ name: "api", vcpu: 24, memoryGiB: 96, replicas: 2 }] };
    const [result, cli] = await Promise.all([
      server.client.callTool({ name: "scaffold", arguments: { answers, platform: "ecs", launchType: "fargate" } }),
      runBin(["scaffold", "--answers", "-", "--platform", "ecs", "--launch-type", "fargate"], { input: JSON.stringify(answers) }),
    ]);
    expect(result.isError).toBe(true);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("larger than Fargate's largest size");
    expect(textOf(result)).toBe(cli.stderr.trimEnd());
  });

  describe("a mistake is a tool error with the CLI's message", () => {
    it.each([
      ["missing answers", { budget: "tight" }],
      ["a value out of range", { ...clearCut, microservices: 0 }],
      ["a choice that does not exist", { ...clearCut, budget: "huge" }],
      ["an unknown answer", { ...clearCut, budjet: "tight" }],
      // As a file holding null: not an object, rather than no answers at all.
      ["answers that are null", null],
    ])("%s", async (_what, answers) => {
      const [result, cli] = await Promise.all([server.client.callTool({ name: "recommend", arguments: { answers } }), cliErrorFor(answers)]);
      expect(result.isError).toBe(true);
      // The problem lines are the CLI's; the fix for missing answers tells an agent what to do instead of which flags to pass.
      const problems = (text: string) => text.split("\n").filter((line) => line.startsWith("ecs-or-eks: "));
      expect(problems(textOf(result))).toEqual(problems(cli));
      expect(problems(cli).length).toBeGreaterThan(0);
    });

    it("in Korean when the call asks for it", async () => {
      const answers = { ...clearCut, microservices: 0 };
      const [result, cli] = await Promise.all([server.client.callTool({ name: "recommend", arguments: { answers, lang: "ko" } }), cliErrorFor(answers, ["--lang", "ko"])]);
      expect(textOf(result)).toBe(cli.trimEnd());
    });

    it.each([
      ["an unknown tool", "recommends", {}, 'ecs-or-eks: unknown tool "recommends". Did you mean "recommend"?'],
      ["an unknown argument", "recommend", { answer: clearCut }, 'ecs-or-eks: recommend: unknown argument "answer". Did you mean "answers"?'],
      ["an argument of the wrong type", "scaffold", { platform: "ecs", helm: "yes" }, 'ecs-or-eks: scaffold: "helm" must be true or false (got "yes").'],
      ["a language that does not exist", "questions", { lang: "fr" }, 'ecs-or-eks: unknown language "fr": use one of en, ko. (Did you mean "en"?)'],
      ["a rule that does not exist", "explain_rule", { id: "ecs-runs-ecs-tday" }, 'ecs-or-eks: no rule has the id "ecs-runs-ecs-tday". Did you mean "ecs-runs-ecs-today"?'],
      ["a port out of range", "scaffold", { platform: "ecs", port: -1 }, "ecs-or-eks: --port must be a whole number from 1 to 65535 (got -1)."],
      ["a path outside the folder the server started in", "scaffold", { platform: "ecs", write: true, out: "/" }, "ecs-or-eks: / is outside the folders this server may write to:"],
    ])("%s", async (_what, name, args, message) => {
      const result = await server.client.callTool({ name, arguments: args });
      expect(result.isError).toBe(true);
      expect(textOf(result).split("\n")[0]).toContain(message);
    });

    it("the server goes on answering after every mistake", async () => {
      const result = await server.client.callTool({ name: "recommend", arguments: { answers: clearCut } });
      expect(result.isError).toBeFalsy();
      expect(server.stderr()).toBe("");
    });
  });
});

describe("scaffold writes only inside the client's roots", () => {
  it("writes into a folder inside a root, never over a file without force, and never outside, even through a link", async () => {
    const root = mkdtempSync(join(tmpdir(), "ecs-or-eks-root-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "ecs-or-eks-elsewhere-"));
    symlinkSync(elsewhere, join(root, "link"));
    const server = await connect({ roots: [root] });
    try {
      const call = (args: Record<string, unknown>) => server.client.callTool({ name: "scaffold", arguments: { platform: "ecs", ...args } });
      const written = await call({ write: true, out: "deploy" });
      expect(written.isError).toBeFalsy();
      const files = (written.structuredContent as { written: string[] }).written;
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(join(root, "deploy", file)), file).toBe(true);
      expect(textOf(written)).toContain(join(root, "deploy"));

      const again = await call({ write: true, out: "deploy" });
      expect(again.isError).toBe(true);
      expect(textOf(again)).toMatch(/already exists/);
      expect((await call({ write: true, out: "deploy", force: true })).isError).toBeFalsy();

      for (const out of [elsewhere, join(root, "link", "deploy"), join(root, "..")]) {
        const outside = await call({ write: true, out });
        expect(outside.isError, out).toBe(true);
        expect(textOf(outside)).toContain(`is outside the folders this server may write to: ${root}`);
      }
      expect(readdirSync(elsewhere)).toEqual([]);
      expect((await call({ out: "deploy" })).isError).toBe(true);
      expect((await call({ write: true })).isError).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("without roots, writes inside the folder the server started in", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "ecs-or-eks-cwd-"));
    mkdirSync(join(cwd, "app"));
    const server = await connect({ cwd });
    try {
      const result = await server.client.callTool({ name: "scaffold", arguments: { platform: "eks", write: true, out: "app/k8s" } });
      expect(result.isError).toBeFalsy();
      expect(readdirSync(join(cwd, "app/k8s")).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

describe("scan_repository reads only inside the client's roots", () => {
  const scans = fixturePath("scan");
  let server: Connected;
  beforeAll(async () => {
    server = await connect({ roots: [scans] });
  }, 60_000);
  afterAll(async () => server?.close());
  const call = (args: Record<string, unknown>) => server.client.callTool({ name: "scan_repository", arguments: args });

  it.each(["ecs-cloudformation", "microservices-demo", "terraform-eks", "compose-voting-app"])("%s: the structured content is `scan --format json`, byte for byte", async (name) => {
    const dir = join(scans, name);
    const [result, cli] = await Promise.all([call({ path: dir }), runBin(["scan", dir, "--format", "json"])]);
    expect(result.isError).toBeFalsy();
    expect(`${JSON.stringify(result.structuredContent, null, 2)}\n`).toBe(cli.stdout);
  });

  it("takes a relative path from the first root, and words what it found with the answers to pass on and what is left to ask", async () => {
    const result = await call({ path: "ecs-cloudformation" });
    const structured = result.structuredContent as { root: string; answers: Record<string, unknown> };
    expect(structured.root).toBe("ecs-cloudformation");
    expect(structured.answers).toMatchObject({ currentPlatform: "ecs", microservices: 2 });
    const text = textOf(result);
    expect(text).toMatch(/^What ecs-cloudformation shows\n- Runs in production today: Amazon ECS \(stated\)\n    infrastructure\/ecs-cluster\.yaml:39  Type: AWS::ECS::Cluster\n/);
    expect(text).toContain(`Answers to pass on to recommend (in answers, with the user's): ${JSON.stringify(structured.answers)}`);
    expect(text).toMatch(/to ask the user: currentPlatformFit, kubernetesExperience, cloudStrategy, engineers, budget\./);
    // Compose names no production platform: the answer is left open, and the text says why.
    const compose = await call({ path: "compose-voting-app", lang: "ko" });
    expect((compose.structuredContent as { answers: object }).answers).toEqual({ microservices: 4 });
    expect(textOf(compose)).toContain("Compose 파일로는 서비스와 그 크기는 알 수 있지만");
    expect(textOf(compose)).toContain("사용자에게 물을 것: currentPlatform,");
  });

  it("refuses a path outside every root, even through a link, and a path that is no folder, with the CLI's words", async () => {
    const root = mkdtempSync(join(tmpdir(), "ecs-or-eks-scan-root-"));
    const elsewhere = mkdtempSync(join(tmpdir(), "ecs-or-eks-scan-elsewhere-"));
    writeFileSync(join(elsewhere, "deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: never-read\n");
    symlinkSync(elsewhere, join(root, "link"));
    writeFileSync(join(root, "file.yaml"), "");
    const rooted = await connect({ roots: [root] });
    try {
      for (const path of [elsewhere, join(root, "link"), "..", "/"]) {
        const outside = await rooted.client.callTool({ name: "scan_repository", arguments: { path } });
        expect(outside.isError, path).toBe(true);
        expect(textOf(outside), path).toMatch(new RegExp(`^ecs-or-eks: \\S+ is outside the folders this server may read: ${root}\\.\\nfix: `));
      }
      const file = await rooted.client.callTool({ name: "scan_repository", arguments: { path: "file.yaml" } });
      const cli = await runBin(["scan", "file.yaml"], { cwd: root });
      expect(file.isError).toBe(true);
      expect(textOf(file)).toBe(cli.stderr.trimEnd());
      // Inside the root, the scan is the root's own: nothing behind the link was read.
      const scanned = await rooted.client.callTool({ name: "scan_repository", arguments: {} });
      expect(JSON.stringify(scanned.structuredContent)).not.toContain("never-read");
      expect((scanned.structuredContent as { skipped: unknown[] }).skipped).toEqual([{ file: "link", reason: "link-outside" }]);
    } finally {
      await rooted.close();
    }
  });

  it("without roots, reads inside the folder the server started in", async () => {
    const plain = await connect({ cwd: scans });
    try {
      const inside = await plain.client.callTool({ name: "scan_repository", arguments: { path: "copilot" } });
      expect(inside.isError).toBeFalsy();
      expect((inside.structuredContent as { answers: object }).answers).toMatchObject({ currentPlatform: "ecs" });
      const outside = await plain.client.callTool({ name: "scan_repository", arguments: { path: ROOT } });
      expect(textOf(outside)).toContain(`is outside the folders this server may read: ${scans}.`);
    } finally {
      await plain.close();
    }
  });
});
