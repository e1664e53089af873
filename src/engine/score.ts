import type { Answers } from "./questions.js";
import type { Platform } from "./rule-types.js";
import type { LaunchTypeRule, Rule, RuleSet } from "./rule-set.js";

/** Below this share of the points as margin the call is close: the loser has over 37.5% of the points. */
const CLOSE_CALL_BELOW = 0.25;

/**
 * Points that stand for what the questionnaire cannot see. Added to the
 * points that fired before the margin is divided, so a call carried by one
 * or two weak rules stays unsure, and the more evidence fires, the nearer
 * the confidence comes to 1 (never reaching it).
 */
const EVIDENCE_PRIOR = 6;

export interface Scores {
  ecs: number;
  eks: number;
}

export interface PlatformScore {
  scores: Scores;
  /** Rules that fired, strongest first (ties by id, so output is stable). */
  fired: Rule[];
}

export function scorePlatforms(ruleSet: RuleSet, answers: Answers): PlatformScore {
  const scores: Scores = { ecs: 0, eks: 0 };
  const fired: Rule[] = [];
  // Visiting rules strongest first leaves `fired` in order without sorting it on every run.
  for (const rule of inOrderOfStrength(ruleSet).rules) {
    if (!rule.test(answers)) continue;
    scores[rule.platform] += rule.weight;
    fired.push(rule);
  }
  return { scores: { ecs: round(scores.ecs), eks: round(scores.eks) }, fired };
}

interface Ordered {
  rules: Rule[];
  /** Required (hard-limit) rules first, then strongest first. */
  launchTypeRules: LaunchTypeRule[];
}

// A cache, not state: the order is a pure function of its (immutable) rule set.
const ordered = new WeakMap<RuleSet, Ordered>();

/** The rule set's rules, strongest first (ties by id, so output is stable). */
export function inOrderOfStrength(ruleSet: RuleSet): Ordered {
  let order = ordered.get(ruleSet);
  if (!order) {
    order = {
      rules: [...ruleSet.rules].sort(strongestFirst),
      launchTypeRules: [...ruleSet.launchTypeRules].sort(
        (a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)) || strongestFirst(a, b),
      ),
    };
    ordered.set(ruleSet, order);
  }
  return order;
}

/** The higher total wins; a tie goes to ECS, the simpler and cheaper platform to start on. */
export function decide(scores: Scores): Platform {
  return leaderBy(round(scores.eks - scores.ecs));
}

/** The platform that EKS's lead (EKS's points less ECS's) gives: the tie rule, in one place. */
export function leaderBy(eksLead: number): Platform {
  return eksLead > 0 ? "eks" : "ecs";
}

/** |EKS − ECS| / (EKS + ECS + EVIDENCE_PRIOR): the margin, discounted for how little evidence fired. */
export function confidenceOf(scores: Scores): number {
  return round(Math.abs(scores.eks - scores.ecs) / (scores.ecs + scores.eks + EVIDENCE_PRIOR), 3);
}

/** Whether the loser holds over 37.5% of the points that fired (or none fired): one rule could swing it. */
export function isCloseCall(scores: Scores): boolean {
  const total = scores.ecs + scores.eks;
  return total === 0 || Math.abs(scores.eks - scores.ecs) / total < CLOSE_CALL_BELOW;
}

/** Below this confidence a call that is neither close nor thin is said to lean: reasons on both sides count. */
export const LEANING_BELOW = 0.35;

/** Whether so few points fired that the evidence itself is thin, whatever the margin. */
export function isThin(scores: Scores): boolean {
  return scores.ecs + scores.eks < EVIDENCE_PRIOR;
}

/** Winning rules without which the recommendation would change. */
export function decidingRules(fired: readonly Rule[], scores: Scores): Rule[] {
  const winner = decide(scores);
  const loser = winner === "ecs" ? scores.eks : scores.ecs;
  // Without the rule, the winner keeps its lead only by more than the rule's weight (ECS also on a tie).
  return fired.filter((rule) => rule.platform === winner && (winner === "ecs" ? scores.ecs - rule.weight < loser : scores.eks - rule.weight <= loser));
}

function strongestFirst(a: { weight: number; id: string }, b: { weight: number; id: string }): number {
  return b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Weights like 1.5 add up with float noise; results are rounded so JSON stays byte-stable. */
export function round(value: number, digits = 6): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
