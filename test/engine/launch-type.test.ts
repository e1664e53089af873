import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { evaluateBrief } from "../../src/engine/evaluate.js";
import type { Answers } from "../../src/engine/questions.js";
import { LAUNCH_TYPES_FOR, type LaunchType, type Platform } from "../../src/engine/rule-types.js";
import { InputError } from "../../src/engine/errors.js";
import { answersArbitrary, answersWithEstimate } from "../helpers/arbitraries.js";

// What each way of running can do, transcribed from FACTS ("What each way of
// running can and cannot do", as of 2025-2026) independently of rules.json:
// the property below checks the rules against this table, not against themselves.
// ECS on Fargate has no daemon scheduling but runs node agents as sidecars, so
// "daemonsets" does not rule it out. Dedicated game servers run under Agones
// on a hostPort, which EKS on Fargate refuses (FACTS, checked 2026-12-06).
// A task the team counted (--tasks) larger than Fargate's largest size (16 vCPU,
// 120 GB; 4 vCPU, 30 GB for Windows; EKS adds 256 MB to a pod) cannot run on it.
type Need = "gpu" | "privileged" | "daemonsets" | "windows" | "arm" | "spot" | "game-servers" | "task-over-fargate" | "pod-over-fargate";
const CANNOT: Record<Platform, Partial<Record<LaunchType, Need[]>>> = {
  ecs: {
    fargate: ["gpu", "privileged", "task-over-fargate"],
    "managed-instances": ["windows"],
    ec2: [],
  },
  eks: {
    fargate: ["gpu", "privileged", "daemonsets", "windows", "arm", "spot", "game-servers", "task-over-fargate", "pod-over-fargate"],
    "auto-mode": ["windows"],
    ec2: [],
  },
};

/** What the answers need of a way of running: the requirements, and game servers when that is the work. */
const needsOf = (answers: Answers): string[] => [...answers.requirements, ...(answers.workload === "game-servers" ? (["game-servers"] as const) : []), ...taskNeeds(answers)];

/** Fargate's largest size for a task (the prices' last), the Windows one, and what EKS adds to a pod. */
const LARGEST = { vcpu: 16, memoryGiB: 120, windowsVcpu: 4, windowsMemoryGiB: 30, eksAddGiB: 0.25 };

/** The shorthand's task, when the team counted the tasks: vCPUs (0.5 a task when not given) and memory (2 GiB a vCPU) shared out. */
function taskNeeds(answers: Answers): Need[] {
  if (answers.tasks === undefined || answers.services !== undefined) return [];
  const vcpu = (answers.vcpus ?? 0.5 * answers.tasks) / answers.tasks;
  const memory = (answers.memoryGiB ?? 2 * vcpu * answers.tasks) / answers.tasks;
  const windows = answers.requirements.includes("windows");
  const [maxVcpu, maxMemory] = windows ? [LARGEST.windowsVcpu, LARGEST.windowsMemoryGiB] : [LARGEST.vcpu, LARGEST.memoryGiB];
  if (vcpu > maxVcpu + 1e-9 || memory > maxMemory + 1e-9) return ["task-over-fargate"];
  return memory > LARGEST.memoryGiB - LARGEST.eksAddGiB + 1e-9 ? ["pod-over-fargate"] : [];
}

