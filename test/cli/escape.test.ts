import { describe, expect, it } from "vitest";
import { forMarkdown, forTerminal, jsonText, mapStrings } from "../../src/cli/output/escape.js";

describe("user text made safe for where it goes", () => {
  it("shows control bytes and bidirectional overrides as visible escapes on a terminal, keeping tabs and text", () => {
    expect(forTerminal("a\u001b]0;t\u0007\nb\r\u0000\u009b\u202e\u2066x\ty 한 😀")).toBe("a\\u001b]0;t\\u0007\\u000ab\\u000d\\u0000\\u009b\\u202e\\u2066x\ty 한 😀");
  });

  it("keeps Markdown on one line, with pipes, backticks, backslashes and HTML escaped", () => {
    expect(forMarkdown("one\n## two | `three` \\ <b>")).toBe("one ## two \\| \\`three\\` \\\\ &lt;b>");
  });

  it("cuts a long string with an ellipsis, never inside an emoji", () => {
    expect(forTerminal("x".repeat(3000))).toBe(`${"x".repeat(1999)}…`);
    const emoji = forTerminal("😀".repeat(3000));
    expect(Array.from(emoji)).toHaveLength(2000);
    expect(emoji.endsWith("😀…")).toBe(true);
    expect(forTerminal("short")).toBe("short");
  });

  it("shows the line and paragraph separators as escapes too: a log viewer would break the line at them", () => {
    expect(forTerminal("a\u2028b\u2029c")).toBe("a\\u2028b\\u2029c");
  });

  it("keeps a link or an image out of Markdown: brackets escaped", () => {
    expect(forMarkdown("![x](https://example.com/t.png) [y](z)")).toBe("!\\[x\\](https://example.com/t.png) \\[y\\](z)");
  });

  it("passes keys as well as values through the format's function", () => {
    expect(mapStrings({ "XL\n# h": { "a\u001b": ["b\u0007"] } }, (text) => forTerminal(text))).toEqual({ "XL\\u000a# h": { "a\\u001b": ["b\\u0007"] } });
  });

  it("writes JSON that parses to the exact value, with DEL, C1, bidirectional controls and line separators as escapes", () => {
    const value = { "k\u202e": "a\u007f\u009b\u2066\u2028\u001b" };
    const text = jsonText(value, 2);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e\u2066\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
