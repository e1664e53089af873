import { t, tDynamic, joinConditions } from "../i18n/index.js";
import type { Lang } from "../i18n/lang.js";
import type { Change } from "./counterfactual.js";
import type { Platform } from "./rule-types.js";

/** "With 20 or more microservices, EKS would be recommended." */
export function describeFlip(changes: readonly Change[], platform: Platform, lang: Lang): string {
  const phrases = changes.map((change) => describeChange(change, lang));
  return t(lang, "flip.sentence", { changes: joinConditions(lang, phrases), platform: t(lang, `platform.${platform}`) });
}

export function describeChange(change: Change, lang: Lang): string {
  switch (change.kind) {
    case "choice":
      return tDynamic(lang, `change.${change.key}.${change.value}`, `${change.key} ${change.value}`);
    case "add":
    case "remove":
      return tDynamic(lang, `change.${change.key}.${change.kind}`, `${change.kind} ${change.item}`).replace(
        "{item}",
        tDynamic(lang, `item.${change.key}.${change.item}`, change.item),
      );
    case "count": {
      const unit = tDynamic(lang, `unit.${change.key}`, change.key);
      if (!change.open) return t(lang, "change.count.between", { from: change.interval.from, to: change.interval.to, unit });
      return change.direction === "up"
        ? t(lang, "change.count.atLeast", { n: change.value, unit })
        : t(lang, "change.count.atMost", { n: change.value, unit });
    }
  }
}
