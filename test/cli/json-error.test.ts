import { describe, expect, it } from "vitest";
import { locateJsonError } from "../../src/cli/input/json-error.js";

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
