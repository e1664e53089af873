// The build rewrites the chunks a run starts with (scripts/build.mjs, step 5)
// so that Node's compile cache keeps the functions a run calls. The rewrite must
// never change what the code does: these modules are run before and after it,
// and must give the same values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script, plain JavaScript without types.
import { eagerFunctions } from "../../scripts/build.mjs";
import { ROOT } from "../helpers/fixtures.js";

type Rewrite = { text: string; functions: number };
const eager = eagerFunctions as (text: string, called: Set<number>) => Rewrite;

async function run(source: string): Promise<unknown> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { result: unknown };
  return module.result;
}

/** Where every function starts (at `async` for an async one): where V8's coverage says a function that ran starts. */
function starts(source: string): Set<number> {
  return new Set([...source.matchAll(/(?:async )?function\b/g)].map((match) => match.index));
}

describe("the start-up chunk's rewrite", () => {
  it("keeps hoisting: a function called above its declaration, by top-level code or another function, still runs", async () => {
    const source = [
      "var inner = [1];",
      "const early = twice(3);",
      "function twice(n) { return helper(n) * 2; }",
      "function helper(n) { return n + inner.length; }",
      "async function later() { return twice(1); }",
      "function* counts() { yield early; }",
      "function unused() { return 'never called'; }",
      "const mapped = [1, 2].map((n) => twice(n)).map(async (n) => n + 1);",
      "const kept = [3].map((n) => n);",
      "export const result = [early, await later(), [...counts()], unused.name, twice.name, await Promise.all(mapped), kept];",
    ].join("\n");
    const called = starts(source);
    called.delete(source.indexOf("function unused"));
    called.add(source.indexOf("(n) => twice")).add(source.indexOf("async (n)"));
    const rewritten = eager(source, called);
    expect(rewritten.functions).toBe(6);
    expect(rewritten.text).toContain("var twice=(function twice(");
    expect(rewritten.text).toContain("((n) => twice(n))");
    expect(rewritten.text).toContain("(async (n) => n + 1)");
    expect(rewritten.text).toContain("[3].map((n) => n)");
    expect(rewritten.text).toContain("function unused()");
    expect(rewritten.text).not.toContain("var unused=");
    expect(await run(rewritten.text)).toEqual(await run(source));
    expect(await run(source)).toEqual([8, 4, [8], "unused", "twice", [5, 7], [3]]);
  });

  it("leaves exported declarations, declarations inside other code, and functions already in parentheses alone", () => {
    const source = "export function shown() { function inside() { return 1; } return inside(); }\nif (true) { function block() {} }\nconst f = (() => 1);\n";
    const called = starts(source).add(source.indexOf("() => 1"));
    expect(eager(source, called).text).toBe(source);
  });

  it("is what the built package ships: a start-up chunk whose called functions are in parentheses", () => {
    const byFile = JSON.parse(readFileSync(`${ROOT}.cache/bundle-modules.json`, "utf8")) as Record<string, string[]>;
    const [file] = Object.entries(byFile).find(([, sources]) => sources.includes("src/cli/program.ts"))!;
    const text = readFileSync(`${ROOT}dist/${file}`, "utf8");
    expect(text.match(/var [\w$]+=\((?:async )?function\*? ?[\w$]+\(/g)?.length ?? 0).toBeGreaterThan(50);
    expect(text.match(/\(\(?[\w$,]*\)?=>/g)?.length ?? 0).toBeGreaterThan(50);
    // The questionnaire's chunks: the prompt library's functions all go in parentheses.
    const [library] = Object.entries(byFile).find(([, sources]) => sources.includes("npm:@inquirer/core"))!;
    const prompts = readFileSync(`${ROOT}dist/${library}`, "utf8");
    expect(prompts.match(/var [\w$]+=\((?:async )?function\*? ?[\w$]+\(/g)?.length ?? 0).toBeGreaterThan(20);
  });
});
