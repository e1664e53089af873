// Help that helps, run as a user runs it: `help [command]`, "did you mean"
// for a mistyped command, and shell completion that a real bash loads.
import { describe, expect, it } from "vitest";
import { completionModel } from "../../src/cli/commands/completion.js";
import { QUESTIONS } from "../../src/engine/questions.js";
import { ROOT } from "../helpers/fixtures.js";
import { BIN, runBin, runProcess } from "../helpers/run-bin.js";

describe("ecs-or-eks help [command]", () => {
  it("prints the main help, as --help does", async () => {
    const [help, flag] = await Promise.all([runBin(["help"]), runBin(["--help"])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stdout).toMatch(/^\s+help \[command\]/m);
    expect(help.stdout).toMatch(/^\s+completion <shell>/m);
  });

  it("prints a command's help, as the command's --help does", async () => {
    const [help, flag] = await Promise.all([runBin(["help", "scaffold"]), runBin(["scaffold", "--help"])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stdout).toContain("--platform <platform>");
  });

  it("keeps each example command whole: a long one goes on after a backslash, the pipe's stage together", async () => {
    const { stdout } = await runBin(["scaffold", "--help"]);
    expect(stdout).toContain("\\\n      | kubectl apply -f -\n");
  });

  it.each([
    [["scafold"], 'unknown command "scafold". Did you mean "scaffold"?'],
    [["help", "scafold"], 'unknown command "scafold". Did you mean "scaffold"?'],
    [["frobnicate"], 'unknown command "frobnicate"; the commands are schema, init, rules, prices, compare, scaffold, help, completion.'],
  ])("%j: exit 2, one line naming the command, and the fix", async (args, message) => {
    const ran = await runBin(args);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(`ecs-or-eks: ${message}\nfix: run \`ecs-or-eks help\` for the commands, or \`ecs-or-eks help COMMAND\` for one.\n`);
  });
});

describe("ecs-or-eks completion", () => {
  /** What bash offers for the words typed so far (the last one being completed), with the script loaded. */
  async function bashCompletes(...words: string[]): Promise<string[]> {
    const script = [
      `source <("${process.execPath}" "${BIN}" completion bash)`,
      `COMP_WORDS=(${words.map((word) => `"${word}"`).join(" ")})`,
      `COMP_CWORD=${words.length - 1}`,
      "_ecs_or_eks",
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join("\n");
    const ran = await runProcess("bash", ["--norc", "--noprofile", "-c", script], { cwd: ROOT, env: { PATH: process.env.PATH ?? "" } });
    expect(ran.stderr).toBe("");
    return ran.stdout.split("\n").filter(Boolean);
  }

  it("bash: completes the values of --cloud-strategy", async () => {
    expect(await bashCompletes("ecs-or-eks", "--cloud-strategy", "")).toEqual(["aws-only", "aws-first", "multi-cloud", "hybrid"]);
    expect(await bashCompletes("ecs-or-eks", "--cloud-strategy", "aws-f")).toEqual(["aws-first"]);
  });

  it("bash: completes commands, a command's own flags, and every answer's values from the questions table", async () => {
    expect(await bashCompletes("ecs-or-eks", "sca")).toEqual(["scaffold"]);
    // The answer flags scaffold takes, then its own: --platform-upkeep is an answer, --platform is scaffold's.
    expect(await bashCompletes("ecs-or-eks", "scaffold", "--pla")).toEqual(["--platform-upkeep", "--platform"]);
    expect(await bashCompletes("ecs-or-eks", "compare", "--pla")).toEqual([]);
    for (const q of QUESTIONS.filter((question) => question.kind === "choice")) {
      expect(await bashCompletes("ecs-or-eks", `--${q.flag}`, "")).toEqual(q.choices);
    }
  });

  it("offers exactly the flags each command takes", async () => {
    const model = completionModel();
    for (const [command, flags] of Object.entries(model.flags)) {
      const { stdout } = await runBin([...(command === "" ? [] : [command]), "--help"]);
      const options = stdout.slice(stdout.indexOf("Options:"), stdout.indexOf("Commands:") > 0 ? stdout.indexOf("Commands:") : undefined);
      const shown = [...options.matchAll(/(?:^|[\s,])(--?[a-z][a-z-]*)/gm)].map((match) => match[1]);
      expect(new Set(flags), command || "main").toEqual(new Set(shown.filter((flag) => flag !== "-V" && flag !== "--version")));
    }
  });

  it.each(["zsh", "fish"])("%s: a script naming every command and answer flag", async (shell) => {
    const ran = await runBin(["completion", shell]);
    expect(ran.code).toBe(0);
    for (const name of completionModel().commands) expect(ran.stdout).toContain(name);
    for (const q of QUESTIONS) expect(ran.stdout).toContain(shell === "fish" ? `-l ${q.flag}` : `--${q.flag}`);
  });

  it("refuses another shell, suggesting the nearest", async () => {
    const ran = await runBin(["completion", "bsh"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('ecs-or-eks: completion takes bash, zsh or fish (got "bsh"). (Did you mean "bash"?)\n');
  });
});
