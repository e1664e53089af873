// What in the workload rules a way of running out, whatever the rule set's
// limits say: a service that needs what the way lacks (GPUs, Windows, Arm),
// or a task larger than every size Fargate offers. The estimate gives such a
// way no figure, and the launch type is never one of them.
import { msg, type Message } from "../message.js";
import type { PricesFileData } from "../price-types.js";
import type { LaunchType, Platform } from "../rule-types.js";
import { tooLargeForFargate, type FargateRefused } from "./fargate.js";
import { servicesList } from "./names.js";
import { wholeOnFargate, type Workload } from "./workload.js";

/** Ways that run Linux containers only: Managed Instances, Auto Mode, and EKS on Fargate. */
export function linuxOnly(platform: Platform, launchType: LaunchType): boolean {
  return launchType === "managed-instances" || launchType === "auto-mode" || (platform === "eks" && launchType === "fargate");
}

/** Why the workload cannot run on this way: empty when it can. */
export function workloadExclusions(data: PricesFileData, workload: Workload, platform: Platform, launchType: LaunchType): Message[] {
  const out: Message[] = [];
  const running = workload.services.filter((s) => s.replicas > 0);
  const said = (key: string, test: (s: Workload["services"][number]) => boolean) => {
    const list = running.filter(test).map((s) => s.name);
    // One service takes the singular verb ("infer needs GPUs").
    if (list.length > 0) out.push(msg(`estimate.own.${key}${list.length === 1 ? ".one" : ""}`, { services: servicesList(list), count: list.length }));
  };
  if (launchType === "fargate") said("gpuOnFargate", (s) => s.gpu > 0);
  if (linuxOnly(platform, launchType)) said(`windowsOn.${launchType}`, (s) => s.os === "windows");
  if (platform === "eks" && launchType === "fargate") said("armOnEksFargate", (s) => s.arch === "arm");
  if (launchType === "fargate") {
    // The first service too large says it, with Fargate's largest size named: one is enough to rule Fargate out.
    for (const s of running) {
      const refused = tooLargeForFargate(data, platform, { services: [s.name], vcpu: s.vcpu, memoryGiB: s.memoryGiB, os: s.os, wholeOnFargate: wholeOnFargate(workload, s) });
      if (refused) {
        out.push(fargateTooLarge(refused.refused));
        break;
      }
    }
  }
  return out;
}

/** A task larger than Fargate's largest size, in words: the task and the size. */
export function fargateTooLarge(r: FargateRefused["refused"]): Message {
  // The shorthand's tasks have no service to name: "each task" is said as the subject.
  const key = `estimate.fargateTooLarge${r.windows ? "Windows" : ""}${r.service === "" ? "Each" : ""}`;
  return msg(key, { service: r.service, vcpu: r.vcpu, memory: r.memoryGiB, maxVcpu: r.largest.vcpu, maxMemory: r.largest.memoryGiB });
}
