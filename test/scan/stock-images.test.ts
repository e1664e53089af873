import { describe, expect, it } from "vitest";
import { stockRole } from "../../src/scan/stock-images.js";
import { scan } from "../../src/scan/scan.js";

describe("stock images", () => {
  it.each([
    ["postgres:16", "database"],
    ["docker.io/redis:8.8.0", "cache"],
    ["grafana/loki:3.0.0", "monitoring"],
    ["kbudde/rabbitmq-exporter", "monitoring"],
    ["quay.io/prometheus/blackbox-exporter:v0.27.0@sha256:a50c4c0eda297baa1678cd4dc4712a67fdea713b832d43ce7fcc5f9bea05094d", "monitoring"],
    ["oliver006/redis_exporter:v1.62.0", "monitoring"],
    // As microservices-demo/microservices-demo (9dff06f) and getsentry/self-hosted (89a143f) run them.
    ["k8s.gcr.io/heapster:v1.5.4", "monitoring"],
    ["quay.io/coreos/kube-state-metrics:v1.9.7", "monitoring"],
    ["edoburu/pgbouncer:v1.24.1-p1", "database"],
    ["chrislusf/seaweedfs:3.96", "storage"],
    // As microservices-demo/microservices-demo (9dff06f) runs them: images named with their architecture, a tool, and its databases built with their data.
    ["gcr.io/google_containers/heapster-amd64:v1.4.0", "monitoring"],
    ["gcr.io/google_containers/heapster-grafana-amd64:v4.0.2", "monitoring"],
    ["gcr.io/google_containers/heapster-influxdb-amd64:v1.1.1", "monitoring"],
    ["giantswarm/tiny-tools", "tool"],
    ["weaveworksdemos/catalogue-db:0.3.0", "database"],
    ["weaveworksdemos/user-db:0.4.0", "database"],
    // As docker/awesome-compose (18f59bd) runs them, and Redis Stack's and Redpanda's current names.
    ["redislabs/redismod", "cache"],
    ["redis/redis-stack:latest", "cache"],
    ["redis/redis-stack-server:7.2.0-v10", "cache"],
    ["mcr.microsoft.com/azure-sql-edge:1.0.4", "database"],
    ["docker.redpanda.com/vectorized/redpanda:v22.2.2", "queue"],
    ["docker.redpanda.com/redpandadata/redpanda:latest", "queue"],
    ["weaveworksdemos/catalogue:0.3.5", undefined],
    ["example/db-migrator:1", undefined],
    ["ghcr.io/example/exporter-api:1", undefined],
    ["example/api:1", undefined],
  ])("%s is %s", (image, role) => {
    expect(stockRole(image)).toBe(role);
  });

  it("does not count a stock image with its exporter sidecar among the team's services", async () => {
    // As argoproj/argocd-example-apps' sock-shop runs RabbitMQ: the broker and kbudde/rabbitmq-exporter in one pod.
    const text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: rabbitmq\nspec:\n  template:\n    spec:\n      containers:\n      - name: rabbitmq\n        image: rabbitmq:3.6.8-management\n      - name: rabbitmq-exporter\n        image: kbudde/rabbitmq-exporter\n";
    const result = await scan([{ path: "k8s/rabbitmq-dep.yaml", text }]);
    expect(result.services).toEqual([]);
    expect(result.others).toEqual([{ name: "rabbitmq", image: "rabbitmq:3.6.8-management", role: "queue", file: "k8s/rabbitmq-dep.yaml", line: 2 }]);
  });

  it("reads a chart's image through an if within the line, so a stock image from the chart's values is listed apart", async () => {
    // As microservices-demo/microservices-demo (9dff06f) writes helm-chart/templates/cart-db-dep.yaml.
    const files = [
      { path: "helm-chart/Chart.yaml", text: "apiVersion: v2\nname: sock-shop\nversion: 0.2.0\n" },
      { path: "helm-chart/values.yaml", text: "global:\n  registry: ''\ncartsdb:\n  image:\n    repo: mongo\n    tag: 4.4.0\n" },
      {
        path: "helm-chart/templates/cart-db-dep.yaml",
        text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: carts-db\nspec:\n  template:\n    spec:\n      containers:\n      - name: carts-db\n        image: {{if .Values.global.registry}}{{ .Values.global.registry }}/{{end}}{{ .Values.cartsdb.image.repo }}:{{ .Values.cartsdb.image.tag }}\n",
      },
    ];
    const result = await scan(files);
    expect(result.services).toEqual([]);
    expect(result.others.map((o) => [o.name, o.image, o.role])).toEqual([["carts-db", "mongo:4.4.0", "database"]]);
  });

  it("counts an override file's entry for a service defined elsewhere as no service of its own", async () => {
    // As aws-containers/retail-store-sample-app (1a28474) overrides its services' ports in src/app/compose.override.yaml.
    const base = { path: "src/cart/docker-compose.yml", text: "services:\n  cart:\n    build: .\n  cart-db:\n    image: postgres:16\n" };
    const override = { path: "src/app/compose.override.yaml", text: "services:\n  cart:\n    ports: []\n  cart-db:\n    environment:\n      A: b\n" };
    const result = await scan([override, base]);
    expect(result.services.map((s) => [s.name, s.file, s.line])).toEqual([["cart", "src/cart/docker-compose.yml", 2]]);
    expect(result.others.map((o) => [o.name, o.file])).toEqual([["cart-db", "src/cart/docker-compose.yml"]]);
  });
});
