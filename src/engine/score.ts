import calibrationJson from "../../rules/calibration.json" with { type: "json" };
import type { Answers } from "./questions.js";
import type { Platform } from "./rule-types.js";
import type { LaunchTypeRule, Rule, RuleSet } from "./rule-set.js";
import { round } from "./rounding.js";

/**
 * How sure a call is, as the margin between the platforms' points: below
 * LEANING_FROM it is close, below CLEAR_FROM it leans, from there on it is
 * clear. The cuts are data (rules/calibration.json), chosen on published
 * decisions (docs/calibration.md): the three bands are the cuts at which the
 * share of teams that chose the recommended platform rises from one band to
 * the next. Read here from the file itself: calibration.ts, which holds the
 * rest of it, labels calls through this module.
 */
export const LEANING_FROM: number = calibrationJson.cuts.leaningFrom;
export const CLEAR_FROM: number = calibrationJson.cuts.clearFrom;

export const CALL_LABELS = ["close", "leaning", "clear"] as const;
export type CallLabel = (typeof CALL_LABELS)[number];

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

/** The points between the two platforms: what the label and the text both state. */
export function marginOf(scores: Scores): number {
  return round(Math.abs(scores.eks - scores.ecs));
}

/** The label of a call, from its margin alone, so the words and the number can never disagree. */
export function labelOf(scores: Scores): CallLabel {
  const margin = marginOf(scores);
  return margin < LEANING_FROM ? "close" : margin < CLEAR_FROM ? "leaning" : "clear";
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
