// The decision for answers already known to be valid: scores, launch type,
// reasons, what would change it, costs. No validation here (and so no zod):
// recommend.ts validates first, the CLI checks answers before it calls this.
import type { Lang } from "../i18n/lang.js";
import { BUILT_IN_RULES } from "./builtin.js";
import { costsFor, type Costs } from "./costs.js";
import { applyChanges, findFlips, type Change } from "./counterfactual.js";
import { describeFlip } from "./explain.js";
import { pickLaunchType } from "./launch-type.js";
import type { Answers } from "./questions.js";
import { alsoConsiderFor } from "./also-consider.js";
import type { LaunchType, Localized, Platform, Source } from "./rule-types.js";
import { citeSource, localize, type RuleSet, type RuleSetOrigin } from "./rule-set.js";
import { confidenceOf, decide, decidingRules, isCloseCall, scorePlatforms, type Scores } from "./score.js";

export const SCHEMA_VERSION = 2;

export interface Reason {
  ruleId: string;
  platform: Platform;
  weight: number;
  /** A few words for the reason (the rule's label, else its sentence). */
  label: string;
  text: string;
  source: string;
}

export interface LaunchTypeReason {
  ruleId: string;
  launchType: LaunchType;
  weight: number;
  required: boolean;
  text: string;
  source: string;
}

/** A hard limit that rules launch types out for the recommended platform. */
export interface LaunchTypeLimitReason {
  ruleId: string;
  excludes: LaunchType[];
  text: string;
  source: string;
}

/** Something to know about the chosen launch type for these answers. */
export interface LaunchTypeNote {
  ruleId: string;
  text: string;
  source: string;
}

/** Another AWS service that may fit part of the work better. */
export interface AlsoConsider {
  option: string;
  text: string;
  source: string;
}

export interface WhatWouldChange {
  answers: Partial<Answers>;
  recommendation: Platform;
  text: string;
}

/** What `--format json` prints and `recommend()` returns. Fields are added, never renamed. */
export interface Result {
  schemaVersion: typeof SCHEMA_VERSION;
  recommendation: Platform;
  launchType: LaunchType;
  confidence: number;
  closeCall: boolean;
  scores: Scores;
  decidingRules: string[];
  reasons: Reason[];
  launchTypeRequired: boolean;
  /** The weights for each launch type the workload can run on, for the recommended platform. */
  launchTypeScores: Partial<Record<LaunchType, number>>;
  launchTypeReasons: LaunchTypeReason[];
  launchTypeLimits: LaunchTypeLimitReason[];
  launchTypeNotes: LaunchTypeNote[];
  alsoConsider: AlsoConsider[];
  whatWouldChange: WhatWouldChange[];
  costs: Costs;
  answers: Answers;
  ruleSet: RuleSetOrigin;
  lang: Lang;
}

export interface RecommendOptions {
  /** The rule set to use; the built-in rules by default. */
  rules?: RuleSet;
  /** The language of every sentence in the result; keys and values stay English. */
  lang?: Lang;
}

/**
 * The decision without its prose or its counterfactuals: what a batch line
 * carries. A portfolio run triages; the full result (what would change it)
 * is one single run of that line away.
 */
export interface BriefResult {
  recommendation: Platform;
  launchType: LaunchType;
  launchTypeRequired: boolean;
  confidence: number;
  closeCall: boolean;
  scores: Scores;
  decidingRules: string[];
  /** Ids of the rules that fired, strongest first. */
  firedRules: string[];
}

function decideFor(answers: Answers, ruleSet: RuleSet) {
  const { scores, fired } = scorePlatforms(ruleSet, answers);
  const recommendation = decide(scores);
  const launch = pickLaunchType(ruleSet, answers, recommendation);
  return { scores, fired, recommendation, confidence: confidenceOf(scores), closeCall: isCloseCall(scores), launch };
}

/** Only the answers a flip changes, with their new values. */
function changedAnswers(answers: Answers, changes: readonly Change[]): Partial<Answers> {
  const changed = applyChanges(answers, changes);
  const keys = [...new Set(changes.map((change) => change.key))];
  return Object.fromEntries(keys.map((key) => [key, changed[key]])) as Partial<Answers>;
}

/** The decision for valid answers, without sentences: cheap enough for a million-line batch. */
export function evaluateBrief(answers: Answers, options: Pick<RecommendOptions, "rules"> = {}): BriefResult {
  const { scores, fired, recommendation, confidence, closeCall, launch } = decideFor(answers, options.rules ?? BUILT_IN_RULES);
  return {
    recommendation,
    launchType: launch.launchType,
    launchTypeRequired: launch.required,
    confidence,
    closeCall,
    scores,
    decidingRules: decidingRules(fired, scores).map((rule) => rule.id),
    firedRules: fired.map((rule) => rule.id),
  };
}

/** The recommendation for answers that are already valid. Pure: no I/O. */
export function evaluate(answers: Answers, options: RecommendOptions = {}): Result {
  const lang = options.lang ?? "en";
  const ruleSet = options.rules ?? BUILT_IN_RULES;
  const { scores, fired, recommendation, confidence, closeCall, launch } = decideFor(answers, ruleSet);
  const flips = findFlips(ruleSet, answers, recommendation);
  const said = (rule: { text: Localized; source: Source }) => ({
    text: localize(rule.text, lang),
    source: citeSource(ruleSet, rule.source, lang),
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    recommendation,
    launchType: launch.launchType,
    confidence,
    closeCall,
    scores,
    decidingRules: decidingRules(fired, scores).map((rule) => rule.id),
    reasons: fired.map((rule) => ({
      ruleId: rule.id,
      platform: rule.platform,
      weight: rule.weight,
      label: localize(rule.label ?? rule.text, lang),
      ...said(rule),
    })),
    launchTypeRequired: launch.required,
    launchTypeScores: launch.scores,
    launchTypeReasons: launch.fired.map((rule) => ({
      ruleId: rule.id,
      launchType: rule.launchType,
      weight: rule.weight,
      required: rule.required ?? false,
      ...said(rule),
    })),
    launchTypeLimits: launch.limits.map((limit) => ({ ruleId: limit.id, excludes: limit.excludes, ...said(limit) })),
    launchTypeNotes: launch.notes.map((note) => ({ ruleId: note.id, ...said(note) })),
    alsoConsider: alsoConsiderFor(ruleSet, answers, recommendation).map((entry) => ({ option: entry.id, ...said(entry) })),
    whatWouldChange: flips.map((flip) => ({
      answers: changedAnswers(answers, flip.changes),
      recommendation: flip.recommendation,
      text: describeFlip(flip.changes, flip.recommendation, lang),
    })),
    costs: costsFor(answers, { recommendation, launchType: launch.launchType, closeCall }),
    answers,
    ruleSet: ruleSet.origin,
    lang,
  };
}
