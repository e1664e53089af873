// ECS task definitions and services, as JSON (the API's and the CLI's
// shape), and the same objects inside CloudFormation (keys capitalised) and
// Terraform: a task definition is a service of the team's, its size the
// task's cpu and memory (else its containers' reservations, else their
// limits), its replicas the desiredCount of the service that runs it.
import { emptyFindings, type Figure, type Findings, type Workload } from "./evidence.js";
import { count, ecsCpu, ecsMemory, sum } from "./quantity.js";
import { figure, stated } from "./signs.js";
import { stockRole } from "./stock-images.js";
import { get, isObject, lineAt, lineOf, list, text, type Obj, type Tree } from "./tree.js";

/** How an object spells its keys: the API's camelCase, or CloudFormation's PascalCase. */
export type KeyCase = "camel" | "pascal";

function key(name: string, keys: KeyCase): string {
  return keys === "pascal" ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/** A JSON file that is an ECS task definition or service (or both, as `describe-*` prints them). */
export function readEcsJson(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root;
  const definition = isObject(get(root, "taskDefinition")) ? get(root, "taskDefinition") : root;
  if (isObject(definition) && Array.isArray(definition.containerDefinitions)) readTaskDefinition(file, tree, definition, "camel", findings, text(definition.family));
  for (const service of [root, ...list(get(root, "services"))]) {
    if (isObject(service) && typeof service.serviceName === "string") readService(file, tree, service, "camel", findings);
  }
  return findings;
}

/** Where a file declares a task definition or a service, as that line shows it (a resource's Type line, a Terraform resource's block), when not on its own keys. */
interface Declared {
  readonly line: number;
  readonly detail: string;
}

/** A task definition: one of the team's services, unless every container runs a stock image. */
export function readTaskDefinition(file: string, tree: Tree, definition: Obj, keys: KeyCase, findings: Findings, family: string | undefined, at?: number, declared?: Declared): void {
  const k = (name: string) => key(name, keys);
  const line = at ?? lineOf(tree, definition, k("containerDefinitions"));
  const sign = declared ?? { line, detail: `${k("containerDefinitions")}:` };
  findings.signs.push(stated("currentPlatform", "ecs", file, sign.line, sign.detail));
  const containers = list(definition[k("containerDefinitions")]).filter(isObject);
  const images = containers.map((container) => text(container[k("image")])).filter((image): image is string => image !== undefined);
  const cpu = taskFigure(file, tree, definition, containers, "cpu", ["cpu"], ecsCpu, keys);
  const memory = taskFigure(file, tree, definition, containers, "memory", ["memoryReservation", "memory"], ecsMemory, keys);
  let gpus: number | undefined;
  for (const container of containers) {
    for (const requirement of list(container[k("resourceRequirements")])) {
      if (get(requirement, k("type")) !== "GPU") continue;
      const gpuCount = count(get(requirement, k("value")));
      const requirementLine = lineOf(tree, requirement, k("value"), lineOf(tree, container, k("resourceRequirements")));
      findings.signs.push(stated("requirements", "gpu", file, requirementLine, `resourceRequirements GPU ${String(get(requirement, k("value")))}`));
      if (gpuCount !== null) gpus = (gpus ?? 0) + gpuCount;
    }
    if (container[k("privileged")] === true) findings.signs.push(stated("requirements", "privileged", file, lineOf(tree, container, k("privileged")), "privileged: true"));
  }
  const platform = definition[k("runtimePlatform")];
  const architecture = text(get(platform, k("cpuArchitecture")));
  const system = text(get(platform, k("operatingSystemFamily")));
  if (architecture === "ARM64") findings.signs.push(stated("requirements", "arm", file, lineAt(tree, definition, [k("runtimePlatform"), k("cpuArchitecture")]), "cpuArchitecture: ARM64"));
  if (system?.startsWith("WINDOWS")) findings.signs.push(stated("requirements", "windows", file, lineAt(tree, definition, [k("runtimePlatform"), k("operatingSystemFamily")]), `operatingSystemFamily: ${system}`));
  const name = family ?? text(get(containers[0], k("name"))) ?? "task";
  const workload: Workload = {
    name,
    platform: "ecs",
    ...(images[0] === undefined ? {} : { image: images[0] }),
    builds: !(images.length > 0 && images.every((image) => stockRole(image) !== undefined)),
    ...(cpu ? { vcpu: cpu } : {}),
    ...(memory ? { memoryGiB: memory } : {}),
    ...(architecture === "ARM64" ? { arch: "arm" as const } : architecture === "X86_64" ? { arch: "x86" as const } : {}),
    ...(system?.startsWith("WINDOWS") ? { os: "windows" as const } : system === "LINUX" ? { os: "linux" as const } : {}),
    ...(gpus === undefined ? {} : { gpu: gpus }),
    at: { file, line },
    ref: `family:${name}`,
    rank: 0,
  };
  findings.workloads.push(workload);
}

/** The task's own figure, else the sum of its containers' (the first of `containerKeys` each states). */
function taskFigure(
  file: string,
  tree: Tree,
  definition: Obj,
  containers: readonly Obj[],
  taskKey: string,
  containerKeys: readonly string[],
  parse: (value: unknown) => number | null,
  keys: KeyCase,
): Figure | undefined {
  const own = definition[key(taskKey, keys)];
  if (own !== undefined) return figure(parse(own), file, lineOf(tree, definition, key(taskKey, keys)));
  const values: (number | null)[] = [];
  let line: number | undefined;
  for (const container of containers) {
    const found = containerKeys.map((name) => key(name, keys)).find((name) => container[name] !== undefined);
    if (found === undefined) continue;
    values.push(parse(container[found]));
    line ??= lineOf(tree, container, found);
  }
  return line === undefined ? undefined : figure(sum(values), file, line);
}

/** An ECS service: its desiredCount for the task definition it runs, and Spot capacity. */
export function readService(file: string, tree: Tree, service: Obj, keys: KeyCase, findings: Findings, taskFamily?: string, declared?: Declared): void {
  const k = (name: string) => key(name, keys);
  const name = text(service[k("serviceName")]);
  const sign = declared ?? { line: lineOf(tree, service, k("serviceName")), detail: `${k("serviceName")}: ${name ?? ""}` };
  findings.signs.push(stated("currentPlatform", "ecs", file, sign.line, sign.detail));
  readCapacity(file, tree, service, keys, findings);
  const family = taskFamily ?? familyOf(text(service[k("taskDefinition")]));
  const desired = service[k("desiredCount")];
  if (family !== undefined && desired !== undefined) {
    findings.replicas.push({ ref: `family:${family}`, replicas: figure(count(desired), file, lineOf(tree, service, k("desiredCount"))), wins: false, ...(name === undefined ? {} : { name }) });
  }
}

/** Spot capacity in a capacity provider strategy. */
export function readCapacity(file: string, tree: Tree, holder: Obj, keys: KeyCase, findings: Findings): void {
  const k = (name: string) => key(name, keys);
  for (const entry of list(holder[k("capacityProviderStrategy")])) {
    const provider = text(get(entry, k("capacityProvider")));
    if (provider?.toUpperCase().includes("SPOT")) findings.signs.push(stated("requirements", "spot", file, lineOf(tree, entry, k("capacityProvider")), `capacityProvider: ${provider}`));
  }
}

/** "api:3", "arn:aws:ecs:...:task-definition/api:3" or "api" -> "api". */
function familyOf(taskDefinition: string | undefined): string | undefined {
  if (taskDefinition === undefined) return undefined;
  const last = taskDefinition.slice(taskDefinition.lastIndexOf("/") + 1);
  return last.split(":")[0] || undefined;
}
