import { describe, expect, it } from "vitest";
import { quoteValue } from "../../src/engine/quote-value.js";

/** What JSON.stringify says, cut to 40 characters as a message shows it. */
const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

describe("a value as a message quotes it", () => {
  it.each([
    ["a string", "tight"],
    ["a short list", ["helm", 1, null, { a: [true] }]],
    ["a long list", Array.from({ length: 100 }, (_, i) => i)],
    ["an object", { kubernetesExperience: "none", cloudStrategy: "aws-only" }],
    ["a list holding a long string", ["x".repeat(100_000)]],
  ])("%s: as JSON, cut at 40 characters", (_name, value) => {
    expect(quoteValue(value)).toBe(cut(JSON.stringify(value)));
  });

  it("a number as written: -0 stays -0", () => {
    expect(quoteValue(-0)).toBe("-0");
  });

  it("quotes values nested 30,000 deep, which JSON.parse reads but JSON.stringify cannot write, by their start", () => {
    const list = JSON.parse(`${"[".repeat(30_000)}${"]".repeat(30_000)}`) as unknown;
    expect(quoteValue(list)).toBe(cut("[".repeat(100)));
    const object = JSON.parse(`${'{"a":'.repeat(30_000)}1${"}".repeat(30_000)}`) as unknown;
    expect(quoteValue(object)).toBe(cut('{"a":'.repeat(100)));
  });
});
