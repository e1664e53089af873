import factsJson from "../../rules/facts.json" with { type: "json" };

// Figures live as data beside the rules; these types are the contract the
// JSON file must keep (checked by the compiler).

export interface Duration {
  min: number;
  max: number;
  unit: "day" | "week";
}

export interface Range {
  min: number;
  max: number;
}

interface PricedFact {
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
  /** The team AWS's advice to start-ups sends to ECS on Fargate, and whom the Kubernetes tax above is for: up to this many engineers. */
  smallTeam: { maxEngineers: number; asOf: string; source: string };
  /** Launch types that add a management charge on top of EC2 prices; no figure is cited. */
  managementFee: Record<"managed-instances" | "auto-mode", { asOf: string; source: string }>;
  learningTime: { source: string; ecs: Duration; eks: Duration };
  tooling: { source: string; ecs: string[]; eks: string[]; ecsAlso: string[]; eksAlso: string[] };
  /** Engineer-hours for running each way: what the sources give, and no more. */
  peopleHours: {
    engineerMonth: { hours: number; source: string };
    kubernetesUpgradesPerYear: { count: number; asOf: string; source: string };
    upgradeHours: Range & { asOf: string; source: string };
    awsRunsHosts: { asOf: string; source: string };
  };
  fargateTaskSizes: {
    asOf: string;
    source: string;
    sizes: ({ cpu: number; memory: number[] } | { cpu: number; memoryRange: { from: number; to: number; step: number } })[];
    /** The CPU sizes a Windows task may take (a subset of the sizes'). */
    windowsCpu: number[];
  };
}

export const FACTS: Facts = factsJson as Facts;
