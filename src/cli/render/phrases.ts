import type { Duration } from "../../engine/facts.js";
import type { Result } from "../../explain/result.js";
import type { LaunchType, Platform } from "../../engine/rule-types.js";
import type { CallLabel } from "../../engine/score.js";
import { joinList, t, type Lang, type MessageKey } from "../../i18n/index.js";

// Sentences every renderer shares, so text, Markdown and ADR say the same thing.

/** "Amazon EKS in Auto Mode"; `shown` replaces the platform's name (to colour it). */
export function optionName(lang: Lang, platform: Platform, launchType: LaunchType, shown?: string): string {
  return t(lang, `option.name.${launchType}`, { platform: shown ?? t(lang, `platform.long.${platform}`) });
}

/** What the launch type means on this platform, in one sentence. */
export function launchAbout(lang: Lang, platform: Platform, launchType: LaunchType): string {
  return t(lang, `launch.about.${platform}.${launchType}` as MessageKey);
}

/** A launch type's short name, for labels: "Fargate", "Auto Mode". */
function launchShort(lang: Lang, launchType: LaunchType): string {
  return t(lang, `launch.short.${launchType}`);
}

/** The label of a hard limit: "not Fargate or Auto Mode". */
export function rulesOutLabel(lang: Lang, excludes: readonly LaunchType[]): string {
  return t(lang, "result.rulesOut", { launchTypes: joinList(lang, excludes.map((x) => launchShort(lang, x)), "or") });
}

/** When no weighted rule chose the launch type: it is the only one the limits leave, or the tie's winner. */
export function launchFallback(result: Result, lang: Lang): string | undefined {
  // Limits in a rules file that rule out the launch type shown: said plainly, never as "the only way".
  if (result.launchTypeLimits.some((limit) => limit.excludes.includes(result.launchType))) {
    return t(lang, "result.launchNoneLeft", { platform: t(lang, `platform.${result.recommendation}`), launchType: t(lang, `launch.short.${result.launchType}`) });
  }
  if (result.launchTypeReasons.length > 0) return undefined;
  return t(lang, result.launchTypeRequired ? "result.launchOnly" : "result.launchDefault");
}

/**
 * The ways of running that the workload can use but no answer weighed for,
 * beside a chosen one that something did: each is shown with its 0, so a 0 is
 * never left unexplained. (Ruled-out ways have their limits; a tie has its own line.)
 */
export function zeroScored(result: Result): LaunchType[] {
  const scores = result.launchTypeScores;
  if ((scores[result.launchType] ?? 0) === 0) return [];
  return (Object.keys(scores) as LaunchType[]).filter((x) => x !== result.launchType && scores[x] === 0);
}

/** "Managed Instances +2", "EC2 required", "EC2 0": a way of running with what its answers weigh. */
export function launchWeightLabel(lang: Lang, launchType: LaunchType, weight: number, required = false): string {
  return `${launchShort(lang, launchType)} ${required ? t(lang, "result.required") : weight === 0 ? "0" : `+${weight}`}`;
}

/** A close call names every deciding rule up to five, else the strongest three and "and N more". */
const LIST_DECIDING_UP_TO = 5;
const MAX_DECIDING = 3;

/**
 * "A close call: ECS leads by 1.5 points (ECS 6, EKS 4.5). What decides it:
 * staying on AWS only. At a margin like this, 14 of 22 published decisions
 * ended on the recommended platform." The label, the margin and the count all
 * come from the margin, so they cannot disagree; no percentage is shown.
 */
export function verdictLine(result: Result, lang: Lang): string {
  const scores = { ecs: result.scores.ecs, eks: result.scores.eks };
  const sentences: string[] = [];
  if (scores.ecs === 0 && scores.eks === 0) sentences.push(t(lang, "result.noRules"));
  else {
    const standing =
      result.margin === 0
        ? t(lang, "call.tie", scores)
        : t(lang, "call.margin", { leader: t(lang, `platform.${result.recommendation}`), margin: marginText(lang, result.margin), ...scores });
    sentences.push(t(lang, "call.line", { label: t(lang, `call.${result.confidenceLabel}`), standing }));
    if (result.closeCall) {
      // The strongest few (reasons come strongest first), then how many more: a close call may turn on 1,500 rules.
      const all = result.reasons.filter((reason) => result.decidingRules.includes(reason.ruleId)).map((reason) => reason.label);
      const deciding = all.length > LIST_DECIDING_UP_TO ? [...all.slice(0, MAX_DECIDING), t(lang, "list.more", { count: all.length - MAX_DECIDING })] : all;
      sentences.push(deciding.length > 0 ? t(lang, "call.deciding", { reasons: joinList(lang, deciding) }) : t(lang, "call.noDecider"));
    }
  }
  const measured = result.calibration;
  if (measured) sentences.push(t(lang, measured.agreed === measured.of ? "call.measuredAll" : "call.measured", measured));
  return sentences.join(" ");
}

