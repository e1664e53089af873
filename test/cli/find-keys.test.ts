import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { capTypeToFind, MAX_FIND } from "../../src/cli/input/find-keys.js";

/** A stand-in for stdin: what its keypress listeners hear of the keys sent. */
function keyboard() {
  const input = new EventEmitter() as unknown as NodeJS.ReadableStream;
  const heard: string[] = [];
  input.on("keypress", (text: string) => heard.push(text));
  const press = (text: string, key: Record<string, unknown> = {}) => input.emit("keypress", text, { sequence: text, ...key });
  return { input, heard, press };
}

describe("type-to-find in a list prompt", () => {
  it("hears no more than MAX_FIND typed keys in one burst, so each key costs the same however long the paste", () => {
    const { input, heard, press } = keyboard();
    capTypeToFind(input);
    for (const char of "k".repeat(10_000)) press(char);
    expect(heard).toHaveLength(MAX_FIND);
  });

  it("always hears Enter, arrows and Ctrl keys, and a new burst after one", () => {
    const { input, heard, press } = keyboard();
    capTypeToFind(input, 3);
    for (const char of "abcdef") press(char);
    press("\r", { name: "return" });
    press("", { name: "down" });
    press("\u0003", { name: "c", ctrl: true });
    for (const char of "가나다라") press(char);
    expect(heard).toEqual(["a", "b", "c", "\r", "", "\u0003", "가", "나", "다"]);
  });

  it("puts the input back as it was once the list is answered", () => {
    const { input, heard, press } = keyboard();
    const emit = input.emit;
    capTypeToFind(input, 1)();
    for (const char of "abc") press(char);
    expect(heard).toEqual(["a", "b", "c"]);
    expect(input.emit).toBe(emit);
    expect(Object.hasOwn(input, "emit")).toBe(false);
  });
});
