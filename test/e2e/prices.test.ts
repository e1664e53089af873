import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recommendedTotal, usd } from "../helpers/data.js";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

const team = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "2"];
const builtIn = JSON.parse(readFileSync(`${ROOT}rules/prices.json`, "utf8"));

/** Every path at which two JSON values differ. */
function differences(a: unknown, b: unknown, path = ""): string[] {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}/${key}` : key));
}

describe("ecs-or-eks prices", () => {
  it("prints the built-in prices with their dates and numbered sources, and as JSON the file itself", async () => {
    const text = await runBin(["prices"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^us-east-1$/m);
    expect(text.stdout).toMatch(/^ap-northeast-2$/m);
    expect(text.stdout).toMatch(/m7i\.large \(2 vCPU, 8 GiB, x86\), hour\s+0\.1008\s+2025-11-04\s+\[\d+\]/);
    // Every region's own figures, the network's among them.
    for (const region of Object.keys(builtIn.regions)) expect(text.stdout).toMatch(new RegExp(`^${region}$`, "m"));
    expect(text.stdout).toMatch(/NAT gateway, hour\s+0\.059\s+2025-10-28/);
    expect(text.stdout).toMatch(/^Sources$/m);
    const json = await runBin(["prices", "--json"]);
    expect(JSON.parse(json.stdout)).toEqual(builtIn);
  });

  it("prints a prices file's fields in one order whatever order the file gives them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-prices-"));
    const builtInDump = await runBin(["prices", "--format", "json"]);
    // Every object's fields reversed; a list of regions or instance types keeps the file's order: that is its data.
    const lists = new Set(["regions", "instanceTypes", "ec2", "ec2Windows", "ec2Spot", "ec2Savings1y", "ec2Savings3y", "usdPerHour"]);
    const reversed = (value: unknown, key = ""): unknown => {
      if (Array.isArray(value)) return value.map((item) => reversed(item));
      if (typeof value !== "object" || value === null) return value;
      const entries = Object.entries(value).map(([k, v]) => [k, reversed(v, k)] as const);
      return Object.fromEntries(lists.has(key) ? entries : entries.reverse());
    };
    for (const [name, data] of [["as dumped", JSON.parse(builtInDump.stdout)], ["reversed", reversed(JSON.parse(builtInDump.stdout))]] as const) {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(data));
      const read = await runBin(["prices", "--prices", file, "--format", "json"]);
      expect(read.code, name).toBe(0);
      expect(read.stdout, name).toBe(builtInDump.stdout);
    }
  });

  it("checks the built-in file", async () => {
    const ran = await runBin(["prices", "check", "rules/prices.json"]);
    expect(ran).toEqual({ code: 0, stdout: `rules/prices.json: valid, prices for ${Object.keys(builtIn.regions).join(", ")}.\n`, stderr: "" });
  });

  it("lists every problem of a file wrong in every way it knows, with exit 2 and nothing on stdout", async () => {
    const ran = await runBin(["prices", "check", fixturePath("prices/every-problem.json")]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    const problems = ran.stderr.trim().split("\n").map((line) => line.replace(/^ecs-or-eks: .*every-problem\.json: /, ""));
    expect(problems).toEqual([
      'field "version": must be a string (got 5).',
      'field "hoursPerMonth": is required.',
      'field "fargateTaskSizes.sizes[7]": must be {"vcpu", "memoryGiB": [...]} or {"vcpu", "memoryGiBRange": {"from", "to", "step"}} (got {"vcpu":32}).',
      'field "ecsRegisteredMemory.share": must be at most 1 (got 1.5).',
      'field "instanceTypes.m7g.large.arch": must be one of x86, arm (got "sparc").',
      'field "regions.us-east-1.fargate.x86.asOf": must be a date like 2026, 2026-09 or 2026-09-28 (got "last year").',
      'field "regions.us-east-1.fargate.arm.usdPerVcpuHour": must be at least 0.0001 (got 0).',
      'field "regions.us-east-1.autoModeFee.fraction": must be below 1 (got 1.5).',
      '"currency" is not a known field.',
      'field "regions.us-east-1.ec2.z9.huge": "z9.huge" is not in instanceTypes (m6i.large, m7i.large, m7i.xlarge, m7i.2xlarge, m7i.4xlarge, m7g.large, m7g.xlarge, m7g.2xlarge, m7g.4xlarge, c7g.xlarge).',
      `field "regions.mars-1": "mars-1" is not a region the answers allow (${Object.keys(builtIn.regions).join(", ")}).`,
      'field "regions.mars-1.ec2": no x86 instance type is priced: the estimate needs at least one.',
      'field "instanceTypes.m7i.4xlarge.gpus": an instance type has "gpus" exactly when its family is "gpu".',
      'field "fargateTaskSizes.sizes[1].memoryGiBRange": memoryGiBRange: "from" must not be above "to".',
      'field "eksNodeReservation.cpuShares": the last CPU band must have no "cores" (it covers the rest), and only the last.',
      "fix: edit the prices file and check it again.",
    ]);
  });

  it("refuses an overrides figure without its own date and source: a figure never borrows another's", async () => {
    const ran = await runBin([...team, "--prices", fixturePath("prices/partial-figure.json"), "--json"]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain('field "regions.us-east-1.ec2.m6i.large.asOf": is required.');
    expect(ran.stderr).toContain('field "regions.us-east-1.ec2.m6i.large.source": is required.');
  });

  it("changes exactly the figures an overrides file names", async () => {
    const ran = await runBin(["prices", "--prices", fixturePath("prices/team-overrides.json"), "--json"]);
    expect(ran.code).toBe(0);
    expect(differences(builtIn, JSON.parse(ran.stdout))).toEqual([
      "regions/us-east-1/ec2/m6i.large/usdPerHour",
      "regions/us-east-1/ec2/m6i.large/asOf",
      "regions/us-east-1/ec2/m6i.large/source",
      "regions/ap-northeast-2/eks/clusterHour/asOf",
      "regions/ap-northeast-2/eks/clusterHour/source",
    ]);
  });

  it("prices the estimate from an overrides file, and says where the prices came from", async () => {
    const before = JSON.parse((await runBin([...team, "--json"])).stdout).costs.estimate;
    const after = JSON.parse((await runBin([...team, "--json", "--prices", fixturePath("prices/team-overrides.json")])).stdout).costs.estimate;
    // ECS on EC2: 4 tasks on 2 c7i.large (0.08925: 130.31); with m6i.large at 0.08, 2 of those: 2 x 0.08 x 730 = 116.80.
    expect(before.options[2]).toMatchObject({ launchType: "ec2", compute: 130.31 });
    expect(after.options[2]).toMatchObject({ launchType: "ec2", compute: 116.8, sizing: { instances: { type: "m6i.large", count: 2 } } });
    // Fargate is untouched.
    expect(after.options[0]).toEqual(before.options[0]);
    expect(after.prices).toMatchObject({ source: "file", extends: "built-in", version: builtIn.version });
    expect(after.asOfLatest).toBe("2026-11");
  });
});

describe("the workload answers and the estimate flags", () => {
  it("take vCPUs as a decimal and use them in the estimate, never in the decision", async () => {
    const plain = JSON.parse((await runBin([...team, "--json"])).stdout);
    const ran = await runBin([...team, "--vcpus", "16.5", "--memory-gib", "33", "--tasks", "11", "--region", "ap-northeast-2", "--json"]);
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.costs.estimate).toMatchObject({ region: "ap-northeast-2", workload: { vcpus: 16.5, memoryGiB: 33, tasks: 11, assumed: [] } });
    // 11 tasks of 1.5 vCPU and 3 GiB: the 2 vCPU / 4 GB size in Seoul, 11 x (2 x 0.04656 + 4 x 0.00511) = 1.24916 an hour x 730 = 911.8868
    expect(result.costs.estimate.options[0]).toMatchObject({ compute: 911.89 });
    const { costs: _c, answers: _a, ...decision } = result;
    const { costs: _d, answers: _b, ...plainDecision } = plain;
    expect(decision).toEqual(plainDecision);
  });

  it("refuses a workload out of range, and a utilization that is not a share, with exit 2 and one line", async () => {
    for (const [flag, value, message] of [
      ["--vcpus", "0.1", '--vcpus must be a number from 0.25 to 100000 (got 0.1).'],
      ["--vcpus", "1e3", '--vcpus must be a number from 0.25 to 100000 (got "1e3").'],
      ["--utilization", "2", '--utilization must be a number from 0.1 to 1 (got "2").'],
      ["--region", "mars-1", `--region must be one of ${Object.keys(builtIn.regions).join(", ")} (got "mars-1").`],
    ] as const) {
      const ran = await runBin([...team, flag, value, "--json"]);
      expect({ flag, code: ran.code, stdout: ran.stdout }).toEqual({ flag, code: 2, stdout: "" });
      expect(ran.stderr).toContain(message);
    }
  });

  it("packs EC2 at the utilization given", async () => {
    // 16 tasks of 1 vCPU and 1.5 GiB on ECS: at 100% a c7i.large (USD 0.08925; 4 GiB, of which the ECS agent registers 3.9) holds two: 8.
    // At 70% it holds one (1.4 vCPU): 16 at 1.428 an hour, the price of 8 c7i.xlarge (0.1785) holding two each (2.8 vCPU): the fewer instances win the tie.
    const full = JSON.parse((await runBin([...team, "--vcpus", "16", "--memory-gib", "24", "--tasks", "16", "--utilization", "1", "--json"])).stdout);
    expect(full.costs.estimate.options[2].sizing).toEqual({ instances: { type: "c7i.large", count: 8 } });
    expect(full.costs.estimate.utilization).toBe(1);
    const usual = JSON.parse((await runBin([...team, "--vcpus", "16", "--memory-gib", "24", "--tasks", "16", "--json"])).stdout);
    expect(usual.costs.estimate.options[2].sizing).toEqual({ instances: { type: "c7i.xlarge", count: 8 } });
  });

  it("reads the services from --workload FILE, JSON or YAML, and says which figures it assumed", async () => {
    const yaml = "services:\n  - name: api\n    vcpu: 1\n    memoryGiB: 2\n    replicas: 3\n  - name: web\n";
    const ran = await runBin([...team.slice(0, 6), "--workload", "-", "--json"], { input: yaml });
    expect(ran.code).toBe(0);
    const { workload } = JSON.parse(ran.stdout).costs.estimate;
    expect(workload.services.map((s: { name: string; assumed: string[] }) => [s.name, s.assumed])).toEqual([
      ["api", []],
      ["web", ["vcpu", "memoryGiB", "replicas"]],
    ]);
    // The kind of workload still takes its choices on the same flag.
    expect((await runBin([...team, "--workload", "batch", "--json"])).code).toBe(0);
    const bad = await runBin([...team, "--workload", "-", "--json"], { input: '{"services": [{"name": "a"}, {"name": "a"}]}' });
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 2, stdout: "" });
    expect(bad.stderr).toContain('the name "a" appears twice');
  });

  it("takes environments as a count or with shares, and a pricing scenario", async () => {
    const ran = JSON.parse((await runBin([...team, "--environments", "prod:1,stage:0.25", "--pricing", "spot", "--json"])).stdout).costs.estimate;
    expect(ran.environments).toEqual([{ name: "prod", share: 1 }, { name: "stage", share: 0.25 }]);
    expect(ran.pricing).toBe("spot");
    const bad = await runBin([...team, "--environments", "prod:2", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('(got "prod:2")');
  });

  it("refuses a rule that reads a workload answer: the estimate never decides", async () => {
    const rules = JSON.stringify({ extends: "built-in", rules: [{ id: "big", platform: "eks", weight: 1, when: { answer: "tasks", atLeast: 100 }, text: { en: "Many tasks." }, source: "test" }] });
    const ran = await runBin(["rules", "check", "-"], { input: rules });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('"tasks" feeds the cost estimate only, which explains and never decides: a rule cannot read it.');
  });

  it("shows the estimate in text, in Korean too, and its total in batch text", async () => {
    // The figure the JSON result gives (test/engine/estimate.test.ts works it out by hand from the prices).
    const total = usd(recommendedTotal(JSON.parse((await runBin([...team, "--json"])).stdout)));
    const en = await runBin([...team, "--no-input", "--details"]);
    expect(en.stdout).toContain("What it costs (estimate)");
    expect(en.stdout).toMatch(new RegExp(`^ {2}> ECS Fargate +${total} +0\\.00 +0\\.00 +${total} +[\\d,.]+$`, "m"));
    expect(en.stdout.replace(/\s+/g, " ")).toMatch(new RegExp(`Recommended: Amazon ECS on AWS Fargate, USD ${total} a month; USD [\\d,.]+ with the shared lines \\(the row marked >\\)\\.`));
    const ko = await runBin([...team, "--no-input", "--lang", "ko", "--details"]);
    expect(ko.stdout).toContain("비용 (추정)");
    expect(ko.stdout.replace(/\s+/g, " ")).toMatch(new RegExp(`추천: AWS Fargate 기반 Amazon ECS, 월 ${total} USD, 공통 항목을 더하면 월 [\\d,.]+ USD \\(>로 표시한 행\\)\\.`));
    const batch = await runBin(["--batch", "--format", "text"], { input: `${JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 2 })}\n` });
    expect(batch.stdout).toMatch(new RegExp(`^line 1: ECS on AWS Fargate \\(clear call, by \\d+ points\\), USD ${total} a month$`, "m"));
  });

  it("puts the same table in Markdown and the ADR, the recommended way marked and a ruled-out way named", async () => {
    const gpu = [...team, "--requirements", "gpu"];
    const markdown = (await runBin([...gpu, "--format", "markdown"])).stdout;
    expect(markdown).toContain("### What it costs (estimate)\n");
    expect(markdown).toContain("| Way of running | Compute | Fees | Control plane | Total | Bill | On Arm |");
    expect(markdown).toMatch(/^\| ECS Fargate <sub>Ruled out: You need GPUs, and Fargate has none on ECS or EKS\.<\/sub> \| – \| – \| – \| – \| – \| – \|$/m);
    // Four tasks, a GPU each: 4 g4dn.xlarge at 0.526: 1,535.92; the fee 12%: 184.31.
    expect(markdown).toMatch(/^\| \*\*ECS Managed Instances\*\* \(recommended\) \| 1,535\.92 \| 184\.31 \| 0\.00 \| 1,720\.23 \| [\d,.]+ \| – \|$/m);
    const adr = (await runBin([...gpu, "--format", "adr", "--lang", "ko"], { env: { SOURCE_DATE_EPOCH: "0" } })).stdout;
    expect(adr).toContain("### 비용 (추정)\n");
    expect(adr).toContain("| 방식 | 컴퓨팅 | 관리 요금 | 컨트롤 플레인 | 합계 | 청구 합계 | Arm |");
  });
});

describe("the prices' sources in Korean", () => {
  it("says in Korean which prices were read second-hand and which Seoul rows were never read, keeping each note", async () => {
    const ran = await runBin(["prices", "--lang", "ko"]);
    expect(ran.code).toBe(0);
    const sources = ran.stdout.slice(ran.stdout.indexOf("\n출처\n")).replace(/\s+/g, " ");
    expect(sources).toContain("(간접 확인) Amazon ECS pricing page (read 2026-09-20, second-hand)");
    expect(sources).toContain("(서울 리전 요금은 직접 확인하지 않음, 재확인 필요) Amazon ECS pricing:");
    // Every note that warns in English warns in Korean too.
    const notes = sources.split(/ \[\d+\] /).slice(1);
    for (const note of notes.filter((text) => /second-hand|re-check|not read/.test(text))) expect(note).toMatch(/^\((간접 확인|서울 리전|재확인)/);
  });
});
