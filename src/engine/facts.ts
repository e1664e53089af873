import factsJson from "../../rules/facts.json" with { type: "json" };
import comparisonJson from "../../rules/comparison.json" with { type: "json" };
import type { Localized } from "./rule-types.js";

// Figures and the guide's comparison live as data beside the rules; these
// types are the contract the JSON files must keep (checked by the compiler).

export interface Duration {
  min: number;
  max: number;
  unit: "day" | "week";
}

export interface PricedFact {
  usdPerClusterHour: number;
  asOf: string;
  source: string;
}

export interface Facts {
  controlPlane: {
    hoursPerMonth: number;
    ecs: PricedFact;
    eks: PricedFact;
    eksExtendedSupport: PricedFact;
    eksStandardSupportMonths: number;
  };
  learningTime: { source: string; ecs: Duration; eks: Duration };
  tooling: { source: string; ecs: string[]; eks: string[]; ecsAlso: string[]; eksAlso: string[] };
  fargateTaskSizes: {
    asOf: string;
    source: string;
    sizes: ({ cpu: number; memory: number[] } | { cpu: number; memoryRange: { from: number; to: number; step: number } })[];
  };
}

export interface ComparisonRow {
  id: string;
  topic: Localized;
  ecs: Localized;
  eks: Localized;
}

export interface ProsAndCons {
  good: Localized[];
  bad: Localized[];
}

export interface Comparison {
  source: string;
  rows: ComparisonRow[];
  /** Each platform's pros and cons, from the guide's table and selection sections. */
  options: Record<"ecs" | "eks", ProsAndCons>;
  /** The guide's Fargate and EC2 pros and cons. */
  launchTypes: Record<"fargate" | "ec2", ProsAndCons>;
}

export const FACTS: Facts = factsJson as Facts;
export const COMPARISON: Comparison = comparisonJson;
