import { FACTS } from "../engine/facts.js";
import { LAUNCH_TYPES_FOR, type LaunchType, type Platform } from "../engine/rule-types.js";
import { t, type Lang } from "../i18n/index.js";

/** What to scaffold. Sizes are in task-definition units: CPU units (1024 = 1 vCPU) and MiB. */
export interface ScaffoldSpec {
  platform: Platform;
  launchType: LaunchType;
  name: string;
  image: string;
  port: number;
  cpu: number;
  memory: number;
  replicas: number;
  /** EKS only: a Helm chart instead of plain manifests. */
  helm: boolean;
  /** One GPU per task or pod (never on Fargate). */
  gpu: boolean;
  /** Windows containers: a Windows Server 2022 Core task, or pods on Windows nodes. */
  windows: boolean;
  /** A load balancer on the internet; without it, one reachable from the VPC only. */
  public: boolean;
  /** The AWS Region the logs go to, when the user gave one; otherwise a placeholder. */
  region?: string | undefined;
}

interface ScaffoldFile {
  path: string;
  content: string;
}

export interface Scaffold {
  files: ScaffoldFile[];
  /** Tokens such as <AWS_ACCOUNT_ID> the user must replace, in order of first use. */
  placeholders: string[];
  /** What the files need around them to work, as message keys with their values. */
  notes: ScaffoldNote[];
}

export type ScaffoldNote =
  | { key: "scaffold.note.logGroup"; group: string }
  | { key: "scaffold.note.managedInstances" }
  | { key: "scaffold.note.managedInstancesGpu" }
  | { key: "scaffold.note.ecsGpu" }
  | { key: "scaffold.note.eksFargate" }
  | { key: "scaffold.note.ecsWindows" }
  | { key: "scaffold.note.eksWindows" }
  | { key: "scaffold.note.loadBalancerController" }
  | { key: "scaffold.note.autoModeGpu" }
  | { key: "scaffold.note.gpuNodes" }
  | { key: "scaffold.note.helmNames" }
  | { key: "scaffold.note.internal" }
  | { key: "scaffold.note.upgradePolicy" }
  | { key: "scaffold.note.ecsLoadBalancer"; scheme: "internal" | "internet-facing" }
  | { key: "scaffold.note.noPublicIp" }
  | { key: "scaffold.note.noPublicIpRegistry"; image: string; registry: string };

/** The smallest size Fargate runs a Windows task at: 1 vCPU and 2 GiB. */
export const WINDOWS_DEFAULTS = { cpu: 1024, memory: 2048 } as const;

/** The guide's examples: nginx on port 80, 256 CPU units, 512 MiB (ECS) or 64 MiB requested (EKS), 3 replicas. */
export const DEFAULTS = {
  name: "sample-app",
  image: "nginx:latest",
  port: 80,
  cpu: 256,
  memory: { ecs: 512, eks: 64 },
  replicas: 3,
} as const;

// A Service's name is a DNS-1035 label: a letter first. Deployments accept more; one name serves both.
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const ECS_FAMILY = /^[A-Za-z0-9_-]+$/;

/** Beyond these, a size is allowed but deserves a second look: few instances are larger, few apps smaller. */
const WARN_BEYOND = { maxCpu: 64 * 1024, minMemory: 64 } as const;

// An OCI image reference, as the distribution spec's grammar has it:
// [registry[:port]/]path[:tag][@algorithm:hex]. The first part is a registry
// when it has a dot or a port, or is localhost (Docker's rule).
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]+)?$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

function isImageReference(image: string): boolean {
  if (image.length === 0 || image.length > 255) return false;
  const [name, digest, ...extra] = image.split("@");
  if (extra.length > 0 || (digest !== undefined && !DIGEST.test(digest))) return false;
  const slash = name!.lastIndexOf("/");
  const colon = name!.lastIndexOf(":");
  const tag = colon > slash ? name!.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return false;
  const parts = (tag === undefined ? name! : name!.slice(0, colon)).split("/");
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    if (!REGISTRY.test(first)) return false;
    parts.shift();
  }
  return parts.every((part) => COMPONENT.test(part));
}

