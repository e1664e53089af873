// Terraform, one module (folder) at a time: ECS clusters, services and task
// definitions, EKS clusters and node groups, the community ECS and EKS
// modules, Karpenter, Lambda, App Runner, Beanstalk, and the AWS provider's
// Region. `var.x` and `local.x` are read as their literal defaults (or a
// .tfvars value); anything else is left unresolved.
import { emptyFindings, type Findings, type Platform, type Workload } from "./evidence.js";
import { readCapacity, readService, readTaskDefinition } from "./ecs.js";
import { isExpression, type Block, type HclFile } from "./hcl.js";
import { resolvePath } from "./paths.js";
import { count, ecsCpu, ecsMemory } from "./quantity.js";
import { figure, hinted, isArmInstance, isGpuInstance, isRegion, stated } from "./signs.js";
import { get, isObject, lineAt, lineOf, list, text, type Obj, type Tree } from "./tree.js";

export interface TerraformFile {
  readonly path: string;
  readonly hcl: HclFile;
  /** The file's length in characters: what reading it again for a call costs. */
  readonly size: number;
}

/** A call of a module whose folder the scan holds (`source = "./modules/service"`), with what it passes in. */
export interface ModuleCall {
  /** The called module's folder, relative to the root. */
  readonly dir: string;
  /** The service's name, should the module declare one: its plain `service_name` or `name`, else the block's label. */
  readonly name: string;
  readonly at: { readonly file: string; readonly line: number };
  /** The call's arguments, read with the caller's variables: a variable the call sets to what cannot be told is unknown in the module. */
  readonly inputs: ReadonlyMap<string, unknown>;
  /** Where each argument's value is written, for evidence that cites it. */
  readonly places: ReadonlyMap<string, Written>;
}

export interface TerraformReading {
  readonly findings: Findings;
  readonly calls: readonly ModuleCall[];
}

/** The folder a module block's local source names (`./x`, `../x`), relative to the root; undefined for a registry or remote source, or one above the root. */
export function localSource(dir: string, source: unknown): string | undefined {
  return typeof source === "string" && /^\.\.?\//.test(source) ? resolvePath(dir, source) : undefined;
}

/**
 * What one module (a folder's .tf files) declares. `inputs` are a call's
 * arguments, which win over the variables' defaults; `modules` are the
 * folders the scan holds, whose calls are returned for the caller to read
 * rather than guessed at from their arguments.
 */
export function readTerraform(files: readonly TerraformFile[], call?: Pick<ModuleCall, "inputs" | "places">, modules: ReadonlySet<string> = new Set()): TerraformReading {
  const findings = emptyFindings();
  const calls: ModuleCall[] = [];
  const resolve = resolver(files, call?.inputs ?? new Map(), call?.places ?? new Map());
  const families = new Map<string, string>();
  for (const { hcl } of files) {
    for (const block of hcl.blocks) {
      if (block.type === "resource" && block.labels[0] === "aws_ecs_task_definition") families.set(block.labels[1] ?? "", text(resolve(block.attributes.family)) ?? block.labels[1] ?? "task");
    }
  }
  for (const { path, hcl } of files) {
    const tree = hcl.tree;
    const workspace = hcl.blocks.find((block) => /\bterraform\.workspace\b/.test(asText(block)));
    if (workspace) findings.signs.push(hinted("environments", "terraform.workspace", path, workspace.line, "terraform.workspace"));
    for (const block of hcl.blocks) {
      if (block.type === "provider" && block.labels[0] === "aws") {
        // Cited where the Region is written: the provider's line, or the variable's default (or local, or argument) it names.
        const region = resolve(block.attributes.region);
        const at = writtenAt(path, tree, block.attributes, "region", block.line, resolve);
        if (isRegion(region)) findings.signs.push(stated("region", region, at.file, at.line, `${at.key} = "${region}"`));
      }
      if (block.type === "resource") readResource(path, tree, block, resolve, families, findings);
      if (block.type !== "module") continue;
      const called = localSource(path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "", text(block.attributes.source));
      if (called !== undefined && modules.has(called)) calls.push(callOf(path, tree, block, called, resolve));
      else readModule(path, tree, block, resolve, findings);
    }
  }
  return { findings, calls };
}

