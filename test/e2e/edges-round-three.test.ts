// Issue 28 (round three of hostile input), the items of the `edges` stream:
// injection and control bytes through a prices file (1, 2), dangling links
// (3), signals in a flood of bad batch lines (11), repeated list flags (13),
// scaffold's region (21), unknown fields (23), messages (24) and deep batch
// lines (26). Each case as a user meets it, with the built bin.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin } from "../helpers/run-bin.js";

const F = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];
const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-edges3-"));
/** A byte a terminal would act on: C0 but newline and tab, DEL, C1, and the bidirectional overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const TIER = "XL\n\n# Injected\n\n<img src=x onerror=alert(1)>";

/** An overrides file whose names, keys and sources carry markup and control bytes, in a new folder. */
function hostilePrices(): string {
  const path = join(tmp(), "prices.json");
  const dated = { asOf: "2026-01", source: "rate card\u001b[2J\u0000" };
  const type = "m9.x\u001b[1m\u202e";
  writeFileSync(
    path,
    JSON.stringify({
      extends: "built-in",
      version: "v\u001b]0;owned\u0007\u202e",
      instanceTypes: { [type]: { vcpus: 2, memoryGiB: 8, arch: "x86", eksMaxPods: 29, ...dated } },
      regions: {
        "us-east-1": {
          ec2: { [type]: { usdPerHour: 0.1, ...dated } },
          eks: { provisionedControlPlane: { usdPerHour: { [TIER]: 1.5, "S\u001b[31m\u0007": 0.5 }, ...dated } },
        },
      },
    }),
  );
  return path;
}

/** No line of the Markdown begins with what the user wrote: no heading, no raw tag. */
function expectMarkdownSafe(markdown: string): void {
  expect(markdown).not.toMatch(/^# Injected/m);
  expect(markdown).not.toMatch(/<img/);
  expect(markdown).toContain("XL # Injected &lt;img src=x onerror=alert(1)>");
  expect(markdown).not.toMatch(CONTROL);
}

describe("1. Markdown and HTML from a prices file stay text", () => {
  it("a tier named with a heading and a tag is one escaped line in --format markdown, --format adr and --summary", async () => {
    const prices = hostilePrices();
    for (const format of ["markdown", "adr"]) {
      const ran = await runBin([...F, "--prices", prices, "--format", format]);
      expect(ran.code).toBe(0);
      expectMarkdownSafe(ran.stdout);
    }
    const summary = join(tmp(), "summary.md");
    const ran = await runBin([...F, "--prices", prices, "--summary", "--json"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(ran.code).toBe(0);
    expectMarkdownSafe(readFileSync(summary, "utf8"));
  });
});

describe("2. control bytes from a prices file never reach the terminal raw", () => {
  it("`prices` escapes the version, sources, instance types and tiers; --json keeps them exact", async () => {
    const prices = hostilePrices();
    const ran = await runBin(["prices", "--prices", prices]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).not.toMatch(CONTROL);
    for (const shown of ["v\\u001b]0;owned\\u0007\\u202e", "rate card\\u001b[2J\\u0000", "m9.x\\u001b[1m\\u202e", "S\\u001b[31m\\u0007"]) expect(ran.stdout).toContain(shown);
    const json = await runBin(["prices", "--prices", prices, "--json"]);
    expect(json.stdout).not.toMatch(CONTROL);
    const data = JSON.parse(json.stdout) as { version: string; regions: Record<string, { eks: { provisionedControlPlane: { usdPerHour: Record<string, number> } } }> };
    expect(data.version).toBe("v\u001b]0;owned\u0007\u202e");
    expect(Object.keys(data.regions["us-east-1"]!.eks.provisionedControlPlane.usdPerHour)).toContain(TIER);
  });

  it("the text result, Markdown and the ADR escape tier names; the JSON result keeps them exact", async () => {
    const prices = hostilePrices();
    for (const format of ["text", "markdown", "adr", "json"]) {
      const ran = await runBin([...F, "--prices", prices, "--format", format]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).not.toMatch(CONTROL);
      if (format === "json") {
        const tiers = (JSON.parse(ran.stdout) as { costs: { estimate: { eksWouldAdd: { provisionedControlPlanePerCluster: Record<string, number> } } } }).costs.estimate.eksWouldAdd.provisionedControlPlanePerCluster;
        expect(Object.keys(tiers)).toContain("S\u001b[31m\u0007");
      } else expect(ran.stdout).toMatch(/S\\+u001b\\?\[31m/);
    }
  });
});
