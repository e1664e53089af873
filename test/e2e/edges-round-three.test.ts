// Issue 28 (round three of hostile input), the items of the `edges` stream:
// injection and control bytes through a prices file (1, 2), dangling links
// (3), signals in a flood of bad batch lines (11), repeated list flags (13),
// scaffold's region (21), unknown fields (23), messages (24) and deep batch
// lines (26). Each case as a user meets it, with the built bin.
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPrompted, QUESTIONS } from "../../src/engine/questions.js";
import { inTerminal, KEYS } from "../helpers/pty.js";
import { BIN, runBin } from "../helpers/run-bin.js";

const ANSWERS = '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"tight","microservices":3}';
const F = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];
const NO_BUG = /\n\s+at |This is a bug|unexpected error|Maximum call stack/;
const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-edges3-"));
/** A byte a terminal would act on: C0 but newline and tab, DEL, C1, and the bidirectional overrides. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const TOTAL = QUESTIONS.filter((q) => !("askedWhen" in q) && isPrompted(q)).length;
const QUICK = QUESTIONS.filter((q) => (q.required || "quick" in q) && !("askedWhen" in q) && isPrompted(q)).length;

/** The quick questions answered with their defaults, "finish now", then on from the review to the result. */
async function quickPathToReview(term: ReturnType<typeof inTerminal>): Promise<void> {
  for (let n = 1; n <= QUICK; n++) await term.when(`(${n}/${TOTAL})`, KEYS.enter);
  await term.when("more questions have defaults", `${KEYS.down}${KEYS.enter}`);
  await term.when("Your answers. Change one, or go on?", KEYS.enter);
}

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
      instanceTypes: { [type]: { vcpus: 2, memoryGiB: 8, arch: "x86", family: "general", eksMaxPods: 29, ecsMaxTasks: 10, ...dated } },
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
      // The text summary names no tier: the full report does.
      const ran = await runBin([...F, "--prices", prices, "--format", format, ...(format === "text" ? ["--details"] : [])]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).not.toMatch(CONTROL);
      if (format === "json") {
        const tiers = (JSON.parse(ran.stdout) as { costs: { estimate: { eksWouldAdd: { provisionedControlPlanePerCluster: Record<string, number> } } } }).costs.estimate.eksWouldAdd.provisionedControlPlanePerCluster;
        expect(Object.keys(tiers)).toContain("S\u001b[31m\u0007");
      } else expect(ran.stdout).toMatch(/S\\+u001b\\?\[31m/);
    }
  });
});