function callOf(file: string, tree: Tree, block: Block, dir: string, resolve: Resolve): ModuleCall {
  const passed = new Map<string, unknown>();
  const places = new Map<string, Written>();
  for (const [key, value] of Object.entries(block.attributes)) {
    if (META_ARGUMENTS.has(key)) continue;
    passed.set(key, resolve(value));
    places.set(key, resolve.at(value) ?? { file, line: lineOf(tree, block.attributes, key, block.line), key });
  }
  const named = text(resolve(block.attributes.service_name)) ?? text(resolve(block.attributes.name));
  return { dir, name: named ?? block.labels[0] ?? "service", at: { file, line: block.line }, inputs: passed, places };
}

/** A module block's own arguments, which are not the module's variables. */
const META_ARGUMENTS = new Set(["source", "version", "providers", "count", "for_each", "depends_on"]);

/** Where a value a reference stands for is written: the variable's default, the local, the .tfvars line or the call's argument. */
interface Written {
  readonly file: string;
  readonly line: number;
  /** The key written on that line (`default`, the local's or the argument's name). */
  readonly key: string;
}

/** var.x and local.x as the values they stand for, and where that value is written (undefined for a value written in place). */
interface Resolve {
  (value: unknown): unknown;
  at(value: unknown): Written | undefined;
}

/** A value as JSON text with each expression as written, for a search through it. */
function asText(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) => (isExpression(item) ? item.text : item)) ?? "";
}

/** var.x and local.x as their literal values, from a call's arguments, else the module's variables, locals and .tfvars. */
function resolver(files: readonly TerraformFile[], inputs: ReadonlyMap<string, unknown>, places: ReadonlyMap<string, Written>): Resolve {
  const variables = new Map<string, { value: unknown; at: Written }>();
  const locals = new Map<string, { value: unknown; at: Written }>();
  for (const { path, hcl } of files) {
    for (const block of hcl.blocks) {
      if (block.type === "variable" && block.labels[0] !== undefined && "default" in block.attributes) {
        variables.set(block.labels[0], { value: block.attributes.default, at: { file: path, line: lineOf(hcl.tree, block.attributes, "default", block.line), key: "default" } });
      }
      if (block.type === "locals") for (const [name, value] of Object.entries(block.attributes)) locals.set(name, { value, at: { file: path, line: lineOf(hcl.tree, block.attributes, name, block.line), key: name } });
    }
    if (path.endsWith(".tfvars")) {
      for (const block of hcl.blocks) if (block.type === "=") variables.set(block.labels[0]!, { value: block.attributes[block.labels[0]!], at: { file: path, line: block.line, key: block.labels[0]! } });
    }
  }
  const resolve = (value: unknown, depth = 0): { value: unknown; at?: Written } => {
    if (!isExpression(value) || depth > 8) return { value };
    const reference = /^(var|local)\.([A-Za-z0-9_-]+)$/.exec(value.text);
    if (!reference) return { value };
    // A call's argument was read in the caller's module: it stands as the caller left it, never resolved again here.
    if (reference[1] === "var" && inputs.has(reference[2]!)) return { value: inputs.get(reference[2]!), ...(places.has(reference[2]!) ? { at: places.get(reference[2]!)! } : {}) };
    const found = (reference[1] === "var" ? variables : locals).get(reference[2]!);
    if (found === undefined) return { value };
    const further = resolve(found.value, depth + 1);
    return { value: further.value, at: further.at ?? found.at };
  };
  return Object.assign((value: unknown) => resolve(value).value, { at: (value: unknown) => resolve(value).at });
}

/** Resources that say where the team runs by being there at all: the platform, and whether that is stated or a hint. */
const PLATFORM_OF: Readonly<Record<string, readonly [Platform, boolean]>> = {
  aws_ecs_cluster: ["ecs", true],
  aws_eks_cluster: ["kubernetes", true],
  aws_eks_node_group: ["kubernetes", true],
  aws_eks_fargate_profile: ["kubernetes", true],
  aws_lambda_function: ["serverless", true],
  aws_apprunner_service: ["paas", true],
  aws_elastic_beanstalk_environment: ["paas", true],
  aws_instance: ["vms", false],
};

