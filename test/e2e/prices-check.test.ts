// prices check against hostile files (issue 28 items 5-8, 10, 17, 18, 22, 23):
// each file below passed the check once and then made a run exit 70, hang, or
// print absurd money. Each is the built-in file with one thing changed; the
// check must refuse it with a line naming the field and the limit, and a run
// given it with --prices must refuse it the same way (exit 2, never 70).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

type PricesFile = Record<string, any>;
const builtIn: PricesFile = JSON.parse(readFileSync(`${ROOT}rules/prices.json`, "utf8"));
const team = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];

function changed(change: (file: PricesFile) => void): string {
  const file = structuredClone(builtIn);
  change(file);
  return JSON.stringify(file);
}

const nextYear = new Date().getUTCFullYear() + 1;

const cases: [item: string, text: string, expected: RegExp][] = [
  [
    "5: every Fargate size smaller than what EKS adds per pod",
    changed((f) => {
      f.eksFargatePodMemory.addGiB = 4;
      f.fargateTaskSizes.sizes = [{ vcpu: 1, memoryGiB: [2, 4] }];
    }),
    /field "eksFargatePodMemory\.addGiB": EKS on Fargate adds 4 GiB to each pod, which leaves less than 0\.5 GiB on the largest Fargate size \(4 GiB\)/,
  ],
  ["6: a Fargate vCPU of 5e-324", changed((f) => (f.fargateTaskSizes.sizes[0].vcpu = 5e-324)), /field "fargateTaskSizes\.sizes\[0\]\.vcpu": must be at least 0\.125 \(got 5e-324\)/],
  [
    "7: an EKS node reservation larger than every instance",
    changed((f) => (f.eksNodeReservation.memoryMiB.base = 1e6)),
    /field "instanceTypes\.m6i\.large": EKS would keep back 1000419 MiB of this instance's 8192 MiB .*at most 50% may be kept back/,
  ],
  [
    "7: eksMaxPods absurd",
    changed((f) => (f.instanceTypes["m6i.large"].eksMaxPods = 100000)),
    /field "instanceTypes\.m6i\.large\.eksMaxPods": must be at most 1000 \(got 100000\)/,
  ],
  [
    "8: a Fargate memory step of 1e-9",
    changed((f) => (f.fargateTaskSizes.sizes[1].memoryGiBRange.step = 1e-9)),
    /field "fargateTaskSizes\.sizes\[1\]\.memoryGiBRange\.step": must be at least 0\.25 \(got 1e-9\)/,
  ],
  [
    "10: a Fargate memory step of 0.01",
    changed((f) => (f.fargateTaskSizes.sizes[2].memoryGiBRange.step = 0.01)),
    /field "fargateTaskSizes\.sizes\[2\]\.memoryGiBRange\.step": must be at least 0\.25 \(got 0\.01\)/,
  ],
  [
    "10: a range whose steps are each allowed but that gives thousands of sizes",
    changed((f) => (f.fargateTaskSizes.sizes = [{ vcpu: 1, memoryGiBRange: { from: 1, to: 1000, step: 0.25 } }])),
    /field "fargateTaskSizes\.sizes": the sizes give 3997 CPU and memory pairs; at most 1000 are allowed \(AWS lists 74\)/,
  ],
  ["17: hoursPerMonth of 1e-300", changed((f) => (f.hoursPerMonth = 1e-300)), /field "hoursPerMonth": must be at least 672 \(got 1e-300\)/],
  [
    "17: a price of 1e-300",
    changed((f) => (f.regions["us-east-1"].ec2["m6i.large"].usdPerHour = 1e-300)),
    /field "regions\.us-east-1\.ec2\.m6i\.large\.usdPerHour": must be at least 0\.0001 \(got 1e-300\)/,
  ],
  ["17: a date of 0000", changed((f) => (f.regions["us-east-1"].ec2["m6i.large"].asOf = "0000")), new RegExp(`asOf": must be dated from 2015 to ${nextYear} \\(got "0000"\\)`)],
  ["17: a date of 9999-12-31", changed((f) => (f.limits.ecs.asOf = "9999-12-31")), new RegExp(`field "limits\\.ecs\\.asOf": must be dated from 2015 to ${nextYear} \\(got "9999-12-31"\\)`)],
  ["17: a date of 2026-02-30", changed((f) => (f.savingsPlans.asOf = "2026-02-30")), /field "savingsPlans\.asOf": "2026-02-30" is not a date on the calendar/],
  [
    "18: a price for toString, a type the file does not describe",
    changed((f) => (f.regions["us-east-1"].ec2.toString = { usdPerHour: 0.1, asOf: "2016", source: "x" })),
    /field "regions\.us-east-1\.ec2\.toString": "toString" is not in instanceTypes/,
  ],
  [
    "18: a __proto__ key, kept as JSON.parse keeps it",
    JSON.stringify(builtIn).replace('"regions":{', '"regions":{"__proto__":{"ec2":{}},'),
    /field "regions": a key named "__proto__" is not allowed/,
  ],
];

