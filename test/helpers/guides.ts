import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import { ROOT } from "./fixtures.js";

// The guides a person follows step by step (RELEASING.md, CONTRIBUTING.md): every command they show must exist.

/** The commands of a guide's console blocks ("$ " lines), as typed. */
export function guideCommands(guide: string): string[] {
  return [...guide.matchAll(/```console\n([\s\S]*?)```/g)].flatMap((block) =>
    block[1]!.split("\n").filter((line) => line.startsWith("$ ")).map((line) => line.slice(2).trim()),
  );
}

const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;
const onPath = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;

/** Fails unless the program, and for npm, git and npx its subcommand and flags, exist here. */
export function expectCommandExists(command: string): void {
  // A leading VAR=value sets the environment; the program comes after.
  const [program, sub, ...rest] = command.replace(/^(\w+=\S+\s+)+/, "").split(/\s+/);
  if (program!.startsWith(".") || program!.includes("/")) {
    expect(existsSync(`${ROOT}${program}`), `${program} is not in the repository`).toBe(true);
  } else {
    expect(onPath(program!), `${program} is not installed`).toBe(true);
  }
  if (program === "npm" && sub === "run") {
    expect(Object.keys(scripts)).toContain(rest[0]);
  } else if (program === "npm") {
    // The subcommand and every flag it is given, as npm's own help lists them.
    const help = spawnSync("npm", [sub!, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    for (const flag of rest.filter((word) => word.startsWith("--"))) expect(help.stdout, `npm ${sub} has no ${flag}`).toContain(flag);
    if (sub === "test" || sub === "start") expect(Object.keys(scripts)).toContain(sub);
  } else if (program === "npx" && !sub!.startsWith("-")) {
    // A project tool, run from node_modules/.bin.
    expect(existsSync(`${ROOT}node_modules/.bin/${sub}`), `${sub} is not a project tool`).toBe(true);
  } else if (program === "git") {
    const help = spawnSync("git", [sub!, "-h"], { encoding: "utf8" });
    expect(help.stdout + help.stderr).toMatch(/usage: git/);
  } else if (program === "node" && sub && !sub.startsWith("-")) {
    expect(existsSync(`${ROOT}${sub}`), `${sub} is not in the repository`).toBe(true);
  }
}
