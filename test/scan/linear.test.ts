// The scan's cost grows with the repository, never faster: measured as counts
// (folders listed, files opened, records read), not time, on a generated tree
// and on one ten times its size; and a file of very many objects is read
// like a small one, not a crash.
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { walkRepository } from "../../src/cli/input/walk.js";
import { scan } from "../../src/scan/scan.js";

vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  return { ...real, openSync: vi.fn(real.openSync), readdirSync: vi.fn(real.readdirSync) };
});

/** A monorepo of `services` services, each with sources, a Dockerfile and its manifests; `folders` and `candidates` are what a walk must list and read. */
function monorepo(services: number) {
  const root = mkdtempSync(join(tmpdir(), "ecs-or-eks-linear-"));
  const file = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (let i = 0; i < services; i++) {
    const name = `svc-${i}`;
    for (let k = 0; k < 5; k++) file(`services/${name}/src/module-${k}.ts`, `export const x = ${k};\n`);
    file(`services/${name}/Dockerfile`, "FROM node:20-alpine\n");
    file(`services/${name}/k8s/deployment.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - image: example/${name}:1\n          resources:\n            requests:\n              cpu: 250m\n              memory: 256Mi\n`);
  }
  file(".gitignore", "dist/\n");
  // The root, services/, and three folders a service.
  return { root, folders: 2 + 3 * services, candidates: 2 * services };
}

async function counted(services: number) {
  const tree = monorepo(services);
  vi.mocked(fs.openSync).mockClear();
  vi.mocked(fs.readdirSync).mockClear();
  const walk = walkRepository(tree.root);
  const paths: string[] = [];
  const result = await scan(
    (function* () {
      for (const record of walk.files) {
        paths.push(record.path);
        yield record;
      }
    })(),
  );
  return { tree, paths, result, opened: vi.mocked(fs.openSync).mock.calls.length, listed: vi.mocked(fs.readdirSync).mock.calls.length };
}

describe("a scan's cost is linear in the repository", () => {
  it("lists each folder once and opens each deploy file once, on a tree and on one ten times its size", async () => {
    for (const services of [30, 300]) {
      const { tree, paths, result, opened, listed } = await counted(services);
      expect(listed, `${services} services`).toBe(tree.folders);
      expect(opened, `${services} services`).toBe(tree.candidates);
      expect(new Set(paths).size).toBe(paths.length);
      expect(paths.length).toBe(tree.candidates);
      expect(result.services).toHaveLength(services);
      expect(result.evidence.filter((entry) => entry.answer === "microservices")).toHaveLength(services);
    }
  }, 120_000);

  it("reads a chart template of 150,000 objects like a small one, without overflowing the stack", async () => {
    const many = "---\nkind: ConfigMap\napiVersion: v1\n".repeat(150_000);
    const result = await scan([
      { path: "chart/Chart.yaml", text: "apiVersion: v2\nname: big\nversion: 1.0.0\n" },
      { path: "chart/templates/many.yaml", text: many },
    ]);
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", ecosystem: ["helm"] });
  }, 120_000);
});
