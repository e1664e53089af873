// The shape of the code, as docs/development.md describes it:
// rooms by role, an engine that says nothing in any language, no import cycles.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { ROOT } from "../helpers/fixtures.js";

const SRC = join(ROOT, "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every module a source file imports, statically, as a type or with import(): each is an edge. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/gm)].map((match) => match[1]!);
  return specs.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
}

describe("the layout", () => {
  it("keeps the CLI's top level to its entry and program definition, with no stub folders", () => {
    const top = readdirSync(join(SRC, "cli")).filter((name) => statSync(join(SRC, "cli", name)).isFile());
    expect(top.length).toBeLessThanOrEqual(8);
    expect(readdirSync(join(SRC, "cli")).sort()).toEqual(
      ["build-constants.d.ts", "commands", "entry.ts", "input", "mcp", "output", "package-info.ts", "program.ts", "render", "terminal"].sort(),
    );
  });

  it("has no import cycle in src/, counting type imports and import() as edges", () => {
    const files = sources(SRC);
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]));
    // The scan sees the imports at all (a broken pattern would find no cycle in an empty graph).
    expect([...graph.values()].flat().length).toBeGreaterThan(150);
    expect(graph.get(join(SRC, "cli/input/command-line.ts"))).toContain(join(SRC, "cli/commands/compare.ts"));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(SRC, f)).join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps the engine free of words: nothing under src/engine imports src/i18n", () => {
    const offenders = sources(join(SRC, "engine")).filter((file) => importsOf(file).some((target) => target.startsWith(join(SRC, "i18n"))));
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });

  it("words every message the engine can return, in English and Korean", () => {
    const keys = new Set(
      sources(join(SRC, "engine")).flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\bmsg\(\s*"([^"]+)"/g)].map((match) => match[1]!)),
    );
    expect(keys.size).toBeGreaterThan(40);
    const missing = [...keys].filter((key) => !(key in en) || !(key in ko));
    expect(missing).toEqual([]);
  });
});
