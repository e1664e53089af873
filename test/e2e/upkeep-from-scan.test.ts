// Issue 27 with issue 25: what a repository shows about Kubernetes-only features
// reaches the upkeep rule through --from, as a user runs it (the built bin).
import { describe, expect, it } from "vitest";
import { fixturePath } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

// A team on Kubernetes with several engineers keeping its clusters running; the repository runs a DaemonSet.
const TEAM = ["--kubernetes-experience", "proficient", "--cloud-strategy", "aws-only", "--budget", "moderate", "--microservices", "12", "--platform-upkeep", "several", "--json"];
const REPOSITORY = fixturePath("scan/gpu-device-plugin");

const ruleIds = (stdout: string): string[] => (JSON.parse(stdout) as { reasons: { ruleId: string }[] }).reasons.map((reason) => reason.ruleId);

describe("--from DIR and the upkeep of a team's clusters", () => {
  it("takes the Kubernetes-only features the scan found, so several engineers' upkeep no longer weighs for ECS", async () => {
    const ran = await runBin(["--from", REPOSITORY, ...TEAM]);
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", kubernetesFeatures: "some" });
    expect(result.fromRepository.keys).toContain("kubernetesFeatures");
    expect(ruleIds(ran.stdout)).not.toContain("ecs-upkeep-several");
  });

  it("lets a flag say otherwise, and then the upkeep weighs for ECS", async () => {
    const ran = await runBin(["--from", REPOSITORY, ...TEAM, "--kubernetes-features", "none"]);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).fromRepository.keys).not.toContain("kubernetesFeatures");
    expect(ruleIds(ran.stdout)).toContain("ecs-upkeep-several");
  });
});
