// Flux: a HelmRelease is sized by the values it gives its chart, and what
// flux bootstrap writes (its controllers and their CRDs) is Flux's own.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

const release = `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: checkout
spec:
  chart:
    spec:
      chart: checkout
  values:
    replicaCount: 3
    resources:
      limits:
        cpu: "1"
      requests:
        cpu: 250m
        memory: 512Mi
`;

const components = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: helmreleases.helm.toolkit.fluxcd.io
spec:
  group: helm.toolkit.fluxcd.io
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: helm-controller
  namespace: flux-system
spec:
  template:
    spec:
      containers:
        - name: manager
          image: ghcr.io/fluxcd/helm-controller:v1.3.0
`;

describe("Flux", () => {
  it("takes a HelmRelease's replicaCount and requests from its values, on their lines", async () => {
    const result = await scan([{ path: "apps/checkout/release.yaml", text: release }]);
    expect(result.services).toEqual([
      { name: "checkout", vcpu: 0.25, memoryGiB: 0.5, replicas: 3, arch: null, os: null, gpu: null, platform: "kubernetes", platforms: ["kubernetes"], file: "apps/checkout/release.yaml", line: 15 },
    ]);
    expect(result.answers.ecosystem).toEqual(["helm", "gitops"]);
  });

  it("counts the cluster flux bootstrap writes for, and neither its controllers as services nor its CRDs as operators", async () => {
    const result = await scan([
      { path: "clusters/prod-eu/flux-system/gotk-components.yaml", text: components },
      { path: "clusters/prod-eu/flux-system/kustomization.yaml", text: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - gotk-components.yaml\n  - gotk-sync.yaml\n" },
    ]);
    expect(result.services).toEqual([]);
    expect(result.others.map((other) => [other.name, other.role])).toEqual([["helm-controller", "tool"]]);
    expect(result.answers).toMatchObject({ clusters: 1, ecosystem: ["gitops"] });
    expect(result.evidence.filter((entry) => entry.answer === "clusters").map(({ value, file, line }) => `${value} ${file}:${line}`)).toEqual(["prod-eu clusters/prod-eu/flux-system/kustomization.yaml:4"]);
  });
});