describe("3. a dangling link is never followed into a folder that is not there", () => {
  /** A folder with `name` as a link to `target` (inside the folder), which does not exist. */
  function danglingIn(name: string, target: string): { dir: string; target: string } {
    const dir = tmp();
    symlinkSync(join(dir, target), join(dir, name));
    return { dir, target: join(dir, target) };
  }

  it.each([
    ["--save L", (out: string) => [...F, "--save", out]],
    ["--save L --force", (out: string) => [...F, "--save", out, "--force"]],
    ["init --out L --force", (out: string) => ["init", ...F, "--out", out, "--force"]],
  ] as const)("%s, with the link's folder missing: exit 2, naming the target, nothing created", async (_name, args) => {
    const { dir, target } = danglingIn("dangling.json", "nowhere/x.json");
    const ran = await runBin([...args("dangling.json")], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr.replace(/\s+/g, " ")).toContain(`dangling.json is a symbolic link to ${target}, whose folder ${join(dir, "nowhere")} does not exist; no folder is created through a link.`);
    expect(ran.stdout).toBe("");
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
    expect(readlinkSync(join(dir, "dangling.json"))).toBe(target);
  });

  it("without --force, a dangling link into a folder that exists is refused, naming the target; with it, the target is written and named", async () => {
    const { dir, target } = danglingIn("dangling.json", "real/answers.json");
    mkdirSync(join(dir, "real"));
    const refused = await runBin([...F, "--save", "dangling.json"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`dangling.json is a symbolic link to ${target}, which does not exist yet.`);
    expect(refused.stderr).toContain("pass --force to write the file the link points to");
    expect(existsSync(target)).toBe(false);
    const saved = await runBin([...F, "--save", "dangling.json", "--force"], { cwd: dir });
    expect(saved.code).toBe(0);
    expect(saved.stderr.replace(/\s+/g, " ")).toContain(`Wrote your answers to ${target}.`);
    expect(JSON.parse(readFileSync(target, "utf8")).budget).toBe("tight");
    expect(lstatSync(join(dir, "dangling.json")).isSymbolicLink()).toBe(true);
    const init = await runBin(["init", ...F, "--out", "dangling.json", "--force"], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain(`dangling.json is a symbolic link: the file written is ${target}.`);
  });

  it("a dangling link as a folder of the path is never created through", async () => {
    const { dir } = danglingIn("out", "nowhere/deeper");
    const ran = await runBin(["init", ...F, "--out", "out/answers.json"], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr.replace(/\s+/g, " ")).toContain(`cannot create out/answers.json: ${join(dir, "out")} is a symbolic link to ${join(dir, "nowhere/deeper")}, which does not exist`);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("scaffold --out D --force with D/task-definition.json dangling: refused whole, nothing written; with the folder there, the target is named", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "D"));
    symlinkSync(join(dir, "gone", "td.json"), join(dir, "D", "task-definition.json"));
    const ran = await runBin(["scaffold", "--platform", "ecs", "--out", "D", "--force"], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr.replace(/\s+/g, " ")).toContain(`D/task-definition.json is a symbolic link to ${join(dir, "gone", "td.json")}, whose folder ${join(dir, "gone")} does not exist`);
    expect(existsSync(join(dir, "gone"))).toBe(false);
    expect(readdirSync(join(dir, "D"))).toEqual(["task-definition.json"]);
    mkdirSync(join(dir, "gone"));
    const wrote = await runBin(["scaffold", "--platform", "ecs", "--out", "D", "--force"], { cwd: dir });
    expect(wrote.code).toBe(0);
    expect(wrote.stderr).toContain(`D/task-definition.json is a symbolic link: the file written is ${join(dir, "gone", "td.json")}.`);
    expect(JSON.parse(readFileSync(join(dir, "gone", "td.json"), "utf8")).family).toBe("sample-app");
  });

  it("--summary to a dangling link: refused before any output without --force; with it, into a folder that exists", async () => {
    const dir = tmp();
    const link = join(dir, "summary.md");
    symlinkSync(join(dir, "real", "summary.md"), link);
    const refused = await runBin([...F, "--summary"], { env: { GITHUB_STEP_SUMMARY: link } });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain(`${link} is a symbolic link to ${join(dir, "real", "summary.md")}, whose folder ${join(dir, "real")} does not exist`);
    expect(existsSync(join(dir, "real"))).toBe(false);
    mkdirSync(join(dir, "real"));
    expect((await runBin([...F, "--summary"], { env: { GITHUB_STEP_SUMMARY: link } })).code).toBe(2);
    const forced = await runBin([...F, "--summary", "--force"], { env: { GITHUB_STEP_SUMMARY: link } });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "real", "summary.md"), "utf8")).toMatch(/^## /);
  });

  it("at the save prompt, a dangling link is asked about as a file that is there, and the target is named", async () => {
    const { dir, target } = danglingIn("answers.json", "real/answers.json");
    mkdirSync(join(dir, "real"));
    const term = inTerminal(["--no-color"], { cwd: dir, cols: 200 });
    await quickPathToReview(term);
    await term.when("Save your answers to answers.json?", KEYS.enter);
    await term.when("already exists. Overwrite it?", `y${KEYS.enter}`);
    expect(await term.exited).toBe(0);
    expect((await term.screen()).join(" ")).toContain(`Wrote your answers to ${target}.`);
    expect(JSON.parse(readFileSync(target, "utf8")).kubernetesExperience).toBe("none");
  }, 60_000);

  it("at the save prompt, a dangling link into a missing folder creates nothing and names the target", async () => {
    const { dir, target } = danglingIn("answers.json", "nowhere/answers.json");
    const term = inTerminal(["--no-color"], { cwd: dir, cols: 240 });
    await quickPathToReview(term);
    await term.when("Save your answers to answers.json?", KEYS.enter);
    // Refused, whether the run ends there or asks for another name: then Ctrl-C.
    await term.when("whose folder", KEYS.ctrlC);
    await term.exited;
    expect((await term.screen()).join(" ")).toContain(`is a symbolic link to ${target}`);
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  }, 60_000);
});

