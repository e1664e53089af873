import comparisonJson from "../../rules/comparison.json" with { type: "json" };
import { compileCondition, type Condition } from "./conditions.js";
import type { Answers } from "./questions.js";
import type { LaunchType, Localized, Platform } from "./rule-types.js";

// The guide's comparison, as data beside the rules; these types are the
// contract the JSON file must keep (checked by the compiler). Apart from the
// figures in facts.ts: only `compare` and the ADR read it.

interface ComparisonRow {
  id: string;
  topic: Localized;
  ecs: Localized;
  eks: Localized;
}

/**
 * A pro or a con, said of a team: `unless` names, in the rules' condition
 * language, the answers for which it is not true (an expert team does not
 * face EKS's learning curve); `platform` keeps a launch type's point to the
 * platform it concerns.
 */
export interface ProCon extends Localized {
  unless?: Condition;
  /** "ecs" or "eks" (a JSON string: test/engine/data-files.test.ts checks it is one). */
  platform?: string;
}

interface ProsAndCons {
  good: ProCon[];
  bad: ProCon[];
}

/** A change since the guide was written, dated, from FACTS. */
interface SinceTheGuide {
  /** A date (2025-09-30, 2024-12), or "as of YEAR" for what holds now. */
  date: string;
  text: Localized;
  source: Localized;
}

export interface Comparison {
  source: string;
  /** The date the guide was last updated: its table is quoted as it was then. */
  guideDate: string;
  since: SinceTheGuide[];
  rows: ComparisonRow[];
  /** Each platform's pros and cons, from the guide's table and selection sections. */
  options: Record<"ecs" | "eks", ProsAndCons>;
  /** The guide's Fargate and EC2 pros and cons, and those of Managed Instances and Auto Mode from FACTS. */
  launchTypes: Record<LaunchType, ProsAndCons>;
}

export const COMPARISON: Comparison = comparisonJson;

/** The pros or cons that hold for these answers, on this platform. */
export function prosConsFor(items: readonly ProCon[], answers: Answers, platform: Platform): ProCon[] {
  return items.filter((item) => (item.platform === undefined || item.platform === platform) && !(item.unless && compileCondition(item.unless)(answers)));
}
