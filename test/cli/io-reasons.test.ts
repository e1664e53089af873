import { describe, expect, it } from "vitest";
import { writeFailureReason } from "../../src/cli/output/write-file.js";
import { cannotRead } from "../../src/cli/input/read.js";

describe("why a file could not be read or written, in words", () => {
  it.each([
    ["ELOOP", /too many symbolic links/],
    ["EIO", /input\/output error/],
    ["EBADF", /file descriptor is not open/],
    ["ENAMETOOLONG", /name is too long/],
    ["ENOTDIR", /part of the path is a file/],
  ])("%s is worded, never Node's raw text", (code, words) => {
    const error = Object.assign(new Error(`${code}: raw node text, open 'x'`), { code });
    for (const lang of ["en", "ko"] as const) {
      const written = writeFailureReason(error, lang);
      const read = cannotRead("x.json", error, lang).problems[0]!;
      for (const text of [written, read]) expect(text).not.toMatch(/raw node text|E[A-Z]{2,}/);
      if (lang === "en") expect(written).toMatch(words);
    }
  });
});
