import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { fakeTerminal } from "../helpers/fake-terminal.js";

describe("the questionnaire at a terminal", () => {
  it("asks every question with progress and a hint, then prints the result to stdout", async () => {
    const term = fakeTerminal();
    const exit = run(["--json"], term.io);
    await term.waitFor("(1/11) How much Kubernetes experience does the team have?");
    expect(term.screen()).toContain("Be honest: running Kubernetes in production is the main cost of EKS.");
    term.press("down");
    term.press("down");
    term.press("enter"); // proficient
    await term.waitFor("(2/11) What is your cloud strategy?");
    term.press("enter"); // aws-only (default)
    await term.waitFor("(3/11)");
    term.press("enter"); // moderate (default)
    await term.waitFor("(4/11) How many services will you run?");
    term.type("12");
    term.press("enter");
    await term.waitFor("(5/11)");
    term.press("space"); // helm
    term.press("enter");
    await term.acceptDefaults(6, 11);
    expect(await exit).toBe(0);
    const result = JSON.parse(term.stdout.text);
    expect(result.answers).toEqual({
      kubernetesExperience: "proficient",
      cloudStrategy: "aws-only",
      budget: "moderate",
      microservices: 12,
      ecosystem: ["helm"],
      timeToMarket: "normal",
      growth: "moderate",
      serviceCommunication: "simple",
      opsCapacity: "some",
      requirements: [],
      clusters: 1,
    });
    expect(term.stdout.text).not.toContain("How much");
  });

  it("asks only what the flags leave open", async () => {
    const term = fakeTerminal();
    const exit = run(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--json"], term.io);
    await term.waitFor("(1/9) How much room is there in the budget?");
    term.press("enter");
    await term.waitFor("(2/9) How many services");
    term.press("enter"); // default 5
    await term.acceptDefaults(3, 9);
    expect(await exit).toBe(0);
    expect(JSON.parse(term.stdout.text).answers).toMatchObject({ kubernetesExperience: "none", microservices: 5 });
  });

  it("refuses a count outside the range and asks again", async () => {
    const term = fakeTerminal();
    const exit = run(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight", "--json", "--no-color"], term.io);
    await term.waitFor("(1/8) How many services");
    term.type("0");
    term.press("enter");
    await term.waitFor("Enter a whole number from 1 to 10000.");
    term.press("backspace");
    term.type("7");
    term.press("enter");
    await term.acceptDefaults(2, 8);
    expect(await exit).toBe(0);
    expect(JSON.parse(term.stdout.text).answers.microservices).toBe(7);
  });

  it("asks in Korean under a Korean locale", async () => {
    const term = fakeTerminal({ LANG: "ko_KR.UTF-8" });
    const exit = run([], term.io);
    await term.waitFor("(1/11) 팀의 Kubernetes 경험은 어느 정도인가요?");
    term.press({ name: "c", ctrl: true });
    expect(await exit).toBe(130);
  });

  it("exits 130 with one quiet line when the user presses Ctrl-C", async () => {
    const term = fakeTerminal();
    const exit = run([], term.io);
    await term.waitFor("(1/11)");
    term.press({ name: "c", ctrl: true });
    expect(await exit).toBe(130);
    expect(term.stdout.text).toBe("");
    expect(term.stderr.text).toMatch(/\nCancelled; nothing was written\.\n$/);
    expect(term.stderr.text).not.toMatch(/ExitPromptError|\n\s+at /);
  });

  it("never prompts under --no-input, even at a terminal", async () => {
    const term = fakeTerminal();
    expect(await run(["--no-input", "--budget", "tight"], term.io)).toBe(2);
    expect(term.stderr.text).toMatch(/^ecs-or-eks: missing required answers: kubernetesExperience/);
  });

  it("rejects a bad flag before asking anything", async () => {
    const term = fakeTerminal();
    expect(await run(["--format", "yaml"], term.io)).toBe(2);
    expect(term.stderr.text).not.toContain("(1/11)");
  });

  it("--save writes the answers given in the questionnaire, and refuses an existing file before asking", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-save-"));
    const term = fakeTerminal();
    term.io.cwd = dir;
    const exit = run(["--kubernetes-experience", "basic", "--cloud-strategy", "aws-only", "--budget", "tight", "--save", "mine.json", "--json"], term.io);
    await term.waitFor("(1/8) How many services");
    term.type("4");
    term.press("enter");
    await term.acceptDefaults(2, 8);
    expect(await exit).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, "mine.json"), "utf8"));
    expect(saved).toMatchObject({ $schema: expect.stringContaining("answers.schema.json"), kubernetesExperience: "basic", microservices: 4, clusters: 1 });
    const again = fakeTerminal();
    again.io.cwd = dir;
    expect(await run(["--save", "mine.json"], again.io)).toBe(2);
    expect(again.screen()).toBe("ecs-or-eks: mine.json already exists.\nfix: pass --force to overwrite it, or choose another file.\n");
  });

  it("init asks the questionnaire and writes the answers file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-init-"));
    writeFileSync(join(dir, "other.json"), "{}");
    const term = fakeTerminal();
    term.io.cwd = dir;
    const exit = run(["init"], term.io);
    await term.acceptDefaults(1, 11);
    expect(await exit).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "answers.json"), "utf8"))).toMatchObject({ kubernetesExperience: "none", microservices: 5 });
    expect(term.stdout.text).toBe("");
  });
});