/** The result, or undefined where the estimate refuses the answers as input (a counted task no instance type holds). */
function evaluateOrRefused(answers: Answers): ReturnType<typeof evaluate> | undefined {
  try {
    return evaluate(answers);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

describe("launch types", () => {
  it("give per-task isolation to whoever asks for it: Fargate when nothing rules it out, else a note that says how", () => {
    fc.assert(
      fc.property(answersArbitrary, (generated) => {
        const answers = { ...generated, requirements: [...new Set([...generated.requirements, "isolation" as const])] };
        const result = evaluateOrRefused(answers);
        if (!result) return;
        const cannot = (CANNOT[result.recommendation].fargate ?? []).filter((need) => needsOf(answers).includes(need));
        if (cannot.length === 0) expect(result.launchType).toBe("fargate");
        // A task too large for Fargate: the limit says so, in the workload's words.
        else if (cannot.every((need) => need.endsWith("-over-fargate"))) expect(result.launchTypeLimits.some((limit) => limit.ruleId === "workload" && limit.excludes.includes("fargate"))).toBe(true);
        else expect(result.launchTypeNotes.map((note) => note.ruleId).filter((id) => id.startsWith(`isolation-without-fargate-${result.recommendation}`))).toHaveLength(1);
        // A note that sends the team to ECS on Fargate for isolation sends it where its needs can run.
        const toEcsFargate = result.launchTypeNotes.some((note) => note.text.includes("ECS on Fargate"));
        // (The notes are the rules' and read the requirements only: a task too large for Fargate is the launch type's limit, not theirs.)
        if (toEcsFargate) expect(CANNOT.ecs.fargate!.filter((need) => !need.endsWith("-over-fargate") && needsOf(answers).includes(need))).toEqual([]);
      }),
      { numRuns: 1000, seed: 20261201 },
    );
  });

  it("never pair a launch type with a requirement it cannot meet, over generated answers", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluateBrief(answers);
        const unmet = (CANNOT[result.recommendation][result.launchType] ?? []).filter((need) => needsOf(answers).includes(need));
        expect({ platform: result.recommendation, launchType: result.launchType, unmet }).toEqual({
          platform: result.recommendation,
          launchType: result.launchType,
          unmet: [],
        });
        expect(LAUNCH_TYPES_FOR[result.recommendation]).toContain(result.launchType);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });

  it("only say a launch type was forced when the hard limits left exactly one", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluateOrRefused(answers);
        if (!result) return;
        const open = LAUNCH_TYPES_FOR[result.recommendation].filter(
          (launchType) => !(CANNOT[result.recommendation][launchType] ?? []).some((need) => needsOf(answers).includes(need)),
        );
        expect(result.launchTypeRequired).toBe(open.length === 1);
        expect(Object.keys(result.launchTypeScores).sort()).toEqual([...open].sort());
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("never choose Fargate for a task larger than its largest size, and say why in the limits, as the estimate does (a list of services, Windows tasks, the shorthand with --tasks)", () => {
    const team = { kubernetesExperience: "basic", cloudStrategy: "aws-only", microservices: 5, budget: "moderate" } as const;
    const cases = [
      { answers: { ...team, vcpus: 100, memoryGiB: 400, tasks: 5 }, text: "Each task (20 vCPU, 80 GiB) is larger than Fargate's largest size (16 vCPU, 120 GB)." },
      { answers: { ...team, services: [{ name: "web", vcpu: 1, memoryGiB: 2, replicas: 2 }, { name: "batch", vcpu: 32, memoryGiB: 64, replicas: 1 }] }, text: "The task of batch (32 vCPU, 64 GiB) is larger than Fargate's largest size (16 vCPU, 120 GB)." },
      { answers: { ...team, requirements: ["windows"], services: [{ name: "web", vcpu: 8, memoryGiB: 16, replicas: 2, os: "windows" }] }, text: "The Windows task of web (8 vCPU, 16 GiB) is larger than Fargate's largest Windows size (4 vCPU, 30 GB)." },
    ] as const;
    for (const { answers, text } of cases) {
      const result = recommend(answers);
      expect(result.launchType).not.toBe("fargate");
      expect(result.launchTypeLimits).toContainEqual(expect.objectContaining({ ruleId: "workload", excludes: ["fargate"], text }));
      // The estimate rules out the same ways, and never the one chosen but for a missing price.
      const chosen = result.costs.estimate.options.find((o) => o.platform === result.recommendation && o.launchType === result.launchType)!;
      expect(chosen.excluded === undefined || chosen.unpriced === true).toBe(true);
      expect(result.costs.estimate.options.find((o) => o.platform === result.recommendation && o.launchType === "fargate")!.excluded).toContain(text);
    }
    // Not counted, the tasks are an average of a total: split to fit, and Fargate stays open.
    expect(recommend({ ...team, vcpus: 100, memoryGiB: 400 }).launchType).toBe("fargate");
  });

  it("never choose a way of running the estimate rules out for the workload, over generated workloads", () => {
    fc.assert(
      fc.property(answersWithEstimate, (answers) => {
        let result;
        try {
          result = evaluate(answers);
        } catch (error) {
          // A task no instance type holds is refused as input.
          return error instanceof InputError;
        }
        const chosen = result.costs.estimate.options.find((o) => o.platform === result.recommendation && o.launchType === result.launchType)!;
        // Ruled out only for a missing price, or (EKS's instances) for a task larger than a node keeps for pods, which no launch type escapes.
        return chosen.excluded === undefined || chosen.unpriced === true || result.launchType !== "fargate";
      }),
      { numRuns: 300, seed: 2026120701 },
    );
  });

  it("prefer what AWS runs over instances the team must run when the team has little ops capacity", () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom("none", "some" as const), (generated, opsCapacity) => {
        const answers = { ...generated, opsCapacity };
        const result = evaluateBrief(answers);
        // EC2 instances of the team's own only when nothing AWS manages can run the workload.
        if (result.launchType === "ec2") expect(result.launchTypeRequired).toBe(true);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});
