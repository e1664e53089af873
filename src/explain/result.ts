// The result as `--format json` prints it and `recommend()` returns it: the
// engine's decision (src/engine/evaluate.ts) with every sentence worded in
// the run's language. Fields are added, never renamed.
import { assess, type Assessment } from "../engine/evaluate.js";
import type { Costs } from "../engine/costs.js";
import type { Prices } from "../engine/price-types.js";
import { explainEstimate, type EstimateResult } from "./estimate.js";
import type { Answers } from "../engine/questions.js";
import type { LaunchType, Localized, Platform, Source } from "../engine/rule-types.js";
import type { RuleSet, RuleSetOrigin } from "../engine/rule-set.js";
import type { CallLabel, Scores } from "../engine/score.js";
import type { Lang } from "../i18n/lang.js";
import { describeFeatureFlip, describeFlip } from "./flip.js";
import { citeSource } from "./source.js";
import { checkedLang, localize, say, sayFigures } from "./words.js";
import { EstimateError, InputError } from "../engine/errors.js";
import { t } from "../i18n/index.js";
import { quoteValue } from "../engine/quote-value.js";
import { isUtilization, UTILIZATION_RANGE } from "../engine/utilization.js";

export type { BriefResult } from "../engine/evaluate.js";

/** 4: the cost estimate's `workload.assumed` lists the figures assumed, a ruled-out way has no figures but `excluded` in words, and `basis` is the pricing scenario; the confidence comes with its label and margin (issue 27). */
export const SCHEMA_VERSION = 4;

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

/** The ruleId of a limit the workload sets, not a rule: a task larger than Fargate's largest size, a GPU service on Fargate. */
const WORKLOAD_LIMIT_ID = "workload";

/** A hard limit that rules launch types out for the recommended platform (a rule's, or the workload's: ruleId "workload"). */
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

/** Why an answer weighs nothing for the platform, or how it was weighed. */
export interface AnswerNote {
  id: string;
  text: string;
  source: string;
}

export interface WhatWouldChange {
  answers: Partial<Answers>;
  recommendation: Platform;
  text: string;
  /** When a newer feature of the other platform answers a reason that fired: the feature, in the result's language (schemaVersion 4). */
  feature?: string;
}

/** What `--format json` prints and `recommend()` returns. Fields are added, never renamed. */
export interface Result {
  schemaVersion: typeof SCHEMA_VERSION;
  recommendation: Platform;
  launchType: LaunchType;
  /**
   * Since schemaVersion 4: the share of published decisions (the corpus of
   * docs/calibration.md) whose answers gave a margin in the same band as this
   * one and that ended on the recommended platform; null with a rules file
   * of your own, which the corpus was not measured with. Not a probability
   * for this team; `calibration` gives the counts behind it.
   */
  confidence: number | null;
  /** close, leaning or clear, from the margin alone (schemaVersion 4). */
  confidenceLabel: CallLabel;
  /** The points between the two platforms: |EKS − ECS| (schemaVersion 4). */
  margin: number;
  /** The counts behind `confidence`: of `of` decisions at a margin like this, `agreed` ended on the recommended platform, out of `corpus` (schemaVersion 4). */
  calibration: { agreed: number; of: number; corpus: number } | null;
  /** The label is close: the margin is under 4 points (schemaVersion 4; it was a share of the points before). */
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
  /** Answers that weigh nothing, each with why (schemaVersion 3). */
  answerNotes: AnswerNote[];
  whatWouldChange: WhatWouldChange[];
  costs: Costs & { estimate: EstimateResult };
  answers: Answers;
  ruleSet: RuleSetOrigin;
  lang: Lang;
}

export interface RecommendOptions {
  /** The rule set to use; the built-in rules by default. */
  rules?: RuleSet;
  /** The language of every sentence in the result; keys and values stay English. */
  lang?: Lang;
  /** The prices the cost estimate uses; the built-in ones (rules/prices.json) by default. */
  prices?: Prices;
  /** The share of EC2 capacity the estimate assumes the workload fills (0.1 to 1; 0.7 by default). */
  utilization?: number;
}

/** The recommendation for answers that are already valid, in words. Pure: no I/O. */
export function evaluate(answers: Answers, options: RecommendOptions = {}): Result {
  const lang = checkedLang(options.lang);
  // The CLI's rule and sentence: NaN or 5 would price a fleet that cannot exist, and silently.
  if (options.utilization !== undefined && !isUtilization(options.utilization)) {
    throw new InputError(t(lang, "error.badUtilization", { where: '"utilization"', ...UTILIZATION_RANGE, got: quoteValue(options.utilization) }));
  }
  const estimate = { ...(options.prices ? { prices: options.prices } : {}), ...(options.utilization === undefined ? {} : { utilization: options.utilization }) };
  try {
    return explainAssessment(assess(answers, options.rules, estimate), lang);
  } catch (error) {
    // A workload the estimate cannot price (a task no instance holds) is bad input, worded here.
    if (error instanceof EstimateError) throw new InputError(say(lang, error.problem), error.hint ? say(lang, error.hint) : t(lang, "estimate.tooLargeHint"));
    throw error;
  }
}

/** The engine's decision, every sentence in `lang`. */
function explainAssessment(assessment: Assessment, lang: Lang): Result {
  const { ruleSet, launch } = assessment;
  const said = (rule: { text: Localized; source: Source }) => ({
    text: localize(rule.text, lang),
    source: citeSource(ruleSet, rule.source, lang),
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    recommendation: assessment.recommendation,
    launchType: launch.launchType,
    confidence: assessment.confidence.share,
    confidenceLabel: assessment.confidence.label,
    margin: assessment.confidence.margin,
    calibration: assessment.confidence.calibration ?? null,
    closeCall: assessment.closeCall,
    scores: assessment.scores,
    decidingRules: assessment.deciding.map((rule) => rule.id),
    reasons: assessment.fired.map((rule) => ({
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
    launchTypeLimits: [
      ...launch.limits.map((limit) => ({ ruleId: limit.id, excludes: limit.excludes, ...said(limit) })),
      // What the workload itself cannot run on: no rule's id, as no rule says it (a task's size against the prices' Fargate sizes).
      ...launch.workloadLimits.map((limit) => ({ ruleId: WORKLOAD_LIMIT_ID, excludes: [limit.launchType], text: limit.reasons.map((m) => sayFigures(lang, m)).join(" "), source: t(lang, "result.workloadLimitSource") })),
    ],
    launchTypeNotes: launch.notes.map((note) => ({ ruleId: note.id, ...said(note) })),
    alsoConsider: assessment.alsoConsider.map((entry) => ({ option: entry.id, ...said(entry) })),
    answerNotes: assessment.answerNotes.map((note) => ({ id: note.id, ...said(note) })),
    whatWouldChange: assessment.flips.map((flip) => ({
      answers: flip.answers,
      recommendation: flip.recommendation,
      text: flip.answeredBy ? describeFeatureFlip(flip.answeredBy, flip.recommendation, lang) : describeFlip(flip.changes, flip.recommendation, lang),
      ...(flip.answeredBy ? { feature: localize(flip.answeredBy.feature, lang) } : {}),
    })),
    costs: { ...assessment.costs, estimate: explainEstimate(assessment.estimate, ruleSet, lang) },
    answers: assessment.answers,
    ruleSet: ruleSet.origin,
    lang,
  };
}