function readResource(file: string, tree: Tree, block: Block, resolve: Resolve, families: ReadonlyMap<string, string>, findings: Findings): void {
  const [type = "", label = ""] = block.labels;
  const attributes = block.attributes;
  const detail = `resource "${type}" "${label}"`;
  const { signs } = findings;
  const platform = PLATFORM_OF[type];
  if (platform) signs.push((platform[1] ? stated : hinted)("currentPlatform", platform[0], file, block.line, detail));
  switch (type) {
    case "aws_ecs_service": {
      const reference = isExpression(attributes.task_definition) ? /aws_ecs_task_definition\.([A-Za-z0-9_-]+)/.exec(attributes.task_definition.text)?.[1] : undefined;
      const service = synthetic(tree, attributes, {
        serviceName: ["name", text(resolve(attributes.name)) ?? label],
        desiredCount: ["desired_count", resolve(attributes.desired_count)],
      });
      readService(file, tree, service, "camel", findings, reference === undefined ? undefined : families.get(reference), { line: block.line, detail });
      for (const strategy of block.blocks.filter((each) => each.type === "capacity_provider_strategy")) readStrategy(file, tree, strategy, resolve, findings);
      break;
    }
    case "aws_ecs_cluster_capacity_providers":
    case "aws_ecs_capacity_provider": {
      for (const provider of list(attributes.capacity_providers)) {
        if (String(resolve(provider)).includes("SPOT")) signs.push(stated("requirements", "spot", file, lineOf(tree, attributes, "capacity_providers", block.line), `capacity_providers: ${String(provider)}`));
      }
      for (const strategy of block.blocks.filter((each) => each.type === "default_capacity_provider_strategy")) readStrategy(file, tree, strategy, resolve, findings);
      break;
    }
    case "aws_ecs_task_definition":
      readTaskDefinitionBlock(file, tree, block, resolve, families.get(label) ?? label, findings);
      break;
    case "aws_eks_cluster":
      signs.push(stated("clusters", text(resolve(attributes.name)) ?? label, file, block.line, detail));
      break;
    case "aws_eks_node_group":
      readNodeGroup(file, tree, attributes, block.line, resolve, findings);
      break;
    case "aws_apprunner_service":
      readAppRunner(file, tree, block, resolve, findings);
      break;
    case "helm_release":
      signs.push(stated("ecosystem", "helm", file, block.line, detail));
      break;
    case "kubectl_manifest":
    case "kubernetes_manifest": {
      const body = String(text(attributes.yaml_body) ?? (isExpression(attributes.yaml_body) ? attributes.yaml_body.text : ""));
      if (/karpenter\.sh\/capacity-type[\s\S]{0,200}spot/.test(body)) signs.push(stated("requirements", "spot", file, lineOf(tree, attributes, "yaml_body", block.line), "karpenter.sh/capacity-type: spot"));
      break;
    }
    default:
      if (type.startsWith("aws_appmesh_")) signs.push(stated("ecosystem", "service-mesh", file, block.line, detail));
  }
}

/** An object with the given keys for the ECS readers, each on the line of the attribute it comes from. */
function synthetic(tree: Tree, attributes: Obj, fields: Record<string, readonly [attribute: string, value: unknown]>): Obj {
  const object: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  for (const [key, [attribute, value]] of Object.entries(fields)) {
    if (value === undefined || isExpression(value)) continue;
    object[key] = value;
    lines[key] = lineOf(tree, attributes, attribute);
  }
  tree.lines.set(object, lines);
  return object;
}

function readStrategy(file: string, tree: Tree, strategy: Block, resolve: Resolve, findings: Findings): void {
  const provider = resolve(strategy.attributes.capacity_provider);
  readCapacity(file, tree, { capacityProviderStrategy: [synthetic(tree, strategy.attributes, { capacityProvider: ["capacity_provider", provider] })] }, "camel", findings);
}

function readTaskDefinitionBlock(file: string, tree: Tree, block: Block, resolve: Resolve, family: string, findings: Findings): void {
  const attributes = block.attributes;
  const definitions = resolve(attributes.container_definitions);
  // jsonencode([...]) is read as its argument; a file() or a heredoc of JSON is left unread.
  const containers = isExpression(definitions) && definitions.call === "jsonencode" ? definitions.args?.[0] : undefined;
  const platform = block.blocks.find((each) => each.type === "runtime_platform")?.attributes;
  const runtimePlatform = platform
    ? synthetic(tree, platform, {
        cpuArchitecture: ["cpu_architecture", resolve(platform.cpu_architecture)],
        operatingSystemFamily: ["operating_system_family", resolve(platform.operating_system_family)],
      })
    : undefined;
  const definition = synthetic(tree, attributes, { family: ["family", family], cpu: ["cpu", resolve(attributes.cpu)], memory: ["memory", resolve(attributes.memory)] }) as Record<string, unknown>;
  definition.containerDefinitions = Array.isArray(containers) ? containers : [];
  if (runtimePlatform) definition.runtimePlatform = runtimePlatform;
  const lines = tree.lines.get(definition)!;
  lines.containerDefinitions = lineOf(tree, attributes, "container_definitions", block.line);
  if (runtimePlatform) lines.runtimePlatform = block.blocks.find((each) => each.type === "runtime_platform")!.line;
  readTaskDefinition(file, tree, definition, "camel", findings, family, block.line, { line: block.line, detail: `resource "aws_ecs_task_definition" "${block.labels[1] ?? ""}"` });
}

