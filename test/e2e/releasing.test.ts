// RELEASING.md is followed by a person on release day: each command it names
// must exist, with the subcommands and flags it uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_URL } from "../../src/cli/package-info.js";
import { ROOT } from "../helpers/fixtures.js";
import { expectCommandExists, guideCommands } from "../helpers/guides.js";

const guide = readFileSync(`${ROOT}RELEASING.md`, "utf8");
const commands = guideCommands(guide);

describe("RELEASING.md", () => {
  it("names the steps the issue asks for", () => {
    expect(commands).toContain("npm publish --provenance --access public");
    expect(commands).toContain("git tag -f v1");
    expect(guide).toContain(SCHEMA_URL);
    expect(guide).toMatch(/repository placeholder/);
  });

  it.each(commands)("`%s` exists", (command) => {
    expectCommandExists(command);
  });
});
