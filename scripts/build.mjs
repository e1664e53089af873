// Bundles the CLI and the library into dist/ with esbuild: every runtime
// package is inside, so the published package has no dependencies. One
// build, so the library and the CLI share their code; what a command needs
// only when it runs (prompts, YAML, rules-file validation) is split into
// chunks loaded on demand.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { commonJsModule } from "./commonjs.mjs";
import { asciiOnly, eagerFunctions, everyFunction } from "./startup-chunk.mjs";

const dist = new URL("../dist/", import.meta.url);
const BIN = "bin/ecs-or-eks.cjs";
await rm(dist, { recursive: true, force: true });
// The code cached for the last build (src/cli/compile-cache.ts keys Node 20's by file name, not content).
await rm(new URL("../.cache/compile/", import.meta.url), { recursive: true, force: true });

// Node's built-in modules, imported from ES modules, cost time at every
// start: the loader builds an ES facade that reads every export, and for
// node:fs that loads its streams (3 ms on Node 24), for node:process more.
// Every built-in our code or a bundled CommonJS package asks for is served
// instead by a small module that takes it from process.getBuiltinModule
// (Node 20.16 and later), or from require() on older Node 20, and re-exports
// the plain values it holds (never the lazy getters). node:process is the
// global process. commander's child_process (executable subcommands, which we
// never use) is a stub.
/** The names our sources import from each built-in module, e.g. fs -> readFileSync, statSync. */
function namesImportedFromBuiltins() {
  const names = new Map();
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  for (const file of walk("src").filter((path) => path.endsWith(".ts"))) {
    for (const [, list, module] of readFileSync(file, "utf8").matchAll(/^import \{([^}]*)\} from "node:([a-z/_]+)";/gm)) {
      const set = names.get(module) ?? new Set();
      for (const item of list.split(",").map((part) => part.trim()).filter((part) => part && !part.startsWith("type "))) set.add(item.split(/\s+as\s+/)[0]);
      names.set(module, set);
    }
  }
  return names;
}
const importedNames = namesImportedFromBuiltins();