function readNodeGroup(file: string, tree: Tree, attributes: Obj, line: number, resolve: Resolve, findings: Findings): void {
  const sign = (answer: "requirements", value: string, key: string, shown: string) => {
    const at = writtenAt(file, tree, attributes, key, line, resolve);
    findings.signs.push(stated(answer, value, at.file, at.line, `${at.key} = ${shown}`));
  };
  if (String(resolve(attributes.capacity_type)) === "SPOT") sign("requirements", "spot", "capacity_type", "SPOT");
  const ami = String(resolve(attributes.ami_type) ?? "");
  if (ami.startsWith("WINDOWS")) sign("requirements", "windows", "ami_type", ami);
  if (/ARM/.test(ami)) sign("requirements", "arm", "ami_type", ami);
  if (/GPU|NVIDIA|NEURON/.test(ami)) sign("requirements", "gpu", "ami_type", ami);
  for (const type of list(resolve(attributes.instance_types)).map(resolve).filter((each): each is string => typeof each === "string")) {
    if (isGpuInstance(type)) sign("requirements", "gpu", "instance_types", type);
    if (isArmInstance(type)) sign("requirements", "arm", "instance_types", type);
  }
}

/** Where an attribute's value is written: on the attribute's line, or where the variable (or local) it names is given its value. */
function writtenAt(file: string, tree: Tree, attributes: Obj, key: string, fallback: number, resolve: Resolve): Written {
  return resolve.at(attributes[key]) ?? { file, line: lineOf(tree, attributes, key, fallback), key };
}

function readAppRunner(file: string, tree: Tree, block: Block, resolve: Resolve, findings: Findings): void {
  const instance = block.blocks.find((each) => each.type === "instance_configuration")?.attributes;
  findings.workloads.push(appRunnerService(file, tree, appRunnerName(resolve(block.attributes.service_name), block.labels[1]), instance, block.line, resolve));
}

/** The community App Runner module (terraform-aws-modules/app-runner/aws): one App Runner service, unless told to create none. */
function readAppRunnerModule(file: string, tree: Tree, block: Block, resolve: Resolve, findings: Findings): void {
  const attributes = block.attributes;
  if (resolve(attributes.create) === false || resolve(attributes.create_service) === false) return;
  findings.signs.push(stated("currentPlatform", "paas", file, block.line, `module "${block.labels[0] ?? ""}"`));
  const instance = resolve(attributes.instance_configuration);
  findings.workloads.push(appRunnerService(file, tree, appRunnerName(resolve(attributes.service_name), block.labels[0]), isObject(instance) ? instance : undefined, block.line, resolve));
}

function appRunnerService(file: string, tree: Tree, name: string, instance: Obj | undefined, line: number, resolve: Resolve): Workload {
  const cpu = instance?.cpu === undefined ? undefined : figure(ecsCpu(resolve(instance.cpu)), file, lineOf(tree, instance, "cpu", line));
  const memory = instance?.memory === undefined ? undefined : figure(ecsMemory(resolve(instance.memory)), file, lineOf(tree, instance, "memory", line));
  return { name, platform: "paas", builds: true, ...(cpu ? { vcpu: cpu } : {}), ...(memory ? { memoryGiB: memory } : {}), at: { file, line }, rank: 0 };
}

/** An App Runner service's name: as written, or the plain tail of one templated with an environment's prefix ("${var.environment_name}-carts" is carts), else the block's label. */
function appRunnerName(value: unknown, label: string | undefined): string {
  const tail = isExpression(value) ? /^"[^"]*\}[-_.]?([A-Za-z0-9][A-Za-z0-9_-]*)"$/.exec(value.text)?.[1] : undefined;
  return text(value) ?? tail ?? label ?? "service";
}

