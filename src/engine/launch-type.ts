import type { Answers } from "./questions.js";
import { LAUNCH_TYPES_FOR, type LaunchType, type Platform } from "./rule-types.js";
import { appliesTo, type LaunchTypeLimit, type LaunchTypeNote, type LaunchTypeRule, type RuleSet } from "./rule-set.js";
import { inOrderOfStrength, round } from "./score.js";

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
  /** Notes on the chosen launch type for these answers. */
  notes: LaunchTypeNote[];
}

/**
 * How the chosen platform runs the containers. Hard limits first: a launch
 * type that cannot meet a requirement (GPUs on Fargate, Windows on Auto Mode)
 * is never chosen. Among the rest the weights of the guide's pros and cons
 * and of AWS's guidance decide, and a tie goes to the launch type that leaves
 * the team the least to run (the order of LAUNCH_TYPES_FOR).
 */
export function pickLaunchType(ruleSet: RuleSet, answers: Answers, platform: Platform): LaunchTypeChoice {
  const candidates = LAUNCH_TYPES_FOR[platform];
  const applies = appliesTo(platform);
  const limits = firedLimits(ruleSet, answers, platform);
  const fired = inOrderOfStrength(ruleSet).launchTypeRules.filter(
    (rule) => applies(rule) && candidates.includes(rule.launchType) && rule.test(answers),
  );
  const excluded = excludedLaunchTypes(ruleSet, answers, platform);

  // Only conflicting custom limits can rule out everything (rules check refuses such a file);
  // EC2 instances of your own can run what the others can, but it is then not "required".
  const open = candidates.filter((x) => !excluded.has(x));
  const feasible = open.length > 0 ? open : (["ec2"] as const);
  const scores: Partial<Record<LaunchType, number>> = Object.fromEntries(feasible.map((x) => [x, 0]));
  const counted = fired.filter((rule) => rule.launchType in scores);
  for (const rule of counted) scores[rule.launchType]! += rule.weight;
  for (const x of feasible) scores[x] = round(scores[x]!);
  const launchType = feasible.reduce((best, x) => (scores[x]! > scores[best]! ? x : best), feasible[0]!);

  const notes = ruleSet.launchTypeNotes.filter(
    (note) => applies(note) && (!note.launchTypes || note.launchTypes.includes(launchType)) && note.test(answers),
  );
  return { launchType, required: open.length === 1 && excluded.size > 0, scores, fired: counted, limits, notes };
}

function firedLimits(ruleSet: RuleSet, answers: Answers, platform: Platform): LaunchTypeLimit[] {
  const candidates = LAUNCH_TYPES_FOR[platform];
  const applies = appliesTo(platform);
  return ruleSet.launchTypeLimits.filter((limit) => applies(limit) && limit.excludes.some((x) => candidates.includes(x)) && limit.test(answers));
}

/** The launch types the hard limits, and any `required` rule that fired, rule out for these answers. */
export function excludedLaunchTypes(ruleSet: RuleSet, answers: Answers, platform: Platform): Set<LaunchType> {
  const candidates = LAUNCH_TYPES_FOR[platform];
  const applies = appliesTo(platform);
  const excluded = new Set<LaunchType>();
  for (const limit of firedLimits(ruleSet, answers, platform)) for (const x of limit.excludes) excluded.add(x);
  // A rule marked `required` (rules files written before launchTypeLimits) leaves only its launch type.
  for (const rule of ruleSet.launchTypeRules) {
    if (rule.required && applies(rule) && candidates.includes(rule.launchType) && rule.test(answers)) {
      for (const x of candidates) if (x !== rule.launchType) excluded.add(x);
    }
  }
  return excluded;
}