describe("prices check refuses a file that could break a run", () => {
  it.each(cases)("item %s", async (_item, text, expected) => {
    const checked = await runBin(["prices", "check", "-"], { input: text });
    expect(checked.stdout).toBe("");
    expect(checked.stderr).toMatch(expected);
    expect(checked.code).toBe(2);
    // A run given the same file refuses it the same way: exit 2, the same line, no stack.
    const ran = await runBin([...team, "--prices", "-"], { input: text });
    expect({ code: ran.code, stdout: ran.stdout }).toEqual({ code: 2, stdout: "" });
    expect(ran.stderr).toMatch(expected);
  });

  it("refuses a __proto__ key in an overrides file, where a merge would have taken it as a prototype and dropped it (item 18)", async () => {
    const overrides = '{"extends": "built-in", "regions": {"us-east-1": {"ec2": {"__proto__": {"usdPerHour": 0.01, "asOf": "2026", "source": "x"}}}}}';
    const ran = await runBin(["prices", "check", "-"], { input: overrides });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/field "regions\.us-east-1\.ec2": a key named "__proto__" is not allowed/);
  });

  it("lists every problem, not the first 20, and does not tell you to run the command just run (item 22)", async () => {
    const text = changed((f) => {
      for (let i = 0; i < 45; i++) f.regions["us-east-1"].ec2[`zz${i}.large`] = { usdPerHour: 0.1, asOf: "2026", source: "x" };
    });
    const ran = await runBin(["prices", "check", "-"], { input: text });
    expect(ran.code).toBe(2);
    const lines = ran.stderr.trim().split("\n");
    expect(lines.filter((line) => /"zz\d+\.large" is not in instanceTypes/.test(line))).toHaveLength(45);
    expect(ran.stderr).not.toMatch(/more\./);
    expect(lines.at(-1)).toBe("fix: edit the prices file and check it again.");
    // A run shows the first few and points to the check.
    const run = await runBin([...team, "--prices", "-"], { input: text });
    expect(run.stderr).toMatch(/… and 25 more\./);
    expect(run.stderr).toMatch(/`ecs-or-eks prices check FILE` lists every problem/);
  });

  it("puts each unknown field on its own line, never joined with an escaped newline (item 23)", async () => {
    const text = changed((f) => {
      for (let i = 0; i < 30; i++) f[`extra${i}`] = i;
    });
    const ran = await runBin(["prices", "check", "-"], { input: text });
    expect(ran.code).toBe(2);
    const unknown = ran.stderr.split("\n").filter((line) => line.includes("is not a known field"));
    expect(unknown).toHaveLength(30);
    for (const line of unknown) expect(line).toMatch(/^ecs-or-eks: stdin: "extra\d+" is not a known field\.$/);
    expect(ran.stderr).not.toContain("\\u000a");
  });
});
