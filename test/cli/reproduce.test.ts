import { describe, expect, it } from "vitest";
import { flagsFor } from "../../src/cli/input/flags.js";
import { renderReproduce, rerunCommand } from "../../src/cli/render/reproduce.js";

describe("the command that gives a result again", () => {
  it("has a flag for each answer that differs from its default, and every required one", () => {
    expect(
      flagsFor({ kubernetesExperience: "none", cloudStrategy: "aws-only", microservices: 4, budget: "tight", opsCapacity: "some", ecosystem: ["helm", "gitops"], clusters: 1 }),
    ).toEqual(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--microservices", "4", "--budget", "tight", "--ecosystem", "helm,gitops"]);
  });

  it("leaves out an answer left unknown", () => {
    expect(flagsFor({ engineers: undefined, budget: "tight" })).toEqual(["--budget", "tight"]);
  });

  it("goes on over lines ending in a backslash when too wide, never splitting a flag from its value", () => {
    const text = renderReproduce(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight"], 40, "en", {});
    expect(text).toBe(
      ["", "To get this result again:", "  ecs-or-eks \\", "    --kubernetes-experience none \\", "    --cloud-strategy aws-only \\", "    --budget tight", ""].join("\n"),
    );
  });

  it.each([
    [{}, "ecs-or-eks"],
    // `npm start` in a clone: the start script of this package.
    [{ npm_lifecycle_event: "start", npm_package_name: "ecs-or-eks", npm_command: "start" }, "npm start --"],
    // Another package's start script running the installed tool is the installed tool.
    [{ npm_lifecycle_event: "start", npm_package_name: "my-app" }, "ecs-or-eks"],
    // npx (npm exec), whatever folder it runs in.
    [{ npm_lifecycle_event: "npx", npm_command: "exec", npm_package_name: "ecs-or-eks" }, "npx ecs-or-eks"],
  ])("starts the command as the run was started: %j gives %s", (env, start) => {
    expect(rerunCommand(env, "answers.json", "en")).toBe(`${start} --answers answers.json`);
    expect(renderReproduce(["--budget", "tight"], 80, "en", env)).toContain(`  ${start} --budget tight\n`);
  });

  it("quotes what a shell would split or expand", () => {
    expect(renderReproduce(["--rules", "my rules.json", "--budget", "tight"], 80, "en", {})).toContain("  ecs-or-eks --rules 'my rules.json' --budget tight\n");
    expect(rerunCommand({}, "it's *.json", "en")).toBe("ecs-or-eks --answers 'it'\\''s *.json'");
  });

  it("keeps Korean in the command to run again, wherever the language came from: a CI runner's locale is C", () => {
    expect(rerunCommand({ npm_command: "exec" }, "answers.json", "ko")).toBe("npx ecs-or-eks --answers answers.json --lang ko");
    expect(rerunCommand({}, "answers.json", "en")).toBe("ecs-or-eks --answers answers.json");
  });
});
