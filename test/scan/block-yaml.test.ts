// The plain block-YAML reader is a shortcut: wherever it reads a file, it
// must read exactly what the yaml package reads, values and lines alike.
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBlockYaml } from "../../src/scan/block-yaml.js";
import type { Tree } from "../../src/scan/tree.js";
import { readWithParser } from "../../src/scan/yaml.js";
import { ROOT } from "../helpers/fixtures.js";

/** A tree's values with each map's and list's lines beside them, for comparing two readings. */
function withLines(tree: Tree): unknown {
  const seen = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return Number.isNaN(value) ? "NaN" : value;
    const lines = tree.lines.get(value) ?? {};
    if (Array.isArray(value)) return value.map((item, index) => ({ line: lines[index], item: seen(item) }));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, { line: lines[key], item: seen(item) }]));
  };
  return { line: tree.line, root: seen(tree.root) };
}

function expectSameReading(source: string, label: string): boolean {
  const plain = readBlockYaml(source);
  if (plain === undefined) return false;
  const parsed = readWithParser(source);
  expect(parsed.ok, `${label}: the parser refuses what the plain reader read`).toBe(true);
  if (!parsed.ok) return true;
  expect(plain.map(withLines), label).toEqual(parsed.docs.map(withLines));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe("the plain block-YAML reader", () => {
  it("reads every YAML file of the worked repositories and the project as the yaml package does, or leaves it to it", () => {
    const files = [...yamlFiles(join(ROOT, "test/fixtures")), ...yamlFiles(join(ROOT, ".github"))];
    let read = 0;
    for (const file of files) if (expectSameReading(readFileSync(file, "utf8"), file)) read++;
    // Most deploy files take the short way (Helm templates and compose anchors do not).
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it("gives up on what it does not read: anchors, aliases, tags, merge keys, folded and multi-line scalars, escapes, nested flow", () => {
    for (const source of [
      "a: &x 1\nb: *x\n",
      "a: !Ref B\n",
      "<<: {a: 1}\n",
      "a: >\n  folded\n",
      "a: one\n  two\n",
      'a: "line\\nbreak"\n',
      "a: [1, [2]]\n",
      "a: {b: 1}\n",
      "%YAML 1.2\n---\na: 1\n",
      "a: b: c\n",
      "a:\n\tb: 1\n",
    ]) {
      expect(readBlockYaml(source), JSON.stringify(source)).toBeUndefined();
    }
  });

  it("reads generated block documents as the yaml package does", () => {
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_.\/-]{0,8}$/);
    const plainScalar = fc.oneof(
      fc.constantFrom("1", "-2", "0.5", "1e3", "true", "False", "null", "~", "0x1F", "0o17", ".inf", "yes", "500m", "1Gi", "nginx:1.25", "a b", "it's", "x#y", "+3", "1_000", "007", "3."),
      fc.stringMatching(/^[a-z][a-z0-9 ._:\/-]{0,10}[a-z0-9]$/),
    );
    const quoted = fc.oneof(plainScalar.map((s) => `"${s}"`), plainScalar.map((s) => `'${s}'`));
    const scalar = fc.oneof(plainScalar, quoted, fc.constant("[]"), fc.constant("{}"), fc.constant("[a, 1, true]"));
    const node: fc.Memo<string[]> = fc.memo((n) =>
      n <= 1
        ? fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`))
        : fc.oneof(
            fc.array(fc.tuple(key, fc.oneof(scalar.map((v) => [v]), node(n - 1))), { minLength: 1, maxLength: 4 }).map((pairs) =>
              pairs.flatMap(([k, v]) => (v.length === 1 && !v[0]!.includes(":") ? [`${k}: ${v[0]}`] : [`${k}:`, ...v.map((line) => `  ${line}`)])),
            ),
            fc.array(node(n - 1), { minLength: 1, maxLength: 3 }).map((items) => items.flatMap((lines) => [`- ${lines[0]}`, ...lines.slice(1).map((line) => `  ${line}`)])),
            fc.array(scalar, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`)),
          ),
    );
    const comment = fc.constantFrom("", "# a comment", "   # indented comment");
    fc.assert(
      fc.property(fc.array(node(3), { minLength: 1, maxLength: 3 }), comment, (documents, note) => {
        const source = `${documents.map((lines) => [note, ...lines].join("\n")).join("\n---\n")}\n`;
        expectSameReading(source, source);
      }),
      { numRuns: 500, seed: 25 },
    );
  });
});
