// The whole build, to be read top to bottom. `npm run build` runs it with
// --types; `npm start` runs it without, and leaves the types the tests use.
//
//   1. Clear what the last build wrote (the types too, with --types).
//   2. Make the JSON Schemas of the answers and of the scan's result from the
//      zod schemas, and copy the documents the rules cite (the MCP server
//      offers them).
//   3. Bundle the CLI (dist/cli.js) and the library (dist/index.js) in one
//      esbuild run, so they share their code, with every runtime package
//      inside. esbuild splits the bundle at every plain import(): a command,
//      a parser, a renderer, a catalogue is a chunk of its own, loaded only
//      by a run that reaches it. No list names them. What the MCP SDK carries
//      and the server never uses is left out (mcpSdkUnused), and Node's
//      built-in modules are served without their ES facades (servedBuiltins).
//   4. Steer the start-up path into two chunks (a JSON run loads five files,
//      not a dozen).
//   5. Compile the functions a run calls with the file that holds them, so
//      Node's compile cache keeps them.
//   6. Check the built-in rules and prices with the built CLI, and the facts
//      and calibration against their schemas, and keep the help the CLI
//      prints for the entry to serve.
//   7. Write the library's types (--types).
//   8. Note which sources each output file holds, for the package test.
//
// servedBuiltins and steps 4 and 5 rewrite what esbuild would write. Each is here because it
// buys at least 5% of a run on Node 22 or 24, measured A/B against the build
// without it (`node scripts/bench-build.mjs`, which builds with --skip=builtins,
// --skip=5 and --skip=4; step 5 finds its chunks by step 4's, so --skip=4
// skips both);
// BENCHMARKS.md has the figures, and the steps tried and dropped.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/ecs-or-eks.js");
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
const ENTRIES = { cli: "src/cli/entry.ts", index: "src/index.ts" };
// The questionnaire's module: it reaches only the core of the start-up path (step 4).
const PROMPTS = "src/cli/input/prompts.ts";

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20.12",
  minify: !process.env.PROFILE,
  legalComments: "none",
  logLevel: "warning",
  define: { __ECS_OR_EKS_VERSION__: JSON.stringify(VERSION), __ECS_OR_EKS_BUNDLE__: "true" },
  // The bundled CommonJS packages (commander) call require(), which an ES module lacks.
  banner: { js: 'import{createRequire as __createRequire}from"node:module";const require=__createRequire(import.meta.url);' },
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
  setup(plugin) {
    plugin.onResolve({ filter: /^(zod\/v3|zod-to-json-schema|\.\.\/validation\/ajv-provider\.js)$/ }, (args) =>
      args.importer.includes("node_modules/@modelcontextprotocol/sdk/") ? { path: args.path, namespace: "mcp-sdk-unused" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "mcp-sdk-unused" }, (args) => ({
      contents: `function unused(what) { throw new Error("ecs-or-eks leaves out the MCP SDK's support for " + what); }\n${SDK_UNUSED[args.path]}\n`,
      loader: "js",
    }));
  },
};