describe("11. a signal ends --batch whatever the input", () => {
  /** The batch with stdin fed by `feed` until the process ends; resolves to its exit code and stderr once `signal` has stopped it. */
  async function stopBatch(signal: NodeJS.Signals, feed: string | undefined): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, "--batch"], { stdio: ["pipe", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" } });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin.on("error", () => {});
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    let open = true;
    void closed.then(() => (open = false));
    // The batch is under way once a first line's result is out: its handlers are set.
    child.stdin.write(`${ANSWERS}\n`);
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    if (feed !== undefined) {
      // As `yes` does: as much as the pipe takes, for as long as the process lives.
      const chunk = feed.repeat(Math.ceil(65_536 / feed.length));
      const pump = () => {
        while (open && child.stdin.write(chunk));
        if (open) child.stdin.once("drain", pump);
      };
      pump();
    }
    child.stdout.resume();
    child.kill(signal);
    return { code: await closed, stderr };
  }

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGHUP", 129],
  ] as const)("%s in a flood of bad lines (yes x | ecs-or-eks --batch): exit %i", async (signal, code) => {
    const ran = await stopBatch(signal, "x\n");
    expect(ran.code).toBe(code);
    expect(ran.stderr).toMatch(new RegExp(`\\necs-or-eks: Stopped by ${signal} after line [1-9]\\d*;`));
  }, 60_000);

  it.each([
    ["a flood of lines the schema must explain", '{"budget":1}\n'],
    ["a flood of blank lines", "\n"],
    ["an idle pipe", undefined],
  ] as const)("SIGTERM in %s: exit 143", async (_name, feed) => {
    const ran = await stopBatch("SIGTERM", feed);
    expect(ran.code).toBe(143);
  }, 60_000);
});

