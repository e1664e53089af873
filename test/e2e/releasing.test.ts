// RELEASING.md is followed by a person on release day: each command it names
// must exist, with the subcommands and flags it uses.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { SCHEMA_URL } from "../../src/cli/package-info.js";

const guide = readFileSync(`${ROOT}RELEASING.md`, "utf8");
const commands = [...guide.matchAll(/```console\n([\s\S]*?)```/g)].flatMap((block) =>
  block[1]!.split("\n").filter((line) => line.startsWith("$ ")).map((line) => line.slice(2).trim()),
);
const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;
const onPath = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;

describe("RELEASING.md", () => {
  it("names the steps the issue asks for", () => {
    expect(commands).toContain("npm publish --provenance --access public");
    expect(commands).toContain("git tag -f v1");
    expect(guide).toContain(SCHEMA_URL);
    expect(guide).toMatch(/repository placeholder/);
  });

  it.each(commands)("`%s` exists", (command) => {
    const [program, sub, ...rest] = command.split(/\s+/);
    expect(onPath(program!), `${program} is not installed`).toBe(true);
    if (program === "npm" && sub === "run") {
      expect(Object.keys(scripts)).toContain(rest[0]);
    } else if (program === "npm") {
      // The subcommand and every flag it is given, as npm's own help lists them.
      const help = spawnSync("npm", [sub!, "--help"], { encoding: "utf8" });
      expect(help.status).toBe(0);
      for (const flag of rest.filter((word) => word.startsWith("--"))) expect(help.stdout, `npm ${sub} has no ${flag}`).toContain(flag);
      if (sub === "test") expect(Object.keys(scripts)).toContain("test");
    } else if (program === "npx" && !sub!.startsWith("-")) {
      // A project tool, run from node_modules/.bin.
      expect(existsSync(`${ROOT}node_modules/.bin/${sub}`), `${sub} is not a project tool`).toBe(true);
    } else if (program === "git") {
      expect(spawnSync("git", [sub!, "-h"], { encoding: "utf8" }).stdout + spawnSync("git", [sub!, "-h"], { encoding: "utf8" }).stderr).toMatch(/usage: git/);
    }
  });
});
