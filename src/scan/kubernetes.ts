// Kubernetes objects (plain manifests, kustomize bases, Helm templates once
// their actions are set aside, the output of `helm template`): the team's
// workloads and their sizes, and the signs of the platform, its ecosystem
// and the workloads' needs.
import { emptyFindings, type Figure, type Findings, type Workload } from "./evidence.js";
import { figure, hinted, isArmInstance, isGpuInstance, isRegion, stated } from "./signs.js";
import { stockRole } from "./stock-images.js";
import { isFluxGroup, readFlux } from "./flux.js";
import { kubernetesCpu, kubernetesMemory, count, sum } from "./quantity.js";
import { get, isObject, lineAt, lineOf, list, text, type Obj, type Tree } from "./tree.js";

/** A templated value resolved (a Helm chart's values): what it stands for, if known. */
interface Resolved {
  readonly value: unknown;
}

/** How a reader of templates resolves a placeholder left where an action was; plain manifests have none. */
export interface Templating {
  /** The value a placeholder stands for, when the chart's values say. */
  resolve(value: unknown): Resolved | undefined;
  /** Whether a value holds a placeholder. */
  isTemplated(value: unknown): boolean;
  /** The name to give a workload whose name is templated. */
  readonly fallbackName: string;
}

const WORKLOADS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DeploymentConfig", "Rollout"]);
const POD_HOLDERS = new Set([...WORKLOADS, "DaemonSet", "Job", "CronJob", "Pod"]);
/** API groups that come with Kubernetes, OpenShift or a cloud's own controllers: their objects are no operator of the team's. */
const BUILT_IN_GROUP = /^(|apps|batch|autoscaling|policy|extensions|[a-z.-]*\.k8s\.io|[a-z.-]*\.x-k8s\.io|[a-z.-]*\.openshift\.io|[a-z.-]*\.gke\.io|cloud\.google\.com|[a-z.-]*\.k8s\.aws|[a-z.-]*\.azure\.com)$/;
/** A Kubernetes object's group has a dot, or is one of the few built in without one; skaffold/v3 and the like are other tools' files. */
const KUBERNETES_GROUP = /^(|apps|batch|autoscaling|policy|extensions|[a-z0-9-]+(\.[a-z0-9-]+)+)$/;

/** The signs and workloads of the Kubernetes objects in a file's documents. */
export function readKubernetes(file: string, docs: readonly Tree[], templating?: Templating): Findings {
  const findings = emptyFindings();
  for (const tree of docs) {
    const objects = isObject(tree.root) && tree.root.kind === "List" ? list(tree.root.items) : [tree.root];
    for (const object of objects) if (isObject(object)) readObject(file, tree, object, findings, templating);
  }
  return findings;
}

