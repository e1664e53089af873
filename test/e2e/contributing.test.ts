// CONTRIBUTING.md is followed step by step by someone new: every command it
// shows exists, every file it names is there, and the one command that
// records output again does what it says.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { expectCommandExists, guideCommands } from "../helpers/guides.js";

const guide = readFileSync(`${ROOT}CONTRIBUTING.md`, "utf8");
const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;
// Commands shown in backticks in the text and the table, as well as in console blocks.
const quoted = [...guide.matchAll(/`((?:npm|npx|node|\.ci\/)[^`]*)`/g)].map((match) => match[1]!);
// Files and folders of the repository it names ("KEY", "VALUE" and "ARGS" stand for what you choose).
const paths = [...guide.matchAll(/`((?:src|test|scripts|rules|docs|bin|\.ci)\/[^`\s]*|[A-Z]+\.md)`/g)].map((match) => match[1]!).filter((path) => !/KEY|VALUE|ARGS/.test(path));

describe("CONTRIBUTING.md", () => {
  it.each([...new Set([...guideCommands(guide), ...quoted])])("`%s` exists", (command) => {
    expectCommandExists(command);
  });

  it.each([...new Set(paths)])("names %s, which is there", (path) => {
    expect(existsSync(`${ROOT}${path}`)).toBe(true);
  });

  it("gives one command that records the golden corpus and the examples again, after building", () => {
    expect(guideCommands(guide)).toContain("npm run record");
    expect(scripts.record).toMatch(/^npm run build\b.*&& GOLDEN_WRITE=1 vitest run .*test\/golden/);
  });
});
