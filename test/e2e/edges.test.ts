import { spawnSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runBin } from "../helpers/run-bin.js";
import { fixturePath } from "../helpers/fixtures.js";

const ANSWERS = '{"kubernetesExperience":"none","cloudStrategy":"aws-only","budget":"tight","microservices":3}';
const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-edges-"));
const NO_STACK = /\n\s+at |Error:|node:internal/;

/** The CLI through a shell, for redirections a spawn cannot express (a full disk, a file-size limit). */
function shell(script: string, cwd = tmp()) {
  const ran = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8", BIN, NODE: process.execPath } });
  return { code: ran.status, stdout: ran.stdout, stderr: ran.stderr, cwd };
}

function mkfifo(path: string): void {
  expect(spawnSync("mkfifo", [path]).status).toBe(0);
}

describe("input that is not a regular file: read up to the cap, never hang, never grow", () => {
  it.each([
    ["--answers /dev/zero", ["--answers", "/dev/zero"], /^ecs-or-eks: \/dev\/zero is larger than 1 MiB/],
    ["--answers /dev/urandom", ["--answers", "/dev/urandom"], /^ecs-or-eks: \/dev\/urandom is larger than 1 MiB/],
    ["--answers /dev/null", ["--answers", "/dev/null"], /^ecs-or-eks: \/dev\/null is empty/],
    ["rules check /dev/zero", ["rules", "check", "/dev/zero"], /^ecs-or-eks: \/dev\/zero is larger than 1 MiB/],
    ["--rules /dev/urandom", ["--rules", "/dev/urandom", "--answers", "-"], /^ecs-or-eks: \/dev\/urandom is larger than 1 MiB/],
    ["--batch --answers /dev/zero", ["--batch", "--answers", "/dev/zero"], /line 1 has gone on past 1 MiB without ending; this is not NDJSON/],
    ["--answers a folder", ["--answers", "/tmp"], /^ecs-or-eks: cannot read \/tmp: it is a folder/],
    ["--batch --answers a folder", ["--batch", "--answers", "/tmp"], /^ecs-or-eks: cannot read \/tmp: it is a folder/],
    ["--answers ''", ["--answers", ""], /^ecs-or-eks: --answers needs a file name; an empty value names nothing\./],
    ["--rules ''", ["--rules", "", "--answers", "-"], /^ecs-or-eks: --rules needs a file name/],
  ])("%s: exit 2, one clear message", async (_name, args, message) => {
    const ran = await runBin(args, { input: ANSWERS });
    expect({ code: ran.code, stdout: ran.stdout }).toEqual({ code: 2, stdout: expect.any(String) });
    if (!args.includes("--batch")) expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(message);
    expect(ran.stderr).not.toMatch(NO_STACK);
  });

  it("reads a FIFO that has a writer, as a shell's <(command) gives, and a FIFO with no writer reads as empty instead of hanging", async () => {
    const dir = tmp();
    const fed = join(dir, "fed");
    mkfifo(fed);
    const writer = spawn("sh", ["-c", `printf '%s' '${ANSWERS}' > ${fed}`]);
    const ran = await runBin(["--answers", fed, "--json"]);
    writer.kill();
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).recommendation).toBe("ecs");
    const lonely = join(dir, "lonely");
    mkfifo(lonely);
    // Each waits out the 2 s grace for a writer, then reads the FIFO as empty; one that hung would end only at the
    // test's timeout, and fail. No bound on the time: on a loaded machine three starts alone can take 6 s.
    const runs = await Promise.all([["--answers", lonely], ["rules", "check", lonely], ["--batch", "--answers", lonely]].map((args) => runBin(args)));
    for (const empty of runs) {
      expect(empty.code).toBe(2);
      expect(empty.stderr).toMatch(/is empty|no answers to evaluate/);
    }
  });

  it("refuses an unreadable batch file with exit 2, not as a bug", async () => {
    const ran = await runBin(["--batch", "--answers", "/no/such/file.ndjson"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^ecs-or-eks: cannot read \/no\/such\/file\.ndjson: no such file/);
  });
});

