// The decision for answers already known to be valid, as data: scores, the
// launch type, the rules that fired, what would change it, costs. No
// validation here (and so no zod), and no sentences: src/explain/ words it.
import { BUILT_IN_RULES } from "./builtin.js";
import { BUILT_IN_PRICES } from "./builtin-prices.js";
import { costsFor, type Costs } from "./costs.js";
import { estimateCosts, type Estimate, type EstimateOptions } from "./estimate.js";
import { findFlips, type Flip } from "./counterfactual.js";
import { pickLaunchType, type LaunchTypeChoice } from "./launch-type.js";
import type { Prices } from "./price-types.js";
import type { Answers } from "./questions.js";
import { alsoConsiderFor } from "./also-consider.js";
import type { LaunchType, Platform } from "./rule-types.js";
import { appliesTo, type AlsoConsiderRule, type AnswerNote, type Rule, type RuleSet } from "./rule-set.js";
import { confidenceOf, type Confidence } from "./calibration.js";
import { answeredFlips, withFeatureFlips } from "./newer-features.js";
import { decide, decidingRules, scorePlatforms, type CallLabel, type Scores } from "./score.js";

/**
 * The decision without its prose or its counterfactuals: what a batch line
 * carries. A portfolio run triages; the full result (what would change it)
 * is one single run of that line away.
 */
export interface BriefResult {
  recommendation: Platform;
  launchType: LaunchType;
  launchTypeRequired: boolean;
  /** The share of published decisions at a margin like this that chose the recommended platform; null for rules of your own. */
  confidence: number | null;
  /** close, leaning or clear, from the margin: the label every output shows. */
  confidenceLabel: CallLabel;
  /** The points between the two platforms. */
  margin: number;
  /** The label is close. */
  closeCall: boolean;
  scores: Scores;
  decidingRules: string[];
  /** Ids of the rules that fired, strongest first. */
  firedRules: string[];
}

/** Everything the decision found for a team, before it is put into words. */
export interface Assessment {
  recommendation: Platform;
  confidence: Confidence;
  closeCall: boolean;
  scores: Scores;
  /** Rules that fired, strongest first. */
  fired: Rule[];
  /** Winning rules without which the recommendation would change. */
  deciding: Rule[];
  launch: LaunchTypeChoice;
  alsoConsider: AlsoConsiderRule[];
  /** Why some answers weigh nothing (or how they were weighed), for these answers and this platform. */
  answerNotes: AnswerNote[];
  /** What a newer feature of the other platform would change, then the smallest changes of answers that give the other platform, cheapest first. */
  flips: Flip[];
  costs: Costs;
  /** What each way of running costs a month: it explains, it never decides. Worked out when first read (a decision alone never pays for it). */
  readonly estimate: Estimate;
  answers: Answers;
  ruleSet: RuleSet;
}

function decideFor(answers: Answers, ruleSet: RuleSet, prices: Prices = BUILT_IN_PRICES) {
  const { scores, fired } = scorePlatforms(ruleSet, answers);
  const recommendation = decide(scores);
  const launch = pickLaunchType(ruleSet, answers, recommendation, prices.data);
  const confidence = confidenceOf(scores, ruleSet);
  return { scores, fired, recommendation, confidence, closeCall: confidence.label === "close", launch };
}

/** The decision for valid answers, without sentences: cheap enough for a million-line batch. */
export function evaluateBrief(answers: Answers, options: { rules?: RuleSet; prices?: Prices } = {}): BriefResult {
  const { scores, fired, recommendation, confidence, closeCall, launch } = decideFor(answers, options.rules ?? BUILT_IN_RULES, options.prices);
  return {
    recommendation,
    launchType: launch.launchType,
    launchTypeRequired: launch.required,
    confidence: confidence.share,
    confidenceLabel: confidence.label,
    margin: confidence.margin,
    closeCall,
    scores,
    decidingRules: decidingRules(fired, scores).map((rule) => rule.id),
    firedRules: fired.map((rule) => rule.id),
  };
}

/** The whole decision for answers that are already valid. Pure: no I/O. */
export function assess(answers: Answers, ruleSet: RuleSet = BUILT_IN_RULES, estimate: Partial<EstimateOptions> = {}): Assessment {
  const { scores, fired, recommendation, confidence, closeCall, launch } = decideFor(answers, ruleSet, estimate.prices);
  let priced: Estimate | undefined;
  return {
    recommendation,
    confidence,
    closeCall,
    scores,
    fired,
    deciding: decidingRules(fired, scores),
    launch,
    alsoConsider: alsoConsiderFor(ruleSet, answers, recommendation),
    answerNotes: ruleSet.answerNotes.filter((note) => appliesTo(recommendation)(note) && note.test(answers)),
    flips: withFeatureFlips(answeredFlips(ruleSet, answers, fired, recommendation), findFlips(ruleSet, answers, recommendation)),
    costs: costsFor(answers, { recommendation, launchType: launch.launchType, closeCall }),
    get estimate() {
      priced ??= estimateCosts(answers, ruleSet, {
        prices: estimate.prices ?? BUILT_IN_PRICES,
        ...(estimate.utilization === undefined ? {} : { utilization: estimate.utilization }),
        chosen: { platform: recommendation, launchType: launch.launchType },
      });
      return priced;
    },
    answers,
    ruleSet,
  };
}
