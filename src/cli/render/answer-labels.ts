import { isAsked, QUESTIONS, type Answers } from "../../engine/questions.js";
import { t, tDynamic, type Lang } from "../../i18n/index.js";

/** Each answer as a person reads it: "Kubernetes experience: Proficient". */
export function describeAnswers(answers: Answers, lang: Lang): [label: string, value: string][] {
  // A follow-up left out because it does not apply (who keeps the clusters running, for a team with none) is not listed.
  return QUESTIONS.filter((q) => answers[q.key] !== undefined || isAsked(q, answers)).map((q) => {
    const value = answers[q.key];
    const label = t(lang, `label.${q.key}`);
    if (value === undefined) return [label, t(lang, "value.unknown")];
    if (q.kind === "integer" || q.kind === "number") return [label, String(value)];
    const shown = (choice: string) => tDynamic(lang, `choice.${q.key}.${choice}`, choice);
    if (q.kind === "set") {
      const items = value as readonly string[];
      return [label, items.length === 0 ? t(lang, "value.none") : items.map(shown).join(", ")];
    }
    return [label, shown(value as string)];
  });
}