function readObject(file: string, tree: Tree, object: Obj, findings: Findings, templating: Templating | undefined): void {
  const kind = text(object.kind);
  const apiVersion = text(object.apiVersion);
  if (kind === undefined || apiVersion === undefined) return;
  // Without a group, only a version (v1) is Kubernetes' core API; kustomize's `apiVersion: builtin` transformers are no objects.
  if (!apiVersion.includes("/") && !/^v\d+((alpha|beta)\d+)?$/.test(apiVersion)) return;
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  if (!KUBERNETES_GROUP.test(group)) return;
  const kindLine = lineOf(tree, object, "kind");
  // Each sign is cited on the line that shows it: the kind's, or the apiVersion's where the API group says it.
  const versionLine = lineOf(tree, object, "apiVersion");
  const detail = `kind: ${kind}`;
  const version = `apiVersion: ${apiVersion}`;
  const { signs } = findings;
  if (group.endsWith(".openshift.io")) signs.push(stated("currentPlatform", "openshift", file, versionLine, version));
  else signs.push(stated("currentPlatform", kind === "DeploymentConfig" ? "openshift" : "kubernetes", file, kindLine, detail));

  const name = nameOf(object, templating);
  if (POD_HOLDERS.has(kind)) readPodHolder(file, tree, object, kind, name, findings, templating);
  if (kind === "HorizontalPodAutoscaler" || (kind === "ScaledObject" && group === "keda.sh")) readAutoscaler(file, tree, object, kind, findings, templating);

  // The ecosystem, from the object's API group and kind.
  if (group === "monitoring.coreos.com") signs.push(stated("ecosystem", "prometheus", file, kindLine, detail));
  else if (/(^|\.)istio\.io$/.test(group) || group.endsWith("linkerd.io") || group === "appmesh.k8s.aws") {
    signs.push(stated("ecosystem", "service-mesh", file, versionLine, version));
    signs.push(stated("kubernetesFeatures", "some", file, versionLine, version));
  } else if (group === "argoproj.io" && /^(Application|ApplicationSet|AppProject)$/.test(kind)) signs.push(stated("ecosystem", "gitops", file, kindLine, detail));
  else if (isFluxGroup(group)) readFlux(file, tree, object, kind, apiVersion, findings);
  else if (kind === "CustomResourceDefinition" && isFluxGroup(text(get(object, "spec", "group")) ?? "")) signs.push(stated("ecosystem", "gitops", file, lineAt(tree, object, ["spec", "group"]), `group: ${String(get(object, "spec", "group"))}`));
  else if (kind === "CustomResourceDefinition") {
    signs.push(stated("ecosystem", "operators", file, kindLine, detail));
    signs.push(stated("kubernetesFeatures", "some", file, kindLine, detail));
  } else if (group === "karpenter.sh" || group === "karpenter.k8s.aws" || group === "eks.amazonaws.com") readKarpenter(file, tree, object, findings);
  else if (group === "eksctl.io") readEksctl(file, tree, object, findings);
  else if (!BUILT_IN_GROUP.test(group) && group !== "argoproj.io") {
    // A custom resource of any other API group: some operator or controller acts on it.
    signs.push(hinted("ecosystem", "operators", file, versionLine, version));
    signs.push(hinted("kubernetesFeatures", "some", file, versionLine, version));
  }
  readAnnotations(file, tree, object, findings);
}

function nameOf(object: Obj, templating: Templating | undefined): string {
  const name = get(object, "metadata", "name");
  if (typeof name !== "string" || name === "") return templating?.fallbackName ?? "unnamed";
  if (!templating?.isTemplated(name)) return name;
  const resolved = templating.resolve(name)?.value;
  return typeof resolved === "string" && resolved !== "" && !templating.isTemplated(resolved) ? resolved : templating.fallbackName;
}

/** Mesh and scrape annotations, on the object and on its pods. */
function readAnnotations(file: string, tree: Tree, object: Obj, findings: Findings): void {
  for (const path of [["metadata"], ["spec", "template", "metadata"]]) {
    const metadata = get(object, ...path);
    for (const field of ["annotations", "labels"]) {
      const entries = get(metadata, field);
      if (!isObject(entries)) continue;
      for (const [key, value] of Object.entries(entries)) {
        // The key first: most labels and annotations say nothing the scan reads, and need no line looked up.
        const shown = () => `${key}: ${String(value)}`;
        if (key === "prometheus.io/scrape" && String(value) === "true") findings.signs.push(stated("ecosystem", "prometheus", file, lineOf(tree, entries, key), shown()));
        else if ((key === "sidecar.istio.io/inject" || key === "linkerd.io/inject" || key === "istio-injection") && /^(true|enabled)$/.test(String(value))) {
          const line = lineOf(tree, entries, key);
          findings.signs.push(stated("ecosystem", "service-mesh", file, line, shown()));
          findings.signs.push(stated("kubernetesFeatures", "some", file, line, shown()));
        }
      }
    }
  }
}

function podSpecOf(object: Obj, kind: string): unknown {
  if (kind === "Pod") return object.spec;
  if (kind === "CronJob") return get(object, "spec", "jobTemplate", "spec", "template", "spec");
  return get(object, "spec", "template", "spec");
}

