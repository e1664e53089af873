import { isAsked, QUESTIONS, type Answers } from "../../engine/questions.js";
import { t, tDynamic, type Lang } from "../../i18n/index.js";

/**
 * Each answer as a person reads it: "Kubernetes experience: Proficient". A question not asked of this team (how it
 * feels about what it runs, when it runs nothing) is left out, not shown with its meaningless default (review L10).
 */
export function describeAnswers(answers: Answers, lang: Lang, { omitUnknown = false } = {}): [label: string, value: string][] {
  // With omitUnknown, an answer left out, or answered "unknown", is not listed.
  const known = (q: (typeof QUESTIONS)[number]) => !omitUnknown || (answers[q.key] !== undefined && answers[q.key] !== "unknown");
  return QUESTIONS.filter((q) => isAsked(q, answers) && known(q)).map((q) => {
    const value = answers[q.key];
    const label = t(lang, `label.${q.key}`);
    if (value === undefined) return [label, t(lang, "value.unknown")];
    if (q.kind === "integer" || q.kind === "number") return [label, String(value)];
    // The estimate's lists: how many services, and each environment with its share.
    if (q.kind === "services") return [label, String((value as readonly unknown[]).length)];
    if (q.kind === "environments") return [label, typeof value === "number" ? String(value) : (value as readonly { name: string; share: number }[]).map((e) => `${e.name}:${e.share}`).join(", ")];
    const shown = (choice: string) => tDynamic(lang, `choice.${q.key}.${choice}`, choice);
    if (q.kind === "set") {
      const items = value as readonly string[];
      return [label, items.length === 0 ? t(lang, "value.none") : items.map(shown).join(", ")];
    }
    return [label, shown(value as string)];
  });
}
