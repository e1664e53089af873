import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { npxFor } from "../../scripts/test-tools.mjs";
import { ROOT } from "../helpers/fixtures.js";
import { inTerminal, KEYS } from "../helpers/pty.js";
import { runProcess, type Ran } from "../helpers/run-bin.js";
import { usePublishedPackage } from "../helpers/published.js";

// The way most people first meet the tool: `npx ecs-or-eks`, by name, from a
// registry, into an empty folder with nothing cached. The package is packed
// as `npm publish` would pack it, published to a registry on this machine
// (verdaccio, no uplinks), and run through the npx of the Node running the
// tests (.ci/run runs them on Node 20, 22 and 24).

const version = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).version as string;
const npx = npxFor(process.execPath);
const { registry, scratch } = usePublishedPackage();

/** An empty folder and an empty npm cache, as on a machine that never ran the tool. */
function freshMachine() {
  const home = mkdtempSync(join(scratch, "user-"));
  const env = { ...registry().env(join(home, ".npm")), PATH: npx.path, HOME: home, LANG: "C.UTF-8" };
  return { cwd: mkdtempSync(join(home, "app-")), env };
}

/** npx with these arguments; piped answers, or stdin closed at once: off a terminal, npx installs without asking. */
function runNpx(args: string[], input?: string): Promise<Ran> {
  return runProcess(npx.command, [...npx.args, ...args], { ...freshMachine(), input });
}

describe(`npx ecs-or-eks from a registry (Node ${process.versions.node}, npm ${npx.version})`, () => {
  it("runs `npx --yes ecs-or-eks@1` with piped JSON answers, from an empty folder and an empty cache", async () => {
    const answers = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 };
    const ran = await runNpx(["--yes", "ecs-or-eks@1", "--json"], JSON.stringify(answers));
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ schemaVersion: 4, recommendation: "ecs", launchType: "fargate" });
  }, 60_000);

  it("runs `npx ecs-or-eks --help` and `--version` by name: the published version, its help", async () => {
    const help = await runNpx(["ecs-or-eks", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ecs-or-eks \[options\] \[command\]/);
    expect(help.stdout).toContain("--kubernetes-experience");
    const shown = await runNpx(["ecs-or-eks", "--version"]);
    expect(shown.stdout).toBe(`${version}\n`);
  }, 60_000);

  it("shows the first question at a terminal, and Ctrl-C leaves with 130", async () => {
    const { cwd, env } = freshMachine();
    const command = [npx.command, ...npx.args, "--yes", "ecs-or-eks"].map((arg) => `'${arg}'`).join(" ");
    const term = inTerminal([], { cwd, env: { ...env, NO_COLOR: "1" }, shell: `stty cols 100 rows 40; exec ${command}` });
    await term.when("(1/22)", KEYS.ctrlC);
    const code = await term.exited;
    const screen = (await term.screen()).join("\n");
    expect(screen).toContain("(1/22)");
    expect(screen).toContain(en["q.currentPlatform"]);
    expect(code).toBe(130);
  }, 60_000);

  it("reaches nothing past the machine: a package the registry lacks is not fetched from anywhere", async () => {
    const ran = await runNpx(["--yes", "left-pad@1.3.0"]);
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/E404|404 Not Found/);
  }, 60_000);

  it("stops the registry it started, by its process id", async () => {
    const { pid } = registry();
    await registry().stop();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
  }, 30_000);
});
