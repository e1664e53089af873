import { BUILT_IN_PRICES } from "./builtin-prices.js";
import { workloadExclusions } from "./cost/limits.js";
import { workloadOf } from "./cost/workload.js";
import type { Message } from "./message.js";
import type { PricesFileData } from "./price-types.js";
import type { Answers } from "./questions.js";
import { LAUNCH_TYPES_FOR, type LaunchType, type Platform } from "./rule-types.js";
import { appliesTo, type LaunchTypeLimit, type LaunchTypeNote, type LaunchTypeRule, type RuleSet } from "./rule-set.js";
import { round } from "./rounding.js";
import { inOrderOfStrength } from "./score.js";

export interface LaunchTypeChoice {
  launchType: LaunchType;
  /** True when hard limits left only this launch type. */
  required: boolean;
  /** The weights that fired for each launch type the workload can run on. */
  scores: Partial<Record<LaunchType, number>>;
  /** Weighted rules that fired for those launch types, strongest first. */
  fired: LaunchTypeRule[];
  /** Hard limits that fired for this platform: what the workload cannot run on, and why. */
  limits: LaunchTypeLimit[];
  /** Launch types the workload itself cannot run on (a task larger than Fargate's largest size, a GPU service on Fargate), with why: the estimate gives them no figure either. */
  workloadLimits: { launchType: LaunchType; reasons: Message[] }[];
  /** Notes on the chosen launch type for these answers. */
  notes: LaunchTypeNote[];
}

/**
 * How the chosen platform runs the containers. Hard limits first: a launch
 * type that cannot meet a requirement (GPUs on Fargate, Windows on Auto Mode)
 * is never chosen, nor one the workload itself cannot run on (a task larger
 * than Fargate's largest size: the prices' sizes decide). Among the rest the weights of the guide's pros and cons
 * and of AWS's guidance decide, and a tie goes to the launch type that leaves
 * the team the least to run (the order of LAUNCH_TYPES_FOR).
 */
export function pickLaunchType(ruleSet: RuleSet, answers: Answers, platform: Platform, data: PricesFileData = BUILT_IN_PRICES.data): LaunchTypeChoice {
  const candidates = LAUNCH_TYPES_FOR[platform];
  const possible = forPlatform(ruleSet, platform);
  const limits = possible.limits.filter((limit) => limit.test(answers));
  const fired = possible.rules.filter((rule) => rule.test(answers));
  const excluded = excludedBy(limits, fired, candidates);
  // The workload's own limits, where no limit of the rules already rules the launch type out (as the estimate says them).
  const workload = workloadOf(answers);
  const workloadLimits = candidates.filter((x) => !excluded.has(x)).flatMap((launchType) => {
    const reasons = workloadExclusions(data, workload, platform, launchType);
    return reasons.length > 0 ? [{ launchType, reasons }] : [];
  });
  for (const { launchType } of workloadLimits) excluded.add(launchType);

  // Only conflicting custom limits can rule out everything (rules check refuses such a file);
  // EC2 instances of your own can run what the others can, but it is then not "required".
  const open = candidates.filter((x) => !excluded.has(x));
  const feasible = open.length > 0 ? open : (["ec2"] as const);
  const scores: Partial<Record<LaunchType, number>> = {};
  for (const x of feasible) scores[x] = 0;
  const counted = fired.filter((rule) => rule.launchType in scores);
  for (const rule of counted) scores[rule.launchType]! += rule.weight;
  for (const x of feasible) scores[x] = round(scores[x]!);
  const launchType = feasible.reduce((best, x) => (scores[x]! > scores[best]! ? x : best), feasible[0]!);

  const notes = possible.notes.filter((note) => (!note.launchTypes || note.launchTypes.includes(launchType)) && note.test(answers));
  return { launchType, required: open.length === 1 && excluded.size > 0, scores, fired: counted, limits, workloadLimits, notes };
}

/** The launch types the hard limits, and any `required` rule that fired, rule out for these answers. */
export function excludedLaunchTypes(ruleSet: RuleSet, answers: Answers, platform: Platform): Set<LaunchType> {
  const possible = forPlatform(ruleSet, platform);
  return excludedBy(
    possible.limits.filter((limit) => limit.test(answers)),
    possible.rules.filter((rule) => rule.required && rule.test(answers)),
    LAUNCH_TYPES_FOR[platform],
  );
}

/** What fired limits rule out, and what a fired `required` rule (rules files written before launchTypeLimits) leaves. */
function excludedBy(limits: readonly LaunchTypeLimit[], fired: readonly LaunchTypeRule[], candidates: readonly LaunchType[]): Set<LaunchType> {
  const excluded = new Set<LaunchType>();
  for (const limit of limits) for (const x of limit.excludes) excluded.add(x);
  for (const rule of fired) if (rule.required) for (const x of candidates) if (x !== rule.launchType) excluded.add(x);
  return excluded;
}

/** A platform's share of a rule set's launch-type lists: what can apply to it, before any answer is read. */
interface PlatformLists {
  limits: LaunchTypeLimit[];
  /** Strongest first, as inOrderOfStrength orders them. */
  rules: LaunchTypeRule[];
  notes: LaunchTypeNote[];
}

// A cache, not state: the lists are a pure function of the (immutable) rule set, worked out once, not per answer set.
const listsByRuleSet = new WeakMap<RuleSet, Record<Platform, PlatformLists>>();

function forPlatform(ruleSet: RuleSet, platform: Platform): PlatformLists {
  let lists = listsByRuleSet.get(ruleSet);
  if (!lists) {
    const of = (each: Platform): PlatformLists => {
      const candidates: readonly LaunchType[] = LAUNCH_TYPES_FOR[each];
      const applies = appliesTo(each);
      return {
        limits: ruleSet.launchTypeLimits.filter((limit) => applies(limit) && limit.excludes.some((x) => candidates.includes(x))),
        rules: inOrderOfStrength(ruleSet).launchTypeRules.filter((rule) => applies(rule) && candidates.includes(rule.launchType)),
        notes: ruleSet.launchTypeNotes.filter(applies),
      };
    };
    lists = { ecs: of("ecs"), eks: of("eks") };
    listsByRuleSet.set(ruleSet, lists);
  }
  return lists[platform];
}
