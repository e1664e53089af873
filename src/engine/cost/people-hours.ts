// People for every way of running, as engineer-hours a month: each part with
// its source, and where no source gives a figure, the part is named and only
// the floor is shown. Scaled by the clusters each way runs (environments
// included), never by a guess.
import { FACTS } from "../facts.js";
import { peopleScale } from "../people.js";
import type { Answers } from "../questions.js";
import type { LaunchType, Platform } from "../rule-types.js";
import { cents } from "../rounding.js";

type PeoplePartName = "kubernetes" | "upgrades" | "hosts" | "nodes" | "ecs" | "addOns" | "platformTeam";

interface PeoplePart {
  part: PeoplePartName;
  /** Hours a month, low and high; null where no source gives a figure. */
  hoursPerMonth: { min: number; max: number } | null;
  /** The clusters the part counts, where it is per cluster. */
  clusters?: number;
  /** Kubernetes: AWS's share of one engineer the hours come from; upgrades: how many a year. Data, so the words say the figures used. */
  engineerShare?: { min: number; max: number };
  perYear?: number;
  source?: string;
}

export interface PeopleEstimate {
  /** The sum of the parts: `max` is null when a part has no figure, so only the floor is known. */
  hoursPerMonth: { min: number; max: number | null };
  usdPerMonth?: { min: number; max: number | null };
  parts: PeoplePart[];
}

const hours = (x: number) => Math.round(x);

/** The people a way of running takes, for `clusters` clusters in all (every environment's). */
export function peopleFor(answers: Answers, platform: Platform, launchType: LaunchType, clusters: number): PeopleEstimate {
  const { engineerMonth, kubernetesUpgradesPerYear, upgradeHours, awsRunsHosts } = FACTS.peopleHours;
  const tax = FACTS.kubernetesPeople;
  const parts: PeoplePart[] = [];
  const noFigure = (part: PeoplePartName, n?: number) => parts.push({ part, hoursPerMonth: null, ...(n === undefined ? {} : { clusters: n }) });
  const awsRuns = launchType !== "ec2";
  if (awsRuns) parts.push({ part: "hosts", hoursPerMonth: { min: 0, max: 0 }, source: `${awsRunsHosts.source} (${awsRunsHosts.asOf})` });
  if (platform === "ecs") {
    // Running ECS itself (its capacity, its agents, its AMIs on EC2): no source puts hours on it.
    noFigure(launchType === "ec2" ? "nodes" : "ecs");
  } else {
    const perUpgrade = (n: number, bound: number) => (n * kubernetesUpgradesPerYear.count * bound) / 12;
    const upgradeSource = `${kubernetesUpgradesPerYear.source}; ${upgradeHours.source} (${upgradeHours.asOf})`;
    const taxHours = { min: hours(tax.engineerShare.min * engineerMonth.hours), max: hours(tax.engineerShare.max * engineerMonth.hours) };
    const taxSource = `${tax.source} (${tax.asOf}): ${Math.round(tax.engineerShare.min * 100)}-${Math.round(tax.engineerShare.max * 100)}% of one engineer (${engineerMonth.source})`;
    if (launchType === "ec2") {
      // AWS's figure is a small team's whole Kubernetes work on one cluster, nodes and upgrades included.
      parts.push({ part: "kubernetes", hoursPerMonth: taxHours, clusters: 1, engineerShare: tax.engineerShare, source: taxSource });
      if (clusters > 1) parts.push({ part: "upgrades", hoursPerMonth: { min: hours(perUpgrade(clusters - 1, upgradeHours.min)), max: hours(perUpgrade(clusters - 1, upgradeHours.max)) }, clusters: clusters - 1, perYear: kubernetesUpgradesPerYear.count, source: upgradeSource });
    } else {
      // AWS runs the nodes (and on Auto Mode the core add-ons): each cluster's version upgrades stay, and the rest is at most AWS's figure.
      parts.push({ part: "upgrades", hoursPerMonth: { min: hours(perUpgrade(clusters, upgradeHours.min)), max: hours(perUpgrade(clusters, upgradeHours.max)) }, clusters, perYear: kubernetesUpgradesPerYear.count, source: upgradeSource });
      parts.push({ part: "kubernetes", hoursPerMonth: { min: 0, max: Math.max(0, taxHours.max - hours(perUpgrade(1, upgradeHours.max))) }, clusters: 1, engineerShare: tax.engineerShare, source: taxSource });
      if (launchType === "fargate") noFigure("addOns", clusters);
    }
    if (peopleScale(answers) === "organisation") noFigure("platformTeam");
  }
  const known = parts.every((p) => p.hoursPerMonth !== null);
  const min = parts.reduce((sum, p) => sum + (p.hoursPerMonth?.min ?? 0), 0);
  const max = known ? parts.reduce((sum, p) => sum + p.hoursPerMonth!.max, 0) : null;
  const cost = answers.engineerCost;
  const usd = (h: number) => cents((h * cost!) / 12 / engineerMonth.hours);
  return {
    hoursPerMonth: { min, max },
    ...(cost === undefined ? {} : { usdPerMonth: { min: usd(min), max: max === null ? null : usd(max) } }),
    parts,
  };
}