describe("output that cannot be written: one line, exit 74", () => {
  it.each([
    ["schema", "$NODE $BIN schema"],
    ["a JSON result", `echo '${ANSWERS}' | $NODE $BIN --json`],
    ["the text result", `echo '${ANSWERS}' | $NODE $BIN`],
    ["--version", "$NODE $BIN --version"],
    ["--help", "$NODE $BIN --help"],
    ["compare", "$NODE $BIN compare"],
    ["rules", "$NODE $BIN rules"],
    ["scaffold", "$NODE $BIN scaffold --platform eks"],
    ["--batch", `echo '${ANSWERS}' | $NODE $BIN --batch`],
  ])("%s > /dev/full", (_name, command) => {
    const ran = shell(`${command} > /dev/full`);
    expect(ran.code).toBe(74);
    expect(ran.stderr.trimEnd().split("\n")).toEqual(["ecs-or-eks: cannot write the output (stdout): the disk is full."]);
  });

  it("stays quiet with the run's own code when the reader goes away (EPIPE)", () => {
    expect(shell('$NODE $BIN schema | head -c 10 > /dev/null; echo "${PIPESTATUS[0]}"').stdout.trim()).toBe("0");
    const batch = shell(`yes '${ANSWERS}' | head -n 200000 | $NODE $BIN --batch | head -n 1 > /dev/null; echo "\${PIPESTATUS[2]}"`);
    expect(batch.stdout.trim()).toBe("0");
    expect(batch.stderr).toBe("");
  });

  it("exits 74 when stderr itself is full, after nothing else could be said", () => {
    expect(shell("$NODE $BIN --bugdet 2> /dev/full").code).toBe(74);
  });

  it.each([
    ["a folder", (dir: string) => dir, "it is a folder"],
    ["a file in a missing folder", (dir: string) => join(dir, "missing", "summary.md"), "its folder does not exist"],
    ["/dev/full", () => "/dev/full", "the disk is full"],
  ])("GITHUB_STEP_SUMMARY naming %s: the result, then one line and exit 74", async (_name, target, reason) => {
    const path = target(tmp());
    const ran = await runBin(["--answers", "-", "--summary"], { input: ANSWERS, env: { GITHUB_STEP_SUMMARY: path } });
    expect(ran.code).toBe(74);
    expect(ran.stdout).toMatch(/^Recommendation: /);
    expect(ran.stderr).toBe(`ecs-or-eks: cannot append to the step summary ${path} (named by GITHUB_STEP_SUMMARY): ${reason}.\n`);
  });
});

