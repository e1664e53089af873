// Hostile input, for the scanner: whatever a repository holds (names and
// texts with control bytes, half-written YAML, JSON and HCL, bytes that are
// not text, links out of it), a scan exits 0 or 2, prints no byte a terminal
// would act on, and reads nothing outside the folder.
import fc from "fast-check";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { scan } from "../../src/scan/scan.js";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) => Object.assign(new Writable({ write: (chunk, _encoding, done) => (append(chunk.toString()), done()) }), { isTTY: false });
  const io = {
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { LANG: "C.UTF-8" },
    cwd: tmpdir(),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const tricky = fc.constantFrom("\u001b[2J", "\u0007", "\u009b", "\u202e", "\r", "한", "|", "`", "<b>", "*", "&a", "{{ .Values.x }}", "${var.x}", "\\");
const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), tricky), { maxLength: 12 }).map((parts) => parts.join("")),
);
const deployName = fc.constantFrom("deployment.yaml", "docker-compose.yml", "Chart.yaml", "values.yaml", "templates/x.yaml", "main.tf", "Dockerfile", "Procfile", "fly.toml", "task.json", "serverless.yml", "copilot/api/manifest.yml", ".github/workflows/deploy.yml", "app.json");
const content = fc.oneof(
  hostileText.map((value) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${JSON.stringify(value)}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - image: ${JSON.stringify(value)}\n          resources:\n            requests:\n              cpu: ${JSON.stringify(value)}\n`),
  hostileText.map((value) => `services:\n  ${JSON.stringify(value)}:\n    image: ${JSON.stringify(value)}\n    deploy:\n      replicas: ${JSON.stringify(value)}\n`),
  hostileText.map((value) => `provider "aws" {\n  region = ${JSON.stringify(value)}\n}\nresource "aws_ecs_service" ${JSON.stringify(value)} {\n  desired_count = 3\n`),
  hostileText.map((value) => `{"family": ${JSON.stringify(value)}, "containerDefinitions": [{"image": ${JSON.stringify(value)}, "cpu": 256}]}`),
  hostileText,
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.integer({ min: 50, max: 3000 }).map((depth) => `a: ${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 50, max: 500 }).map((depth) => Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")),
);
const folderName = fc.oneof(fc.constantFrom("", "k8s/", "a\u001b[31mred/", "\u202eevil/", "x\ny/", "deep/er/"), fc.string({ minLength: 1, maxLength: 6 }).filter((name) => !/[/\u0000]/.test(name) && name !== "." && name !== "..").map((name) => `${name}/`));

describe("scanning hostile files", () => {
  it("exits 0, prints no control byte in any format, and reads nothing outside the folder", async () => {
    const base = mkdtempSync(join(tmpdir(), "ecs-or-eks-hostile-"));
    const outside = join(base, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: outside-marker\n");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(folderName, deployName, content), { minLength: 1, maxLength: 5 }), async (files) => {
        const root = join(base, `repo-${n++}`);
        mkdirSync(root);
        for (const [folder, name, text] of files) {
          const path = join(root, folder, name);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text);
        }
        symlinkSync(outside, join(root, "out"));
        for (const format of ["json", "text", "markdown"]) {
          const ran = await run(["scan", root, "--format", format]);
          expect(ran.code, ran.stderr).toBe(0);
          expect(ran.stdout).not.toContain("outside-marker");
          expect(ran.stdout + ran.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
          if (format === "json") expect(() => JSON.parse(ran.stdout)).not.toThrow();
        }
      }),
      { numRuns: 60, seed: 25 },
    );
  }, 120_000);

  it("the library's scan never throws, whatever the records hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ path: fc.oneof(deployName, fc.string({ maxLength: 20 })), text: fc.oneof(content.map(String), fc.string()) }), { maxLength: 6 }), async (records) => {
        const result = await scan(records);
        expect(result.schemaVersion).toBe(1);
      }),
      { numRuns: 300, seed: 25 },
    );
  });
});
