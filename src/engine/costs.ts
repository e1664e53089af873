import { FACTS, type Duration } from "./facts.js";
import type { Answers } from "./questions.js";
import { round } from "./score.js";

export interface Costs {
  clusters: number;
  controlPlane: {
    hoursPerMonth: number;
    ecs: { usdPerMonth: number; asOf: string; source: string };
    eks: { usdPerMonth: number; usdPerMonthExtendedSupport: number; asOf: string; source: string };
  };
  learningTime: { ecs: Duration; eks: Duration; teamKnowsKubernetes: boolean };
  tooling: { ecs: string[]; eks: string[] };
}

/** What each choice means in money and learning time, from dated facts. */
export function costsFor(answers: Answers): Costs {
  const { controlPlane, learningTime, tooling } = FACTS;
  const perMonth = (usdPerHour: number) => round(usdPerHour * controlPlane.hoursPerMonth * answers.clusters, 2);
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
    learningTime: {
      ecs: learningTime.ecs,
      eks: learningTime.eks,
      teamKnowsKubernetes: answers.kubernetesExperience === "proficient" || answers.kubernetesExperience === "expert",
    },
    tooling: { ecs: tooling.ecs, eks: tooling.eks },
  };
}