describe("files are written whole or not at all", () => {
  // A file-size limit of 0 makes every write fail as a full disk does; SIGXFSZ is ignored so the write returns an error.
  const limited = (command: string) => `trap '' XFSZ; ulimit -f 0; ${command}`;

  it.each([
    ["init --out", `$NODE $BIN init --out answers.json --no-input --kubernetes-experience none --cloud-strategy aws-only --budget tight --microservices 3`, ["answers.json"]],
    ["scaffold --out", "$NODE $BIN scaffold --platform ecs --out deploy", ["deploy/task-definition.json", "deploy/service.json"]],
    ["--save", `echo '${ANSWERS}' | $NODE $BIN --save mine.json`, ["mine.json"]],
  ])("%s on a full disk leaves no file, empty or not, and exits 74", (_name, command, files) => {
    const ran = shell(limited(command));
    expect(ran.code).toBe(74);
    expect(ran.stderr).toMatch(/^ecs-or-eks: cannot write .*: /m);
    for (const file of files) expect(existsSync(join(ran.cwd, file))).toBe(false);
    const left = spawnSync("find", [ran.cwd, "-type", "f"], { encoding: "utf8" }).stdout.trim();
    expect(left).toBe("");
  });

  it("under --force, a failed write leaves the user's file as it was", () => {
    const dir = tmp();
    writeFileSync(join(dir, "answers.json"), "mine\n");
    const ran = shell(limited("$NODE $BIN init --out answers.json --force --no-input --kubernetes-experience none --cloud-strategy aws-only --budget tight --microservices 3"), dir);
    expect(ran.code).toBe(74);
    expect(readFileSync(join(dir, "answers.json"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir)).toEqual(["answers.json"]);
  });

  it("scaffold --force with a folder where a file should go writes nothing at all", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "service.json"));
    const ran = await runBin(["scaffold", "--platform", "ecs", "--out", dir, "--force"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`${join(dir, "service.json")} is a folder; name a file to write.`);
    expect(readdirSync(dir)).toEqual(["service.json"]);
  });

  it.each([
    ["a parent that is a file", (dir: string) => (writeFileSync(join(dir, "taken"), "x"), ["init", "--out", join(dir, "taken", "answers.json")]), /cannot create .*taken\/answers\.json: .*taken is a file, not a folder\./],
    ["--out naming a file, for scaffold", (dir: string) => (writeFileSync(join(dir, "file"), "x"), ["scaffold", "--platform", "ecs", "--out", join(dir, "file")]), /--out must be a folder, but .*file is a file/],
    ["--out ''", () => ["scaffold", "--platform", "ecs", "--out", ""], /^ecs-or-eks: --out needs a path/],
    ["init --out ''", () => ["init", "--out", ""], /^ecs-or-eks: --out needs a path/],
    ["--save ''", () => ["--save", "", "--answers", "-"], /^ecs-or-eks: --save needs a path/],
  ])("names the real cause: %s", async (_name, setup, message) => {
    const args = setup(tmp());
    const ran = await runBin([...args, "--no-input", "--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"], { input: ANSWERS });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(message);
    expect(ran.stderr).not.toMatch(/pass --force|NO_STACK/);
  });

  it("treats a dangling symlink at the target as the user's file: refused without --force, replaced with it", async () => {
    const dir = tmp();
    symlinkSync(join(dir, "nowhere.json"), join(dir, "answers.json"));
    const flags = ["--no-input", "--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--microservices", "3"];
    const refused = await runBin(["init", ...flags], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`answers.json is a symbolic link to ${join(dir, "nowhere.json")}, which does not exist yet.`);
    const forced = await runBin(["init", "--force", ...flags], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "answers.json"), "utf8")).budget).toBe("tight");
  });

  it("permission problems are a write failure with the reason, not a bug", async () => {
    const dir = tmp();
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const ran = shell(`$NODE $BIN init --out ${join(locked, "answers.json")} --no-input --kubernetes-experience none --cloud-strategy aws-only --budget tight --microservices 3 || echo "code $?"`, dir);
    // As root the folder is writable after all; either way it is never exit 70.
    expect(ran.stdout + ran.stderr).not.toMatch(/code 70|bug/);
    if (process.getuid?.() !== 0) expect(ran.stderr).toMatch(/cannot write .*: permission denied\./);
  });
});

