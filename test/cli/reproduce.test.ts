import { describe, expect, it } from "vitest";
import { flagsFor } from "../../src/cli/input/flags.js";
import { renderReproduce } from "../../src/cli/render/reproduce.js";

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
    const text = renderReproduce(["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--budget", "tight"], 40, "en");
    expect(text).toBe(
      ["", "To get this result again:", "  ecs-or-eks \\", "    --kubernetes-experience none \\", "    --cloud-strategy aws-only \\", "    --budget tight", ""].join("\n"),
    );
  });
});
