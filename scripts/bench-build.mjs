// What each build step that rewrites esbuild's output buys, A/B: four builds
// of the package side by side (the whole build; without the served built-ins;
// without step 5, the functions a run calls compiled with their chunk;
// without steps 4 and 5, the start-up path steered into two chunks; see
// scripts/build.mjs), each run in turn in the same loop
// so that load on the machine hits them alike. A step's figure is the median
// time of a run with it over the median without it (below 1 is faster; the
// rule in scripts/build.mjs is at most 0.95 on Node 22 or 24), with the
// compile cache warm, as every run after a package's first has it.
//
//   node scripts/bench-build.mjs            # Node 22, 24 and 26, and 20
//   BENCH_RUNS=41 node scripts/bench-build.mjs 24
//   node scripts/bench-build.mjs --against=DIR   # also the whole build over a package built in DIR
//                                                # (a checkout of an earlier commit, built there)
//
// It rebuilds dist/ as `npm run build` leaves it when done. `npm run bench`
// reports the same table (stepRatios).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeOf } from "./test-tools.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const BUILDS = { whole: [], "without served built-ins": ["--skip=builtins"], "without 5": ["--skip=5"], "without 4 and 5": ["--skip=4"] };
const STEPS = [
  ["3: Node's built-ins served without their ES facades", (m) => m.whole / m["without served built-ins"]],
  ["4: the start-up path in two chunks", (m) => m["without 5"] / m["without 4 and 5"]],
  ["5: the functions a run calls compiled with their chunk", (m) => m.whole / m["without 5"]],
];

/**
 * The A/B table: for each step and case, a column per Node version (`versions`, majors), the median of `runs`
 * runs of each build in turn. `against`: a folder holding a package built elsewhere, measured too.
 */
export function stepRatios({ versions, runs, against }) {
  const work = mkdtempSync(join(tmpdir(), "ecs-or-eks-bench-build-"));
  try {
    // The packages, each in a folder of its own with its own compile cache.
    const bins = {};
    for (const [name, flags] of Object.entries(BUILDS)) {
      execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), ...flags], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
      const folder = join(work, name.replace(/ /g, "-"));
      for (const part of ["bin", "dist", "package.json"]) cpSync(join(ROOT, part), join(folder, part), { recursive: true });
      bins[name] = join(folder, "bin/ecs-or-eks.js");
    }
    if (against) {
      const folder = join(work, "against");
      for (const part of ["bin", "dist", "package.json"]) cpSync(join(resolve(against), part), join(folder, part), { recursive: true });
      bins.against = join(folder, JSON.parse(readFileSync(join(folder, "package.json"), "utf8")).bin["ecs-or-eks"]);
    }
    const clearCut = join(work, "clear-cut.json");
    writeFileSync(clearCut, JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 }));
    const cases = {
      "JSON run, a close call": ["--answers", join(ROOT, "test/fixtures/answers/close-call.json"), "--format", "json"],
      "JSON run, a clear-cut team": ["--answers", clearCut, "--format", "json"],
    };
    const steps = [...STEPS, ...(against ? [[`the whole build, over the package in ${against}`, (m) => m.whole / m.against]] : [])];
    const medians = {};
    for (const major of versions) {
      const node = nodeOf(major);
      console.error(`build steps A/B on Node ${execFileSync(node, ["--version"], { encoding: "utf8" }).trim()}...`);
      medians[major] = {};
      for (const [label, args] of Object.entries(cases)) {
        const once = (name) => {
          const start = process.hrtime.bigint();
          const ran = spawnSync(node, [bins[name], ...args], { stdio: ["ignore", "ignore", "ignore"] });
          if (ran.status !== 0) throw new Error(`${name}: ${args.join(" ")} exited ${ran.status}`);
          return Number(process.hrtime.bigint() - start) / 1e6;
        };
        const order = Object.keys(bins);
        // A first run of each writes its compile cache.
        for (const name of order) once(name);
        const times = Object.fromEntries(order.map((name) => [name, []]));
        // Each round in another order, so that no build always runs first.
        for (let round = 0; round < runs; round++) for (let i = 0; i < order.length; i++) times[order[(i + round) % order.length]].push(once(order[(i + round) % order.length]));
        medians[major][label] = Object.fromEntries(order.map((name) => [name, median(times[name])]));
      }
    }
    const lines = [`| build step (median time with it over without it, ${runs} runs of each build in turn) | case | ${versions.map((major) => `Node ${major}`).join(" | ")} |`, `|---|---|${versions.map(() => "---|").join("")}`];
    for (const [step, ratio] of steps) for (const label of Object.keys(cases)) lines.push(`| ${step} | ${label} | ${versions.map((major) => ratio(medians[major][label]).toFixed(2)).join(" | ")} |`);
    return { table: lines.join("\n"), medians };
  } finally {
    rmSync(work, { recursive: true, force: true });
    // dist/ as the whole build leaves it.
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const majors = process.argv.slice(2).map(Number).filter(Boolean);
  const load = () => loadavg().map((value) => value.toFixed(1)).join(", ");
  const start = load();
  const { table, medians } = stepRatios({
    versions: majors.length > 0 ? majors : [22, 24, 26, 20],
    runs: Number(process.env.BENCH_RUNS ?? 31),
    against: process.argv.find((arg) => arg.startsWith("--against="))?.slice("--against=".length),
  });
  console.log(`Load average ${start} at the start, ${load()} at the end.\n\n${table}`);
  if (process.argv.includes("--json")) console.log(JSON.stringify(medians));
}