const builtins = {
  name: "builtins",
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      // The served modules themselves import the real thing.
      if (args.namespace === "builtin") return { path: args.path, external: true };
      const name = args.path.replace(/^node:/, "");
      if (!isBuiltin(name) || args.kind === "dynamic-import") return undefined;
      // Our own imports and bundled CommonJS requires; the ES modules of packages (the prompts) import as usual.
      if (args.kind === "require-call" ? !args.importer.includes("node_modules") : args.importer.includes("node_modules")) return undefined;
      return { path: name, namespace: name === "child_process" ? "stub" : args.kind === "require-call" ? "require-builtin" : "builtin" };
    });
    build.onLoad({ filter: /.*/, namespace: "require-builtin" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)}).default;`,
      loader: "js",
    }));
    build.onResolve({ filter: /.*/, namespace: "require-builtin" }, (args) => ({ path: args.path.replace(/^node:/, ""), namespace: "builtin" }));
    build.onLoad({ filter: /.*/, namespace: "builtin" }, async (args) => {
      // Only what our own code imports by name: reading every export would trip lazy getters
      // (fs.ReadStream loads the streams) and deprecation warnings (fs.F_OK).
      const names = [...(importedNames.get(args.path) ?? [])];
      const source =
        args.path === "process"
          ? "const m = globalThis.process;"
          : `import { createRequire as requireFrom } from "node:module";\nconst m = globalThis.process.getBuiltinModule?.(${JSON.stringify(`node:${args.path}`)}) ?? requireFrom(import.meta.url)(${JSON.stringify(`node:${args.path}`)});`;
      return {
        contents: `${source}\nexport default m;\n${names.map((name) => `export const ${name} = m.${name};`).join("\n")}\n`,
        loader: "js",
      };
    });
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: "exports.spawn = () => { throw new Error('ecs-or-eks has no executable subcommands'); };",
      loader: "js",
    }));
  },
};

// We decide colour ourselves (chalk ignores NO_COLOR) and always give chalk a
// level, so its colour detection is dead weight: the Node variant loads os
// and tty, the browser one reads globalThis.navigator, which Node builds on
// first use. Detection finds nothing instead.
const noChalkColorDetection = {
  name: "no-chalk-color-detection",
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "no-color-detection" }));
    build.onLoad({ filter: /.*/, namespace: "no-color-detection" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
  },
};

// The MCP SDK (loaded for `ecs-or-eks mcp` alone) carries two things the server never uses, a third of
// its size: zod 3 support (zod 3 itself and a JSON Schema converter for it; every schema here is zod 4)
// and ajv, with which it validates what a client answers to an elicitation (the server asks none).
// Each is replaced by a module that says so if it is ever reached; the MCP tests run every path.
const SDK_UNUSED = {
  "zod/v3": "export function object() { unused('zod 3 schemas'); }",
  "zod-to-json-schema": "export function zodToJsonSchema() { unused('zod 3 schemas'); }",
  "../validation/ajv-provider.js": "export class AjvJsonSchemaValidator { getValidator() { unused('JSON Schema validation of elicitation answers'); } }",
};
const mcpSdkUnused = {
  name: "mcp-sdk-unused",
  setup(build) {
    build.onResolve({ filter: /^(zod\/v3|zod-to-json-schema|\.\.\/validation\/ajv-provider\.js)$/ }, (args) =>
      args.importer.includes("node_modules/@modelcontextprotocol/sdk/") ? { path: args.path, namespace: "mcp-sdk-unused" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "mcp-sdk-unused" }, (args) => ({
      contents: `function unused(what) { throw new Error("ecs-or-eks leaves out the MCP SDK's support for " + what); }\n${SDK_UNUSED[args.path]}\n`,
      loader: "js",
    }));
  },
};

const VERSION = JSON.parse(readFileSync("package.json", "utf8")).version;

const common = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.12",
  minify: !process.env.PROFILE,
  legalComments: "none",
  logLevel: "warning",
  plugins: [builtins, noChalkColorDetection, mcpSdkUnused],
};

// The answers' JSON Schema, generated from the zod schema that validates them
// (never written by hand), ships as dist/answers.schema.json: zod's JSON
// Schema generator then need not ship, and `schema` prints the file.
const generator = await build({
  ...common,
  entryPoints: ["src/cli/render/json-schema.ts"],
  write: false,
  minify: false,
  define: { __ECS_OR_EKS_VERSION__: JSON.stringify(VERSION), __ECS_OR_EKS_BUNDLE__: "false" },
});
const scratch = mkdtempSync(join(tmpdir(), "ecs-or-eks-build-"));
writeFileSync(join(scratch, "json-schema.mjs"), generator.outputFiles[0].text);
const { answersJsonSchema, scanJsonSchema } = await import(pathToFileURL(join(scratch, "json-schema.mjs")).href);
const schema = `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
const scanSchema = `${JSON.stringify(scanJsonSchema(), null, 2)}\n`;
rmSync(scratch, { recursive: true, force: true });

const define = {
  __ECS_OR_EKS_VERSION__: JSON.stringify(VERSION),
  __ECS_OR_EKS_BUNDLE__: "true",
};
// One build for the CLI and the library, so the package carries one copy of
// the engine. What a run needs only sometimes (the prompts, the renderers,
// the other commands, YAML, zod, the Korean messages) is a plain import() at
// its call site, which esbuild splits into a chunk of its own. Left alone,
// esbuild also splits the start-up path by which of those chunks share each
// part of it, into a file per combination: a dozen files to resolve and read
// before the first answer. The start-up plugin below keeps the start-up path
// in two chunks instead, by letting every on-demand module (and the library)
// reach all of it: the core that the questionnaire shares, and the rest. It
// changes where code is bundled, never what runs.
const entryPoints = { cli: "src/cli/entry.ts", index: "src/index.ts" };
// The two groups of the start-up path (see startupPlugin), and the questionnaire that shares the first.
const STARTUP = "ecs-or-eks:startup";
const CORE = "ecs-or-eks:core";
const PROMPTS = "src/cli/input/prompts.ts";
const startup = await startupPlugin();
const result = await build({
  ...common,
  entryPoints,
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  define,
  plugins: [...common.plugins, startup],
});
// The CLI's files as CommonJS, the library's entry as the ES module it is.
const metafile = await commonJs(result.metafile);
// The functions of the chunks a run starts with go into Node's compile cache with them, and they are ASCII.
eagerChunks(metafile);
// Which source modules each output file holds: the package test checks a JSON run by them.
mkdirSync(new URL("../.cache/", import.meta.url), { recursive: true });
writeFileSync(new URL("../.cache/bundle-modules.json", import.meta.url), `${JSON.stringify(modulesByOutput(metafile), null, 2)}\n`);