/** The community modules: terraform-aws-modules/eks (and karpenter), and terraform-aws-modules/ecs, by source or by their inputs. */
function readModule(file: string, tree: Tree, block: Block, resolve: Resolve, findings: Findings): void {
  const attributes = block.attributes;
  const source = String(text(attributes.source) ?? "");
  const detail = `module "${block.labels[0] ?? ""}"`;
  if (/terraform-aws-modules\/app-runner\/aws/.test(source)) return readAppRunnerModule(file, tree, block, resolve, findings);
  const eks = /terraform-aws-modules\/eks\/aws(\/\/modules\/(?!karpenter)|$)/.test(source) || ("eks_managed_node_groups" in attributes && "cluster_name" in attributes) || ("eks_managed_node_groups" in attributes && "kubernetes_version" in attributes);
  if (eks) {
    findings.signs.push(stated("currentPlatform", "kubernetes", file, block.line, detail));
    const name = text(resolve(attributes.cluster_name)) ?? text(resolve(attributes.name)) ?? block.labels[0] ?? "cluster";
    if (!source.includes("//modules/")) findings.signs.push(stated("clusters", name, file, block.line, detail));
    for (const field of ["eks_managed_node_groups", "self_managed_node_groups"]) {
      const groups = resolve(attributes[field]);
      if (isObject(groups)) for (const group of Object.values(groups)) if (isObject(group)) readNodeGroup(file, tree, group, lineOf(tree, attributes, field, block.line), resolve, findings);
    }
    if ("fargate_profiles" in attributes) findings.signs.push(stated("currentPlatform", "kubernetes", file, lineOf(tree, attributes, "fargate_profiles"), "fargate_profiles"));
  }
  if (/terraform-aws-modules\/eks\/aws\/\/modules\/karpenter/.test(source) || /karpenter/.test(block.labels[0] ?? "")) {
    findings.signs.push(stated("currentPlatform", "kubernetes", file, block.line, detail));
  }
  const ecs = /terraform-aws-modules\/ecs\/aws|(^|\/)modules\/(service|cluster)$/.test(source) || ("services" in attributes && ("cluster_name" in attributes || "cluster_configuration" in attributes)) || "container_definitions" in attributes;
  if (!ecs) return;
  findings.signs.push(stated("currentPlatform", "ecs", file, block.line, detail));
  const strategies = resolve(attributes.default_capacity_provider_strategy ?? attributes.fargate_capacity_providers ?? attributes.cluster_capacity_providers);
  if (asText(strategies ?? {}).includes("FARGATE_SPOT")) {
    findings.signs.push(stated("requirements", "spot", file, lineOf(tree, attributes, Object.keys(attributes).find((key) => /capacity_provider/.test(key)) ?? "source", block.line), "FARGATE_SPOT"));
  }
  const services = resolve(attributes.services);
  const declared: [string, Obj, number][] = isObject(services)
    ? Object.entries(services).flatMap(([name, service]) => (isObject(service) ? [[name, service, lineOf(tree, services, name, block.line)] as [string, Obj, number]] : []))
    : "container_definitions" in attributes
      ? [[text(resolve(attributes.name)) ?? block.labels[0] ?? "service", attributes, block.line]]
      : [];
  for (const [name, service, line] of declared) {
    const workload = moduleService(file, tree, name, service, line, resolve);
    if (workload.arch === "arm") findings.signs.push(stated("requirements", "arm", file, lineAt(tree, service, ["runtime_platform", "cpu_architecture"], line), "cpu_architecture = ARM64"));
    findings.workloads.push(workload);
  }
}

/** One service of the ECS module: its cpu and memory in task units and MiB, its desired_count, and its containers' images. */
function moduleService(file: string, tree: Tree, name: string, service: Obj, line: number, resolve: Resolve): Workload {
  const at = (key: string) => lineOf(tree, service, key, line);
  const cpu = service.cpu === undefined ? undefined : figure(ecsCpu(resolve(service.cpu)), file, at("cpu"));
  const memory = service.memory === undefined ? undefined : figure(ecsMemory(resolve(service.memory)), file, at("memory"));
  const replicas = service.desired_count === undefined ? undefined : figure(count(resolve(service.desired_count)), file, at("desired_count"));
  const containers = resolve(service.container_definitions);
  const image = isObject(containers) ? Object.values(containers).map((container) => text(resolve(get(container, "image")))).find((each) => each !== undefined) : undefined;
  const platform = resolve(get(service, "runtime_platform", "cpu_architecture"));
  return {
    name,
    platform: "ecs",
    ...(image === undefined ? {} : { image }),
    builds: true,
    ...(cpu ? { vcpu: cpu } : {}),
    ...(memory ? { memoryGiB: memory } : {}),
    ...(replicas ? { replicas } : {}),
    ...(platform === "ARM64" ? { arch: "arm" as const } : platform === "X86_64" ? { arch: "x86" as const } : {}),
    at: { file, line },
    rank: 0,
  };
}
