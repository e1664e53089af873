// Issue 18: special targets, signals mid-batch, control bytes, prototype names,
// deep input, quadratic paths. Each case as a user meets it, against paths
// the test makes itself (never the real /dev/stdout).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "../helpers/run-bin.js";

const ANSWERS = '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"tight","microservices":3}';
const F = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];
const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-edges2-"));
const NO_BUG = /\n\s+at |This is a bug|unexpected error|Maximum call stack/;

/** The built-in rules as a rules file, changed by `edit`, written into a new folder. */
async function rulesFile(edit: (rules: Record<string, any>) => void): Promise<string> {
  const rules = JSON.parse((await runBin(["rules", "--json"])).stdout) as Record<string, any>;
  edit(rules);
  const path = join(tmp(), "rules.json");
  writeFileSync(path, JSON.stringify(rules, null, 2));
  return path;
}

function mkfifo(path: string): void {
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
}

/** No byte below 0x20 but newline and tab: nothing a terminal would act on. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/;

describe("1. --force never replaces a device, a pipe or a link", () => {
  it("refuses a link to a pipe (as /dev/stdout is) with exit 2 and keeps the link", async () => {
    const dir = tmp();
    const link = join(dir, "stdout");
    // A link to this run's own stdout, a pipe the test owns: what /dev/stdout is to a process.
    symlinkSync("/dev/fd/1", link);
    for (const args of [["init", ...F, "--out", link, "--force"], [...F, "--save", link, "--force"]]) {
      const ran = await runBin(args, { input: ANSWERS });
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(/is not a regular file \(a device, pipe or socket\)/);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe("/dev/fd/1");
    }
  });

  it("refuses /dev/fd/N of a pipe, and a FIFO, naming what it is rather than 'its folder does not exist'", async () => {
    const dir = tmp();
    const fifo = join(dir, "fifo");
    mkfifo(fifo);
    for (const out of ["/dev/fd/1", fifo]) {
      const ran = await runBin(["init", ...F, "--out", out, "--force"]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(/is not a regular file/);
      expect(ran.stderr).not.toMatch(/folder does not exist/);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("writes through a link to a file: the target gets the answers, the link stays a link", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "answers.json"), "old\n");
    symlinkSync(join(dir, "real", "answers.json"), join(dir, "link.json"));
    const ran = await runBin(["init", ...F, "--out", "link.json", "--force"], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "real", "answers.json"), "utf8")).budget).toBe("tight");
    // No temporary file is left beside the target.
    expect(readdirSync(join(dir, "real"))).toEqual(["answers.json"]);
  });
});

describe("2. a signal during --batch into a pipe leaves whole lines", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGINT", 130],
  ] as const)("%s: every line of the output is whole JSON, exit %i", async (signal, code) => {
    const dir = tmp();
    const input = join(dir, "big.ndjson");
    writeFileSync(input, `${ANSWERS}\n`.repeat(200_000));
    const child = spawn(process.execPath, [BIN, "--batch", "--answers", input], { stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" } });
    let out = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    // Listened for from the start: a batch that stops at once may end before the reader resumes.
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    // A slow reader: the first chunk, then a pause with the pipe full while the signal lands (paused in
    // the listener itself, so no chunk read in the same go is emitted to nobody).
    let first = true;
    await new Promise<void>((resolve) =>
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
        if (first) {
          first = false;
          child.stdout.pause();
          resolve();
        }
      }),
    );
    child.kill(signal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.stdout.resume();
    const exit = await closed;
    expect(exit).toBe(code);
    expect(out.endsWith("\n")).toBe(true);
    const lines = out.slice(0, -1).split("\n");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.length).toBeLessThan(200_000);
    expect(stderr).toMatch(new RegExp(`\\necs-or-eks: Stopped by ${signal} after line [1-9]\\d*;`));
  });
});

describe("3. parallel scaffolds into one folder leave one run's set", () => {
  it("task-definition.json and service.json always come from the same run", async () => {
    const dir = tmp();
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, i) => runBin(["scaffold", "--platform", "ecs", "--port", String(3000 + i), "--image", "my-app:1.0", "--out", "D", "--force"], { cwd: dir })),
    );
    for (const ran of runs) {
      expect(ran.stderr).not.toMatch(NO_BUG);
      // Each run either wrote its set or was refused in one clear line while another held the lock.
      if (ran.code !== 0) expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 74, stderr: expect.stringMatching(/another ecs-or-eks run is writing into/) });
    }
    expect(runs.some((ran) => ran.code === 0)).toBe(true);
    const port = (file: string) => /"containerPort": (\d+)/.exec(readFileSync(join(dir, "D", file), "utf8"))![1];
    expect(port("service.json")).toBe(port("task-definition.json"));
    expect(readdirSync(join(dir, "D")).sort()).toEqual(["service.json", "task-definition.json"]);
  });
});

describe("4. control bytes never reach the terminal or the log raw", () => {
  it("escapes an unknown key's ESC, BEL, newline and RTL override on stderr, and the batch's text rows", async () => {
    const hostile = '{"\\u001b]0;owned\\u0007\\nfake: ok":1,"\\u202eevil":2}';
    const ran = await runBin(["--no-input"], { input: hostile });
    expect(ran.code).toBe(2);
    expect(ran.stderr).not.toMatch(CONTROL);
    expect(ran.stderr).toContain("\\u001b]0;owned\\u0007\\nfake: ok");
    expect(ran.stderr.split("\n").filter((line) => line.startsWith("fake"))).toEqual([]);
    const batch = await runBin(["--batch", "--format", "text"], { input: `${hostile}\n{"id":"\\u001b[2J","budget":1}\n` });
    expect(batch.stdout + batch.stderr).not.toMatch(CONTROL);
    expect(batch.stdout).toContain("\\u001b[2J");
  });

  it("keeps a newline in a rule's text out of --summary's Markdown (no forged heading) and out of the text output; JSON keeps it exact", async () => {
    const rules = await rulesFile((r) => {
      r.rules[1].text.en = "line one\n## Forged heading | cell `code`\u001b[31m";
      r.rules[1].when = { answer: "budget", in: ["tight"] };
      r.rules[1].claims = { budget: "low" };
    });
    const summary = join(tmp(), "summary.md");
    // --details: the text output shows each rule's sentence only in the full report.
    const ran = await runBin([...F, "--rules", rules, "--summary", "--details"], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(ran.code).toBe(0);
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).not.toMatch(/^## Forged heading/m);
    expect(markdown).toContain("line one ## Forged heading \\| cell \\`code\\`\\\\u001b\\[31m");
    expect(ran.stdout).not.toMatch(CONTROL);
    expect(ran.stdout).toContain("\\u000a## Forged heading");
    const json = await runBin([...F, "--rules", rules, "--json"]);
    expect(JSON.parse(json.stdout).reasons.map((r: { text: string }) => r.text)).toContain("line one\n## Forged heading | cell `code`\u001b[31m");
  });
});

describe("5. scaffold never writes through a linked folder under --out", () => {
  it("refuses o/sample-app/templates as a link to another folder, and writes nothing there", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "elsewhere"));
    mkdirSync(join(dir, "o", "sample-app"), { recursive: true });
    symlinkSync(join(dir, "elsewhere"), join(dir, "o", "sample-app", "templates"));
    const ran = await runBin(["scaffold", "--platform", "eks", "--helm", "--out", "o"], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/o\/sample-app\/templates is a symbolic link; scaffold does not write through links inside --out/);
    expect(readdirSync(join(dir, "elsewhere"))).toEqual([]);
    expect(existsSync(join(dir, "o", "sample-app", "Chart.yaml"))).toBe(false);
  });

  it("follows --out itself when it is a link: the user named it", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "real"));
    symlinkSync(join(dir, "real"), join(dir, "out"));
    const ran = await runBin(["scaffold", "--platform", "ecs", "--out", "out"], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(readdirSync(join(dir, "real")).sort()).toEqual(["service.json", "task-definition.json"]);
  });
});

describe("6. a source.ref named like an Object.prototype member", () => {
  it.each(["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"])("%s: rules check and a run refuse it with exit 2, never 70", async (ref) => {
    const rules = await rulesFile((r) => (r.rules[0].source = { ref }));
    const check = await runBin(["rules", "check", rules]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/source\.ref/);
    expect(check.stderr).not.toMatch(NO_BUG);
    const run = await runBin([...F, "--rules", rules]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(NO_BUG);
  });
});

describe("7 and 8. deep, unterminated JSON is exit 2, and a deep batch line is one error line", () => {
  it.each([
    ["--answers FILE", (file: string) => ["--answers", file]],
    ["--rules FILE", (file: string) => ["--rules", file, ...F]],
    ["rules check FILE", (file: string) => ["rules", "check", file]],
    ["stdin", () => ["--no-input"]],
  ] as const)("%s with 8,000 unterminated levels", async (_name, args) => {
    const deep = `${"[".repeat(8000)}\n`;
    const file = join(tmp(), "d.json");
    writeFileSync(file, deep);
    const ran = await runBin([...args(file)], { input: deep });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/invalid JSON: found the end of the input/);
    expect(ran.stderr).not.toMatch(NO_BUG);
  });

  it.each(["stdin", "--answers FILE"])("a 30,000-deep line from %s is an error line, and the other lines get their results", async (from) => {
    const input = `${"[".repeat(30_000)}\n${ANSWERS}\n${"[".repeat(30_000)}${"]".repeat(30_000)}\n${ANSWERS}\n`;
    const file = join(tmp(), "batch.ndjson");
    writeFileSync(file, input);
    const ran = await runBin(from === "stdin" ? ["--batch"] : ["--batch", "--answers", file], { input });
    expect(ran.code).toBe(2);
    const records = ran.stdout.trim().split("\n").map((line) => JSON.parse(line) as { line: number; error?: string; recommendation?: string });
    expect(records.map((r) => [r.line, r.error === undefined ? r.recommendation : "error"])).toEqual([
      [1, "error"],
      [2, "ecs"],
      [3, "error"],
      [4, "ecs"],
    ]);
    expect(ran.stderr).toMatch(/2 of 4 lines were bad/);
  });
});

describe("9. --summary to a FIFO never blocks", () => {
  it("gives up on a FIFO with no reader after a bounded wait, with exit 74 and the reason", async () => {
    const fifo = join(tmp(), "summary");
    mkfifo(fifo);
    const ran = await runBin([...F, "--summary"], { env: { GITHUB_STEP_SUMMARY: fifo } });
    expect(JSON.stringify(ran.stdout)).toContain("Amazon ECS");
    expect(ran.code).toBe(74);
    expect(ran.stderr).toMatch(/nothing is reading the pipe/);
  });
});

describe("11. wrapping is linear, and what is shown of one string is capped", () => {
  it.each([
    ["a 450,000-character word", "x".repeat(450_000)],
    ["150,000 Hangul characters", "한".repeat(150_000)],
    ["100,000 emoji", "😀".repeat(100_000)],
  ])("a rule's text of %s: the text result is drawn, cut with an ellipsis", async (_name, text) => {
    const rules = await rulesFile((r) => {
      r.rules[1].text = { en: text };
      r.rules[1].when = { answer: "budget", in: ["tight"] };
      r.rules[1].claims = { budget: "low" };
    });
    const ran = await runBin([...F, "--rules", rules, "--details"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("…");
    expect(ran.stdout.length).toBeLessThan(20_000);
  });

  it("a 200,000-character id in `rules` is cut too", async () => {
    const rules = await rulesFile((r) => (r.rules[1].id = "a".repeat(200_000)));
    const ran = await runBin(["rules", "--rules", rules]);
    expect(ran.code).toBe(0);
    expect(ran.stdout.length).toBeLessThan(60_000);
  });
});

describe("12. error output is bounded", () => {
  it("60,000 unknown keys: one problem naming 20, then 'and 59980 more', the known answers once", async () => {
    const keys = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1]));
    const ran = await runBin(["--no-input"], { input: JSON.stringify(keys) });
    expect(ran.code).toBe(2);
    const lines = ran.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(ran.stderr).toContain('"k19" and 59980 more are not known answers.');
    expect(ran.stderr.split("Known answers:")).toHaveLength(2);
    expect(ran.stderr.length).toBeLessThan(2000);
  });

  it("a 1 MB key is cut like a value", async () => {
    const ran = await runBin(["--no-input"], { input: JSON.stringify({ [`x${"y".repeat(1_000_000)}`]: 1 }) });
    expect(ran.code).toBe(2);
    expect(ran.stderr.length).toBeLessThan(2000);
  });
});

describe("13 and 17. file names and reasons", () => {
  it("writes a legal 250-byte file name (the temporary name stays short)", async () => {
    const dir = tmp();
    const name = `${"a".repeat(245)}.json`;
    const ran = await runBin(["init", ...F, "--out", name], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it("refuses `init --out newdir/` instead of writing a file named newdir", async () => {
    const dir = tmp();
    const ran = await runBin(["init", ...F, "--out", "newdir/"], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/newdir\/ ends in a slash, so it names a folder/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("words a link loop (ELOOP) instead of Node's text", async () => {
    const dir = tmp();
    symlinkSync(join(dir, "loop"), join(dir, "loop"));
    const ran = await runBin(["--answers", join(dir, "loop")]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/too many symbolic links/);
    expect(ran.stderr).not.toMatch(/ELOOP/);
  });

  it("refuses --rules - with --answers - before reading stdin", async () => {
    const ran = await runBin(["--rules", "-", "--answers", "-"], { input: ANSWERS });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--rules - and --answers - both read stdin/);
  });
});

describe("14. the list limit is named", () => {
  it("33 or more items: 'at most 32 items'", async () => {
    const ran = await runBin(["--no-input"], { input: JSON.stringify({ ...JSON.parse(ANSWERS), ecosystem: Array(30).fill(["helm", "gitops"]).flat() }) });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/"ecosystem" may list at most 32 items \(got 60\)/);
  });
});

describe("18. encodings and duplicate keys", () => {
  it.each([
    ["UTF-16 LE", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ANSWERS, "utf16le")]), /is UTF-16 text/],
    ["UTF-16 BE", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ANSWERS, "utf16le").swap16()]), /is UTF-16 text/],
    ["UTF-32 LE", Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0]), /is UTF-32 text/],
    ["Latin-1", Buffer.from('{"budget":"caf\xe9"}', "latin1"), /is not UTF-8: the byte at offset 14/],
  ])("%s: refused, naming the encoding or the byte", async (_name, bytes, message) => {
    const file = join(tmp(), "answers.json");
    writeFileSync(file, bytes);
    for (const args of [["--answers", file], ["--rules", file, ...F], ["--batch", "--answers", file]]) {
      const ran = await runBin(args);
      expect(ran.code).toBe(2);
      expect(ran.stdout + ran.stderr).toMatch(args[0] === "--batch" && _name === "Latin-1" ? /is not UTF-8: the byte at offset 14/ : message);
    }
  });

  it("a key given twice in answers, a rules file or a batch line is refused, naming the key", async () => {
    const answers = await runBin(["--no-input"], { input: '{"budget":"tight",\n "budget":"flexible"}' });
    expect(answers.code).toBe(2);
    expect(answers.stderr).toMatch(/stdin:2:2: the key "budget" is given twice in the same object/);
    const rules = join(tmp(), "rules.json");
    writeFileSync(rules, '{"extends":"built-in","weights":{"ecs-runs-ecs-today":2,"ecs-runs-ecs-today":3}}');
    const check = await runBin(["rules", "check", rules]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/the key "ecs-runs-ecs-today" is given twice/);
    const batch = await runBin(["--batch"], { input: `${ANSWERS.slice(0, -1)},"budget":"flexible"}\n${ANSWERS}\n` });
    expect(batch.code).toBe(2);
    expect(batch.stdout.split("\n")[0]).toMatch(/the key \\"budget\\" is given twice/);
    expect(JSON.parse(batch.stdout.split("\n")[1]!).recommendation).toBe("ecs");
    // In Korean, where it is found is said in Korean too.
    const ko = await runBin(["--batch", "--lang", "ko"], { input: `${ANSWERS.slice(0, -1)},"budget":"flexible"}\n` });
    expect(JSON.parse(ko.stdout.split("\n")[0]!).error).toMatch(/^1번 줄 \d+번째 글자: /);
  });
});

describe("16. limits that leave no way to run", () => {
  const noEcsForGpu = { id: "no-ec2-for-gpu", excludes: ["ec2", "managed-instances"], when: { answer: "requirements", includes: "gpu" }, text: { en: "No EC2 here." }, source: { ref: "guide.comparison" } };

  it("rules check refuses a file where some answers leave a platform no launch type, naming the answers and the limits", async () => {
    const rules = await rulesFile((r) => r.launchTypeLimits.push(noEcsForGpu));
    const check = await runBin(["rules", "check", rules]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/for some answers, such as \{"requirements": \["gpu"\]\}, the launch-type limits leave ECS no way to run \(limits no-gpu-on-fargate, no-ec2-for-gpu\)/);
  });

  it("a run that still meets it (a space too large to search) says so plainly, and never calls the fallback required", async () => {
    // Five answers read at once: more combinations than the check walks, so the file passes it.
    const everything = {
      ...noEcsForGpu,
      id: "no-ecs-at-all",
      excludes: ["fargate", "ec2", "managed-instances"],
      when: {
        all: [
          { answer: "requirements", includes: "gpu" },
          { answer: "ecosystem", includes: "helm" },
          { answer: "workload", in: ["batch"] },
          { answer: "microservices", atLeast: 5 },
          { answer: "engineers", atLeast: 3 },
        ],
      },
    };
    const rules = await rulesFile((r) => r.launchTypeLimits.push(everything));
    expect((await runBin(["rules", "check", rules])).code).toBe(0);
    const answers = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "6", "--engineers", "4", "--requirements", "gpu", "--ecosystem", "helm", "--workload", "batch"];
    const text = await runBin([...answers, "--rules", rules, "--details"]);
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, " ")).toMatch(/The limits above rule out every way to run on ECS; EC2 is shown only as a fallback/);
    const json = JSON.parse((await runBin([...answers, "--rules", rules, "--json"])).stdout) as { recommendation: string; launchTypeRequired: boolean };
    expect(json).toMatchObject({ recommendation: "ecs", launchTypeRequired: false });
  });
});

describe("a close call names its strongest deciding rules, then how many more", () => {
  it("lists at most three labels and '… N more'", async () => {
    // Forty equal rules on each side: a tie that every one of them decides.
    const rules = await rulesFile((r) => {
      const rule = (platform: string, i: number) => ({ id: `${platform}-${i}`, platform, weight: 1, when: { answer: "budget", in: ["tight"] }, text: { en: `${platform} reason ${i}` }, label: { en: `${platform} label ${i}` }, source: "g" });
      r.rules = [...Array.from({ length: 40 }, (_, i) => rule("ecs", i)), ...Array.from({ length: 40 }, (_, i) => rule("eks", i))];
    });
    const ran = await runBin([...F, "--rules", rules]);
    expect(ran.code).toBe(0);
    const verdict = ran.stdout.replace(/\s+/g, " ");
    expect(verdict).toMatch(/What decides it: [^.]*and \d+ more\./);
    expect(verdict.match(/label \d+/g)!.length).toBeLessThan(20);
  });
});

describe("one number rule for files and flags, and the input quoted as given", () => {
  it("3.0 is 3 in a flag as in a file; -0 and 3.5 are refused, quoted as typed", async () => {
    const answers = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight"];
    const flag = await runBin([...answers, "--microservices", "3.0", "--json"]);
    const file = await runBin(["--json"], { input: ANSWERS.replace('"microservices":3', '"microservices":3.0') });
    expect([flag.code, file.code]).toEqual([0, 0]);
    expect(JSON.parse(flag.stdout).answers.microservices).toBe(JSON.parse(file.stdout).answers.microservices);
    for (const [value, got] of [["-0", '"-0"'], ["3.5", '"3.5"']]) {
      const ran = await runBin([...answers, "--microservices", value!]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(`--microservices must be a whole number from 1 to 10000 (got ${got}).`);
    }
    const fromFile = await runBin(["--no-input"], { input: ANSWERS.replace('"microservices":3', '"microservices":-0') });
    expect(fromFile.stderr).toContain('"microservices" must be a whole number from 1 to 10000 (got -0).');
  });
});

describe("15. the library and an unknown language", () => {
  it.each(["fr", "constructor", "__proto__"])("recommend(valid, { lang: %j }) throws the library's InputError naming en and ko", async (lang) => {
    const { recommend, InputError } = await import("../../src/index.js");
    let thrown: unknown;
    try {
      recommend(JSON.parse(ANSWERS), { lang: lang as "en" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toBe(`lang must be one of en, ko (got "${lang}").`);
  });
});

describe("a long paste into a prompt", () => {
  it("keeps only the first characters of a count, marked as cut and said why, so 2,000 typed digits stay a short line", async () => {
    const { inTerminal, KEYS } = await import("../helpers/pty.js");
    const term = inTerminal(["--no-color"]);
    await term.when("(1/22)", KEYS.enter);
    await term.when("(2/22)", KEYS.enter);
    await term.when("(3/22)", KEYS.enter);
    await term.when("(4/22)", "7".repeat(2_000));
    // No count is longer than 32 characters: the rest is dropped, the line ends in "…", and the line under it says so.
    await term.when(`${"7".repeat(32)}…`, "");
    await term.when("Too long for a number (32 characters at most).", KEYS.ctrlC);
    expect(await term.exited).toBe(130);
    // Each key redraws the line; drawn whole, 2,000 digits would be 2,000 lines of up to 2,000 characters (4 MB).
    expect(term.raw().length).toBeLessThan(1_000_000);
    expect((await term.screen()).join("\n")).not.toMatch(/7{33}/);
  });
});
