// A chart's workloads whose name is templated from the chart's go by the
// name the repository gives the service: an umbrella chart's alias, else the
// chart's name less a chart ending and the words every chart's name shares.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: example/app:1\n';

function chart(dir: string, name: string) {
  return [
    { path: `${dir}/Chart.yaml`, text: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n` },
    { path: `${dir}/templates/deployment.yaml`, text: template },
  ];
}

const compose = (dir: string, name: string) => ({ path: `${dir}/docker-compose.yml`, text: `services:\n  ${name}:\n    build: .\n` });

describe("chart names", () => {
  it("names a subchart's workloads by the umbrella chart's alias, as Helm does, so the chart and the compose file are one service", async () => {
    // As retail-store-sample-app 1a28474's src/app/chart/Chart.yaml aliases its five charts.
    const umbrella = { path: "src/app/chart/Chart.yaml", text: "apiVersion: v2\nname: store\nversion: 1.0.0\ndependencies:\n  - name: retail-store-sample-cart-chart\n    alias: cart\n    repository: file://../../cart/chart\n" };
    const result = await scan([umbrella, ...chart("src/cart/chart", "retail-store-sample-cart-chart"), compose("src/cart", "cart")]);
    expect(result.services.map(({ name, file }) => ({ name, file }))).toEqual([{ name: "cart", file: "src/cart/chart/templates/deployment.yaml" }]);
    expect(result.evidence.filter((entry) => entry.answer === "microservices").map((entry) => entry.file)).toEqual(["src/cart/chart/templates/deployment.yaml", "src/cart/docker-compose.yml"]);
  });

  it("drops a -chart ending and the words every chart's name starts with", async () => {
    const result = await scan([...chart("charts/api", "acme-shop-api-chart"), ...chart("charts/worker", "acme-shop-worker-chart"), compose("api", "api"), compose("worker", "worker")]);
    expect(result.services.map((service) => service.name)).toEqual(["api", "worker"]);
  });

  it("keeps a name no rule shortens, and never merges two charts' services into one", async () => {
    const result = await scan([...chart("charts/billing", "billing"), ...chart("charts/bill", "bill"), compose("api", "api")]);
    expect(result.services.map((service) => service.name).sort()).toEqual(["api", "bill", "billing"]);
    const twins = await scan([...chart("charts/a", "shop-api-chart"), ...chart("charts/b", "shop-api-helm"), ...chart("charts/c", "shop-web")]);
    expect(twins.services.map((service) => service.name).sort()).toEqual(["shop-api-chart", "shop-api-helm", "web"]);
  });
});
