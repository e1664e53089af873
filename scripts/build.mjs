// Bundles the CLI and the library into dist/ with esbuild: every runtime
// package is inside, so the published package has no dependencies. One
// build, so the library and the CLI share their code; what a command needs
// only when it runs (prompts, YAML, rules-file validation) is split into
// chunks loaded on demand.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dist = new URL("../dist/", import.meta.url);
await rm(dist, { recursive: true, force: true });

// Some bundled packages are CommonJS (commander, mute-stream) and require()
// Node built-ins, which an ESM bundle can only do through a createRequire
// banner loaded by every file. Instead, each such require() gets the built-in
// as an ES module import. commander also requires child_process for
// executable subcommands, which we never use; loading it pulls in net, dgram
// and more (~4 ms at every start), so it gets a stub.
const builtinsAsImports = {
  name: "builtins-as-imports",
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
      if (args.kind !== "require-call" || !args.importer.includes("node_modules")) return undefined;
      const name = args.path.replace(/^node:/, "");
      if (!isBuiltin(name)) return undefined;
      return { path: name, namespace: name === "child_process" ? "stub" : "require-builtin" };
    });
    build.onResolve({ filter: /.*/, namespace: "require-builtin" }, (args) => ({ path: args.path, namespace: "import-builtin" }));
    build.onLoad({ filter: /.*/, namespace: "require-builtin" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)}).default;`,
      loader: "js",
    }));
    build.onLoad({ filter: /.*/, namespace: "import-builtin" }, (args) => ({
      contents: `import builtin from "node:${args.path}"; export default builtin;`,
      loader: "js",
    }));
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: "exports.spawn = () => { throw new Error('ecs-or-eks has no executable subcommands'); };",
      loader: "js",
    }));
  },
};

// We decide colour ourselves (chalk ignores NO_COLOR) and always give chalk a
// level, so its Node colour detection, which loads os and tty, is dead weight:
// use its browser variant, which loads nothing.
const noChalkColorDetection = {
  name: "no-chalk-color-detection",
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({
      path: new URL("../node_modules/chalk/source/vendor/supports-color/browser.js", import.meta.url).pathname,
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
  plugins: [builtinsAsImports, noChalkColorDetection],
};

// The answers' JSON Schema, generated from the zod schema that validates them
// (never written by hand), is baked into the bundle: zod's JSON Schema
// generator then need not ship, and `schema` prints it without loading it.
const generator = await build({
  ...common,
  entryPoints: ["src/cli/json-schema.ts"],
  write: false,
  minify: false,
  define: { __ECS_OR_EKS_VERSION__: JSON.stringify(VERSION) },
});
const scratch = mkdtempSync(join(tmpdir(), "ecs-or-eks-build-"));
writeFileSync(join(scratch, "json-schema.mjs"), generator.outputFiles[0].text);
const { answersJsonSchema } = await import(pathToFileURL(join(scratch, "json-schema.mjs")).href);
const schema = `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
rmSync(scratch, { recursive: true, force: true });

const result = await build({
  ...common,
  entryPoints: { cli: "src/cli/entry.ts", index: "src/index.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  define: {
    __ECS_OR_EKS_VERSION__: JSON.stringify(VERSION),
    __ECS_OR_EKS_ANSWERS_SCHEMA__: JSON.stringify(schema),
  },
});

// The schema also ships beside the bundle, for editors following "$schema".
writeFileSync(new URL("answers.schema.json", dist), schema);

// The built-in rules are compiled, not re-validated, at start-up: validate them here, once.
execFileSync(process.execPath, ["bin/ecs-or-eks.js", "rules", "check", "rules/rules.json"], { stdio: ["ignore", "ignore", "inherit"] });

// The top-level help, as the parser prints it off a terminal, for src/cli/entry.ts to serve
// without loading the parser (a third of the start-up time of `--help`).
for (const lang of ["en", "ko"]) {
  const help = execFileSync(process.execPath, ["bin/ecs-or-eks.js", "--help", "--lang", lang], {
    encoding: "utf8",
    env: { ...process.env, ECS_OR_EKS_NO_FAST_PATH: "1" },
  });
  writeFileSync(new URL(`help.${lang}.txt`, dist), help);
}

if (process.argv.includes("--analyze")) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}
