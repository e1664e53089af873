// npm run bench: start-up and throughput as ratios against bare Node in the
// same run (never absolute times, never in the tests), the package's size,
// and the machine it ran on. `--write` records the figures in BENCHMARKS.md.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { cpus, tmpdir, totalmem, type as osType, release } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const BIN = join(ROOT, "bin/ecs-or-eks.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 41);
const BATCH_LINES = Number(process.env.BENCH_BATCH_LINES ?? 100_000);
const work = mkdtempSync(join(tmpdir(), "ecs-or-eks-bench-"));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (ns) => Number(ns) / 1e6;

function timeOnce(args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["pipe", "ignore", "ignore"], input: options.input ?? "", cwd: ROOT });
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return ms(process.hrtime.bigint() - start);
}

/** Runs every case once per round, in turn, so load on the machine hits them all alike. */
function startupRatios() {
  const answers = join(work, "answers.json");
  writeFileSync(answers, readFileSync(join(ROOT, "test/fixtures/answers/close-call.json")));
  const cases = {
    bare: ["-e", "0"],
    json: [BIN, "--answers", answers, "--format", "json"],
    help: [BIN, "--help"],
    version: [BIN, "--version"],
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round < RUNS; round++) for (const [name, args] of Object.entries(cases)) times[name].push(timeOnce(args));
  const bare = median(times.bare);
  const spread = [...times.bare].sort((a, b) => a - b);
  const quartiles = { low: spread[Math.floor(spread.length / 4)], high: spread[Math.floor((3 * spread.length) / 4)] };
  return {
    ...Object.fromEntries(Object.entries(times).map(([name, list]) => [name, { ms: median(list), ratio: median(list) / bare }])),
    quartiles,
  };
}

/** Time until the first question is on screen, in a real pseudo-terminal (util-linux `script`). */
function untilOutput(command, marker) {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn("script", ["-qefc", command, "/dev/null"], { stdio: ["pipe", "pipe", "ignore"], env: { ...process.env, LANG: "C.UTF-8" } });
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      if (seen.includes(marker)) {
        const elapsed = ms(process.hrtime.bigint() - start);
        child.stdin.write("\u0003");
        child.kill("SIGKILL");
        done(elapsed);
      }
    });
    child.on("error", fail);
    child.stdin.on("error", () => {});
  });
}

async function promptRatio() {
  const prompt = [];
  const bare = [];
  const node = JSON.stringify(process.execPath);
  for (let round = 0; round < Math.max(10, Math.floor(RUNS / 2)); round++) {
    bare.push(await untilOutput(`${node} -e "process.stdout.write('ready')"`, "ready"));
    prompt.push(await untilOutput(`${node} ${JSON.stringify(BIN)}`, "(1/11)"));
  }
  return { ms: median(prompt), ratio: median(prompt) / median(bare) };
}

function packageSizes() {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" }));
  const tarball = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }).trim();
  const app = join(work, "app");
  execFileSync("mkdir", ["-p", app]);
  execFileSync("npm", ["init", "-y"], { cwd: app, stdio: "ignore" });
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", join(work, tarball)], { cwd: app, stdio: "ignore" });
  const du = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  const installed = du(join(app, "node_modules"));
  const dependencies = readdirSync(join(app, "node_modules")).filter((name) => !name.startsWith("."));
  return { packed: packed.size, unpacked: packed.unpackedSize, files: packed.entryCount, installed, installedPackages: dependencies };
}

