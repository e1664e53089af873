// AWS Copilot manifests (copilot/<name>/manifest.yml): services on ECS
// (App Runner for a Request-Driven Web Service), environments, sizes in
// task units and MiB, counts, platforms and Spot.
import { emptyFindings, type Findings } from "./evidence.js";
import { count, ecsCpu, ecsMemory } from "./quantity.js";
import { figure, stated } from "./signs.js";
import { get, isObject, lineAt, lineOf, text, type Tree } from "./tree.js";

const ECS_TYPES = new Set(["Load Balanced Web Service", "Backend Service", "Worker Service", "Scheduled Job"]);

export function readCopilot(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root;
  const type = text(get(root, "type"));
  const name = text(get(root, "name")) ?? file.split("/").at(-2) ?? "service";
  if (!isObject(root) || type === undefined) return findings;
  const typeLine = lineOf(tree, root, "type");
  if (type === "Environment") {
    findings.signs.push(stated("environments", name, file, typeLine, "type: Environment"));
    return findings;
  }
  if (type === "Request-Driven Web Service") {
    findings.signs.push(stated("currentPlatform", "paas", file, typeLine, `type: ${type}`));
    findings.workloads.push({ name, platform: "paas", builds: true, at: { file, line: typeLine }, rank: 0 });
    return findings;
  }
  if (!ECS_TYPES.has(type)) return findings;
  findings.signs.push(stated("currentPlatform", "ecs", file, typeLine, `type: ${type}`));
  for (const environment of isObject(root.environments) ? Object.keys(root.environments) : []) {
    findings.signs.push(stated("environments", environment, file, lineOf(tree, root.environments, environment), `environments: ${environment}`));
  }
  const countValue = root.count;
  const replicas = isObject(countValue)
    ? countValue.range !== undefined
      ? figure(count(String(isObject(countValue.range) ? countValue.range.min : countValue.range).split("-")[0]), file, lineAt(tree, root, ["count", "range"]))
      : undefined
    : countValue === undefined
      ? undefined
      : figure(count(countValue), file, lineOf(tree, root, "count"));
  if (isObject(countValue) && (countValue.spot !== undefined || get(countValue, "range", "spot_from") !== undefined)) {
    findings.signs.push(stated("requirements", "spot", file, lineOf(tree, root, "count"), "count: spot"));
  }
  const platform = text(root.platform) ?? [text(get(root, "platform", "osfamily")), text(get(root, "platform", "architecture"))].join("/");
  if (/arm/.test(platform)) findings.signs.push(stated("requirements", "arm", file, lineOf(tree, root, "platform"), `platform: ${platform}`));
  if (/windows/.test(platform)) findings.signs.push(stated("requirements", "windows", file, lineOf(tree, root, "platform"), `platform: ${platform}`));
  const image = text(get(root, "image", "location"));
  findings.workloads.push({
    name,
    platform: "ecs",
    ...(image === undefined ? {} : { image }),
    builds: true,
    ...(root.cpu === undefined ? {} : { vcpu: figure(ecsCpu(root.cpu), file, lineOf(tree, root, "cpu")) }),
    ...(root.memory === undefined ? {} : { memoryGiB: figure(ecsMemory(root.memory), file, lineOf(tree, root, "memory")) }),
    ...(replicas ? { replicas } : {}),
    ...(/arm/.test(platform) ? { arch: "arm" as const } : /x86/.test(platform) ? { arch: "x86" as const } : {}),
    ...(/windows/.test(platform) ? { os: "windows" as const } : /linux/.test(platform) ? { os: "linux" as const } : {}),
    at: { file, line: typeLine },
    rank: 0,
  });
  return findings;
}
