// A reason that a newer feature of the other platform answers (a load
// balancer on every internal call, which ECS Service Connect removed in 2022)
// is named with that feature in what would change the call: the answers are
// re-scored as they read once the feature answers the reason, and when that
// gives the other platform, it is said so, before the other changes.
import { applyChanges, changedAnswers, type Change } from "./changes.js";
import { MAX_FLIPS, type Flip } from "./counterfactual.js";
import type { AnswerKey, Answers } from "./questions.js";
import type { AnswerChangeData, Platform } from "./rule-types.js";
import type { Rule, RuleSet } from "./rule-set.js";
import { decide, scorePlatforms } from "./score.js";

/** The flips that come from a newer feature answering a winning reason, in the order the reasons fired. */
export function answeredFlips(ruleSet: RuleSet, answers: Answers, fired: readonly Rule[], current: Platform): Flip[] {
  const flips: Flip[] = [];
  for (const rule of fired) {
    if (rule.platform !== current || !rule.answeredBy) continue;
    const changes = rule.answeredBy.changes.map(toChange);
    const after = applyChanges(answers, changes);
    const recommendation = decide(scorePlatforms(ruleSet, after).scores);
    if (recommendation !== current) flips.push({ changes, answers: changedAnswers(answers, changes), recommendation, answeredBy: rule.answeredBy });
  }
  return flips;
}

/**
 * The feature flips first, then the plain ones that say something else (the
 * same change of answers is told once, with its feature), at most MAX_FLIPS.
 */
export function withFeatureFlips(featured: readonly Flip[], plain: readonly Flip[]): Flip[] {
  const told = new Set(featured.map((flip) => JSON.stringify(flip.answers)));
  return [...featured, ...plain.filter((flip) => !told.has(JSON.stringify(flip.answers)))].slice(0, MAX_FLIPS);
}

function toChange(change: AnswerChangeData): Change {
  const key = change.answer as AnswerKey;
  return "remove" in change ? { kind: "remove", key, item: change.remove, cost: 1 } : { kind: "choice", key, value: change.to, cost: 1 };
}
