// Help that helps, run as a user runs it: `help [command]`, "did you mean"
// for a mistyped command, and shell completion that a real bash loads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { completionModel } from "../../src/cli/commands/completion.js";
import { FORMATS } from "../../src/cli/input/options.js";
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

  it.each([
    [["help", "compare", "--lang", "ko"], {}, "사용법: ecs-or-eks compare [옵션]"],
    [["help", "--lang", "ko"], {}, "사용법: ecs-or-eks [옵션] [명령]"],
    [["help", "compare", "--lang=ko", "--no-color"], {}, "사용법: ecs-or-eks compare [옵션]"],
    [["help", "compare", "--lang", "en"], { LANG: "ko_KR.UTF-8" }, "Usage: ecs-or-eks compare [options]"],
    [["help", "--lang", "en"], { LANG: "ko_KR.UTF-8" }, "Usage: ecs-or-eks [options] [command]"],
  ])("%j takes the global options every help lists, in either language", async (args, env, usage) => {
    const ran = await runBin(args, { env });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout.split("\n")[0]).toBe(usage);
    // The same text as the command's own --help in that language.
    const flag = await runBin([...args.filter((arg) => arg !== "help"), "--help"], { env });
    expect(ran.stdout).toBe(flag.stdout);
  });

  it.each([
    [["help", "--lang", "kr"]],
    [["--lang", "kr"]],
    [["compare", "--lang=kr"]],
    // Every command, its subcommands and the ones with an operand too: the parser refuses it once, for all.
    [["completion", "bash", "--lang", "kr"]],
    [["rules", "check", "rules/rules.json", "--lang", "kr"]],
    [["schema", "--lang", "kr"]],
  ])("%j: an unknown language is refused in both languages, each with the nearest one", async (args) => {
    const ran = await runBin(args);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      'ecs-or-eks: unknown language "kr": use one of en, ko. (Did you mean "ko"?)\n' +
        'ecs-or-eks: 알 수 없는 언어 "kr": en, ko 중 하나를 쓰세요. (혹시 "ko"인가요?)\n',
    );
  });

  it("keeps each example command whole: a long one goes on after a backslash, the pipe's stage together", async () => {
    const { stdout } = await runBin(["scaffold", "--help"]);
    expect(stdout).toContain("\\\n      | kubectl apply -f -\n");
  });

  it.each([
    [["scafold"], 'unknown command "scafold". Did you mean "scaffold"?'],
    [["help", "scafold"], 'unknown command "scafold". Did you mean "scaffold"?'],
    [["frobnicate"], 'unknown command "frobnicate"; the commands are schema, init, rules, prices, compare, scaffold, scan, mcp, help, completion.'],
  ])("%j: exit 2, one line naming the command, and the fix", async (args, message) => {
    const ran = await runBin(args);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(`ecs-or-eks: ${message}\nfix: run \`ecs-or-eks help\` for the commands, or \`ecs-or-eks help COMMAND\` for one.\n`);
  });
});

/** A folder whose files a shell would split or expand: a space, a glob character, a quote. */
function awkwardFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-completion-"));
  for (const name of ["my answers.json", "*.json", "it's.json", "plain.json"]) writeFileSync(join(dir, name), "{}");
  return dir;
}
const AWKWARD = ["*.json", "it's.json", "my answers.json", "plain.json"];

const has = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;