function readPodHolder(file: string, tree: Tree, object: Obj, kind: string, name: string, findings: Findings, templating: Templating | undefined): void {
  const spec = podSpecOf(object, kind);
  const kindLine = lineOf(tree, object, "kind");
  const { signs } = findings;
  if (kind === "DaemonSet") {
    signs.push(stated("requirements", "daemonsets", file, kindLine, `kind: DaemonSet`));
    signs.push(stated("kubernetesFeatures", "some", file, kindLine, `kind: DaemonSet`));
  }
  if (!isObject(spec)) return;
  const scheduler = text(spec.schedulerName);
  if (scheduler !== undefined && scheduler !== "default-scheduler") signs.push(stated("kubernetesFeatures", "some", file, lineOf(tree, spec, "schedulerName"), `schedulerName: ${scheduler}`));
  const pod = readPod(file, tree, spec, findings, templating);
  if (!WORKLOADS.has(kind)) return;
  const replicasValue = get(object, "spec", "replicas");
  const replicasLine = lineAt(tree, object, ["spec", "replicas"]);
  const replicas = replicasValue === undefined ? undefined : figure(resolvedCount(replicasValue, templating), file, replicasLine);
  const image = pod.images[0];
  const workload: Workload = {
    name,
    platform: kind === "DeploymentConfig" ? "openshift" : "kubernetes",
    ...(image === undefined ? {} : { image }),
    ...(pod.cpu ? { vcpu: pod.cpu } : {}),
    ...(pod.memory ? { memoryGiB: pod.memory } : {}),
    ...(replicas ? { replicas } : {}),
    ...(pod.arch ? { arch: pod.arch } : {}),
    ...(pod.os ? { os: pod.os } : {}),
    ...(pod.gpu === undefined ? {} : { gpu: pod.gpu }),
    at: { file, line: kindLine },
    ref: `${kind}/${name}`,
    // A chart's template loses to a plain manifest of the same name, whose figures are written out.
    rank: templating ? 1 : 0,
  };
  // A workload all of whose containers run stock images (redis, postgres) is not one of the team's services.
  findings.workloads.push(pod.images.length > 0 && pod.images.every((each) => stockRole(each) !== undefined) ? { ...workload, builds: false } : { ...workload, builds: true });
}

function resolvedCount(value: unknown, templating: Templating | undefined): number | null {
  if (templating?.isTemplated(value)) return count(templating.resolve(value)?.value);
  return count(value);
}

interface PodFacts {
  cpu?: Figure;
  memory?: Figure;
  gpu?: number;
  arch?: "x86" | "arm";
  os?: "linux" | "windows";
  images: string[];
}

/** A pod's containers: their summed requests (limits where a request is missing), images and needs. */
function readPod(file: string, tree: Tree, spec: Obj, findings: Findings, templating: Templating | undefined): PodFacts {
  const facts: PodFacts = { images: [] };
  const cpus: (number | null)[] = [];
  const memories: (number | null)[] = [];
  const gpus: (number | null)[] = [];
  let cpuLine: number | undefined;
  let memoryLine: number | undefined;
  for (const container of list(spec.containers)) {
    if (!isObject(container)) continue;
    const image = text(container.image);
    if (image !== undefined) facts.images.push(templating?.isTemplated(image) ? String(templating.resolve(image)?.value ?? image) : image);
    const resources = expand(tree, container.resources, templating);
    const pick = (resource: string) => {
      for (const level of ["requests", "limits"]) {
        const holder = expand(tree, get(resources.value, level), templating);
        const value = get(holder.value, resource);
        if (value === undefined) continue;
        const line = resources.line ?? holder.line ?? lineAt(tree, container, ["resources", level, resource]);
        return { value: templating?.isTemplated(value) ? templating.resolve(value)?.value : value, line };
      }
      return undefined;
    };
    const cpu = pick("cpu");
    if (cpu) {
      cpus.push(kubernetesCpu(cpu.value));
      cpuLine ??= cpu.line;
    }
    const memory = pick("memory");
    if (memory) {
      memories.push(kubernetesMemory(memory.value));
      memoryLine ??= memory.line;
    }
    for (const resource of ["nvidia.com/gpu", "amd.com/gpu", "aws.amazon.com/neuron", "aws.amazon.com/neurondevice"]) {
      const gpu = pick(resource);
      if (!gpu) continue;
      gpus.push(count(gpu.value));
      findings.signs.push(stated("requirements", "gpu", file, gpu.line, `${resource}: ${String(gpu.value)}`));
    }
    const privileged = get(container, "securityContext", "privileged");
    if (privileged === true) findings.signs.push(stated("requirements", "privileged", file, lineAt(tree, container, ["securityContext", "privileged"]), "privileged: true"));
  }
  if (cpuLine !== undefined) facts.cpu = figure(sum(cpus), file, cpuLine);
  if (memoryLine !== undefined) facts.memory = figure(sum(memories), file, memoryLine);
  const gpu = sum(gpus);
  if (gpu !== null) facts.gpu = gpu;
  readPlacement(file, tree, spec, facts, findings);
  return facts;
}

