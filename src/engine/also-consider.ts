import type { Answers } from "./questions.js";
import type { Platform } from "./rule-types.js";
import type { AlsoConsiderRule, RuleSet } from "./rule-set.js";

/** Other AWS services that may fit part of the work better, for these answers and this platform. */
export function alsoConsiderFor(ruleSet: RuleSet, answers: Answers, platform: Platform): AlsoConsiderRule[] {
  return ruleSet.alsoConsider.filter((entry) => (!entry.platforms || entry.platforms.includes(platform)) && entry.test(answers));
}
