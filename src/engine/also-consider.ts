import type { Answers } from "./questions.js";
import type { Platform } from "./rule-types.js";
import { appliesTo, type AlsoConsiderRule, type RuleSet } from "./rule-set.js";

/** Other AWS services that may fit part of the work better, for these answers and this platform. */
export function alsoConsiderFor(ruleSet: RuleSet, answers: Answers, platform: Platform): AlsoConsiderRule[] {
  const applies = appliesTo(platform);
  return ruleSet.alsoConsider.filter((entry) => applies(entry) && entry.test(answers));
}