/**
 * A map whose content is a template action (`{{ toYaml .Values.resources }}`)
 * as what the chart's values give for it, with the templated line as its line.
 */
function expand(tree: Tree, value: unknown, templating: Templating | undefined): { value: unknown; line?: number } {
  if (!templating || !isObject(value)) return { value };
  const keys = Object.keys(value);
  const templated = keys.find((key) => templating.isTemplated(key));
  if (templated === undefined) return { value };
  const resolved = templating.resolve(templated)?.value;
  return { value: isObject(resolved) ? { ...resolved, ...Object.fromEntries(keys.filter((key) => key !== templated).map((key) => [key, value[key]])) } : value, line: lineOf(tree, value, templated) };
}

const ARCH_KEYS = ["kubernetes.io/arch", "beta.kubernetes.io/arch"];
const OS_KEYS = ["kubernetes.io/os", "beta.kubernetes.io/os"];

/** Where the pods run: Windows or Linux nodes, Arm or x86, Spot, by node selector, affinity or toleration. */
function readPlacement(file: string, tree: Tree, spec: Obj, facts: PodFacts, findings: Findings): void {
  const selector = spec.nodeSelector;
  const seen: [string, string, number][] = [];
  if (isObject(selector)) for (const [key, value] of Object.entries(selector)) seen.push([key, String(value), lineOf(tree, selector, key)]);
  const terms = list(get(spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"));
  for (const term of terms) {
    for (const expression of list(get(term, "matchExpressions"))) {
      const values = list(get(expression, "values")).map(String);
      const key = text(get(expression, "key"));
      if (key !== undefined && get(expression, "operator") === "In" && values.length === 1) seen.push([key, values[0]!, lineOf(tree, expression, "values")]);
    }
  }
  for (const [key, value, line] of seen) {
    const shown = `${key}: ${value}`;
    if (ARCH_KEYS.includes(key) && (value === "arm64" || value === "amd64")) {
      facts.arch = value === "arm64" ? "arm" : "x86";
      if (value === "arm64") findings.signs.push(stated("requirements", "arm", file, line, shown));
    } else if (OS_KEYS.includes(key) && (value === "windows" || value === "linux")) {
      facts.os = value;
      if (value === "windows") findings.signs.push(stated("requirements", "windows", file, line, shown));
    } else if ((key === "karpenter.sh/capacity-type" || key === "eks.amazonaws.com/capacityType") && /^spot$/i.test(value)) {
      findings.signs.push(stated("requirements", "spot", file, line, shown));
    } else if (key === "node.kubernetes.io/instance-type" && isGpuInstance(value)) findings.signs.push(hinted("requirements", "gpu", file, line, shown));
    else if (key === "node.kubernetes.io/instance-type" && isArmInstance(value)) findings.signs.push(hinted("requirements", "arm", file, line, shown));
  }
}

function readAutoscaler(file: string, tree: Tree, object: Obj, kind: string, findings: Findings, templating: Templating | undefined): void {
  const target = get(object, "spec", "scaleTargetRef");
  const targetKind = text(get(target, "kind")) ?? "Deployment";
  const rawName = get(target, "name");
  const name = typeof rawName === "string" && templating?.isTemplated(rawName) ? nameOf({ metadata: { name: rawName } }, templating) : text(rawName);
  const key = kind === "ScaledObject" ? "minReplicaCount" : "minReplicas";
  const minimum = get(object, "spec", key);
  if (name === undefined || minimum === undefined) return;
  findings.replicas.push({ ref: `${targetKind}/${name}`, replicas: figure(resolvedCount(minimum, templating), file, lineAt(tree, object, ["spec", key])), wins: true });
}

/** Karpenter NodePools (and Auto Mode's NodeClasses): Spot, GPU and Arm capacity. */
function readKarpenter(file: string, tree: Tree, object: Obj, findings: Findings): void {
  const requirements = list(get(object, "spec", "template", "spec", "requirements"));
  for (const requirement of requirements) {
    const key = text(get(requirement, "key"));
    const values = list(get(requirement, "values")).map(String);
    const line = lineOf(tree, requirement, "values", lineOf(tree, requirement, "key"));
    if (key === "karpenter.sh/capacity-type" && values.includes("spot")) findings.signs.push(stated("requirements", "spot", file, line, `${key}: ${values.join(", ")}`));
    if (key === "kubernetes.io/arch" && values.length === 1 && values[0] === "arm64") findings.signs.push(stated("requirements", "arm", file, line, `${key}: arm64`));
    if (key === "eks.amazonaws.com/instance-gpu-manufacturer" || key === "karpenter.k8s.aws/instance-gpu-manufacturer") findings.signs.push(stated("requirements", "gpu", file, line, `${key}: ${values.join(", ")}`));
  }
}

/** An eksctl ClusterConfig: a cluster, its Region and its node groups' capacity. */
function readEksctl(file: string, tree: Tree, object: Obj, findings: Findings): void {
  if (object.kind !== "ClusterConfig") return;
  const name = text(get(object, "metadata", "name")) ?? "cluster";
  const kindLine = lineOf(tree, object, "kind");
  findings.signs.push(stated("clusters", name, file, lineAt(tree, object, ["metadata", "name"], kindLine), `ClusterConfig ${name}`));
  const region = get(object, "metadata", "region");
  if (isRegion(region)) findings.signs.push(stated("region", region, file, lineAt(tree, object, ["metadata", "region"]), `region: ${region}`));
  for (const field of ["nodeGroups", "managedNodeGroups"]) {
    for (const group of list(object[field])) {
      if (!isObject(group)) continue;
      const groupLine = lineOf(tree, group, "name", kindLine);
      if (group.spot === true || isObject(group.instancesDistribution)) findings.signs.push(stated("requirements", "spot", file, lineOf(tree, group, group.spot === true ? "spot" : "instancesDistribution", groupLine), group.spot === true ? "spot: true" : "instancesDistribution"));
      const family = text(group.amiFamily);
      if (family?.startsWith("Windows")) findings.signs.push(stated("requirements", "windows", file, lineOf(tree, group, "amiFamily"), `amiFamily: ${family}`));
      const types = [group.instanceType, ...list(group.instanceTypes)].filter((type): type is string => typeof type === "string");
      for (const type of types) {
        const line = lineOf(tree, group, group.instanceType === type ? "instanceType" : "instanceTypes", groupLine);
        if (isGpuInstance(type)) findings.signs.push(stated("requirements", "gpu", file, line, `instanceType: ${type}`));
        if (isArmInstance(type)) findings.signs.push(stated("requirements", "arm", file, line, `instanceType: ${type}`));
      }
    }
  }
}
