import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";
import { environmentName } from "../../src/scan/signs.js";

describe("environments named by folders and values files", () => {
  it.each([
    ["prod", "production"],
    ["production-eu", "production"],
    ["Pre-Prod", "preprod"],
    ["stg", "staging"],
    ["dev", "development"],
    ["eu-west", "eu-west"],
  ])("%s is %s", (name, environment) => {
    expect(environmentName(name)).toBe(environment);
  });

  it("counts values-prod.yaml and overlays/production-eu as one environment, production (docs/scan.md)", async () => {
    const overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n";
    const result = await scan([
      { path: "charts/api/Chart.yaml", text: "apiVersion: v2\nname: api\nversion: 1.0.0\n" },
      { path: "charts/api/values-prod.yaml", text: "replicaCount: 3\n" },
      { path: "deploy/overlays/production-eu/kustomization.yaml", text: overlay },
      { path: "deploy/overlays/stg/kustomization.yaml", text: overlay },
    ]);
    expect(result.answers.clusters).toBe(2);
    const environments = result.evidence.filter((entry) => entry.answer === "clusters").map((entry) => `${entry.value} ${entry.file}`);
    expect(environments).toEqual(["production charts/api/values-prod.yaml", "production deploy/overlays/production-eu/kustomization.yaml", "staging deploy/overlays/stg/kustomization.yaml"]);
  });
});
