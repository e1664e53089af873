import { isAsked, QUESTIONS, type Answers } from "../../engine/questions.js";
import { t, tDynamic, type Lang } from "../../i18n/index.js";

/**
 * Each answer as a person reads it: "Kubernetes experience: Proficient". A question not asked of this team (how it
 * feels about what it runs, when it runs nothing) is left out, not shown with its meaningless default (review L10).
 */
export function describeAnswers(answers: Answers, lang: Lang): [label: string, value: string][] {
  return QUESTIONS.filter((q) => isAsked(q, answers)).map((q) => {
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
