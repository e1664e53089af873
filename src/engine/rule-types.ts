import type { Condition } from "./conditions.js";

// The rules file format as plain types. The zod schemas in rules-schema.ts
// validate it (and are checked against these types at compile time), but the
// published .d.ts files must not depend on zod, which is bundled, not installed.

export const PLATFORMS = ["ecs", "eks"] as const;
/** fargate, ec2 (instances you manage), managed-instances (ECS only), auto-mode (EKS only). */
export const LAUNCH_TYPES = ["fargate", "ec2", "managed-instances", "auto-mode"] as const;
export type Platform = (typeof PLATFORMS)[number];
export type LaunchType = (typeof LAUNCH_TYPES)[number];

/**
 * The ways each platform can run containers, in tie-break order: the one
 * that leaves the team the least to run comes first.
 */
export const LAUNCH_TYPES_FOR: Readonly<Record<Platform, readonly LaunchType[]>> = {
  ecs: ["fargate", "managed-instances", "ec2"],
  eks: ["auto-mode", "fargate", "ec2"],
};

/**
 * How a rule's text reads an answer it states as a fact about the team:
 * "low", toward the answer's first choices (little ops time, few services, a
 * tight budget, an urgent launch; for a list, without the item), "high",
 * toward its last (a dedicated team, many services; with the item), or "is",
 * its value with no leaning (you come from a PaaS). Two texts shown together
 * never read the same answer "low" and "high", and no text claims an answer
 * the team left to its default (test/engine/claims.test.ts).
 */
export const CLAIM_SIDES = ["low", "high", "is"] as const;
type ClaimSide = (typeof CLAIM_SIDES)[number];
/** The answers a rule's text states as facts about the team, each with how it reads it. */
export type Claims = Partial<Record<string, ClaimSide>>;

/** Text in English, and in Korean where given (English is the fallback). */
export interface Localized {
  en: string;
  ko?: string | undefined;
}

/** Free text, or a key into the file's `sources` table with the line quoted. */
export type Source = string | { ref: string; quote?: string | undefined };

export interface RuleData {
  id: string;
  platform: Platform;
  weight: number;
  when: Condition;
  /** What the text states as facts about the team (see ClaimSide). */
  claims?: Claims | undefined;
  text: Localized;
  /** A few words for the reason, used where a sentence is too long (the close-call line). */
  label?: Localized | undefined;
  source: Source;
  /** A newer feature of the other platform that answers this reason, named in what would change the call. */
  answeredBy?: AnsweredByData | undefined;
}

/** One answer as it reads once a feature answers the reason: a choice set to `to`, or an item taken off a list. */
export type AnswerChangeData = { answer: string; to: string } | { answer: string; remove: string };

export interface AnsweredByData {
  /** The feature and when it came, as a reader knows it: "ECS Service Connect (2022)". */
  feature: Localized;
  /** The condition that would change the call, worded to follow "If" ("Service Connect covers your calls"). */
  if: Localized;
  /** The answers that read otherwise once the feature answers the reason; the rule reads each of them. */
  changes: AnswerChangeData[];
}

export interface LaunchTypeRuleData {
  id: string;
  launchType: LaunchType;
  weight: number;
  /** A hard limit: when it fires, only this launch type will do (older files; see launchTypeLimits). */
  required?: boolean | undefined;
  /** The platforms the rule applies to (both when absent). */
  platforms?: Platform[] | undefined;
  when: Condition;
  /** What the text states as facts about the team (see ClaimSide). */
  claims?: Claims | undefined;
  text: Localized;
  source: Source;
}

/** A hard limit: when it fires, the listed launch types cannot run the workload. */
export interface LaunchTypeLimitData {
  id: string;
  excludes: LaunchType[];
  platforms?: Platform[] | undefined;
  when: Condition;
  /** What the text states as facts about the team (see ClaimSide). */
  claims?: Claims | undefined;
  text: Localized;
  source: Source;
}

/** Something to know about the chosen launch type; it weighs nothing. */
export interface LaunchTypeNoteData {
  id: string;
  /** The launch types it is about (any when absent). */
  launchTypes?: LaunchType[] | undefined;
  platforms?: Platform[] | undefined;
  when: Condition;
  /** What the text states as facts about the team (see ClaimSide). */
  claims?: Claims | undefined;
  text: Localized;
  source: Source;
}

/** Another AWS service that may fit part of the work better; `id` names the option. */
export interface AlsoConsiderData {
  id: string;
  /** Shown only when one of these platforms is recommended (any when absent). */
  platforms?: Platform[] | undefined;
  when: Condition;
  /** What the text states as facts about the team (see ClaimSide). */
  claims?: Claims | undefined;
  text: Localized;
  source: Source;
}

/**
 * Why an answer weighs nothing for the platform (Prometheus runs on ECS too),
 * or how it was weighed: shown under the reasons when its condition holds.
 */
export type AnswerNoteData = AlsoConsiderData;

export type SourcesTable = Record<string, { title: Localized }>;

export interface RulesFileData {
  $schema?: string | undefined;
  version: string;
  sources?: SourcesTable | undefined;
  rules: RuleData[];
  launchTypeRules?: LaunchTypeRuleData[] | undefined;
  launchTypeLimits?: LaunchTypeLimitData[] | undefined;
  launchTypeNotes?: LaunchTypeNoteData[] | undefined;
  alsoConsider?: AlsoConsiderData[] | undefined;
  answerNotes?: AnswerNoteData[] | undefined;
}

export interface OverridesFileData {
  $schema?: string | undefined;
  extends: "built-in";
  version?: string | undefined;
  weights?: Record<string, number> | undefined;
  disable?: string[] | undefined;
  sources?: SourcesTable | undefined;
  rules?: RuleData[] | undefined;
  launchTypeRules?: LaunchTypeRuleData[] | undefined;
  launchTypeLimits?: LaunchTypeLimitData[] | undefined;
  launchTypeNotes?: LaunchTypeNoteData[] | undefined;
  alsoConsider?: AlsoConsiderData[] | undefined;
  answerNotes?: AnswerNoteData[] | undefined;
}
