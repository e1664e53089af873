// Helm templates read statically: an action at column 0 that indents what it
// writes (`{{ toYaml .Values.x | indent N }}`, older charts' style) is read
// at the column Helm writes it, and resolved from the chart's values.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

// As retail-store-sample-app 1a28474 writes src/orders/chart/templates/postgresql-statefulset.yaml, with the resources written the same way.
const template = [
  "apiVersion: apps/v1", // 1
  "kind: StatefulSet", // 2
  "metadata:", // 3
  "  name: orders", // 4
  "spec:", // 5
  "  template:", // 6
  "    spec:", // 7
  "      containers:", // 8
  "        - name: orders", // 9
  "          image: example/orders:1", // 10
  "          resources:", // 11
  "{{ toYaml .Values.resources | indent 12 }}", // 12
  "  volumeClaimTemplates:", // 13
  "    - metadata:", // 14
  "        name: data", // 15
  "        {{- if .Values.persistentVolume.annotations }}", // 16
  "        annotations:", // 17
  "{{ toYaml .Values.persistentVolume.annotations | indent 10 }}", // 18
  "        {{- end }}", // 19
  "      spec:", // 20
  "        accessModes:", // 21
  "{{ toYaml .Values.persistentVolume.accessModes | indent 8 }}", // 22
  "        resources:", // 23
  "          requests:", // 24
  '            storage: "{{ .Values.persistentVolume.size }}"', // 25
  "",
].join("\n");

function chart(values: string) {
  return [
    { path: "chart/Chart.yaml", text: "apiVersion: v2\nname: orders\nversion: 1.0.0\n" },
    { path: "chart/values.yaml", text: values },
    { path: "chart/templates/statefulset.yaml", text: template },
  ];
}

const volume = "persistentVolume:\n  annotations: {}\n  accessModes:\n    - ReadWriteOnce\n  size: 10Gi\n";

describe("Helm templates", () => {
  it("resolves toYaml | indent N at column 0 from the values where they give a map, on the templated line", async () => {
    const result = await scan(chart(`resources:\n  requests:\n    cpu: 250m\n    memory: 512Mi\n${volume}`));
    expect(result.services).toEqual([expect.objectContaining({ name: "orders", vcpu: 0.25, memoryGiB: 0.5, file: "chart/templates/statefulset.yaml", line: 12 })]);
  });

  it("leaves the figures unknown where the values give no map for them, never a guess", async () => {
    const result = await scan(chart(`resources: {}\n${volume}`));
    expect(result.services).toEqual([expect.objectContaining({ name: "orders", vcpu: null, memoryGiB: null })]);
  });
});
