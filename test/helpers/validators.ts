import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Deployment } from "kubernetes-models/apps/v1";
import { Service } from "kubernetes-models/v1";
import { parseAllDocuments } from "yaml";
import { tool } from "../../scripts/test-tools.mjs";
import { ROOT } from "./fixtures.js";

// Tools nobody here wrote, to judge what `scaffold` writes: the real helm
// binary, the Kubernetes API schemas (kubernetes-models), and the AWS SDK's
// own ECS input types, checked by the TypeScript compiler.

/** Parses YAML documents and validates every core Kubernetes object against the API schema; returns the objects. */
export function validateKubernetes(yamlText: string): Record<string, any>[] {
  const objects = parseAllDocuments(yamlText)
    .map((doc) => doc.toJS())
    .filter((object) => object !== null);
  for (const object of objects) {
    if (object.kind === "Deployment") new Deployment(object).validate();
    else if (object.kind === "Service") new Service(object).validate();
    else if (!(object.kind === "NodePool" && object.apiVersion === "karpenter.sh/v1")) throw new Error(`unexpected object ${object.kind}`);
  }
  return objects;
}

/** Writes files under a fresh folder and returns it. */
export function writeTree(files: readonly { path: string; content: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-tree-"));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

/** `helm lint --strict` on a chart folder; throws with helm's own output when it fails. */
export function helmLint(chartDir: string): string {
  return execFileSync(tool("helm"), ["lint", "--strict", chartDir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** `helm template RELEASE CHART`: what the chart renders for that release name. */
export function helmTemplate(release: string, chartDir: string): string {
  return execFileSync(tool("helm"), ["template", release, chartDir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Type-checks task definitions and services against the AWS SDK's
 * RegisterTaskDefinitionCommandInput and CreateServiceCommandInput: a wrong
 * field name, a misspelt enum value or a wrong type fails the compile.
 */
export function typecheckEcs(cases: readonly { name: string; taskDefinition: string; service: string }[]): void {
  const dir = mkdtempSync(join(ROOT, "node_modules", ".ecs-typecheck-"));
  const source = [
    'import type { RegisterTaskDefinitionCommandInput, CreateServiceCommandInput } from "@aws-sdk/client-ecs";',
    ...cases.flatMap((c, i) => [
      `// ${c.name}`,
      `export const task${i}: RegisterTaskDefinitionCommandInput = ${c.taskDefinition.trim()};`,
      `export const service${i}: CreateServiceCommandInput = ${c.service.trim()};`,
    ]),
  ].join("\n");
  writeFileSync(join(dir, "ecs.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", skipLibCheck: true, types: [] }, files: ["ecs.ts"] }),
  );
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Error(`the ECS files do not type-check against the AWS SDK:\n${(error as { stdout?: string }).stdout ?? error}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
