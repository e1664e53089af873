import { FACTS, type Range } from "./facts.js";
import type { Answers } from "./questions.js";
import { cents } from "./rounding.js";

/**
 * The Kubernetes share of engineer time that running EKS asks. AWS's figure
 * is for a small team with a minimal production cluster; beyond that (more
 * than 15 engineers, the size AWS still points to ECS on Fargate, or several
 * clusters) no source gives a figure, so it is shown as a floor.
 */
export interface KubernetesPeople {
  engineerShare: Range;
  /** "small-team": AWS's figure applies; "organisation": more engineers, clusters or a platform team add to it, by how much no source says. */
  scale: PeopleScale;
  /** The share in USD a month, with engineerCost; never guessed without it. */
  usdPerMonth?: Range;
  /** For a team on Kubernetes that says who keeps its clusters running: its own figure, one engineer or at least two, in USD a month with engineerCost. */
  upkeep?: { engineers: number; atLeast: boolean; usdPerMonth?: number };
  asOf: string;
  source: string;
}

export type PeopleScale = "small-team" | "organisation";

/**
 * Whom AWS's small-team figure fits: up to 15 engineers (FACTS.smallTeam, or
 * an unknown number) on one cluster, with no platform team in between. One answer for
 * the result's people line and the estimate's people figure alike.
 */
export function peopleScale(answers: Answers): PeopleScale {
  const small = (answers.engineers === undefined || answers.engineers <= FACTS.smallTeam.maxEngineers) && answers.clusters <= 1 && answers.internalPlatform === "none";
  return small ? "small-team" : "organisation";
}

export function kubernetesPeople(answers: Answers): KubernetesPeople {
  const { engineerShare, asOf, source } = FACTS.kubernetesPeople;
  const cost = answers.engineerCost;
  const upkeep = upkeepOf(answers);
  return {
    engineerShare,
    scale: peopleScale(answers),
    ...(cost === undefined ? {} : { usdPerMonth: { min: cents((engineerShare.min * cost) / 12), max: cents((engineerShare.max * cost) / 12) } }),
    ...(upkeep ? { upkeep: { ...upkeep, ...(cost === undefined ? {} : { usdPerMonth: cents((upkeep.engineers * cost) / 12) }) } } : {}),
    asOf,
    source,
  };
}

/** The engineers a team on Kubernetes says keep its clusters running: one, or several (counted as the two it takes at least). */
function upkeepOf(answers: Answers): { engineers: number; atLeast: boolean } | undefined {
  if (answers.currentPlatform !== "kubernetes" && answers.currentPlatform !== "openshift") return undefined;
  if (answers.platformUpkeep === "one") return { engineers: 1, atLeast: false };
  if (answers.platformUpkeep === "several") return { engineers: 2, atLeast: true };
  return undefined;
}
