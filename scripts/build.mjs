// Bundles the CLI and the library into dist/ with esbuild: every runtime
// package is inside, so the published package has no dependencies.
// Code a command needs only when it runs (prompts, schema generation,
// scaffolding) is split into chunks loaded on demand.
import { build } from "esbuild";
import { rm } from "node:fs/promises";

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

if (process.argv.includes("--analyze")) {
  const { analyzeMetafile } = await import("esbuild");
  console.log(await analyzeMetafile(result.metafile));
}
