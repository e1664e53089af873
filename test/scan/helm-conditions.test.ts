// A chart's `if` and `with` decided from its default values where the files
// can tell, and left open (the stretch kept) where they cannot.
import { describe, expect, it } from "vitest";
import { conditionHolds } from "../../src/scan/helm-conditions.js";
import { scan } from "../../src/scan/scan.js";

const values = { app: { search: { enabled: false, provider: "self-hosted" } }, mysql: { create: true }, tags: {}, name: "api", replicas: 0 };

describe("Helm conditions", () => {
  it.each([
    [".Values.mysql.create", true],
    [".Values.app.search.enabled", false],
    [".Values.missing.key", false],
    ["not .Values.app.search.enabled", true],
    ["and .Values.app.search.enabled (eq .Values.app.search.provider \"self-hosted\")", false],
    ["and .Values.mysql.create (eq .Values.app.search.provider \"self-hosted\")", true],
    ["and .Values.mysql.create (eq .Values.app.search.provider \"managed\")", false],
    ["and .Values.app.search.enabled .Release.IsInstall", false],
    ["or .Values.mysql.create .Release.IsInstall", true],
    ["ne .Values.name \"api\"", false],
    ["empty .Values.tags", true],
    [".Values.replicas", false],
    [".Values.constructor", false],
  ])("%s holds: %s", (expression, holds) => {
    expect(conditionHolds(expression, values)).toBe(holds);
  });

  it.each([".Release.IsInstall", "and .Values.mysql.create .Release.IsInstall", "or .Values.app.search.enabled $enabled", "include \"x.enabled\" .", ".Values.x | default true", "and (eq .Values.name"])("%s cannot be told", (expression) => {
    expect(conditionHolds(expression, values)).toBeUndefined();
  });

  it("lists no StatefulSet the chart's defaults guard off, as retail-store-sample-app 1a28474 guards its OpenSearch", async () => {
    const files = [
      { path: "catalog/chart/Chart.yaml", text: "apiVersion: v2\nname: catalog\nversion: 1.0.0\n" },
      { path: "catalog/chart/values.yaml", text: "app:\n  search:\n    enabled: false\n    provider: self-hosted\nopensearch:\n  image:\n    repository: opensearchproject/opensearch\n    tag: \"3.5.0\"\n" },
      {
        path: "catalog/chart/templates/opensearch-statefulset.yaml",
        text: '{{- if and .Values.app.search.enabled (eq .Values.app.search.provider "self-hosted") }}\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: opensearch\nspec:\n  template:\n    spec:\n      containers:\n        - name: opensearch\n          image: "{{ .Values.opensearch.image.repository }}:{{ .Values.opensearch.image.tag }}"\n{{- end }}\n',
      },
    ];
    const off = await scan(files);
    expect(off.others).toEqual([]);
    expect(off.services).toEqual([]);
    const on = await scan(files.map((file) => (file.path.endsWith("values.yaml") ? { ...file, text: file.text.replace("enabled: false", "enabled: true") } : file)));
    expect(on.others).toEqual([expect.objectContaining({ name: "opensearch", role: "search", file: "catalog/chart/templates/opensearch-statefulset.yaml", line: 3 })]);
  });

  it("skips a with stretch whose value is empty, as Helm does", async () => {
    const files = [
      { path: "chart/Chart.yaml", text: "apiVersion: v2\nname: api\nversion: 1.0.0\n" },
      { path: "chart/values.yaml", text: "nodeSelector: {}\n" },
      {
        path: "chart/templates/deployment.yaml",
        text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      {{- with .Values.nodeSelector }}\n      nodeSelector:\n        kubernetes.io/arch: arm64\n      {{- end }}\n      containers:\n        - name: api\n          image: example/api:1\n",
      },
    ];
    expect((await scan(files)).answers.requirements).toBeUndefined();
  });
});
