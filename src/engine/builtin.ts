import rulesJson from "../../rules/rules.json" with { type: "json" };
import { parseRules, type RuleSet } from "./rules.js";

function loadBuiltIn(): RuleSet {
  const outcome = parseRules(rulesJson, { file: "rules/rules.json", origin: { source: "built-in" } });
  // The shipped rules are tested like code; reaching this is a packaging bug.
  if (!outcome.ok) throw new Error(`The built-in rules are invalid:\n${outcome.problems.join("\n")}`);
  return outcome.ruleSet;
}

/** The rules that ship with ecs-or-eks, validated when the engine loads. */
export const BUILT_IN_RULES: RuleSet = loadBuiltIn();