/**
 * The start-up path is what a run of the main command loads before it reads
 * any answer: the entry, the program definition and what they import
 * statically. A first, metafile-only build finds it and the modules loaded on
 * demand; the real build then appends to each on-demand module (and to the
 * library's entry) an export of every start-up module's namespace, so all
 * entries reach all of the start-up path and esbuild puts it in one chunk
 * per group. The prompts reach only the core group (what they and the entry
 * import of it), so the questionnaire can ask before the rest is loaded.
 */
async function startupPlugin() {
  const probe = await build({ ...common, entryPoints, outdir: "dist", splitting: true, write: false, metafile: true, minify: false, define });
  const inputs = probe.metafile.inputs;
  const staticClosure = (roots) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path) || !inputs[path]) return;
      seen.add(path);
      for (const edge of inputs[path].imports) if (edge.kind === "import-statement" && !edge.external) visit(edge.path);
    };
    roots.forEach(visit);
    return seen;
  };
  // The entry itself stays in dist/cli.cjs: --version and --help are served from it alone.
  const onStartupPath = [...staticClosure(["src/cli/entry.ts", "src/cli/program.ts"])].filter((path) => path.startsWith("src/") && path !== entryPoints.cli);
  // What the questionnaire needs of the start-up path (the questions, the messages, the layout) is a chunk of its
  // own: the questionnaire asks its first question without loading the engine and its data.
  // The entry's own imports go with it, so that they stay in one chunk beside the entry.
  const prompting = new Set([...staticClosure([PROMPTS]), ...staticClosure([entryPoints.cli])]);
  const core = onStartupPath.filter((path) => prompting.has(path));
  const rest = onStartupPath.filter((path) => !prompting.has(path));
  const loadedOnDemand = new Set(
    Object.values(inputs).flatMap((input) => input.imports.filter((edge) => edge.kind === "dynamic-import" && !edge.external).map((edge) => edge.path)),
  );
  // The program definition too, so the namespaces below land in the start-up chunk and not in one of their own.
  const reachers = new Set([...loadedOnDemand, entryPoints.index].filter((path) => path.startsWith("src/")));
  const groups = { [CORE]: core, [STARTUP]: rest };
  return {
    name: "startup-chunk",
    setup(build) {
      // One module per group that holds every module's namespace: namespaces, not side-effect
      // imports, since esbuild splits by the parts of a module that each entry uses.
      build.onResolve({ filter: /^ecs-or-eks:(startup|core)$/ }, (args) => ({ path: args.path, namespace: "startup" }));
      build.onLoad({ filter: /.*/, namespace: "startup" }, (args) => ({
        contents: groups[args.path].map((path, i) => `export * as m${i} from ${JSON.stringify(join(process.cwd(), path))};`).join("\n"),
        loader: "js",
        resolveDir: process.cwd(),
      }));
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const path = relative(process.cwd(), args.path);
        if (!reachers.has(path)) return undefined;
        // The prompts reach the core only, so that the rest of the start-up path is not theirs to load.
        const reach = path === PROMPTS ? [CORE] : [CORE, STARTUP];
        return { contents: `${readFileSync(args.path, "utf8")}\n${reach.map((group, i) => `export * as __startup${i} from "${group}";`).join("\n")}\n`, loader: "ts" };
      });
    },
  };
}

/**
 * Rewrites every file of the CLI as CommonJS: the entry (dist/cli.cjs) and
 * the chunks (.cjs). Node 20 starts a CommonJS program without its ES module
 * loader and links CommonJS files faster (a twentieth of a JSON run there);
 * Node 22 and later neither gain nor lose. The source stays ES modules and
 * esbuild still splits it as such; each output is then converted on its own,
 * an import() becoming a require() in a promise, so no run loads the ES
 * module loader. The library's entry (dist/index.js) stays an ES module,
 * importing the same chunks: Node finds a CommonJS file's named exports from
 * the list esbuild writes at its end. Returns the metafile with the new names.
 */
