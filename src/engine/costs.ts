import { FACTS, type Duration, type Range } from "./facts.js";
import { peopleScale, type PeopleScale } from "./people.js";
import type { Answers } from "./questions.js";
import type { LaunchType, Platform } from "./rule-types.js";
import { cents } from "./rounding.js";

export interface Costs {
  clusters: number;
  controlPlane: {
    hoursPerMonth: number;
    ecs: { usdPerMonth: number; asOf: string; source: string };
    eks: { usdPerMonth: number; usdPerMonthExtendedSupport: number; asOf: string; source: string };
  };
  /** What running Kubernetes costs in people: present when EKS is recommended or the call is close. */
  kubernetesPeople?: {
    /**
     * Whom the figures fit: AWS's 20-40% of one engineer is for a small team
     * on one cluster; past that ("organisation") it is at least that, plus
     * an upgrade a year for each cluster, with no figure to quote.
     */
    scale: PeopleScale;
    engineerShare: Range;
    minimalClusterUsdPerMonth: Range;
    upgradesPerYear: number;
    /** Upgrades a year to follow every Kubernetes release, as the people estimate counts them (upgradesPerYear is the least that keeps a cluster supported). */
    upgradesToFollowReleases: number;
    asOf: string;
    source: string;
  };
  /** Managed Instances and Auto Mode add a management charge to EC2 prices (no figure: see the source). */
  managementFee?: { launchType: "managed-instances" | "auto-mode"; asOf: string; source: string };
  learningTime: { ecs: Duration; eks: Duration; teamKnowsKubernetes: boolean };
  tooling: { ecs: string[]; eks: string[] };
}

export interface Decision {
  recommendation: Platform;
  launchType: LaunchType;
  closeCall: boolean;
}

/** What each choice means in money, people and learning time, from dated facts. */
export function costsFor(answers: Answers, decision: Decision): Costs {
  const { controlPlane, learningTime, tooling, kubernetesPeople, managementFee } = FACTS;
  const perMonth = (usdPerHour: number) => cents(usdPerHour * controlPlane.hoursPerMonth * answers.clusters);
  const launchType = decision.launchType;
  return {
    clusters: answers.clusters,
    controlPlane: {
      hoursPerMonth: controlPlane.hoursPerMonth,
      ecs: { usdPerMonth: perMonth(controlPlane.ecs.usdPerClusterHour), asOf: controlPlane.ecs.asOf, source: controlPlane.ecs.source },
      eks: {
        usdPerMonth: perMonth(controlPlane.eks.usdPerClusterHour),
        usdPerMonthExtendedSupport: perMonth(controlPlane.eksExtendedSupport.usdPerClusterHour),
        asOf: controlPlane.eks.asOf,
        source: controlPlane.eks.source,
      },
    },
    ...(decision.recommendation === "eks" || decision.closeCall ? { kubernetesPeople: { scale: peopleScale(answers), ...kubernetesPeople, upgradesToFollowReleases: FACTS.peopleHours.kubernetesUpgradesPerYear.count } } : {}),
    ...(launchType === "managed-instances" || launchType === "auto-mode" ? { managementFee: { launchType, ...managementFee[launchType] } } : {}),
    learningTime: {
      ecs: learningTime.ecs,
      eks: learningTime.eks,
      teamKnowsKubernetes: answers.kubernetesExperience === "proficient" || answers.kubernetesExperience === "expert",
    },
    tooling: { ecs: tooling.ecs, eks: tooling.eks },
  };
}
