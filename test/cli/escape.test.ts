import { describe, expect, it } from "vitest";
import { forMarkdown, forTerminal } from "../../src/cli/output/escape.js";

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
});
