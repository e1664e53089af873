import { MAX_SET_ITEMS, QUESTIONS, hasDefault, type Answers } from "./questions.js";
import { environmentsProblem, servicesProblem, statedServices } from "./workload-answers.js";

// The answers checked straight from the questions table, without zod: the
// answers schema in answers-schema.ts accepts exactly the same values (a
// property test holds them to it), so a valid answers file never loads or
// builds the schema. Only invalid answers go to zod, for its messages.

const KNOWN = new Set<string>(QUESTIONS.map((q) => q.key));

/**
 * The answers, defaults filled in and lists in canonical order, when `raw`
 * is valid; undefined otherwise (ask parseAnswers why). An "id" (a string or
 * a number) may sit beside the answers; with `batchLine`, one of any kind, as
 * the batch checks it itself.
 */
export function quickCheckAnswers(raw: unknown, batchLine = false): Answers | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (KNOWN.has(key)) continue;
    if (key === "$schema" && (typeof record.$schema === "string" || record.$schema === undefined)) continue;
    if (key === "id" && (batchLine || typeof record.id === "string" || (typeof record.id === "number" && Number.isFinite(record.id)))) continue;
    return undefined;
  }
  const answers: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const value = record[q.key];
    if (value === undefined) {
      if (q.required) return undefined;
      // An answer with no default (the team's size) stays unknown: left out.
      if (hasDefault(q)) answers[q.key] = q.default;
      continue;
    }
    switch (q.kind) {
      case "choice":
        if (typeof value !== "string" || !(q.choices as readonly string[]).includes(value)) return undefined;
        answers[q.key] = value;
        break;
      case "set": {
        if (!Array.isArray(value) || value.length > MAX_SET_ITEMS) return undefined;
        const choices = q.choices as readonly string[];
        if (!value.every((item) => typeof item === "string" && choices.includes(item))) return undefined;
        // In the question's order, each value once: same answers, same bytes out.
        answers[q.key] = choices.filter((choice) => value.includes(choice));
        break;
      }
      case "integer":
        if (typeof value !== "number" || !Number.isSafeInteger(value) || value < q.min || value > q.max) return undefined;
        answers[q.key] = value;
        break;
      case "number":
        // z.number() refuses NaN and the infinities too.
        if (typeof value !== "number" || !Number.isFinite(value) || value < q.min || value > q.max) return undefined;
        answers[q.key] = value;
        break;
      case "services":
        if (servicesProblem(value, q.key, q.max)) return undefined;
        answers[q.key] = statedServices(value as readonly object[]);
        break;
      case "environments":
        if (environmentsProblem(value, q.key, q.max)) return undefined;
        answers[q.key] = value;
        break;
    }
  }
  return answers as Answers;
}
