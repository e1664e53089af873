import factsJson from "../../rules/facts.json" with { type: "json" };
import comparisonJson from "../../rules/comparison.json" with { type: "json" };
import type { LaunchType, Localized } from "./rule-types.js";

// Figures and the guide's comparison live as data beside the rules; these
// types are the contract the JSON files must keep (checked by the compiler).

export interface Duration {
  min: number;
  max: number;
  unit: "day" | "week";
}

export interface Range {
  min: number;
  max: number;
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
  /** What running Kubernetes costs a small team, beyond the control plane. */
  kubernetesPeople: {
    engineerShare: Range;
    minimalClusterUsdPerMonth: Range;
    upgradesPerYear: number;
    asOf: string;
    source: string;
  };
  /** Launch types that add a management charge on top of EC2 prices; no figure is cited. */
  managementFee: Record<"managed-instances" | "auto-mode", { asOf: string; source: string }>;
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
  /** The guide's Fargate and EC2 pros and cons, and those of Managed Instances and Auto Mode from FACTS. */
  launchTypes: Record<LaunchType, ProsAndCons>;
}

export const FACTS: Facts = factsJson as Facts;
export const COMPARISON: Comparison = comparisonJson;
