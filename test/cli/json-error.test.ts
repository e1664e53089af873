import { describe, expect, it } from "vitest";
import { findDuplicateKey, locateJsonError } from "../../src/cli/input/json-error.js";

describe("locating a JSON syntax error", () => {
  it.each([
    ['{"a": }', { line: 1, column: 7, found: '"}"', expected: "value" }],
    ['{"a": 1,}', { line: 1, column: 9, found: '"}"', expected: "property" }],
    ['{"a" 1}', { line: 1, column: 6, found: '"1"', expected: "colon" }],
    ['{\n  "a": 1\n  "b": 2\n}', { line: 3, column: 3, found: '"\\""', expected: "commaOrBrace" }],
    ["[1, 2", { line: 1, column: 6, found: null, expected: "commaOrBracket" }],
    ['{"a": "x', { line: 1, column: 9, found: null, expected: "stringEnd" }],
    ['{"a": 1}}', { line: 1, column: 9, found: '"}"', expected: "end" }],
    ["{'a': 1}", { line: 1, column: 2, found: '"\'"', expected: "property" }],
    ['{"a": tru}', { line: 1, column: 7, found: '"t"', expected: "value" }],
    ['{"a": 01}', { line: 1, column: 8, found: '"1"', expected: "commaOrBrace" }],
    ['{"a": "\\x"}', { line: 1, column: 9, found: '"x"', expected: "escape" }],
    ['{"a": 1.}', { line: 1, column: 9, found: '"}"', expected: "digit" }],
  ])("finds the error in %j", (text, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual(problem);
  });

  it("finds nothing wrong in valid JSON", () => {
    for (const text of ['{"a": [1, -2.5e3, true, null, "\\u00e9\\n"]}', " [] ", '"x"']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });
});

describe("finding a key given twice", () => {
  const find = (text: string) => findDuplicateKey(text, JSON.parse(text));
  it.each([
    ['{"a": 1, "a": 2}', { line: 1, column: 10, key: "a" }],
    ['{"x": {"b": 1,\n "b": 2}}', { line: 2, column: 2, key: "b" }],
    ['[{"a": 1}, {"c": [{"__proto__": 1, "__proto__": 2}]}]', { line: 1, column: 36, key: "__proto__" }],
    ['{"a": "x\\":y", "a\\u0062": 1, "ab": 2}', { line: 1, column: 30, key: "ab" }],
  ])("names the second %j", (text, found) => {
    expect(find(text)).toEqual(found);
  });

  it("finds none where each object's keys differ, however many colons the strings hold", () => {
    for (const text of ['{"a": {"a": {"a": 1}}}', '{"a": "::::", "b": [{"a": 1}, {"a": 2}]}', "[1, 2]", '"a:b"']) expect(find(text)).toBeUndefined();
  });

  it("walks 100,000 levels without recursion", () => {
    expect(locateJsonError("[".repeat(100_000))).toMatchObject({ found: null, expected: "value" });
    const deep = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    expect(find(deep.replace('{"a":1}', '{"a":1,"a":2}'))).toMatchObject({ key: "a" });
  });
});