async function commonJs(metafile) {
  const LIBRARY = "dist/index.js";
  const files = Object.keys(metafile.outputs).filter((file) => file.endsWith(".js"));
  const renamed = (file) => (file === LIBRARY || !files.includes(file) ? file : file.replace(/\.js$/, ".cjs"));
  const imports = (file) => staticImports(metafile, file);
  // CommonJS hands a file in a static cycle a half-filled exports object; ES modules would not. esbuild writes
  // none, and the hand-hoisting in eagerChunks relies on there being none too.
  const onPath = new Set();
  const done = new Set();
  const visit = (file) => {
    if (onPath.has(file)) throw new Error(`build: ${file} is in a static import cycle, which CommonJS cannot load`);
    if (done.has(file)) return;
    onPath.add(file);
    imports(file).forEach(visit);
    onPath.delete(file);
    done.add(file);
  };
  files.forEach(visit);
  // Every relative ".js" specifier in the output names another output file, which now ends in .cjs.
  const relink = (file, text) =>
    text.replace(/(["'])(\.\.?\/[\w./-]+?\.js)\1/g, (whole, quote, specifier) => {
      const target = join(dirname(file), specifier);
      if (!files.includes(target)) throw new Error(`build: ${file} imports ${specifier}, which the build did not write`);
      return `${quote}${relative(dirname(file), renamed(target)).replace(/^(?!\.)/, "./")}${quote}`;
    });
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (file === LIBRARY) {
      writeFileSync(file, relink(file, withoutStartupExports(text)));
      continue;
    }
    const code = await commonJsModule(text, { target: common.target, minify: common.minify });
    writeFileSync(renamed(file), relink(file, code));
    rmSync(file);
  }
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs).map(([file, output]) => [renamed(file), { ...output, imports: output.imports.map((edge) => ({ ...edge, path: renamed(edge.path) })) }]),
  );
  return { ...metafile, outputs };
}

/**
 * The library's entry without the start-up namespaces the start-up plugin
 * gave it (`__startup0`, ...): they only steer esbuild's chunks, and would
 * hand every caller the CLI's internals.
 */
function withoutStartupExports(text) {
  const clause = /export\s*\{([^}]*)\};?\s*$/.exec(text);
  if (!clause) throw new Error("build: the library's entry ends with no export list");
  // `local as exported`, or `name` alone (unminified).
  const kept = clause[1].split(",").filter((item) => item.trim() && !/(^|\s)__startup\d+$/.test(item.trim()));
  return `${text.slice(0, clause.index)}export{${kept.map((item) => item.trim()).join(",")}};\n`;
}

/**
 * Rewrites the chunks a run starts with so that V8 compiles their functions
 * with them (scripts/startup-chunk.mjs). In the start-up chunks (the core the
 * questionnaire shares, and the rest), the functions a run calls, as found by running the built CLI under V8's coverage: a JSON
 * run of a close call and of a clear-cut team (the what-would-change search
 * tries pairs for it), and the text result in English and Korean. In the
 * chunks the questionnaire loads (the prompts and the prompt library), every
 * function: the questionnaire, which no build can run, uses most of them.
 */
function eagerChunks(metafile) {
  const outputs = Object.entries(metafile.outputs);
  const chunkOf = (group) => outputs.find(([, output]) => `startup:${group}` in output.inputs)?.[0];
  const started = [chunkOf(CORE), chunkOf(STARTUP)];
  const [prompts] = outputs.find(([, output]) => output.entryPoint === PROMPTS) ?? [];
  if (started.includes(undefined) || !prompts) throw new Error("build: no start-up, core or prompts chunk in the metafile");
  const imports = (file) => staticImports(metafile, file);
  const questionnaire = [prompts, ...imports(prompts).filter((file) => !started.includes(file) && !imports("dist/cli.cjs").includes(file))];
  const called = calledInRuns(started);
  for (const file of started) rewrite(file, called.get(file));
  for (const file of questionnaire) rewrite(file, everyFunction(readFileSync(file, "utf8")));

  // Hoisting a declaration by hand is only sound if no module it imports statically imports it back:
  // commonJs() has refused every static cycle already.
  function rewrite(file, called) {
    const { text, functions } = eagerFunctions(readFileSync(file, "utf8"), called);
    if (functions === 0) throw new Error(`build: no function of ${file} to compile with it`);
    writeFileSync(file, asciiOnly(text));
  }
}

