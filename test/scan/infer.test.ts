// One service however many files declare it: a chart, a compose file and
// Terraform for two platforms are one service where they name it alike,
// with every place kept as evidence and every platform it is deployed to.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

const deployment = (name: string, cpu: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: example/${name}:1\n          resources:\n            requests:\n              cpu: ${cpu}\n`;
const taskDefinition = (family: string) => `resource "aws_ecs_task_definition" "${family}" {\n  family = "${family}"\n  container_definitions = jsonencode([])\n  cpu = "1024"\n  memory = "2048"\n}\n`;

describe("services across files", () => {
  it("counts a service deployed to Kubernetes and ECS once, sized as the platform it runs most on runs it, on both platforms, with every place as evidence", async () => {
    const result = await scan([
      { path: "k8s/api.yaml", text: deployment("api", "250m") },
      { path: "k8s/web.yaml", text: deployment("web", "500m") },
      { path: "docker-compose.yml", text: "services:\n  api:\n    build: ./api\n" },
      { path: "ecs/main.tf", text: taskDefinition("api") },
    ]);
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", microservices: 2 });
    expect(result.services.find((service) => service.name === "api")).toMatchObject({ vcpu: 0.25, platform: "kubernetes", platforms: ["kubernetes", "ecs"], file: "k8s/api.yaml", line: 13 });
    const places = result.evidence.filter((entry) => entry.answer === "microservices").map((entry) => `${entry.file}:${entry.line} ${entry.detail}`);
    expect(places).toEqual(["docker-compose.yml:2 api", "ecs/main.tf:4 api", "k8s/api.yaml:13 api", "k8s/web.yaml:13 web"]);
  });

  it("takes a singular and a plural name for one service where no platform carries both (cart in a chart, carts on ECS)", async () => {
    const result = await scan([
      { path: "k8s/cart.yaml", text: deployment("cart", "250m") },
      { path: "ecs/main.tf", text: taskDefinition("carts") },
    ]);
    expect(result.services.map(({ name, platforms }) => ({ name, platforms }))).toEqual([{ name: "cart", platforms: ["kubernetes", "ecs"] }]);
  });

  it("keeps cart and carts apart where one platform runs both", async () => {
    const result = await scan([
      { path: "k8s/cart.yaml", text: deployment("cart", "250m") },
      { path: "k8s/carts.yaml", text: deployment("carts", "250m") },
      { path: "ecs/main.tf", text: taskDefinition("carts") },
    ]);
    expect(result.services.map((service) => service.name)).toEqual(["cart", "carts"]);
  });

  it("takes two names that run one image of the team's as one service where no platform carries both (as microservices-demo/microservices-demo 9dff06f runs its load test)", async () => {
    const result = await scan([
      { path: "k8s/loadtest-dep.yaml", text: deployment("load-test", "100m").replace("example/load-test:1", "weaveworksdemos/load-test:0.1.1") },
      { path: "docker-compose.yml", text: "services:\n  user-sim:\n    image: weaveworksdemos/load-test:0.1.1\n" },
    ]);
    expect(result.services.map(({ name, platforms }) => ({ name, platforms }))).toEqual([{ name: "load-test", platforms: ["kubernetes"] }]);
  });

  it("keeps a web and a worker apart though they run one image", async () => {
    const result = await scan([
      { path: "k8s/web.yaml", text: deployment("web", "100m").replace("example/web:1", "example/app:1") },
      { path: "k8s/worker.yaml", text: deployment("worker", "100m").replace("example/worker:1", "example/app:1") },
      { path: "docker-compose.yml", text: "services:\n  web:\n    image: example/app:2\n  worker:\n    image: example/app:2\n" },
    ]);
    expect(result.services.map((service) => service.name)).toEqual(["web", "worker"]);
  });

  it("counts two compose stacks' web as two services, each named with its folder, and their databases apart as two", async () => {
    const stack = "services:\n  web:\n    build: ./web\n  db:\n    image: postgres:16\n";
    const result = await scan([
      { path: "shop/compose.yaml", text: stack },
      { path: "blog/compose.yaml", text: stack },
    ]);
    expect(result.services.map((service) => [service.name, service.file, service.line])).toEqual([
      ["blog/web", "blog/compose.yaml", 2],
      ["shop/web", "shop/compose.yaml", 2],
    ]);
    expect(result.answers.microservices).toBe(2);
    expect(result.others.map((other) => other.file)).toEqual(["blog/compose.yaml", "shop/compose.yaml"]);
  });

  it("counts a service in a base compose file and its override, or in a dev and a prod stack that build one context, once", async () => {
    const result = await scan([
      { path: "docker-compose.yml", text: "services:\n  web:\n    build: .\n  db:\n    image: postgres:16\n" },
      { path: "docker-compose.override.yml", text: "services:\n  web:\n    build:\n      context: .\n      target: dev\n" },
      { path: "deploy/dev/compose.yaml", text: "services:\n  api:\n    build: ../../api\n" },
      { path: "deploy/prod/compose.yaml", text: "services:\n  api:\n    build:\n      context: ../../api\n" },
    ]);
    expect(result.services.map((service) => service.name)).toEqual(["api", "web"]);
    expect(result.others).toHaveLength(1);
  });

  it("counts two compose stacks' web as the one a deploy file declares, where one does", async () => {
    const result = await scan([
      { path: "k8s/web.yaml", text: deployment("web", "250m") },
      { path: "local/compose.yaml", text: "services:\n  web:\n    build: ../web\n" },
      { path: "e2e/compose.yaml", text: "services:\n  web:\n    build: ../web-e2e\n" },
    ]);
    expect(result.services.map((service) => [service.name, service.file])).toEqual([["web", "k8s/web.yaml"]]);
  });
});

