import rulesJson from "../../rules/rules.json" with { type: "json" };
import type { RulesFileData } from "./rule-types.js";
import { compileRuleSet, type RuleSet } from "./rule-set.js";

/**
 * The rules that ship with ecs-or-eks. They are validated with the same zod
 * schemas as any rules file when the package is built (scripts/build.mjs runs
 * `rules check` on them) and by the tests, so start-up only compiles them.
 */
export const BUILT_IN_RULES: RuleSet = compileRuleSet(rulesJson as RulesFileData, { source: "built-in" });
