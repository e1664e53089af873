import { t, tDynamic, joinConditions } from "../i18n/index.js";
import type { Lang } from "../i18n/lang.js";
import type { Change } from "../engine/changes.js";
import { QUESTIONS } from "../engine/questions.js";
import type { AnsweredByData, Platform } from "../engine/rule-types.js";
import { localize } from "./words.js";

/** "With 20 or more microservices, EKS would be recommended." */
export function describeFlip(changes: readonly Change[], platform: Platform, lang: Lang): string {
  const phrases = changes.map((change) => describeChange(change, lang));
  return t(lang, "flip.sentence", { changes: joinConditions(lang, phrases), platform: t(lang, `platform.${platform}`) });
}

/** "If ECS Service Connect (2022) covers your calls between services, ECS would be recommended." */
export function describeFeatureFlip(answeredBy: AnsweredByData, platform: Platform, lang: Lang): string {
  return t(lang, "flip.feature", { condition: localize(answeredBy.if, lang), platform: t(lang, `platform.${platform}`) });
}

function describeChange(change: Change, lang: Lang): string {
  switch (change.kind) {
    case "choice":
      return tDynamic(lang, `change.${change.key}.${change.value}`, `${change.key} ${change.value}`);
    case "add":
    case "remove": {
      // A change whose reason is not the item itself has a phrase of its own (GPUs count for EKS only when shared across teams).
      const own = tDynamic(lang, `change.${change.key}.${change.kind}.${change.item}`, "");
      if (own) return own;
      // Filled in as a variable, so that a Korean particle after it fits the word.
      return tDynamic(lang, `change.${change.key}.${change.kind}`, `${change.kind} ${change.item}`, {
        item: tDynamic(lang, `item.${change.key}.${change.item}`, change.item),
      });
    }
    case "count": {
      // Each count has its own phrases: the unit's word and its grammar differ (Korean counters too).
      const phrase = (form: "atLeast" | "atMost" | "between", fallback: string) =>
        tDynamic(lang, `count.${change.key}.${form}`, fallback, { n: change.value, from: change.interval.from, to: change.interval.to });
      // A range that ends where the answer's own range ends says no more than "50 or more" (review L2: "50~10000개").
      const q = QUESTIONS.find((question) => question.key === change.key);
      const bounded = q !== undefined && "max" in q && (change.direction === "up" ? change.interval.to >= q.max : change.interval.from <= q.min);
      if (!change.open && !bounded) return phrase("between", `${change.key} {from}-{to}`);
      return change.direction === "up" ? phrase("atLeast", `${change.key} >= {n}`) : phrase("atMost", `${change.key} <= {n}`);
    }
  }
}
