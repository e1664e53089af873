// The workload the estimate prices: the `services` answer, one entry per
// service, or the shorthand (vcpus, memoryGiB, tasks) as one group of equal
// tasks. Every figure left out takes the per-service default and is named as
// assumed, so the text and the JSON say exactly what was not given.
import type { Arch, Os } from "../price-types.js";
import type { Answers, ServiceAnswer } from "../questions.js";

/** What the defaults filled in: a service's own figure, or one a requirement set for it. */
type ServiceFigure = "vcpu" | "memoryGiB" | "replicas" | "os" | "gpu";
/** The shorthand's totals that were not given. */
type WorkloadFigure = "vcpus" | "memoryGiB" | "tasks" | "gpu";

interface ServiceLoad {
  /** The service's name; empty for the shorthand's one group. */
  name: string;
  vcpu: number;
  memoryGiB: number;
  replicas: number;
  /** The architecture the service must run on; left out, it runs on either. */
  arch?: Arch;
  os: Os;
  gpu: number;
  assumed: ServiceFigure[];
  /** The shorthand's tasks are an average share of a total: one too large for a machine may be split to fit. */
  splittable: boolean;
}

export interface Workload {
  vcpus: number;
  memoryGiB: number;
  tasks: number;
  /** The shorthand's figures that were assumed (empty with a `services` list: each service says its own). */
  assumed: WorkloadFigure[];
  /** Where the figures came from. */
  from: "services" | "shorthand";
  services: ServiceLoad[];
}

/** A service's figures when it leaves them out, and the shorthand's per task. */
const SERVICE_DEFAULTS = { vcpu: 0.5, memoryGiB: 1, replicas: 2 } as const;

/**
 * Whether Fargate must run a service's task whole: always for a service of a
 * list, and for the shorthand's when the team counted its tasks (--tasks), as
 * each is then a task of its own; an assumed count is only an average, split
 * to fit.
 */
export function wholeOnFargate(workload: Workload, service: ServiceLoad): boolean {
  return !service.splittable || !workload.assumed.includes("tasks");
}

export function workloadOf(answers: Answers): Workload {
  return answers.services === undefined ? shorthand(answers) : fromServices(answers, answers.services);
}

function fromServices(answers: Answers, list: readonly ServiceAnswer[]): Workload {
  const needs = answers.requirements;
  // A requirement applies to every service unless the list itself says which services need it.
  const fillOs = needs.includes("windows") && !list.some((s) => s.os === "windows");
  const fillGpu = needs.includes("gpu") && !list.some((s) => (s.gpu ?? 0) > 0);
  let vcpus = 0;
  let memoryGiB = 0;
  let tasks = 0;
  const services = list.map((s): ServiceLoad => {
    const assumed: ServiceFigure[] = [];
    const take = <K extends "vcpu" | "memoryGiB" | "replicas">(key: K): number => {
      if (s[key] !== undefined) return s[key];
      assumed.push(key);
      return SERVICE_DEFAULTS[key];
    };
    const load: ServiceLoad = { name: s.name, vcpu: take("vcpu"), memoryGiB: take("memoryGiB"), replicas: take("replicas"), os: s.os ?? "linux", gpu: s.gpu ?? 0, assumed, splittable: false };
    if (s.os === undefined && fillOs) (load.os = "windows"), assumed.push("os");
    if (s.gpu === undefined && fillGpu) (load.gpu = 1), assumed.push("gpu");
    // Arm as a requirement is where open services go first (the estimate prefers it), not a constraint: GPU and Windows tasks stay on x86.
    if (s.arch !== undefined) load.arch = s.arch;
    vcpus += load.vcpu * load.replicas;
    memoryGiB += load.memoryGiB * load.replicas;
    tasks += load.replicas;
    return load;
  });
  return { vcpus, memoryGiB, tasks, assumed: [], from: "services", services };
}

function shorthand(answers: Answers): Workload {
  const tasks = answers.tasks ?? SERVICE_DEFAULTS.replicas * answers.microservices;
  const vcpus = answers.vcpus ?? SERVICE_DEFAULTS.vcpu * tasks;
  const memoryGiB = answers.memoryGiB ?? (SERVICE_DEFAULTS.memoryGiB / SERVICE_DEFAULTS.vcpu) * vcpus;
  const assumed: WorkloadFigure[] = [];
  if (answers.vcpus === undefined) assumed.push("vcpus");
  if (answers.memoryGiB === undefined) assumed.push("memoryGiB");
  if (answers.tasks === undefined) assumed.push("tasks");
  const needs = answers.requirements;
  const gpu = needs.includes("gpu") ? 1 : 0;
  if (gpu > 0) assumed.push("gpu");
  const os: Os = needs.includes("windows") ? "windows" : "linux";
  const group: ServiceLoad = { name: "", vcpu: vcpus / tasks, memoryGiB: memoryGiB / tasks, replicas: tasks, os, gpu, assumed: [], splittable: true };
  return { vcpus, memoryGiB, tasks, assumed, from: "shorthand", services: [group] };
}