/** "12 points", "1 point", "1.5점": the margin as every output words it. */
function marginText(lang: Lang, margin: number): string {
  return margin === 1 ? t(lang, "call.point") : t(lang, "call.points", { margin });
}

/** "clear call, by 12 points": the call in a few words, for a batch row or a scaffold note. */
export function callShort(lang: Lang, label: CallLabel, margin: number): string {
  return t(lang, "call.short", { label: t(lang, `batch.call.${label}`), margin: marginText(lang, margin) });
}

/** The "what it means" rows: control-plane cost, management fee and people where they apply, learning time, deploy tooling. */
export function meaningRows(result: Result, lang: Lang): [label: string, text: string][] {
  const { controlPlane, kubernetesPeople: people, managementFee: fee, learningTime, tooling, clusters } = result.costs;
  // In this order: the control plane, the management fee and the people (when they apply), learning, tooling.
  const rows: ([label: string, text: string] | undefined)[] = [
    [
      t(lang, "means.controlPlane.label"),
      t(lang, "means.controlPlane", {
        eks: usdText(controlPlane.eks.usdPerMonth),
        clusters: clusters === 1 ? t(lang, "means.clusters.one") : t(lang, "means.clusters.many", { n: clusters }),
        rate: (controlPlane.eks.usdPerMonth / clusters / controlPlane.hoursPerMonth).toFixed(2),
        asOf: controlPlane.eks.asOf,
        extended: usdText(controlPlane.eks.usdPerMonthExtendedSupport),
        // The total on extended support is the standard charge plus the surcharge: both named, so neither reads as the other.
        surcharge: usdText(controlPlane.eks.usdPerMonthExtendedSupport - controlPlane.eks.usdPerMonth),
      }),
    ],
    fee && [t(lang, "means.fee.label"), t(lang, `means.fee.${fee.launchType}`)],
    people && [
      t(lang, "means.people.label"),
      t(lang, people.scale === "small-team" ? "means.people" : "means.people.organisation", {
        clusters: clusters === 1 ? t(lang, "means.people.clusters.one") : t(lang, "means.people.clusters.many", { n: clusters }),
        low: Math.round(people.engineerShare.min * 100),
        high: Math.round(people.engineerShare.max * 100),
        upgrades: people.upgradesPerYear,
        // The people estimate counts an upgrade for every release; this row says both, so they never read as two figures for one thing.
        everyRelease: people.upgradesToFollowReleases,
        min: people.minimalClusterUsdPerMonth.min,
        max: people.minimalClusterUsdPerMonth.max,
        asOf: people.asOf,
      }),
    ],
    [
      t(lang, "means.learning.label"),
      t(lang, "means.learning", { ecs: duration(learningTime.ecs, lang), eks: duration(learningTime.eks, lang) }) +
        (learningTime.teamKnowsKubernetes ? ` ${t(lang, "means.learningKnown")}` : ""),
    ],
    [t(lang, "means.tooling.label"), t(lang, "means.tooling", { ecs: tooling.ecs.join(", "), eks: tooling.eks.join(", ") })],
  ];
  return rows.filter((row) => row !== undefined);
}

function duration(d: Duration, lang: Lang): string {
  return t(lang, d.unit === "day" ? "duration.day" : "duration.week", { min: d.min, max: d.max });
}

/** "built-in 2026.11.1", or the rules file with its version and hash. */
export function ruleSetName(result: Result, lang: Lang): string {
  const origin = result.ruleSet;
  return origin.source === "built-in"
    ? t(lang, "rules.builtInVersion", { version: origin.version })
    : `${origin.path} (${origin.version}, sha256 ${origin.sha256.slice(0, 12)})`;
}

/** An amount in USD as every format shows it: 1,234.50 (by hand: an Intl formatter costs start-up time). */
export function usdText(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split(".");
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}
