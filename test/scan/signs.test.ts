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
    ["eu-west", undefined],
    ["arm64", undefined],
    ["gpu", undefined],
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

  it("counts no environment, and so no cluster, for overlays that are variants of a build (arm64, x86_64, gpu) or values files named so", async () => {
    // As vllm-serve/overlays/{x86_64,arm64} lay a model server out: one cluster's two builds, not two environments.
    const overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\npatches:\n  - path: deployment-patch.yaml\n";
    const result = await scan([
      { path: "vllm-serve/overlays/arm64/kustomization.yaml", text: overlay },
      { path: "vllm-serve/overlays/x86_64/kustomization.yaml", text: overlay },
      { path: "vllm-serve/overlays/gpu/kustomization.yaml", text: overlay },
      { path: "charts/api/Chart.yaml", text: "apiVersion: v2\nname: api\nversion: 1.0.0\n" },
      { path: "charts/api/values-arm.yaml", text: "nodeSelector:\n  kubernetes.io/arch: arm64\n" },
    ]);
    expect(result.answers.clusters).toBeUndefined();
    expect(result.evidence.filter((entry) => entry.answer === "clusters")).toEqual([]);
  });

  it("takes an overlay's environment from its namespace, or a patch's name, where its folder names none, on that line", async () => {
    const result = await scan([
      { path: "deploy/overlays/eu1/kustomization.yaml", text: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-prod\nresources:\n  - ../../base\n" },
      { path: "deploy/overlays/eu2/kustomization.yaml", text: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\npatches:\n  - path: replicas.yaml\n  - path: patches/staging.yaml\n" },
    ]);
    expect(result.answers.clusters).toBe(2);
    expect(result.evidence.filter((entry) => entry.answer === "clusters").map(({ value, file, line, detail }) => ({ value, file, line, detail }))).toEqual([
      { value: "production", file: "deploy/overlays/eu1/kustomization.yaml", line: 3, detail: "namespace: shop-prod" },
      { value: "staging", file: "deploy/overlays/eu2/kustomization.yaml", line: 7, detail: "patches/staging.yaml" },
    ]);
  });
});
