import { compileCondition, keysOf, type Predicate } from "./conditions.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../i18n/lang.js";
import type { AnswerKey } from "./questions.js";
import type { LaunchTypeRuleData, Localized, RuleData, RulesFileData, Source, SourcesTable } from "./rule-types.js";

// A rule set ready to score: rules with their conditions compiled. Kept apart
// from the validation in rules.ts (and its zod schemas), which only user rule
// files need at run time.

export interface Compiled {
  /** Whether the rule fires for the given answers. */
  readonly test: Predicate;
  /** The answers the rule reads. */
  readonly keys: readonly AnswerKey[];
}
export type Rule = RuleData & Compiled;
export type LaunchTypeRule = LaunchTypeRuleData & Compiled;

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
}

export function compile<R extends RuleData | LaunchTypeRuleData>(rule: R): R & Compiled {
  return { ...rule, test: compileCondition(rule.when), keys: keysOf(rule.when) };
}

/** A rules file already known to be valid (the built-in one, checked at build time), compiled. */
export function compileRuleSet(data: RulesFileData, origin: { source: "built-in" }): RuleSet {
  return {
    origin: { ...origin, version: data.version },
    version: data.version,
    sources: data.sources ?? {},
    rules: data.rules.map(compile),
    launchTypeRules: (data.launchTypeRules ?? []).map(compile),
  };
}

/** A rule set as a rules file again: what `rules --format json` prints and `--rules` reads back. */
export function toRulesFile(ruleSet: RuleSet): RulesFileData {
  const strip = <R extends Compiled>({ test: _test, keys: _keys, ...data }: R) => data;
  return {
    version: ruleSet.version,
    sources: ruleSet.sources,
    rules: ruleSet.rules.map(strip),
    launchTypeRules: ruleSet.launchTypeRules.map(strip),
  };
}

export function localize(text: Localized, lang: Lang): string {
  return text[lang] ?? text.en;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/** The citation shown beside a rule; English output never shows the guide's Korean lines. */
export function citeSource(ruleSet: RuleSet, source: Source, lang: Lang, withQuote = true): string {
  if (typeof source === "string") return source;
  const title = ruleSet.sources[source.ref] ? localize(ruleSet.sources[source.ref]!.title, lang) : source.ref;
  if (!withQuote || !source.quote || (lang === "en" && HANGUL.test(source.quote))) return title;
  return t(lang, "source.withQuote", { title, quote: source.quote });
}

