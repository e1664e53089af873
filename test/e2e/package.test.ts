import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Module } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { inTerminal } from "../helpers/pty.js";
import { BIN, runBin, runProcess } from "../helpers/run-bin.js";

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8"));

/**
 * A preload that names on stderr each file of the bundle a run loads: a loader hook names each ES
 * module of the bundle, and the CommonJS loader is watched too, so that a file written as CommonJS
 * would still be counted.
 */
const NAME_LOADS = `
const { Module, register } = require("node:module");
const named = (path) => { if (path.includes("/dist/")) process._rawDebug("LOADED " + path.replace(/.*\\/dist\\//, "")); };
const load = Module.prototype.load;
Module.prototype.load = function (filename) { named(filename); return load.call(this, filename); };
register("./name-loads.mjs", require("node:url").pathToFileURL(__filename));
`;
const NAME_LOADS_HOOK = `export async function load(url, context, next) { if (url.endsWith(".js") && url.includes("/dist/")) process._rawDebug("LOADED " + url.replace(/.*\\/dist\\//, "")); return next(url, context); }`;

function modulesLoaded(args: string[], input = ""): string[] {
  const ran = spawnSync(process.execPath, ["--require", preload(), BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH, LANG: "C.UTF-8" },
  });
  return [...new Set(ran.stderr.split("\n").filter((line) => line.startsWith("LOADED ")).map((line) => line.slice(7)))];
}

let preloadFile: string | undefined;
/** The preload, written once per test file (--require takes a path, not a data: URL). */
function preload(): string {
  if (preloadFile) return preloadFile;
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-loads-"));
  writeFileSync(join(dir, "name-loads.mjs"), NAME_LOADS_HOOK);
  preloadFile = join(dir, "name-loads.cjs");
  writeFileSync(preloadFile, NAME_LOADS);
  return preloadFile;
}

