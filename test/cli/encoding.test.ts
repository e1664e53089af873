import { describe, expect, it } from "vitest";
import { encodingProblem } from "../../src/cli/input/encoding.js";

describe("telling UTF-8 from what is not", () => {
  it.each([
    ["UTF-32 LE", [0xff, 0xfe, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00], { kind: "bom", encoding: "UTF-32" }],
    ["UTF-32 BE", [0x00, 0x00, 0xfe, 0xff], { kind: "bom", encoding: "UTF-32" }],
    ["UTF-16 LE", [0xff, 0xfe, 0x7b, 0x00], { kind: "bom", encoding: "UTF-16" }],
    ["UTF-16 BE", [0xfe, 0xff, 0x00, 0x7b], { kind: "bom", encoding: "UTF-16" }],
    ["Latin-1 é", [0x7b, 0x22, 0xe9, 0x22], { kind: "invalid", offset: 2 }],
    ["an overlong slash", [0x61, 0xc0, 0xaf], { kind: "invalid", offset: 1 }],
    ["a surrogate", [0x61, 0x62, 0xed, 0xa0, 0x80], { kind: "invalid", offset: 2 }],
    ["a cut-off character", [0x61, 0xea, 0xb0], { kind: "invalid", offset: 1 }],
  ])("%s", (_name, bytes, problem) => {
    expect(encodingProblem(Uint8Array.from(bytes))).toEqual(problem);
  });

  it("accepts UTF-8, with or without its byte-order mark, Hangul and emoji included", () => {
    for (const text of ["\uFEFF{}", '{"a": "한국어 😀"}', ""]) expect(encodingProblem(Buffer.from(text))).toBeUndefined();
  });
});
