import { OPERATORS, operatorOf, partsOf, type Condition } from "../engine/conditions.js";
import { t, type Lang } from "../i18n/index.js";

/** A short, human reading of a condition, for rule tables. */
export function describeCondition(condition: Condition, lang: Lang): string {
  const combined = partsOf(condition);
  if (combined) {
    const parts = combined.parts.map((part) => {
      const text = describeCondition(part, lang);
      return partsOf(part) ? `(${text})` : text;
    });
    if (combined.combinator === "none") return t(lang, "condition.none", { conditions: parts.join(t(lang, "condition.or")) });
    return parts.join(t(lang, combined.combinator === "all" ? "condition.and" : "condition.or"));
  }
  const leaf = condition as Record<string, unknown>;
  const name = operatorOf(condition)!;
  const argument = leaf[name];
  const shown = Array.isArray(argument) ? argument.join("|") : String(argument);
  return `${String(leaf.answer)} ${OPERATORS[name]!.symbol} ${shown}`;
}

