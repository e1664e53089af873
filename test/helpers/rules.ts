import { parseRules } from "../../src/explain/rules.js";
import type { RuleSet } from "../../src/engine/rule-set.js";
import type { LaunchTypeRuleData, RuleData } from "../../src/engine/rule-types.js";

let next = 0;

/** A valid platform rule; override only what the test is about. */
export function makeRule(overrides: Partial<RuleData> = {}): RuleData {
  next++;
  return {
    id: `rule-${next}`,
    platform: "ecs",
    weight: 1,
    when: { answer: "budget", in: ["tight"] },
    text: { en: "A test rule.", ko: "시험용 규칙." },
    source: "test",
    ...overrides,
  };
}

export function makeRuleSet(rules: RuleData[], launchTypeRules: LaunchTypeRuleData[] = []): RuleSet {
  const outcome = parseRules({ version: "test", rules, launchTypeRules }, { file: "test.json" });
  if (!outcome.ok) throw new Error(outcome.problems.join("\n"));
  return outcome.ruleSet;
}
