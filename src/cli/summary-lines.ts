import type { Duration } from "../engine/facts.js";
import type { Result } from "../engine/recommend.js";
import { t, type Lang } from "../i18n/index.js";

// Sentences every renderer shares, so text, Markdown and ADR say the same thing.

/** "Confidence 20%. A close call (ECS 3, EKS 2): it turns on ecs-aws-only." */
export function verdictLine(result: Result, lang: Lang): string {
  const confidence = t(lang, "result.confidence", { percent: Math.round(result.confidence * 100) });
  if (result.scores.ecs === 0 && result.scores.eks === 0) return `${confidence} ${t(lang, "result.noRules")}`;
  if (!result.closeCall) return `${confidence} ${t(lang, "result.clearCall")}`;
  const scores = { ecs: result.scores.ecs, eks: result.scores.eks };
  const rules = result.decidingRules.join(", ");
  return `${confidence} ${rules ? t(lang, "result.closeCall", { ...scores, rules }) : t(lang, "result.closeCallNoDecider", scores)}`;
}

/** The "what it means" rows: control-plane cost, learning time, deploy tooling. */
export function meaningRows(result: Result, lang: Lang): [label: string, text: string][] {
  const { controlPlane, learningTime, tooling, clusters } = result.costs;
  const usd = (n: number) => n.toFixed(2);
  return [
    [
      t(lang, "means.controlPlane.label"),
      t(lang, "means.controlPlane", {
        eks: usd(controlPlane.eks.usdPerMonth),
        clusters: clusters === 1 ? t(lang, "means.clusters.one") : t(lang, "means.clusters.many", { n: clusters }),
        rate: (controlPlane.eks.usdPerMonth / clusters / controlPlane.hoursPerMonth).toFixed(2),
        asOf: controlPlane.eks.asOf,
        extended: usd(controlPlane.eks.usdPerMonthExtendedSupport),
      }),
    ],
    [
      t(lang, "means.learning.label"),
      t(lang, "means.learning", { ecs: duration(learningTime.ecs, lang), eks: duration(learningTime.eks, lang) }) +
        (learningTime.teamKnowsKubernetes ? ` ${t(lang, "means.learningKnown")}` : ""),
    ],
    [t(lang, "means.tooling.label"), t(lang, "means.tooling", { ecs: tooling.ecs.join(", "), eks: tooling.eks.join(", ") })],
  ];
}

export function duration(d: Duration, lang: Lang): string {
  return t(lang, d.unit === "day" ? "duration.day" : "duration.week", { min: d.min, max: d.max });
}

/** "built-in 2026.11.1", or the rules file with its version and hash. */
export function ruleSetName(result: Result, lang: Lang): string {
  const origin = result.ruleSet;
  return origin.source === "built-in"
    ? `${t(lang, "rules.builtIn")} ${origin.version}`
    : `${origin.path} (${origin.version}, sha256 ${origin.sha256.slice(0, 12)})`;
}