// Node's built-in modules, imported from an ES module, cost time at every start: the loader builds an ES
// facade that reads every export, and for node:fs that loads its streams (3 ms on Node 24), for node:process
// more. Every built-in our code imports, or a bundled CommonJS package (commander) requires, is served
// instead by a small module that takes it from process.getBuiltinModule (Node 20.16 and later; require() on
// older Node 20) and re-exports only the names our sources import, as plain values (reading every export
// would trip lazy getters, such as fs.ReadStream's, which loads the streams). node:process is the global
// process. commander's child_process (executable subcommands, which we never use) is a stub. The ES modules
// of packages (the prompt library) import as usual.
function servedBuiltins() {
  const imported = new Map();
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  for (const file of walk(join(ROOT, "src")).filter((path) => path.endsWith(".ts"))) {
    for (const [, list, module] of readFileSync(file, "utf8").matchAll(/^import \{([^}]*)\} from "node:([a-z/_]+)";/gm)) {
      const names = imported.get(module) ?? new Set();
      for (const item of list.split(",").map((part) => part.trim()).filter((part) => part && !part.startsWith("type "))) names.add(item.split(/\s+as\s+/)[0]);
      imported.set(module, names);
    }
  }
  return {
    name: "served-builtins",
    setup(plugin) {
      plugin.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        // The served modules themselves import the real thing.
        if (args.namespace === "builtin") return { path: args.path, external: true };
        const name = args.path.replace(/^node:/, "");
        if (!isBuiltin(name) || args.kind === "dynamic-import") return undefined;
        if (args.kind === "require-call" ? !args.importer.includes("node_modules") : args.importer.includes("node_modules")) return undefined;
        return { path: name, namespace: name === "child_process" ? "stub" : args.kind === "require-call" ? "require-builtin" : "builtin" };
      });
      plugin.onLoad({ filter: /.*/, namespace: "require-builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)}).default;`, loader: "js" }));
      plugin.onResolve({ filter: /.*/, namespace: "require-builtin" }, (args) => ({ path: args.path.replace(/^node:/, ""), namespace: "builtin" }));
      plugin.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => {
        const source =
          args.path === "process"
            ? "const m = globalThis.process;"
            : `import { createRequire as requireFrom } from "node:module";\nconst m = globalThis.process.getBuiltinModule?.(${JSON.stringify(`node:${args.path}`)}) ?? requireFrom(import.meta.url)(${JSON.stringify(`node:${args.path}`)});`;
        const names = [...(imported.get(args.path) ?? [])];
        return { contents: `${source}\nexport default m;\n${names.map((name) => `export const ${name} = m.${name};`).join("\n")}\n`, loader: "js" };
      });
      plugin.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "exports.spawn = () => { throw new Error('ecs-or-eks has no executable subcommands'); };", loader: "js" }));
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const skip = process.argv.find((arg) => arg.startsWith("--skip="))?.slice("--skip=".length);
  await main(process.argv.includes("--types"), { builtins: skip !== "builtins", steer: skip !== "4", compile: skip !== "4" && skip !== "5" });
}

