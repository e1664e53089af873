import type { Answers } from "./questions.js";
import type { LaunchType, Platform } from "./rule-types.js";
import type { LaunchTypeRule, RuleSet } from "./rule-set.js";
import { inOrderOfStrength, round } from "./score.js";

export interface LaunchTypeChoice {
  launchType: LaunchType;
  /** True when a hard limit (a GPU, a privileged container) left only one launch type. */
  required: boolean;
  scores: Record<LaunchType, number>;
  /** Rules that fired for this platform, required ones first, then strongest first. */
  fired: LaunchTypeRule[];
}

/**
 * Fargate or EC2 for the chosen platform: a required rule settles it (what
 * Fargate cannot do); otherwise the weights of the guide's pros and cons do,
 * and a tie goes to Fargate, the one with no servers to run.
 */
export function pickLaunchType(ruleSet: RuleSet, answers: Answers, platform: Platform): LaunchTypeChoice {
  const scores: Record<LaunchType, number> = { fargate: 0, ec2: 0 };
  const required: Record<LaunchType, number> = { fargate: 0, ec2: 0 };
  const fired: LaunchTypeRule[] = [];
  for (const rule of inOrderOfStrength(ruleSet).launchTypeRules) {
    if (rule.platforms && !rule.platforms.includes(platform)) continue;
    if (!rule.test(answers)) continue;
    fired.push(rule);
    scores[rule.launchType] += rule.weight;
    if (rule.required) required[rule.launchType] += rule.weight;
  }
  const isRequired = required.fargate + required.ec2 > 0;
  // Conflicting hard limits can only come from custom rules; the heavier one wins, EC2 on a tie.
  const launchType: LaunchType = isRequired
    ? required.fargate > required.ec2 ? "fargate" : "ec2"
    : scores.ec2 > scores.fargate ? "ec2" : "fargate";
  return { launchType, required: isRequired, scores: { fargate: round(scores.fargate), ec2: round(scores.ec2) }, fired };
}
