// Bundles the CLI and the library into dist/ with esbuild: every runtime
// package is inside, so the published package has no dependencies.
// Code a command needs only when it runs (prompts, schema generation,
// scaffolding) is split into chunks loaded on demand.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";

await rm(new URL("../dist", import.meta.url), { recursive: true, force: true });

const result = await build({
  entryPoints: { cli: "src/cli/entry.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.12",
  minify: true,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  // commander is CommonJS: inside an ESM bundle its require("node:events") needs a real require.
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
  logLevel: "warning",
});

// The answers schema ships beside the bundle for editors ("$schema"), generated
// by the CLI itself from the zod schema, never written by hand.
const schema = execFileSync(process.execPath, ["bin/ecs-or-eks.js", "schema"], { encoding: "utf8" });
await writeFile(new URL("../dist/answers.schema.json", import.meta.url), schema);

if (process.argv.includes("--analyze")) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}