/** 100,000 generated answer sets through --batch, against a loop that only parses and serialises them. */
function batchRatio() {
  const choices = {
    kubernetesExperience: ["none", "basic", "proficient", "expert"],
    cloudStrategy: ["aws-only", "aws-first", "multi-cloud", "hybrid"],
    budget: ["tight", "moderate", "flexible"],
    timeToMarket: ["urgent", "normal", "relaxed"],
    growth: ["stable", "moderate", "rapid"],
  };
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = [];
  for (let i = 0; i < BATCH_LINES; i++) {
    const answers = { id: `svc-${i}`, microservices: 1 + Math.floor(random() * 80) };
    for (const [key, list] of Object.entries(choices)) answers[key] = pick(list);
    if (random() < 0.3) answers.ecosystem = ["helm", "gitops"].filter(() => random() < 0.5);
    lines.push(JSON.stringify(answers));
  }
  const input = join(work, "answers.ndjson");
  writeFileSync(input, `${lines.join("\n")}\n`);
  const small = join(work, "small.ndjson");
  writeFileSync(small, `${lines.slice(0, BATCH_LINES / 10).join("\n")}\n`);
  const bareLoop = join(work, "bare-loop.mjs");
  writeFileSync(
    bareLoop,
    `import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
let out = "";
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (!line) continue;
  out += JSON.stringify(JSON.parse(line)) + "\\n";
  if (out.length > 65536) { process.stdout.write(out); out = ""; }
}
process.stdout.write(out);
`,
  );
  // Peak memory of the CLI itself, read from inside its own process.
  const peak = (file, flags = []) => {
    const probe = `import { writeSync } from "node:fs"; process.on("exit", () => writeSync(3, String(process.resourceUsage().maxRSS)));`;
    const args = [...flags, "--import", `data:text/javascript,${encodeURIComponent(probe)}`, BIN, "--batch", "--answers", file];
    const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "ignore", "pipe"] });
    if (result.status !== 0) throw new Error(`batch of ${file} exited ${result.status}`);
    return Number(result.output[3]) / 1024;
  };
  // Flat memory, tested: a million lines with V8's old space capped at 32 MiB must still finish.
  const million = join(work, "million.ndjson");
  writeFileSync(million, "");
  const block = `${lines.join("\n")}\n`;
  for (let i = 0; i < 10; i++) writeFileSync(million, block, { flag: "a" });
  const cli = [];
  const bare = [];
  for (let round = 0; round < 7; round++) {
    bare.push(timeOnce([bareLoop, input]));
    cli.push(timeOnce([BIN, "--batch", "--answers", input]));
  }
  return {
    cliMs: median(cli),
    bareMs: median(bare),
    ratio: median(cli) / median(bare),
    rssSmallMiB: peak(small),
    rssMiB: peak(input),
    rssCappedMiB: peak(million, ["--max-old-space-size=32"]),
    millionLines: BATCH_LINES * 10,
  };
}

function machine() {
  const cpu = cpus();
  return `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${osType()} ${release()}; Node ${process.version}`;
}

const startup = startupRatios();
const prompt = await promptRatio();
const size = packageSizes();
const batch = batchRatio();
rmSync(work, { recursive: true, force: true });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const report = [
  `Machine: ${machine()}`,
  `Bare Node (node -e 0): ${startup.bare.ms.toFixed(1)} ms median of ${RUNS} alternating runs (middle half ${startup.quartiles.low.toFixed(1)}-${startup.quartiles.high.toFixed(1)} ms); ratios below are against it.`,
  "",
  `| measure | ratio to bare Node | target |`,
  `|---|---|---|`,
  `| non-interactive JSON run (--answers FILE --format json) | ${startup.json.ratio.toFixed(2)}x | 1.25x ${startup.json.ratio <= 1.25 ? "met" : "not met"} |`,
  `| --help | ${startup.help.ratio.toFixed(2)}x | 1.15x ${startup.help.ratio <= 1.15 ? "met" : "not met"} |`,
  `| --version | ${startup.version.ratio.toFixed(2)}x | |`,
  `| time to the first prompt (pseudo-terminal) | ${prompt.ratio.toFixed(2)}x | 1.5x ${prompt.ratio <= 1.5 ? "met" : "not met"} |`,
  `| --batch, ${BATCH_LINES.toLocaleString("en")} answer sets, against a bare parse-and-serialise loop | ${batch.ratio.toFixed(2)}x | 3x ${batch.ratio <= 3 ? "met" : "not met"} |`,
  "",
  `Batch peak memory (whole process): ${batch.rssSmallMiB.toFixed(0)} MiB for ${(BATCH_LINES / 10).toLocaleString("en")} lines, ${batch.rssMiB.toFixed(0)} MiB for ${BATCH_LINES.toLocaleString("en")} lines; ${batch.millionLines.toLocaleString("en")} lines with the JavaScript heap capped at 32 MiB finish in ${batch.rssCappedMiB.toFixed(0)} MiB (V8 lets an uncapped heap grow lazily; nothing accumulates per line).`,
  `Package: ${kb(size.packed)} packed, ${kb(size.unpacked)} unpacked, ${size.files} files; installed: ${kb(size.installed)} in node_modules (${size.installedPackages.join(", ")}).`,
].join("\n");
console.log(report);

if (process.argv.includes("--write")) {
  const path = join(ROOT, "BENCHMARKS.md");
  const text = readFileSync(path, "utf8");
  const start = text.indexOf("<!-- bench:start -->");
  const end = text.indexOf("<!-- bench:end -->");
  const stamped = `${report}\n\nRecorded ${new Date().toISOString().slice(0, 10)} by \`npm run bench -- --write\`.`;
  writeFileSync(path, `${text.slice(0, start)}<!-- bench:start -->\n${stamped}\n${text.slice(end)}`);
  console.log(`\nwrote ${path}`);
}
