// The compile cache, in the folder beside the package where npx users keep
// it (src/cli/terminal/compile-cache.ts): whatever is planted there, or left torn by a power
// cut, may cost a run its cache, never its result, its time, its memory or
// another file (issue 28, items 4, 9 and 14).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { Module } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { BIN } from "../helpers/run-bin.js";

// The most a run may take before it counts as hung, and the most memory it may hold: far above a run's own
// (under a second and about 60 MiB), far below a hang or a read of /dev/zero.
const HUNG_MS = 60_000;
const MOST_MIB = 400;
// Peak memory of the run itself, written to file descriptor 3 as it exits.
const PROBE = `data:text/javascript,${encodeURIComponent('import { writeSync } from "node:fs"; process.on("exit", () => writeSync(3, String(process.resourceUsage().maxRSS)));')}`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  mib: number;
}

const copies: string[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
});

/** The package as npx installs it (bin, dist, package.json), in a folder of its own, with no cache yet. */
function installed(): string {
  const copy = mkdtempSync(join(tmpdir(), "ecs-or-eks-cache-"));
  copies.push(copy);
  for (const part of ["bin", "dist", "package.json"]) cpSync(`${ROOT}${part}`, join(copy, part), { recursive: true });
  return copy;
}

/**
 * A JSON run of the installed copy, killed if it outlives HUNG_MS. `before`, a shell command, runs first in the
 * same process, which then becomes Node (exec): its $$ is the run's process id.
 */
function run(copy: string, env: Record<string, string> = {}, before = ":"): Promise<Run> {
  const bin = join(copy, BIN.slice(ROOT.length));
  const node = [process.execPath, "--import", PROBE, bin, "--answers", fixturePath("answers/close-call.json"), "--json"].map((arg) => `'${arg}'`).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", `${before}; exec ${node}`], {
      cwd: copy,
      env: { PATH: process.env.PATH ?? "", HOME: copy, LANG: "C.UTF-8", ...env },
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const hung = setTimeout(() => child.kill("SIGKILL"), HUNG_MS);
    const out = { stdout: "", stderr: "", rss: "" };
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out.stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (out.stderr += chunk));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding("utf8").on("data", (chunk: string) => (out.rss += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(hung);
      resolve({ code, stdout: out.stdout, stderr: out.stderr, mib: Number(out.rss) / 1024 });
    });
  });
}

/** What a run prints without any cache: every run below must print exactly this. */
async function uncached(copy: string): Promise<string> {
  const ran = await run(copy, { NODE_DISABLE_COMPILE_CACHE: "1" });
  expect(ran.code).toBe(0);
  return ran.stdout;
}

/** Every file the cache holds after a run, wherever this Node keeps them under .cache/compile. */
function cacheFiles(copy: string): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])) : [];
  return walk(join(copy, ".cache/compile"));
}

/** The run ended by itself, within bounds, with the uncached result. */
function expectHarmless(ran: Run, expected: string) {
  expect(ran.code, `exit code (null: killed after ${HUNG_MS / 1000} s); stderr: ${ran.stderr.slice(0, 500)}`).toBe(0);
  expect(ran.stderr).toBe("");
  expect(ran.stdout).toBe(expected);
  expect(ran.mib).toBeLessThan(MOST_MIB);
}

describe("item 14: special files in the cache folder", () => {
  it.each([
    ["a FIFO", (file: string) => `mkfifo '${file}'`],
    ["a link to /dev/zero", (file: string) => `ln -s /dev/zero '${file}'`],
    ["a 1.9 GB file", (file: string) => (writeFileSync(file, ""), truncateSync(file, 1900 * 2 ** 20), ":")],
  ])("%s in place of a cache file neither hangs a run, nor fills its memory, nor changes its result", async (_, plant) => {
    const copy = installed();
    const expected = await uncached(copy);
    expectHarmless(await run(copy), expected);
    const files = cacheFiles(copy);
    for (const file of files) rmSync(file);
    const commands = files.map(plant).join("; ");
    expectHarmless(await run(copy, {}, commands || ":"), expected);
    expectHarmless(await run(copy), expected);
  });
});

describe("what an older build left", () => {
  // Node 20 has no compile cache to turn off.
  it.skipIf(!("enableCompileCache" in Module))("a plain file beside the version folders (an earlier cache's layout, in a clone) does not turn the cache off", async () => {
    const copy = installed();
    const expected = await uncached(copy);
    mkdirSync(join(copy, ".cache/compile"), { recursive: true });
    writeFileSync(join(copy, ".cache/compile/1.0.0-chunks-chunk-64DF77E5.cjs-32098-v20.20.2-x64"), "an older build's cache\n");
    expectHarmless(await run(copy), expected);
    // Node's own cache files are there now, in the folder for this Node, beside the old file.
    expect(cacheFiles(copy).filter((file) => !file.includes("1.0.0-chunks-")).length).toBeGreaterThan(0);
    expectHarmless(await run(copy), expected);
  });
});

describe("item 4: links planted where the cache writes", () => {
  it.each([".cache", ".cache/compile"])("%s as a link to another folder: nothing is written through it", async (linked) => {
    const copy = installed();
    const expected = await uncached(copy);
    const elsewhere = mkdtempSync(join(tmpdir(), "ecs-or-eks-elsewhere-"));
    copies.push(elsewhere);
    mkdirSync(dirname(join(copy, linked)), { recursive: true });
    symlinkSync(elsewhere, join(copy, linked));
    expectHarmless(await run(copy), expected);
    expectHarmless(await run(copy), expected);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("a link at a cache file's name, or at that name with the run's process id, leaves its target as it was", async () => {
    const copy = installed();
    const expected = await uncached(copy);
    expectHarmless(await run(copy), expected);
    const files = cacheFiles(copy);
    const victim = join(mkdtempSync(join(tmpdir(), "ecs-or-eks-victim-")), "precious");
    copies.push(join(victim, ".."));
    writeFileSync(victim, "precious\n");
    for (const file of files) rmSync(file);
    // The second name is the one a writer that adds its process id to a temporary file would open.
    const plant = files.map((file) => `ln -s '${victim}' '${file}'; ln -s '${victim}' '${file}.'$$`).join("; ");
    expectHarmless(await run(copy, {}, plant || ":"), expected);
    expectHarmless(await run(copy), expected);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
  });
});

describe("item 9: a damaged cache file", () => {
  it.each([
    ["its tail zeroed, as a torn write leaves it", (data: Buffer) => data.fill(0, Math.floor(data.length / 2))],
    ["a few bytes flipped", (data: Buffer) => {
      for (let i = 1; i <= 8; i++) {
        const at = Math.floor((data.length * i) / 10);
        data[at] = data[at]! ^ 0xff;
      }
      return data;
    }],
  ])("%s: the run and every later one give the uncached result", async (_, damage) => {
    const copy = installed();
    const expected = await uncached(copy);
    expectHarmless(await run(copy), expected);
    for (const file of cacheFiles(copy)) {
      if (statSync(file).size > 0) writeFileSync(file, damage(readFileSync(file)));
    }
    expectHarmless(await run(copy), expected);
    expectHarmless(await run(copy), expected);
  });
});
