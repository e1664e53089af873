import { FACTS } from "../engine/facts.js";
import type { LaunchType, Platform } from "../engine/rule-types.js";
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
}

export interface ScaffoldFile {
  path: string;
  content: string;
}

export interface Scaffold {
  files: ScaffoldFile[];
  /** Tokens such as <AWS_ACCOUNT_ID> the user must replace, in order of first use. */
  placeholders: string[];
}

/** The guide's examples: nginx on port 80, 256 CPU units, 512 MiB (ECS) or 64 MiB requested (EKS), 3 replicas. */
export const DEFAULTS = {
  name: "sample-app",
  image: "nginx:latest",
  port: 80,
  cpu: 256,
  memory: { ecs: 512, eks: 64 },
  replicas: 3,
} as const;

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ECS_FAMILY = /^[A-Za-z0-9_-]+$/;

/** Every problem with a spec, as messages that name the flag and the fix. */
export function checkSpec(spec: ScaffoldSpec, lang: Lang): string[] {
  const problems: string[] = [];
  if (spec.platform === "eks" && (!DNS_1123_LABEL.test(spec.name) || spec.name.length > 63)) {
    problems.push(t(lang, "scaffold.badK8sName", { name: spec.name }));
  }
  if (spec.platform === "ecs" && (!ECS_FAMILY.test(spec.name) || spec.name.length > 255)) {
    problems.push(t(lang, "scaffold.badEcsName", { name: spec.name }));
  }
  if (spec.image.trim() === "" || /\s/.test(spec.image)) problems.push(t(lang, "scaffold.badImage", { image: spec.image }));
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
  }
  return problems;
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
