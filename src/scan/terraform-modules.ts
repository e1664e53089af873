// Terraform's modules read as Terraform runs them: each folder no other
// folder calls is a root, read once; a module the scan holds is read once
// per call, with the call's arguments, so a service module called five times
// is five services. A module that declares one service is that service for
// each call, named by the call (its plain `service_name` or `name`, else its
// label), not by the resource inside (`this`).
import type { Findings } from "./evidence.js";
import { localSource, readTerraform, type ModuleCall, type TerraformFile } from "./terraform.js";
import { text } from "./tree.js";

/**
 * How deep calls may nest, and how much Terraform (in characters) a scan may
 * read again for calls: calls that fan out at every level, or a large module
 * called many times, would cost far past the repository's size, so reading
 * calls stops there (ten times the largest file a scan reads).
 */
const MAX_DEPTH = 16;
const MAX_CALLED_SIZE = 50_000_000;

export function readTerraformModules(modules: ReadonlyMap<string, readonly TerraformFile[]>): Findings[] {
  const dirs = new Set(modules.keys());
  const called = new Set<string>();
  for (const [dir, files] of modules) {
    for (const { hcl } of files) {
      for (const block of hcl.blocks) {
        const target = block.type === "module" ? localSource(dir, text(block.attributes.source)) : undefined;
        if (target !== undefined && target !== dir && dirs.has(target)) called.add(target);
      }
    }
  }
  const all: Findings[] = [];
  const reached = new Set<string>();
  let calledSize = 0;
  const read = (dir: string, call: ModuleCall | undefined, chain: readonly string[]) => {
    const files = modules.get(dir)!;
    if (call !== undefined) {
      const size = files.reduce((total, file) => total + file.size + 1, 0);
      if (calledSize + size > MAX_CALLED_SIZE) return;
      calledSize += size;
    }
    reached.add(dir);
    const { findings, calls } = readTerraform(files, call, dirs);
    all.push(call === undefined ? findings : asCalled(findings, call, chain));
    if (chain.length >= MAX_DEPTH) return;
    for (const next of calls) if (!chain.includes(next.dir) && next.dir !== dir) read(next.dir, next, [...chain, dir]);
  };
  const sorted = [...modules.keys()].sort();
  for (const dir of sorted) if (!called.has(dir)) read(dir, undefined, []);
  // Folders only a loop of calls reaches are read as they stand.
  for (const dir of sorted) if (!reached.has(dir)) read(dir, undefined, []);
  return all;
}

/**
 * What a module declares, as one call made it: the one service it declares
 * takes the call's name and place, and every reference is kept to this call,
 * so an ECS service's desiredCount joins its own call's task definition.
 */
function asCalled(findings: Findings, call: ModuleCall, chain: readonly string[]): Findings {
  const scope = `${[...chain, call.at.file].join(">")}:${call.at.line}>`;
  const one = findings.workloads.length === 1;
  return {
    signs: findings.signs,
    workloads: findings.workloads.map((workload) => ({ ...workload, ...(one ? { name: call.name, at: call.at } : {}), ...(workload.ref === undefined ? {} : { ref: scope + workload.ref }) })),
    replicas: findings.replicas.map((entry) => ({ ...entry, ref: scope + entry.ref })),
    skipped: findings.skipped,
  };
}