/** `steps`: whether to serve the built-ins and run steps 4 and 5, for the A/B measurement of each against the build without it. */
async function main(types, steps) {
  // 1. The types are tsc's (step 7): `npm start` rebuilds the bundle alone and must leave them.
  for (const name of existsIn(join(ROOT, "dist"))) if (types || name !== "types") rmSync(join(ROOT, "dist", name), { recursive: true, force: true });
  mkdirSync(join(ROOT, "dist"), { recursive: true });

  // 2. The schemas ship as dist/answers.schema.json (`schema` prints it, editors follow "$schema") and
  // dist/scan.schema.json (`scan --format json`), so zod's JSON Schema generator need not ship.
  const schemas = await jsonSchemas();
  writeFileSync(join(ROOT, "dist/answers.schema.json"), schemas.answers);
  writeFileSync(join(ROOT, "dist/scan.schema.json"), schemas.scan);
  // The documents the rules cite, which the MCP server offers as resources and quotes line by line.
  mkdirSync(join(ROOT, "dist/sources"), { recursive: true });
  for (const file of ["guide.ko.md", "FACTS.md"]) copyFileSync(join(ROOT, "docs/sources", file), join(ROOT, "dist/sources", file));

  // 3 and 4. One build, the start-up path steered.
  const startup = steps.steer ? [await startupPlugin()] : [];
  const { metafile } = await build({
    ...COMMON,
    entryPoints: ENTRIES,
    outdir: "dist",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    plugins: [...startup, mcpSdkUnused, ...(steps.builtins ? [servedBuiltins()] : [])],
  });
  // The library's entry exports what the library declares, not the namespaces that steered the chunks.
  const library = join(ROOT, "dist/index.js");
  writeFileSync(library, withoutStartupExports(readFileSync(library, "utf8")));

  // 5. The functions of the chunks a run starts with, compiled with them.
  if (steps.compile) compileCalledFunctions(metafile);

  // 6. The built-in rules and prices are compiled at start-up, and the facts and calibration taken as they are, not
  // validated: all four are validated here.
  execFileSync(process.execPath, [BIN, "rules", "check", "rules/rules.json"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(process.execPath, [BIN, "prices", "check", "rules/prices.json"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  await checkDataFiles();
  // The top-level help as the parser prints it off a terminal, which src/cli/entry.ts serves without loading the
  // parser (a third of the time of `--help`); at a terminal the parser draws it to fit the window.
  for (const lang of ["en", "ko"]) {
    const help = execFileSync(process.execPath, [BIN, "--help", "--lang", lang], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ECS_OR_EKS_NO_FAST_PATH: "1" } });
    writeFileSync(join(ROOT, `dist/help.${lang}.txt`), help);
  }

  // 7. The library's types: tsc writes one for every module src/index.ts reaches, and only those its public types
  // reach are kept, so the package ships no types for internals (nor the message catalogues).
  if (types) {
    execFileSync(process.execPath, [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
    console.error(`types: kept ${publicTypes()} declaration files`);
  }

  // 8. Which source modules each output file holds: the package test checks what a run loads by them.
  mkdirSync(join(ROOT, ".cache"), { recursive: true });
  writeFileSync(join(ROOT, ".cache/bundle-modules.json"), `${JSON.stringify(modulesByOutput(metafile), null, 2)}\n`);
}

function existsIn(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The answers' and the scan's JSON Schemas, from the zod schemas. */
async function jsonSchemas() {
  const { answersJsonSchema, scanJsonSchema } = await importSource("src/cli/render/json-schema.ts");
  return { answers: `${JSON.stringify(answersJsonSchema(), null, 2)}\n`, scan: `${JSON.stringify(scanJsonSchema(), null, 2)}\n` };
}

/** The data files no command checks (facts, calibration), held to their zod schemas: the build stops on any problem. */
async function checkDataFiles() {
  const { dataFileProblems } = await importSource("src/explain/data-files.ts");
  const problems = dataFileProblems((file) => JSON.parse(readFileSync(join(ROOT, file), "utf8")));
  if (problems.length > 0) throw new Error(problems.join("\n"));
}

/** A source module for the build to call, bundled on its own (with zod), imported once and dropped. */
async function importSource(entry) {
  const bundled = await build({
    ...COMMON,
    entryPoints: [entry],
    write: false,
    minify: false,
    define: { ...COMMON.define, __ECS_OR_EKS_BUNDLE__: "false" },
  });
  const scratch = mkdtempSync(join(tmpdir(), "ecs-or-eks-build-"));
  try {
    writeFileSync(join(scratch, "module.mjs"), bundled.outputFiles[0].text);
    return await import(pathToFileURL(join(scratch, "module.mjs")).href);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Step 4. Left alone, esbuild splits the start-up path (what a run of the
 * main command loads before it reads an answer: the program, the engine, the
 * rules, the messages) by which of the on-demand modules also use each part
 * of it: a file per combination, a dozen to resolve and read before the first
 * answer. This plugin lets every on-demand module, and the library, reach all
 * of the start-up path, by appending to each an export of every start-up
 * module's namespace; esbuild then puts the path in one chunk per group. Two
 * groups: the core that the questionnaire shares (the questions, the
 * messages, the layout), so that `ecs-or-eks` alone asks its first question
 * before the engine loads, and the rest. It changes where code is bundled,
 * never what runs. A first build, of the metafile only, finds the path.
 */
async function startupPlugin() {
  const probe = await build({ ...COMMON, entryPoints: ENTRIES, outdir: "dist", splitting: true, write: false, metafile: true, minify: false, plugins: [mcpSdkUnused] });
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
  // The entry itself stays in dist/cli.js: --version and --help are served from it alone.
  const path = [...staticClosure([ENTRIES.cli, "src/cli/program.ts"])].filter((file) => file.startsWith("src/") && file !== ENTRIES.cli);
  // What the questionnaire needs, and what the entry imports (which stays beside the entry), make the core.
  const prompting = new Set([...staticClosure([PROMPTS]), ...staticClosure([ENTRIES.cli])]);
  const groups = { "ecs-or-eks:core": path.filter((file) => prompting.has(file)), "ecs-or-eks:startup": path.filter((file) => !prompting.has(file)) };
  const onDemand = Object.values(inputs).flatMap((input) => input.imports.filter((edge) => edge.kind === "dynamic-import" && !edge.external).map((edge) => edge.path));
  const reachers = new Set([...onDemand, ENTRIES.index].filter((file) => file.startsWith("src/")));
  return {
    name: "startup-chunk",
    setup(plugin) {
      // A module per group holding every module's namespace: namespaces, not side-effect imports, since esbuild
      // splits by the parts of a module each entry uses.
      plugin.onResolve({ filter: /^ecs-or-eks:(core|startup)$/ }, (args) => ({ path: args.path, namespace: "startup" }));
      plugin.onLoad({ filter: /.*/, namespace: "startup" }, (args) => ({
        contents: groups[args.path].map((file, i) => `export * as m${i} from ${JSON.stringify(join(ROOT, file))};`).join("\n"),
        loader: "js",
        resolveDir: ROOT,
      }));
      plugin.onLoad({ filter: /\.ts$/ }, (args) => {
        const file = relative(ROOT, args.path);
        if (!reachers.has(file)) return undefined;
        // The prompts reach the core only: the rest of the start-up path is not theirs to load.
        const reach = file === PROMPTS ? ["ecs-or-eks:core"] : ["ecs-or-eks:core", "ecs-or-eks:startup"];
        return { contents: `${readFileSync(args.path, "utf8")}\n${reach.map((group, i) => `export * as __startup${i} from "${group}";`).join("\n")}\n`, loader: "ts" };
      });
    },
  };
}

/** The library's entry without the namespaces the start-up plugin added (`__startup0`, ...): they would hand every caller the CLI's internals. */
function withoutStartupExports(text) {
  const clause = /export\s*\{([^}]*)\};?\s*$/.exec(text);
  if (!clause) throw new Error("build: the library's entry ends with no export list");
  // `local as exported`, or `name` alone (unminified).
  const kept = clause[1].split(",").filter((item) => item.trim() && !/(^|\s)__startup\d+$/.test(item.trim()));
  return `${text.slice(0, clause.index)}export{${kept.map((item) => item.trim()).join(",")}};\n`;
}

/**
 * Step 5. V8 compiles a function lazily, on its first call, unless it is an
 * expression in parentheses, which it takes as a sign that the function runs
 * at once. Node writes a module's code to its compile cache right after
 * compiling the module, before any of it runs, so a lazily compiled function
 * is compiled again on every run. Here the functions a run calls are put in
 * parentheses (eagerFunctions): in the two start-up chunks, those that
 * typical runs call, as V8's own coverage of them says (a JSON run of a
 * close call and of a clear-cut team, the text result in English and
 * Korean); in the chunks the questionnaire loads (the prompts, the prompt
 * library), every function, since no build can run the questionnaire and it
 * uses most of them.
 */
function compileCalledFunctions(metafile) {
  const outputs = Object.entries(metafile.outputs);
  const chunkOf = (group) => outputs.find(([, output]) => `startup:${group}` in output.inputs)?.[0];
  const started = [chunkOf("ecs-or-eks:core"), chunkOf("ecs-or-eks:startup")];
  const [prompts] = outputs.find(([, output]) => output.entryPoint === PROMPTS) ?? [];
  if (started.includes(undefined) || !prompts) throw new Error("build: no core, start-up or prompts chunk in the metafile");
  const imports = (file) => (metafile.outputs[file]?.imports ?? []).filter((edge) => edge.kind === "import-statement" && !edge.external).map((edge) => edge.path);
  // Hoisting a declaration by hand (see eagerFunctions) is sound only if nothing it imports imports it back.
  const done = new Set();
  const visit = (file, path) => {
    if (path.includes(file)) throw new Error(`build: a static import cycle (${[...path, file].join(" -> ")}); the eager functions cannot be hoisted`);
    if (done.has(file)) return;
    for (const next of imports(file)) visit(next, [...path, file]);
    done.add(file);
  };
  for (const file of [...started, prompts]) visit(file, []);
  const questionnaire = [prompts, ...imports(prompts).filter((file) => !started.includes(file) && !imports("dist/cli.js").includes(file))];
  const called = calledInRuns(started);
  const rewrite = (file, starts) => {
    const { text, functions } = eagerFunctions(readFileSync(join(ROOT, file), "utf8"), starts);
    if (functions === 0) throw new Error(`build: no function of ${file} to compile with it`);
    writeFileSync(join(ROOT, file), text);
  };
  for (const file of started) rewrite(file, called.get(file));
  for (const file of questionnaire) rewrite(file, everyFunction(readFileSync(join(ROOT, file), "utf8")));
}

/** Where each function of `files` that typical runs call starts, by file, from V8's coverage of those runs. */
function calledInRuns(files) {
  const scratch = mkdtempSync(join(tmpdir(), "ecs-or-eks-coverage-"));
  try {
    const clearCut = join(scratch, "clear-cut.json");
    writeFileSync(clearCut, JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 }));
    const closeCall = "test/fixtures/answers/close-call.json";
    const coverage = join(scratch, "coverage");
    for (const args of [["--answers", closeCall, "--format", "json"], ["--answers", clearCut, "--format", "json"], ["--answers", closeCall], ["--answers", closeCall, "--lang", "ko"]]) {
      execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: "ignore", env: { ...process.env, NODE_V8_COVERAGE: coverage } });
    }
    const scripts = readdirSync(coverage).flatMap((name) => JSON.parse(readFileSync(join(coverage, name), "utf8")).result);
    return new Map(
      files.map((file) => {
        const url = pathToFileURL(join(ROOT, file)).href;
        const ran = scripts.filter((script) => script.url === url);
        return [file, new Set(ran.flatMap((script) => script.functions.filter((fn) => fn.ranges[0].count > 0).map((fn) => fn.ranges[0].startOffset)))];
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The module's text with every function that starts at one of `called`
 * (offsets in the text, as V8's coverage gives them) made eager: arrows and
 * function expressions put in parentheses, and top-level declarations (named,
 * with a body, not exported) written as `var f=(function f(...){...});` at
 * the top of the module, where hoisting had put them, so that a call made
 * before the declaration's place in the text still finds the function.
 * Nothing else changes; TypeScript's parser reads esbuild's output as plain
 * JavaScript. The functions no run calls stay lazy: compiling them up front
 * would cost Node 20, which has no compile cache.
 */
export function eagerFunctions(text, called) {
  const source = ts.createSourceFile("chunk.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** Parentheses to insert, as [offset, "(" or ")"]. */
  const parentheses = [];
  const visit = (node) => {
    const expression = ts.isArrowFunction(node) || ts.isFunctionExpression(node);
    if (expression && !ts.isParenthesizedExpression(node.parent) && called.has(node.getStart(source))) parentheses.push([node.getStart(source), "("], [node.end, ")"]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // At one offset, a function that ends closes before the next one opens.
  parentheses.sort((a, b) => a[0] - b[0] || (a[1] === ")" ? -1 : 1));
  const slice = (from, to) => {
    let out = "";
    let at = from;
    for (const [offset, mark] of parentheses) {
      if (offset < from || offset > to || (offset === from && mark === ")") || (offset === to && mark === "(")) continue;
      out += text.slice(at, offset) + mark;
      at = offset;
    }
    return out + text.slice(at, to);
  };
  const hoisted = [];
  let rest = "";
  let at = 0;
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    // An exported declaration (`export function f`) keeps its form: esbuild lists exports at the end instead.
    if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const start = statement.getStart(source);
    if (!called.has(start)) continue;
    rest += slice(at, start);
    hoisted.push(`var ${statement.name.text}=(${slice(start, statement.end)});`);
    at = statement.end;
  }
  return { text: hoisted.join("") + rest + slice(at, text.length), functions: hoisted.length + parentheses.length / 2 };
}

/** Where every function of a module starts: all of them made eager, for a chunk most of which a run uses. */
function everyFunction(text) {
  const source = ts.createSourceFile("chunk.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const starts = new Set();
  const visit = (node) => {
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) starts.add(node.getStart(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return starts;
}

/** Step 7: keeps the declaration files the library's public types reach, from src/index.d.ts; returns how many. */
function publicTypes() {
  const root = join(ROOT, "dist/types");
  const keep = new Set();
  const visit = (file) => {
    if (keep.has(file)) return;
    keep.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)\.js["']/g)) visit(resolve(dirname(file), `${spec}.d.ts`));
  };
  visit(join(root, "src/index.d.ts"));
  const prune = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        prune(path);
        if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
      } else if (!keep.has(path)) rmSync(path);
    }
  };
  prune(root);
  return keep.size;
}

/** Each output file's source modules (package code by package name), from esbuild's metafile. */
function modulesByOutput(metafile) {
  const named = (path) => (path.includes("node_modules/") ? `npm:${path.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, "$1")}` : path);
  return Object.fromEntries(
    Object.entries(metafile.outputs)
      .filter(([file]) => file.endsWith(".js"))
      .map(([file, output]) => [file.replace(/^dist\//, ""), [...new Set(Object.keys(output.inputs).map(named))].sort()]),
  );
}
