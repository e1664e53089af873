// The build writes the command's files as CommonJS, converted from esbuild's
// split ES modules (scripts/commonjs.mjs). The conversion must never change
// what the code does: these modules are converted, run by Node as CommonJS
// and imported from an ES module, as dist/ is.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a build script, plain JavaScript without types.
import { commonJsModule } from "../../scripts/commonjs.mjs";

const convert = commonJsModule as (text: string, options: { target: string; minify: boolean }) => Promise<string>;
const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-commonjs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts each ES module (file name to text) into `dir`, then runs `script` (an ES module there) with Node. */
async function run(modules: Record<string, string>, script: string, minify: boolean): Promise<unknown> {
  const here = mkdtempSync(join(dir, minify ? "minified-" : "plain-"));
  for (const [name, text] of Object.entries(modules)) writeFileSync(join(here, name), await convert(text, { target: "node20.12", minify }));
  writeFileSync(join(here, "run.mjs"), script);
  const ran = spawnSync(process.execPath, [join(here, "run.mjs")], { encoding: "utf8" });
  expect(ran.stderr).toBe("");
  return JSON.parse(ran.stdout);
}

const LIBRARY = [
  "export function twice(n) { return n * 2; }",
  "export let count = 0;",
  "export function bump() { count += 1; return count; }",
  "export let lazy;",
  "export function init() { lazy = twice(21); }",
  "export function replaced() { return 'first'; }",
  "export function replace() { replaced = () => 'second'; }",
  "export const constant = twice(5);",
  "export const here = import.meta.url;",
].join("\n");

// The chunk that uses it, as esbuild writes the importing side (names as esbuild gives them).
const USER = [
  'import { twice, count, bump, lazy, init, replaced, replace, constant } from "./library.cjs";',
  "export async function use() {",
  "  const before = count;",
  "  bump();",
  "  init();",
  "  const first = replaced();",
  "  replace();",
  '  const later = await import("./later.cjs");',
  "  return { twice: twice(3), before, after: count, lazy, first, second: replaced(), constant, later: later.value };",
  "}",
].join("\n");

describe("the command's files as CommonJS", () => {
  for (const minify of [false, true]) {
    it(`keep what the ES modules did${minify ? ", minified" : ""}: live values, import(), import.meta.url, names for an ES importer`, async () => {
      const script = [
        'import { createRequire } from "node:module";',
        'import { use } from "./user.cjs";',
        'import * as library from "./library.cjs";',
        "const require = createRequire(import.meta.url);",
        'const exports = require("./library.cjs");',
        "const kinds = Object.fromEntries(['twice', 'bump', 'count', 'lazy', 'replaced'].map((name) => [name, 'value' in Object.getOwnPropertyDescriptor(exports, name) ? 'value' : 'getter']));",
        "const result = await use();",
        'console.log(JSON.stringify({ result, kinds, here: exports.here === new URL("./library.cjs", import.meta.url).href, esModule: exports.__esModule, names: Object.keys(library).filter((name) => name !== "module.exports").sort() }));',
      ].join("\n");
      const out = await run({ "library.cjs": LIBRARY, "user.cjs": USER, "later.cjs": "export const value = 'loaded';" }, script, minify);
      expect(out).toEqual({
        result: { twice: 6, before: 0, after: 1, lazy: 42, first: "first", second: "second", constant: 10, later: "loaded" },
        // A function no code assigns to is a plain value; whatever can change is read through a getter.
        kinds: { twice: "value", bump: "value", count: "getter", lazy: "getter", replaced: "getter" },
        here: true,
        esModule: true,
        // (Node 23 and later add a "module.exports" name of their own to every CommonJS module's namespace.)
        names: ["bump", "constant", "count", "default", "here", "init", "lazy", "replace", "replaced", "twice"],
      });
    });
  }
});