describe("the published package", () => {
  it("declares no runtime dependencies: everything is bundled", () => {
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it("runs from the packed tarball with npx, as the README's quick start shows, with no registry", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ecs-or-eks-tarball-"));
    const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", folder], { cwd: ROOT, encoding: "utf8" });
    const { filename } = (JSON.parse(packed.stdout) as { filename: string }[])[0]!;
    const readme = readFileSync(`${ROOT}README.md`, "utf8");
    expect(readme).toContain(`$ npx ./${filename}\n`);
    const ran = await runProcess("npx", ["--yes", `./${filename}`, "--answers", fixturePath("answers/close-call.json"), "--json"], {
      cwd: folder,
      // Offline, with a cache of its own: the tarball alone must be enough.
      env: { PATH: process.env.PATH, HOME: folder, npm_config_cache: join(folder, "cache"), npm_config_offline: "true", npm_config_update_notifier: "false" },
    });
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).recommendation).toMatch(/^(ecs|eks)$/);
    rmSync(folder, { recursive: true, force: true });
  });

  it("packs only the bin, the bundle with its types and schema, the README and the licence", () => {
    const packed = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
    const outside = files.filter((path) => !/^(bin\/ecs-or-eks\.js|dist\/.+|README\.md|LICENSE|package\.json)$/.test(path));
    expect(outside).toEqual([]);
    for (const needed of ["bin/ecs-or-eks.js", "dist/cli.js", "dist/index.js", "dist/answers.schema.json", pkg.types.replace(/^\.\//, "")]) expect(files).toContain(needed);
    expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});

/**
 * The source modules a run loads: the bundle files it loads, as a loader hook
 * sees them, mapped back to their sources by the build's metafile (written
 * by scripts/build.mjs). Asserting on sources, not chunk names, means that
 * moving a renderer onto the JSON path fails the test however esbuild names
 * the chunks.
 */
/** Whether this Node keeps compiled code itself (node:module's enableCompileCache, Node 22.1 and later). */
function nodeCompileCache(): boolean {
  return typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === "function";
}

function sourcesLoaded(args: string[], input = ""): Set<string> {
  const byFile = JSON.parse(readFileSync(`${ROOT}.cache/bundle-modules.json`, "utf8")) as Record<string, string[]>;
  return new Set(modulesLoaded(args, input).flatMap((file) => byFile[file] ?? [`unknown file ${file}`]));
}

const closeCall = () => ["--answers", fixturePath("answers/close-call.json"), "--json"];

/** The MCP server's code: the SDK, and the command with its room. Only `ecs-or-eks mcp` loads it. */
function isMcpServer(source: string): boolean {
  return source.startsWith("npm:@modelcontextprotocol/") || source.startsWith("mcp-sdk-unused:") || source === "src/cli/commands/mcp.ts" || source.startsWith("src/cli/mcp/");
}

describe("start-up loads only what a run needs", () => {
  it("--version and --help load neither the parser nor the engine", () => {
    for (const args of [["--version"], ["--help"], ["--help", "--lang", "ko"]]) {
      const loaded = [...sourcesLoaded(args)];
      expect(loaded.filter((source) => source === "npm:commander" || source.startsWith("src/engine/") || source === "src/cli/program.ts" || isMcpServer(source))).toEqual([]);
    }
  });

  it("a non-interactive JSON run loads neither the prompts, the renderers, the other commands, zod nor the Korean messages", () => {
    const loaded = sourcesLoaded(closeCall());
    expect(loaded).toContain("src/cli/program.ts");
    expect(loaded).toContain("src/engine/score.ts");
    const unwanted = [...loaded].filter(
      (source) =>
        /^src\/cli\/(render\/(?!help|layout)|commands\/(?!advise))/.test(source) ||
        source === "src/cli/input/prompts.ts" ||
        source.startsWith("src/scaffold/") ||
        source === "src/i18n/ko.ts" ||
        ["npm:chalk", "npm:zod", "npm:yaml"].includes(source) ||
        source.startsWith("npm:@inquirer/") ||
        isMcpServer(source) ||
        /^src\/engine\/(answers|rules|rules-schema)\.ts$/.test(source),
    );
    expect(unwanted).toEqual([]);
    // The start-up path is a handful of files, not a chunk per combination of users (scripts/build.mjs): the entry,
    // what it shares, the program, the core the questionnaire shares and the rest. No more than the 5 of issue 14.
    expect(modulesLoaded(closeCall()).length).toBeLessThanOrEqual(5);
  });

  it("asks the first question of `ecs-or-eks` alone before it loads the engine, the rules or the prices", async () => {
    const term = inTerminal([], { shell: `stty cols 100 rows 40; exec "${process.execPath}" --require "${preload()}" "${BIN}"` });
    await term.when("(1/", "");
    const byFile = JSON.parse(readFileSync(`${ROOT}.cache/bundle-modules.json`, "utf8")) as Record<string, string[]>;
    const before = term.raw().slice(0, term.raw().indexOf("(1/"));
    const loaded = new Set([...before.matchAll(/LOADED (\S+)/g)].flatMap((match) => byFile[match[1]!] ?? [`unknown file ${match[1]}`]));
    expect(loaded).toContain("src/cli/input/prompts.ts");
    expect([...loaded].filter((source) => /^(src\/engine\/(evaluate|counterfactual|estimate|builtin)\.ts|rules\/(rules|prices)\.json|src\/cli\/commands\/advise\.ts)$/.test(source) || isMcpServer(source))).toEqual([]);
    term.child.kill();
  });

  it("loads the MCP server, and the SDK, for `ecs-or-eks mcp` alone", () => {
    const initialize = { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "test", version: "1" } } };
    const loaded = [...sourcesLoaded(["mcp"], `${JSON.stringify(initialize)}\n`)];
    expect(loaded).toContain("npm:@modelcontextprotocol/sdk");
    expect(loaded).toContain("src/cli/commands/mcp.ts");
  });

  it("loads the Korean messages for a Korean run, and answer errors with zod only when the answers are wrong", () => {
    expect(sourcesLoaded([...closeCall(), "--lang", "ko"])).toContain("src/i18n/ko.ts");
    const wrong = sourcesLoaded(["--answers", "-", "--json"], JSON.stringify({ budget: "huge" }));
    expect(wrong).toContain("npm:zod");
    expect(wrong).toContain("src/engine/answers.ts");
  });

  it("keeps its compiled code beside the package, where npx users keep it, with Node's compile cache (Node 22 and later)", async () => {
    const copy = mkdtempSync(join(tmpdir(), "ecs-or-eks-copy-"));
    for (const part of ["bin", "dist", "package.json"]) cpSync(`${ROOT}${part}`, join(copy, part), { recursive: true });
    const runs = async (env: Record<string, string> = {}) => {
      const ran = await runProcess(process.execPath, [join(copy, BIN.slice(ROOT.length)), "--answers", fixturePath("answers/close-call.json"), "--json"], {
        cwd: copy,
        env: { PATH: process.env.PATH ?? "", HOME: copy, LANG: "C.UTF-8", ...env },
      });
      expect(ran.code).toBe(0);
      return ran;
    };
    const run = async (env: Record<string, string> = {}) => (await runs(env)).stdout;
    const uncached = await run({ NODE_DISABLE_COMPILE_CACHE: "1" });
    const cache = join(copy, ".cache/compile");
    expect(existsSync(cache)).toBe(false);
    expect(await run()).toBe(uncached);
    // Node 20 has no compile cache, and the package keeps none of its own.
    expect(existsSync(cache)).toBe(nodeCompileCache());
    if (nodeCompileCache()) {
      const files = () => readdirSync(cache, { recursive: true, encoding: "utf8" }).sort();
      const first = files();
      expect(first.length).toBeGreaterThan(1);
      // A second run takes the cache as it is: V8 accepts the code of each file it loads (Node's own account).
      const second = await runs({ NODE_DEBUG_NATIVE: "COMPILE_CACHE" });
      expect(second.stdout).toBe(uncached);
      expect(second.stderr).toMatch(/was accepted/);
      expect(second.stderr).not.toMatch(/was rejected/);
      expect(files()).toEqual(first);
    }
    // Where no cache can be written, a run only compiles.
    rmSync(join(copy, ".cache"), { recursive: true, force: true });
    writeFileSync(join(copy, ".cache"), "");
    expect(await run()).toBe(uncached);
    rmSync(copy, { recursive: true, force: true });
  });

  it("the library exports at run time exactly the values its types declare, and nothing of the CLI's", async () => {
    const declared = [...readFileSync(`${ROOT}${pkg.types.replace(/^\.\//, "")}`, "utf8").matchAll(/^export \{([^}]*)\} from/gm)].flatMap((match) =>
      match[1]!.split(",").map((name) => name.trim()),
    );
    const script = `console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(`${ROOT}dist/index.js`)}))))`;
    const ran = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(ran.stderr).toBe("");
    expect(declared).toContain("recommend");
    expect((JSON.parse(ran.stdout) as string[]).sort()).toEqual(declared.sort());
  });

  it("the library speaks every language without loading one first", () => {
    const script = `const { recommend } = await import(${JSON.stringify(`${ROOT}dist/index.js`)});
      const answers = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 };
      console.log(recommend(answers, { lang: "ko" }).reasons[0].text);`;
    const ran = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toMatch(/[\uac00-\ud7af]/);
  });

  it("serves --help from the entry exactly as the parser prints it", async () => {
    for (const lang of ["en", "ko"]) {
      const fast = await runBin(["--help", "--lang", lang]);
      const parsed = await runBin(["--help", "--lang", lang], { env: { ECS_OR_EKS_NO_FAST_PATH: "1" } });
      expect(fast).toEqual(parsed);
      expect(fast.stdout).toContain("--kubernetes-experience");
    }
  });
});
