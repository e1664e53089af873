import type { Condition } from "./conditions.js";

// The rules file format as plain types. The zod schemas in rules-schema.ts
// validate it (and are checked against these types at compile time), but the
// published .d.ts files must not depend on zod, which is bundled, not installed.

export const PLATFORMS = ["ecs", "eks"] as const;
export const LAUNCH_TYPES = ["fargate", "ec2"] as const;
export type Platform = (typeof PLATFORMS)[number];
export type LaunchType = (typeof LAUNCH_TYPES)[number];

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
  text: Localized;
  source: Source;
}

export interface LaunchTypeRuleData {
  id: string;
  launchType: LaunchType;
  weight: number;
  /** A hard limit: when it fires, only this launch type will do. */
  required?: boolean | undefined;
  /** The platforms the rule applies to (both when absent). */
  platforms?: Platform[] | undefined;
  when: Condition;
  text: Localized;
  source: Source;
}

export type SourcesTable = Record<string, { title: Localized }>;

export interface RulesFileData {
  $schema?: string | undefined;
  version: string;
  sources?: SourcesTable | undefined;
  rules: RuleData[];
  launchTypeRules?: LaunchTypeRuleData[] | undefined;
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
}