describe("ecs-or-eks completion", () => {
  // Each shell's script is printed once and read from a file: the many shells a test starts need no CLI of their own.
  const printed = new Map<string, Promise<string>>();
  const scriptOf = (shell: string) => {
    if (!printed.has(shell)) {
      printed.set(
        shell,
        runBin(["completion", shell]).then((ran) => {
          const file = join(mkdtempSync(join(tmpdir(), "ecs-or-eks-script-")), `ecs-or-eks.${shell}`);
          writeFileSync(file, ran.stdout);
          return file;
        }),
      );
    }
    return printed.get(shell)!;
  };

  /** What bash offers for the words typed so far (the last one being completed), with the script loaded. */
  async function bashCompletes(words: string[], options: { cwd?: string; setup?: string; asUsers?: boolean } = {}): Promise<string[]> {
    const script = [
      options.setup ?? "",
      // As the README says to load it, or from the script printed once.
      options.asUsers ? `source <("${process.execPath}" "${BIN}" completion bash)` : `source '${await scriptOf("bash")}'`,
      `COMP_WORDS=(${words.map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(" ")})`,
      `COMP_CWORD=${words.length - 1}`,
      "_ecs_or_eks",
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join("\n");
    const ran = await runProcess("bash", ["--norc", "--noprofile", "-c", script], { cwd: options.cwd ?? ROOT, env: { PATH: process.env.PATH ?? "" } });
    expect(ran.stderr).toBe("");
    return ran.stdout.split("\n").filter(Boolean);
  }

  it("bash: completes the values of --cloud-strategy", async () => {
    expect(await bashCompletes(["ecs-or-eks", "--cloud-strategy", ""], { asUsers: true })).toEqual(["aws-only", "aws-first", "multi-cloud", "hybrid"]);
    expect(await bashCompletes(["ecs-or-eks", "--cloud-strategy", "aws-f"])).toEqual(["aws-first"]);
  });

  it("bash: completes commands, a command's own flags, and every answer's values from the questions table", async () => {
    expect(await bashCompletes(["ecs-or-eks", "scaf"])).toEqual(["scaffold"]);
    expect(await bashCompletes(["ecs-or-eks", "sca"])).toEqual(["scaffold", "scan"]);
    expect(await bashCompletes(["ecs-or-eks", "pr"])).toEqual(["prices"]);
    // The answer flags scaffold takes, then its own: --platform-upkeep is an answer, --platform is scaffold's.
    expect(await bashCompletes(["ecs-or-eks", "scaffold", "--pla"])).toEqual(["--platform-upkeep", "--platform"]);
    expect(await bashCompletes(["ecs-or-eks", "compare", "--pla"])).toEqual([]);
    expect(await bashCompletes(["ecs-or-eks", "prices", ""])).toEqual(["check", "import"]);
    expect(await bashCompletes(["ecs-or-eks", "help", "pri"])).toEqual(["prices"]);
    expect(await bashCompletes(["ecs-or-eks", "completion", "z"])).toEqual(["zsh"]);
    // The value after a flag is never taken for a command: here "rules" is a file's name.
    expect(await bashCompletes(["ecs-or-eks", "--answers", "rules", "--cl"])).toEqual(["--cloud-strategy", "--clusters"]);
    // --workload also reads a FILE (the services answer shares its flag): its own test below.
    for (const q of QUESTIONS.filter((question) => question.kind === "choice" && question.flag !== "workload")) {
      expect(await bashCompletes(["ecs-or-eks", `--${q.flag}`, ""])).toEqual(q.choices);
    }
  });

  it("bash: --format offers the formats each command takes, the batch's after --batch", async () => {
    expect(await bashCompletes(["ecs-or-eks", "--format", ""])).toEqual([...FORMATS.advise]);
    expect(await bashCompletes(["ecs-or-eks", "--batch", "--format", ""])).toEqual([...FORMATS.batch]);
    expect(await bashCompletes(["ecs-or-eks", "scan", "-f", ""])).toEqual([...FORMATS.scan]);
    expect(await bashCompletes(["ecs-or-eks", "rules", "--format", ""])).toEqual([...FORMATS.rules]);
    expect(await bashCompletes(["ecs-or-eks", "prices", "--format", ""])).toEqual([...FORMATS.prices]);
    expect(await bashCompletes(["ecs-or-eks", "compare", "--format", ""])).toEqual([...FORMATS.compare]);
    expect(await bashCompletes(["ecs-or-eks", "scan", "--format", "a"])).toEqual([]);
  });

  it("bash: --workload offers its choices and the files it can read", async () => {
    const dir = awkwardFolder();
    const workload = QUESTIONS.find((q) => q.key === "workload")!;
    const choices = workload.kind === "choice" ? workload.choices : [];
    expect((await bashCompletes(["ecs-or-eks", "--workload", ""], { cwd: dir })).sort()).toEqual([...choices, ...AWKWARD].sort());
    expect(await bashCompletes(["ecs-or-eks", "--workload", "my"], { cwd: dir })).toEqual(["my answers.json"]);
  });

  it.each([["rules"], ["prices"]])("bash: completes the file of `%s check`, and its flags", async (command) => {
    const dir = awkwardFolder();
    expect((await bashCompletes(["ecs-or-eks", command, "check", ""], { cwd: dir })).sort()).toEqual(AWKWARD);
    expect(await bashCompletes(["ecs-or-eks", command, "check", "--la"], { cwd: dir })).toEqual(["--lang"]);
  });

  it("bash: a file name with a space, a quote or a * is one candidate, unexpanded, with failglob and nullglob set", async () => {
    const dir = awkwardFolder();
    for (const setup of ["", "shopt -s failglob", "shopt -s nullglob"]) {
      expect((await bashCompletes(["ecs-or-eks", "--answers", ""], { cwd: dir, setup })).sort(), setup).toEqual(AWKWARD);
      expect(await bashCompletes(["ecs-or-eks", "--answers", "my"], { cwd: dir, setup }), setup).toEqual(["my answers.json"]);
      expect(await bashCompletes(["ecs-or-eks", "--answers", "*"], { cwd: dir, setup }), setup).toEqual(["*.json"]);
    }
  });

  it.skipIf(!has("zsh"))("zsh: loads, completes commands, values and operands, and leaves files to zsh's own _files", async () => {
    /** What the script hands zsh for the words typed so far: compadd's words, or "_files". */
    const zshCompletes = async (words: string[]) => {
      const script = [
        // The completion system's own functions, as stand-ins that say what they were given.
        'compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }',
        "_files() { print -r -- _files; }",
        "compdef() { print -r -- compdef $*; }",
        `source '${await scriptOf("zsh")}'`,
        `words=(${words.map((word) => `'${word}'`).join(" ")})`,
        `CURRENT=${words.length}`,
        "_ecs_or_eks",
      ].join("\n");
      const ran = await runProcess("zsh", ["-f", "-c", script], { cwd: ROOT, env: { PATH: process.env.PATH ?? "" } });
      expect(ran.stderr).toBe("");
      return ran.stdout.split("\n").filter(Boolean);
    };
    expect((await zshCompletes(["ecs-or-eks", ""]))).toEqual(["compdef _ecs_or_eks ecs-or-eks", ...completionModel().commands[""]!.subcommands]);
    expect((await zshCompletes(["ecs-or-eks", "--cloud-strategy", ""])).slice(1)).toEqual(["aws-only", "aws-first", "multi-cloud", "hybrid"]);
    expect((await zshCompletes(["ecs-or-eks", "--answers", ""])).slice(1)).toEqual(["_files"]);
    expect((await zshCompletes(["ecs-or-eks", "prices", "check", ""])).slice(1)).toEqual(["_files"]);
    expect((await zshCompletes(["ecs-or-eks", "completion", ""])).slice(1)).toEqual(["bash", "zsh", "fish"]);
    expect((await zshCompletes(["ecs-or-eks", "--batch", "--format", ""])).slice(1)).toEqual([...FORMATS.batch]);
    expect((await zshCompletes(["ecs-or-eks", "scan", "--format", ""])).slice(1)).toEqual([...FORMATS.scan]);
    expect((await zshCompletes(["ecs-or-eks", "--workload", ""])).slice(1).at(-1)).toBe("_files");
  });

  it.skipIf(!has("fish"))("fish: completes commands, values and files, a name with a space or a * as one", async () => {
    const dir = awkwardFolder();
    const script = join(dir, "..", `${dir.split("/").at(-1)}.fish`);
    writeFileSync(script, (await runBin(["completion", "fish"])).stdout);
    const fishCompletes = async (line: string) => {
      const ran = await runProcess("fish", ["--no-config", "-c", `source '${script}'; complete -C '${line}'`], { cwd: dir, env: { PATH: process.env.PATH ?? "", HOME: dir } });
      expect(ran.stderr).toBe("");
      return ran.stdout.split("\n").filter(Boolean).map((entry) => entry.split("\t")[0]);
    };
    expect(await fishCompletes("ecs-or-eks pri")).toEqual(["prices"]);
    expect(await fishCompletes("ecs-or-eks --cloud-strategy aws-")).toEqual(["aws-first", "aws-only"]);
    expect((await fishCompletes("ecs-or-eks --answers ")).sort()).toEqual(AWKWARD);
    expect((await fishCompletes("ecs-or-eks rules check ")).sort()).toEqual(AWKWARD);
    expect(await fishCompletes("ecs-or-eks prices ")).toEqual(["check", "import"]);
    expect((await fishCompletes("ecs-or-eks prices import ")).sort()).toEqual(AWKWARD);
    // fish sorts what it offers: the answer flag --platform-upkeep after scaffold's own --platform.
    expect(await fishCompletes("ecs-or-eks scaffold --pla")).toEqual(["--platform", "--platform-upkeep"]);
    // fish sorts these too.
    expect(await fishCompletes("ecs-or-eks --format ")).toEqual([...FORMATS.advise].sort());
    expect(await fishCompletes("ecs-or-eks --batch --format ")).toEqual([...FORMATS.batch].sort());
    expect(await fishCompletes("ecs-or-eks rules --format ")).toEqual([...FORMATS.rules].sort());
    expect(await fishCompletes("ecs-or-eks scan --format ")).toEqual([...FORMATS.scan].sort());
    expect(await fishCompletes("ecs-or-eks --workload my")).toEqual(["my answers.json"]);
  });

  it("offers exactly the flags each command takes, for every command the help lists, nested ones too", async () => {
    const model = completionModel();
    const { stdout: main } = await runBin(["--help"]);
    const listed = [...main.slice(main.indexOf("Commands:")).matchAll(/^ {2}([a-z]+)/gm)].map((match) => match[1]);
    expect(model.commands[""]!.subcommands).toEqual(listed);
    // Each help is read by a CLI of its own, all started at once: a score of processes, one after another, outlasts the bound on a loaded machine.
    const helps = await Promise.all(listed.map((name) => runBin([name!, "--help"])));
    for (const [i, name] of listed.entries()) {
      const { stdout } = helps[i]!;
      const nested = stdout.includes("Commands:") ? [...stdout.slice(stdout.indexOf("Commands:")).matchAll(/^ {2}([a-z]+)/gm)].map((match) => match[1]) : [];
      expect(model.commands[name!]!.subcommands, name).toEqual(nested.filter((sub) => sub !== "help"));
    }
    const commands = Object.entries(model.commands);
    const ownHelps = await Promise.all(commands.map(([command]) => runBin([...command.split(" ").filter(Boolean), "--help"])));
    for (const [i, [command, completed]] of commands.entries()) {
      const { stdout } = ownHelps[i]!;
      const options = stdout.slice(stdout.indexOf("Options:"), stdout.indexOf("Commands:") > 0 ? stdout.indexOf("Commands:") : undefined);
      const shown = [...options.matchAll(/(?:^|[\s,])(--?[a-z][a-z-]*)/gm)].map((match) => match[1]);
      expect(new Set(completed.flags), command || "main").toEqual(new Set(shown.filter((flag) => flag !== "-V" && flag !== "--version")));
    }
  }, 60_000);

  it.each(["zsh", "fish"])("%s: a script naming every command and answer flag", async (shell) => {
    const ran = await runBin(["completion", shell]);
    expect(ran.code).toBe(0);
    for (const name of Object.keys(completionModel().commands)) expect(ran.stdout).toContain(name);
    for (const q of QUESTIONS) expect(ran.stdout).toContain(shell === "fish" ? `-l ${q.flag}` : `--${q.flag}`);
  });

  it("refuses another shell, suggesting the nearest", async () => {
    const ran = await runBin(["completion", "bsh"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('ecs-or-eks: completion takes bash, zsh or fish (got "bsh"). (Did you mean "bash"?)\n');
  });
});