describe("deep and huge values", () => {
  const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

  it("refuses answers nested past the limit with exit 2, without overflowing the stack", async () => {
    const ran = await runBin(["--answers", "-"], { input: `{"budget": ${deep(5000)}}` });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe("ecs-or-eks: stdin: the answers nest deeper than 64 levels; an answers file is an object of values and lists.\n");
  });

  it("in --batch, a deep line is an error line and the rest still run", async () => {
    const ran = await runBin(["--batch"], { input: `${ANSWERS}\n{"budget": ${deep(5000)}}\n${ANSWERS}\n` });
    const records = ran.stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(records.map((r) => r.recommendation ?? "error")).toEqual(["ecs", "error", "ecs"]);
    expect(records[1].error).toContain("deeper than 64 levels");
    expect(ran.code).toBe(2);
  });

  it("refuses rule conditions nested thousands of levels deep", async () => {
    // Written as text: 3,000 levels of { "all": [ ... ] } are too deep for JSON.stringify itself.
    const condition = `${'{"all": ['.repeat(3000)}{"answer": "budget", "in": ["tight"]}${"]}".repeat(3000)}`;
    const dir = tmp();
    const path = join(dir, "deep.json");
    writeFileSync(path, `{"version": "1", "rules": [{"id": "deep", "platform": "ecs", "weight": 1, "when": ${condition}, "text": {"en": "x"}, "source": "x"}]}`);
    const ran = await runBin(["rules", "check", path]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`ecs-or-eks: ${path}: the file nests deeper than 64 levels; conditions in a rules file nest a few levels at most.\nfix: edit the rules file; \`ecs-or-eks rules check FILE\` lists every problem.\n`);
  });

  it("rules check lists every problem in one run: shape, meaning, duplicates and ranges together", async () => {
    const ran = await runBin(["rules", "check", fixturePath("rules/every-problem.json")]);
    expect(ran.code).toBe(2);
    const lines = ran.stderr.split("\n").filter((line) => line.startsWith("ecs-or-eks: "));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rule "first" (rules[1]), field "platform": must be one of ecs, eks (got "aks")'),
        expect.stringContaining('rule "first" (rules[1]), field "wieght": "wieght" is not a known field.'),
        expect.stringContaining('rule "first" (rules[1]), field "id": the id "first" is already used by rules[0]'),
        expect.stringContaining('rule "first" (rules[1]), field "when.answer": "bugdet" is not a known answer. Did you mean "budget"?'),
        expect.stringContaining('rule "#3" (rules[2]), field "id": must be a string (got 5).'),
        expect.stringContaining('rule "#3" (rules[2]), field "when.atLeast": "atLeast" does not apply to "budget"; use in.'),
        expect.stringContaining('rule "range" (rules[3]), field "when.atLeast": "atLeast": -5 is outside the range of "microservices" (1 to 10000)'),
        expect.stringContaining('rule "huge-range" (rules[4]), field "when.atMost": "atMost": 1e+300 is outside the range of "engineers" (1 to 100000)'),
        expect.stringContaining('rule "huge-range" (rules[4]), field "source": is required.'),
      ]),
    );
    expect(lines).toHaveLength(9);
  });
});

describe("smaller things users hit", () => {
  it("accepts a byte-order mark on the first --batch line, as an answers file does", async () => {
    const ran = await runBin(["--batch"], { input: `\uFEFF${ANSWERS}\n${ANSWERS}\n` });
    expect(ran.code).toBe(0);
    expect(ran.stdout.trimEnd().split("\n")).toHaveLength(2);
  });

  it("counts the 64 KiB line limit in bytes, not characters", async () => {
    // 30,000 Hangul syllables are 30,000 characters but 90,000 bytes.
    const ran = await runBin(["--batch"], { input: `{"pad": "${"가".repeat(30000)}"}\n` });
    expect(JSON.parse(ran.stdout)).toEqual({ line: 1, schemaVersion: 4, error: expect.stringContaining("longer than 64 KiB") });
  });

  it.each([
    [["--ecosystem", ""], '--ecosystem has an empty item (got ""); list values such as helm,gitops, or pass none for an empty list.'],
    [["--ecosystem", ",,,"], '--ecosystem has an empty item (got ",,,")'],
    [["--requirements", "gpu,"], '--requirements has an empty item (got "gpu,")'],
    [["--ecosystem", "none", "--ecosystem", "helm"], "--ecosystem none means an empty list, so it cannot be combined with other values"],
  ])("refuses list flag %j", async (args, message) => {
    const ran = await runBin(["--answers", "-", ...args], { input: ANSWERS });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(message);
  });

  it("adds up a list flag given twice", async () => {
    const ran = await runBin(["--answers", "-", "--ecosystem", "helm", "--ecosystem", "gitops", "--json"], { input: ANSWERS });
    expect(JSON.parse(ran.stdout).answers.ecosystem).toEqual(["helm", "gitops"]);
  });

  it.each(["abc", "1e20", "-5", "99999999999999"])("refuses SOURCE_DATE_EPOCH=%s for an ADR, before anything else", async (epoch) => {
    const ran = await runBin(["--answers", "-", "--format", "adr"], { input: ANSWERS, env: { SOURCE_DATE_EPOCH: epoch } });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(`ecs-or-eks: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to 253402300799 (got "${epoch}"); unset it for today's date.\n`);
  });
});
