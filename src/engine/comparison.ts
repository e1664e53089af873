import comparisonJson from "../../rules/comparison.json" with { type: "json" };
import type { LaunchType, Localized } from "./rule-types.js";

// The guide's comparison, as data beside the rules; these types are the
// contract the JSON file must keep (checked by the compiler). Apart from the
// figures in facts.ts: only `compare` and the ADR read it.

interface ComparisonRow {
  id: string;
  topic: Localized;
  ecs: Localized;
  eks: Localized;
}

interface ProsAndCons {
  good: Localized[];
  bad: Localized[];
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
