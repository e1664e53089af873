// The library: the same engine the CLI runs, and the same words, without any I/O.
//   import { recommend } from "ecs-or-eks";
//   const result = recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 });
import { addCatalogue } from "./i18n/index.js";
import { ko } from "./i18n/ko.js";

export { recommend, evaluate, evaluateBrief, SCHEMA_VERSION } from "./explain/recommend.js";
export type { Result, BriefResult, Reason, LaunchTypeReason, WhatWouldChange, RecommendOptions } from "./explain/recommend.js";
export type { AlsoConsider, AnswerNote, LaunchTypeLimitReason, LaunchTypeNote } from "./explain/result.js";
export { parseAnswers } from "./explain/answers.js";
export type { ParseOutcome, ParseOptions } from "./explain/answers.js";
export { QUESTIONS, ANSWER_KEYS } from "./engine/questions.js";
export type { Answers, AnswersInput, AnswerKey, Question } from "./engine/questions.js";
export { parseRules } from "./explain/rules.js";
export type { ParseRulesOptions, ParseRulesOutcome } from "./explain/rules.js";
export { toRulesFile } from "./engine/rule-set.js";
export type { Rule, LaunchTypeRule, RuleSet, RuleSetOrigin } from "./engine/rule-set.js";
export type { Platform, LaunchType, RulesFileData, OverridesFileData } from "./engine/rule-types.js";
export type { Condition } from "./engine/conditions.js";
export type { Costs } from "./engine/costs.js";
export type { Scores } from "./engine/score.js";
export { BUILT_IN_RULES } from "./engine/builtin.js";
export { BUILT_IN_PRICES } from "./engine/builtin-prices.js";
export { parsePrices } from "./explain/prices.js";
export type { ParsePricesOptions } from "./explain/prices.js";
export type { Prices, PricesFileData, PricesOrigin } from "./engine/price-types.js";
export type { EstimateResult } from "./explain/estimate.js";
export type { EstimateOption, Workload } from "./engine/estimate.js";
export { InputError } from "./engine/errors.js";
export { scan } from "./scan/scan.js";
export type { ScanOptions } from "./scan/scan.js";
export type { ScanResult, FileRecord, Evidence, ScannedService, OtherWorkload, Skipped, SkipReason, Confidence } from "./scan/evidence.js";
export type { Lang } from "./i18n/lang.js";

// The library speaks every language up front: its callers pick one per call
// and cannot wait for a catalogue to load. (A call, not a side-effect import,
// which would put the catalogues in the published types.)
addCatalogue("ko", ko);