describe("13. a list flag repeated 40,000 times", () => {
  it.each([
    ["the main command", []],
    ["scaffold (commander's reading)", ["scaffold"]],
  ] as const)("%s: refused at the 33rd value, naming the limit", async (_name, command) => {
    const ran = await runBin([...command, ...F, ...Array.from({ length: 40_000 }, () => "--ecosystem=helm")]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe("ecs-or-eks: --ecosystem is given more than 32 times; a list holds at most 32 items, so list each choice once.\n");
  });
});

describe("26. a balanced line nested 5,000 to 30,000 deep in --batch", () => {
  const deepId = (levels: number) => `{"id":${"[".repeat(levels)}${"]".repeat(levels)}}`;
  const deepValue = (levels: number) => `${ANSWERS.slice(0, -1)},"workload":${'{"a":'.repeat(levels)}1${"}".repeat(levels)}}`;

  it.each([
    ["stdin", 5_000, deepId],
    ["stdin", 30_000, deepId],
    ["--answers FILE", 10_000, deepId],
    ["--answers FILE", 10_000, deepValue],
  ] as const)("from %s, %i levels: that line's error names the limit, the others get their results", async (from, levels, line) => {
    const input = `${ANSWERS}\n${line(levels)}\n${ANSWERS}\n`;
    const file = join(tmp(), "batch.ndjson");
    writeFileSync(file, input);
    const ran = await runBin(from === "stdin" ? ["--batch"] : ["--batch", "--answers", file], { input });
    expect(ran.stderr).not.toMatch(NO_BUG);
    expect(ran.code).toBe(2);
    const records = ran.stdout.trim().split("\n").map((text) => JSON.parse(text) as { line: number; error?: string; recommendation?: string });
    expect(records.map((r) => r.error ?? r.recommendation)).toEqual(["ecs", "the answers nest deeper than 64 levels; an answers file is an object of values and lists.", "ecs"]);
    expect(ran.stderr).toMatch(/1 of 3 lines were bad \(line 2\)/);
  });
});

describe("21. scaffold and the Region", () => {
  it("--platform ecs --region ap-northeast-2 writes that Region into awslogs-region, asks for no answer, and lists no <AWS_REGION>", async () => {
    const ran = await runBin(["scaffold", "--platform", "ecs", "--region", "ap-northeast-2"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('"awslogs-region": "ap-northeast-2"');
    expect(ran.stdout + ran.stderr).not.toContain("<AWS_REGION>");
  });

  it("takes the Region from the answers too; one nobody gave stays a placeholder", async () => {
    const file = join(tmp(), "answers.json");
    writeFileSync(file, `${ANSWERS.slice(0, -1)},"region":"ap-northeast-2"}`);
    const fromFile = await runBin(["scaffold", "--answers", file]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('"awslogs-region": "ap-northeast-2"');
    const none = await runBin(["scaffold", ...F]);
    expect(none.stdout).toContain('"awslogs-region": "<AWS_REGION>"');
  });

  it("refuses a Region that is not one, as any answer flag", async () => {
    const ran = await runBin(["scaffold", "--platform", "ecs", "--region", "mars-1"]);
    expect(ran.code).toBe(2);
    const regions = (QUESTIONS.find((q) => q.key === "region") as { choices: readonly string[] }).choices.join(", ");
    expect(ran.stderr).toContain(`--region must be one of ${regions} (got "mars-1")`);
  });
});

describe("23. several unknown fields, one to a line", () => {
  it.each([
    ["prices check", (file: string) => ["prices", "check", file], { extends: "built-in" }],
    ["--prices", (file: string) => [...F, "--prices", file], { extends: "built-in" }],
    ["rules check", (file: string) => ["rules", "check", file], { extends: "built-in" }],
  ] as const)("%s: each unknown field is a line of its own, never joined by an escaped newline", async (_name, args, base) => {
    const file = join(tmp(), "data.json");
    const unknown = Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`field${i}`, 1]));
    writeFileSync(file, JSON.stringify({ ...base, ...unknown }));
    const ran = await runBin([...args(file)]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).not.toContain("\\u000a");
    const lines = ran.stderr.trimEnd().split("\n");
    for (const i of [0, 1, 2]) expect(lines[i]).toMatch(new RegExp(`^ecs-or-eks: ${file}: (field "field${i}": )?"field${i}" is not a known field\\.$`));
    for (const line of lines) expect(line.length).toBeLessThan(300);
  });
});

describe("24. messages that say what was given", () => {
  it("a prices file's messages speak of a prices file, and stdin's of what was read", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "big.json"), " ".repeat(1_100_000));
    writeFileSync(join(dir, "utf16.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("{}", "utf16le")]));
    const cases: [string[], string][] = [
      [["--prices", "big.json"], "big.json is larger than 1 MiB, the most a prices file may be."],
      [["--prices", "utf16.json"], "utf16.json is UTF-16 text (it starts with a UTF-16 byte-order mark); a prices file must be UTF-8."],
      [["--prices", "missing.json"], "fix: check the path, or pass - to read the prices from stdin."],
      [["--prices", "-"], "no prices on stdin: it was empty."],
      [["--rules", "-"], "no rules on stdin: it was empty."],
      [["--answers", "big.json"], "big.json is larger than 1 MiB, the most an answers file may be."],
    ];
    for (const [args, message] of cases) {
      const ran = await runBin([...F, ...args], { cwd: dir });
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(message);
      expect(ran.stderr).not.toContain("answers and rules files");
    }
    const check = await runBin(["prices", "check", "utf16.json"], { cwd: dir });
    expect(check.stderr).toContain("a prices file must be UTF-8");
  });

  it("a 1 MB version is cut on the terminal, kept whole in JSON", async () => {
    const file = join(tmp(), "prices.json");
    writeFileSync(file, JSON.stringify({ extends: "built-in", version: "v".repeat(1_000_000) }));
    const ran = await runBin(["prices", "--prices", file]);
    expect(ran.code).toBe(0);
    // The same table as for a one-letter version, and at most a few lines of it.
    writeFileSync(file, JSON.stringify({ extends: "built-in", version: "v" }));
    const short = await runBin(["prices", "--prices", file]);
    expect(ran.stdout.length - short.stdout.length).toBeLessThan(2_000);
    writeFileSync(file, JSON.stringify({ extends: "built-in", version: "v".repeat(1_000_000) }));
    // The version is cut where it is shown (the title), so no line carries the megabyte.
    expect(Math.max(...ran.stdout.split("\n").map((line) => line.length))).toBeLessThan(1_000);
    expect(ran.stdout).toContain("v…");
    const json = await runBin(["prices", "--prices", file, "--json"]);
    expect((JSON.parse(json.stdout) as { version: string }).version).toHaveLength(1_000_000);
  });

  it("a byte-order mark at the start of a later --batch line is skipped, as at the start", async () => {
    const ran = await runBin(["--batch"], { input: `\uFEFF${ANSWERS}\n\uFEFF${ANSWERS}\r\n\uFEFF\n` });
    expect(ran.code).toBe(0);
    expect(ran.stdout.trim().split("\n").map((line) => (JSON.parse(line) as { recommendation: string }).recommendation)).toEqual(["ecs", "ecs"]);
  });

  it.each([
    ["-1", "--port must be a whole number from 1 to 65535 (got -1)."],
    ["1.5", "--port must be a whole number from 1 to 65535 (got 1.5)."],
    ["abc", '--port must be a whole number (got "abc").'],
  ])("scaffold --port %s: the range when it is a number, else that it must be one", async (port, message) => {
    const ran = await runBin(["scaffold", "--platform", "ecs", "--image", "my-app:1.0", "--port", port]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`ecs-or-eks: ${message}\n`);
  });
});