/** Every problem with a spec, as messages that name the flag and the fix. */
export function checkSpec(spec: ScaffoldSpec, lang: Lang): string[] {
  const problems: string[] = [];
  if (!(LAUNCH_TYPES_FOR[spec.platform] as readonly string[]).includes(spec.launchType)) {
    problems.push(
      t(lang, "scaffold.launchTypeNotOn", {
        launchType: spec.launchType,
        platform: t(lang, `platform.${spec.platform}`),
        choices: LAUNCH_TYPES_FOR[spec.platform].join(", "),
      }),
    );
  }
  if (spec.gpu && spec.launchType === "fargate") problems.push(t(lang, "scaffold.gpuOnFargate"));
  if (spec.platform === "eks" && (!DNS_1035_LABEL.test(spec.name) || spec.name.length > 63)) {
    problems.push(t(lang, "scaffold.badK8sName", { name: spec.name }));
  }
  if (spec.platform === "ecs" && (!ECS_FAMILY.test(spec.name) || spec.name.length > 255)) {
    problems.push(t(lang, "scaffold.badEcsName", { name: spec.name }));
  }
  if (!isImageReference(spec.image)) problems.push(t(lang, "scaffold.badImage", { image: JSON.stringify(spec.image).slice(1, -1).slice(0, 200) }));
  if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) {
    problems.push(t(lang, "scaffold.badNumber", { flag: "--port", min: 1, max: 65535, got: String(spec.port) }));
  }
  if (!Number.isInteger(spec.replicas) || spec.replicas < 1 || spec.replicas > 1000) {
    problems.push(t(lang, "scaffold.badNumber", { flag: "--replicas", min: 1, max: 1000, got: String(spec.replicas) }));
  }
  if (!Number.isInteger(spec.cpu) || spec.cpu < 128 || spec.cpu > 196608) {
    problems.push(t(lang, "scaffold.badNumber", { flag: "--cpu", min: 128, max: 196608, got: String(spec.cpu) }));
  } else if (!Number.isInteger(spec.memory) || spec.memory < 6 || spec.memory > 1048576) {
    problems.push(t(lang, "scaffold.badNumber", { flag: "--memory", min: 6, max: 1048576, got: String(spec.memory) }));
  } else if (spec.platform === "ecs" && spec.launchType === "fargate") {
    // ECS on Fargate takes only these task sizes; EKS rounds a pod up to the next one.
    problems.push(...checkFargateSize(spec.cpu, spec.memory, lang));
    const windowsCpus = FACTS.fargateTaskSizes.windowsCpu;
    if (spec.windows && problems.length === 0 && !windowsCpus.includes(spec.cpu)) {
      problems.push(t(lang, "scaffold.badFargateWindowsCpu", { cpu: spec.cpu, cpus: windowsCpus.join(", ") }));
    }
  }
  return problems;
}

/** Sizes that are valid but unlikely to be meant: a 192-vCPU request, a 12 MiB limit. */
export function sizeWarnings(spec: ScaffoldSpec, lang: Lang): string[] {
  const warnings: string[] = [];
  if (spec.cpu > WARN_BEYOND.maxCpu) warnings.push(t(lang, "scaffold.warnCpu", { cpu: spec.cpu, vcpu: spec.cpu / 1024 }));
  if (spec.memory < WARN_BEYOND.minMemory) warnings.push(t(lang, "scaffold.warnMemory", { memory: spec.memory }));
  return warnings;
}

/** The memory sizes Fargate accepts for a task CPU size, or undefined for a CPU size it does not offer. */
export function fargateMemoryFor(cpu: number): number[] | undefined {
  const size = FACTS.fargateTaskSizes.sizes.find((s) => s.cpu === cpu);
  if (!size) return undefined;
  if ("memory" in size) return size.memory;
  const { from, to, step } = size.memoryRange;
  return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

function checkFargateSize(cpu: number, memory: number, lang: Lang): string[] {
  const memories = fargateMemoryFor(cpu);
  const asOf = FACTS.fargateTaskSizes.asOf;
  if (!memories) {
    const cpus = FACTS.fargateTaskSizes.sizes.map((s) => s.cpu).join(", ");
    return [t(lang, "scaffold.badFargateCpu", { cpu, cpus, asOf })];
  }
  if (memories.includes(memory)) return [];
  const shown = memories.length > 8 ? `${memories[0]}-${memories.at(-1)} (${t(lang, "scaffold.step", { step: memories[1]! - memories[0]! })})` : memories.join(", ");
  return [t(lang, "scaffold.badFargateMemory", { cpu, memory, memories: shown, asOf })];
}
