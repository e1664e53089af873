// The yaml package loads only for a file the plain reader leaves to it (an
// anchor, a tag, a Helm template, JSON), not for a repository of plain
// manifests and compose files.
import { describe, expect, it, vi } from "vitest";
import { scan } from "../../src/scan/scan.js";

const loaded = vi.hoisted(() => ({ yaml: false }));
vi.mock("yaml", async (original) => {
  loaded.yaml = true;
  return original();
});

const deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: api\n          image: example/api:1\n";

describe("the scanner's parsers load by kind of file", () => {
  it("reads plain manifests without the yaml package, and loads it for the first file that needs it", async () => {
    const plain = await scan([
      { path: "k8s/api.yaml", text: deployment },
      { path: "docker-compose.yml", text: "services:\n  web:\n    build: .\n" },
    ]);
    expect(plain.services.map((service) => service.name).sort()).toEqual(["api", "web"]);
    expect(loaded.yaml).toBe(false);
    const anchored = await scan([{ path: "k8s/web.yaml", text: `${deployment.replace("name: api", "name: &name web")}` }]);
    expect(anchored.services.map((service) => service.name)).toEqual(["web"]);
    expect(loaded.yaml).toBe(true);
  });
});