/** Where each function of the start-up chunks that typical runs call starts, by chunk, from V8's coverage of those runs. */
function calledInRuns(files) {
  const scratch = mkdtempSync(join(tmpdir(), "ecs-or-eks-coverage-"));
  const clearCut = join(scratch, "clear-cut.json");
  writeFileSync(clearCut, JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 }));
  const closeCall = "test/fixtures/answers/close-call.json";
  const runs = [
    ["--answers", closeCall, "--format", "json"],
    ["--answers", clearCut, "--format", "json"],
    ["--answers", closeCall],
    ["--answers", closeCall, "--lang", "ko"],
  ];
  const coverage = join(scratch, "coverage");
  for (const args of runs) execFileSync(process.execPath, [BIN, ...args], { stdio: "ignore", env: { ...process.env, NODE_V8_COVERAGE: coverage } });
  const scripts = readdirSync(coverage).flatMap((name) => JSON.parse(readFileSync(join(coverage, name), "utf8")).result);
  const called = new Map(
    files.map((file) => {
      const url = pathToFileURL(join(process.cwd(), file)).href;
      const ran = scripts.filter((script) => script.url === url);
      return [file, new Set(ran.flatMap((script) => script.functions.filter((fn) => fn.ranges[0].count > 0).map((fn) => fn.ranges[0].startOffset)))];
    }),
  );
  rmSync(scratch, { recursive: true, force: true });
  return called;
}

/** The output files that `file` imports statically (not on demand), by the metafile. */
function staticImports(metafile, file) {
  return (metafile.outputs[file]?.imports ?? []).filter((edge) => edge.kind === "import-statement" && !edge.external).map((edge) => edge.path);
}

/** Each output file's source modules (package code by package name), from esbuild's metafile. */
function modulesByOutput(metafile) {
  const named = (path) => (path.includes("node_modules/") ? `npm:${path.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, "$1")}` : path);
  return Object.fromEntries(
    Object.entries(metafile.outputs)
      .filter(([file]) => /\.c?js$/.test(file))
      .map(([file, output]) => [file.replace(/^dist\//, ""), [...new Set(Object.keys(output.inputs).map(named))].sort()]),
  );
}

// The schema also ships beside the bundle, for editors following "$schema".
writeFileSync(new URL("answers.schema.json", dist), schema);
// The documents the rules cite, which the MCP server offers as resources and quotes line by line.
mkdirSync(new URL("sources/", dist), { recursive: true });
for (const file of ["guide.ko.md", "FACTS.md"]) copyFileSync(new URL(`../docs/sources/${file}`, import.meta.url), new URL(`sources/${file}`, dist));
// And the scan's JSON shape (`scan --format json`), generated the same way.
writeFileSync(new URL("scan.schema.json", dist), scanSchema);

// The built-in rules are compiled, not re-validated, at start-up: validate them here, once.
execFileSync(process.execPath, [BIN, "rules", "check", "rules/rules.json"], { stdio: ["ignore", "ignore", "inherit"] });
// So are the built-in prices: loaded without zod at start-up, checked here.
execFileSync(process.execPath, [BIN, "prices", "check", "rules/prices.json"], { stdio: ["ignore", "ignore", "inherit"] });

// The top-level help, as the parser prints it off a terminal, for src/cli/entry.ts to serve
// without loading the parser (a third of the start-up time of `--help`).
for (const lang of ["en", "ko"]) {
  const help = execFileSync(process.execPath, [BIN, "--help", "--lang", lang], {
    encoding: "utf8",
    env: { ...process.env, ECS_OR_EKS_NO_FAST_PATH: "1" },
  });
  writeFileSync(new URL(`help.${lang}.txt`, dist), help);
}

if (process.argv.includes("--analyze")) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}
