import { compileCondition, keysOf, type Predicate } from "./conditions.js";
import type { AnswerKey } from "./questions.js";
import type {
  AlsoConsiderData,
  AnswerNoteData,
  LaunchTypeLimitData,
  LaunchTypeNoteData,
  LaunchTypeRuleData,
  Platform,
  RuleData,
  RulesFileData,
  SourcesTable,
} from "./rule-types.js";

// A rule set ready to score: rules with their conditions compiled. Kept apart
// from the validation in rules.ts (and its zod schemas), which only user rule
// files need at run time.

interface Compiled {
  /** Whether the rule fires for the given answers. */
  readonly test: Predicate;
  /** The answers the rule reads. */
  readonly keys: readonly AnswerKey[];
}
export type Rule = RuleData & Compiled;
export type LaunchTypeRule = LaunchTypeRuleData & Compiled;
export type LaunchTypeLimit = LaunchTypeLimitData & Compiled;
export type LaunchTypeNote = LaunchTypeNoteData & Compiled;
export type AlsoConsiderRule = AlsoConsiderData & Compiled;
export type AnswerNote = AnswerNoteData & Compiled;

/** Where a rule set came from, as the JSON result reports it. */
export type RuleSetOrigin =
  | { source: "built-in"; version: string }
  | { source: "file"; path: string; sha256: string; version: string; extends?: "built-in" };

export interface RuleSet {
  readonly origin: RuleSetOrigin;
  readonly version: string;
  readonly sources: SourcesTable;
  readonly rules: readonly Rule[];
  readonly launchTypeRules: readonly LaunchTypeRule[];
  readonly launchTypeLimits: readonly LaunchTypeLimit[];
  readonly launchTypeNotes: readonly LaunchTypeNote[];
  readonly alsoConsider: readonly AlsoConsiderRule[];
  readonly answerNotes: readonly AnswerNote[];
}

/** The lists of a rule set besides its sources, as a rules file holds them. */
export type RuleLists = Pick<RuleSet, "rules" | "launchTypeRules" | "launchTypeLimits" | "launchTypeNotes" | "alsoConsider" | "answerNotes">;

/** Whether a rule that may name its platforms (launch types, limits, notes, also-consider) applies to `platform`. */
export function appliesTo(platform: Platform): (rule: { platforms?: readonly Platform[] | undefined }) => boolean {
  return (rule) => !rule.platforms || rule.platforms.includes(platform);
}

function compile<R extends { when: RuleData["when"] }>(rule: R): R & Compiled {
  return { ...rule, test: compileCondition(rule.when), keys: keysOf(rule.when) };
}

/** Every list of a (valid) rules file, compiled; lists a file leaves out are empty. */
export function compileLists(data: Partial<Omit<RulesFileData, "version" | "sources">>): RuleLists {
  return {
    rules: (data.rules ?? []).map(compile),
    launchTypeRules: (data.launchTypeRules ?? []).map(compile),
    launchTypeLimits: (data.launchTypeLimits ?? []).map(compile),
    launchTypeNotes: (data.launchTypeNotes ?? []).map(compile),
    alsoConsider: (data.alsoConsider ?? []).map(compile),
    answerNotes: (data.answerNotes ?? []).map(compile),
  };
}

/** A rules file already known to be valid (the built-in one, checked at build time), compiled. */
export function compileRuleSet(data: RulesFileData, origin: { source: "built-in" }): RuleSet {
  return { origin: { ...origin, version: data.version }, version: data.version, sources: data.sources ?? {}, ...compileLists(data) };
}

/** A rule set as a rules file again: what `rules --format json` prints and `--rules` reads back. */
export function toRulesFile(ruleSet: RuleSet): RulesFileData {
  const strip = <R extends Compiled>({ test: _test, keys: _keys, ...data }: R) => data;
  return {
    version: ruleSet.version,
    sources: ruleSet.sources,
    rules: ruleSet.rules.map(strip),
    launchTypeRules: ruleSet.launchTypeRules.map(strip),
    launchTypeLimits: ruleSet.launchTypeLimits.map(strip),
    launchTypeNotes: ruleSet.launchTypeNotes.map(strip),
    alsoConsider: ruleSet.alsoConsider.map(strip),
    answerNotes: ruleSet.answerNotes.map(strip),
  };
}
