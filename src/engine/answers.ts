import { quickCheckAnswers } from "./answers-quick-check.js";
import { answersSchema } from "./answers-schema.js";
import { MAX_NESTING, nestsDeeperThan } from "./depth.js";
import { QUESTIONS, ANSWER_KEYS, MAX_SET_ITEMS, isAnswerKey, type Answers, type AnswerKey } from "./questions.js";
import { msg, type Message, type MessageValue } from "./message.js";
import { quoteValue } from "./quote-value.js";
import { suggest } from "./suggest.js";
import { environmentsProblem, LISTED_KEYS, servicesProblem, statedServices } from "./workload-answers.js";

/** Valid answers with their defaults, or every problem found, as messages to word (src/explain/answers.ts). */
export type AnswersOutcome<P = Message> =
  | { ok: true; answers: Answers }
  | { ok: false; problems: P[]; missing: AnswerKey[] };

export interface ParseOptions {
  /** Names where a key came from, e.g. `answers.json: "budget"` or `--budget`. */
  where?: (key: string) => string;
  /** Names the input as a whole, e.g. `stdin`, for problems with the whole value. */
  label?: string;
  /** A --batch line: an "id" is allowed beside the answers. */
  batchLine?: boolean;
}

/** Validates raw answers (from JSON, flags or prompts) and fills in defaults. */
export function validateAnswers(raw: unknown, options: ParseOptions = {}): AnswersOutcome {
  // Keys are quoted and cut as values are: a 1 MB key is not echoed whole.
  const where = options.where ?? ((key: string) => quoteValue(key));
  // A problem with the input as a whole, named by its label (stdin, a file).
  const whole = (problem: Message): AnswersOutcome => ({ ok: false, problems: [options.label ? msg("text.labelled", { label: options.label, text: problem }) : problem], missing: [] });
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return whole(msg("answers.notObject", { got: describeType(raw) }));
  if (nestsDeeperThan(raw)) return whole(msg("answers.tooDeep", { max: MAX_NESTING }));
  raw = withServiceCount(raw as Record<string, unknown>);
  // Valid answers need no schema: the table-driven check accepts exactly what it does.
  const checked = quickCheckAnswers(raw, options.batchLine);
  if (checked) return { ok: true, answers: checked };
  const result = answersSchema(options.batchLine).safeParse(raw);
  if (result.success) return { ok: true, answers: canonical(result.data) };
  const record = raw as Record<string, unknown>;
  const missing = QUESTIONS.filter((q) => q.required && record[q.key] === undefined).map((q) => q.key);
  const problems: Message[] = [];
  const reported = new Set<string>();
  for (const issue of result.error.issues) {
    // An unknown key at the top is an unknown answer; one inside an answer (a service's field) is that answer's problem.
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      problems.push(...unknownKeyProblems(where, issue.keys, options.label));
      continue;
    }
    const key = String(issue.path[0] ?? "");
    if (reported.has(key) || (isAnswerKey(key) && missing.includes(key))) continue;
    reported.add(key);
    problems.push(valueProblem(where, key, record[key]));
  }
  return { ok: false, problems, missing };
}

/** The answer a list stands in for: the count is the list's length when the count is left out (the JSON Schema says so too). */
export const COUNTED_LIST = { count: "microservices", list: "services" } as const satisfies Record<string, AnswerKey>;

/** With a `services` list and no `microservices`, the count is the list's length (the list's own checks come later). */
function withServiceCount(raw: Record<string, unknown>): Record<string, unknown> {
  const list = raw[COUNTED_LIST.list];
  if (raw[COUNTED_LIST.count] !== undefined || !Array.isArray(list) || list.length === 0) return raw;
  const max = QUESTIONS.find((q) => q.key === COUNTED_LIST.count)!.max;
  return { ...raw, [COUNTED_LIST.count]: Math.min(list.length, max) };
}

/**
 * A reserved key or a near miss of a known answer is a problem of its own; the
 * other unknown keys are named together, with the known answers said once.
 */
function unknownKeyProblems(where: (key: string) => string, keys: readonly string[], label: string | undefined): Message[] {
  const problems: Message[] = [];
  const unknown: string[] = [];
  for (const key of keys) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") {
      problems.push(msg("answers.reservedKey", { where: where(key) }));
      continue;
    }
    const near = suggest(key, ANSWER_KEYS);
    if (near) problems.push(msg("answers.unknownKeySuggest", { where: where(key), suggestion: near }));
    else unknown.push(key);
  }
  const known = ANSWER_KEYS.join(", ");
  if (unknown.length === 1) problems.push(msg("answers.unknownKey", { where: where(unknown[0]!), known }));
  if (unknown.length > 1) {
    const listed = unknown.slice(0, LISTED_KEYS).map((key) => quoteValue(key)).join(", ");
    const rest = unknown.length - LISTED_KEYS;
    const keyList = rest > 0 ? msg("answers.keysAndMore", { keys: listed, count: rest }) : listed;
    const text = msg("answers.unknownKeys", { keys: keyList, known });
    problems.push(label ? msg("text.labelled", { label, text }) : text);
  }
  return problems;
}

function valueProblem(where: (key: string) => string, key: string, value: unknown): Message {
  const got = quoteValue(value);
  if (key === "$schema") return msg("answers.badSchemaKey", { where: where(key), got });
  if (key === "id") return msg("answers.badId", { got });
  const q = QUESTIONS.find((question) => question.key === key);
  if (!q) return msg("answers.badValue", { where: where(key), got });
  switch (q.kind) {
    case "choice": {
      const near = typeof value === "string" ? suggest(value, q.choices) : undefined;
      return near
        ? msg("answers.badChoiceSuggest", { where: where(key), choices: q.choices.join(", "), got, suggestion: near })
        : msg("answers.badChoice", { where: where(key), choices: q.choices.join(", "), got });
    }
    case "set": {
      // Too long is its own problem: sixty valid items are not "may only list ...".
      if (Array.isArray(value) && value.length > MAX_SET_ITEMS) return msg("answers.tooManyItems", { where: where(key), max: MAX_SET_ITEMS, count: value.length });
      if (!Array.isArray(value)) return msg("answers.notSet", { where: where(key), example: JSON.stringify([q.choices[0]]), got });
      // The first item that is no choice, if it reads as a typo of one.
      const wrong = value.find((item) => typeof item !== "string" || !(q.choices as readonly string[]).includes(item));
      const near = typeof wrong === "string" ? suggest(wrong, q.choices) : undefined;
      return near
        ? msg("answers.badSetItemSuggest", { where: where(key), choices: q.choices.join(", "), got, item: JSON.stringify(wrong), suggestion: near })
        : msg("answers.badSetItem", { where: where(key), choices: q.choices.join(", "), got });
    }
    case "integer":
      // A count with no default is left unknown by leaving it out: "unknown" is no value of it.
      return msg(q.required || "default" in q ? "answers.badInteger" : "answers.badIntegerOrLeaveOut", { where: where(key), min: q.min, max: q.max, got });
    case "number":
      return msg("answers.badNumber", { where: where(key), min: q.min, max: q.max, got });
    case "services":
      return servicesProblem(value, where(key), q.max) ?? msg("answers.badValue", { where: where(key), got });
    case "environments":
      return environmentsProblem(value, where(key), q.max) ?? msg("answers.badValue", { where: where(key), got });
  }
}

/**
 * The answers alone ($schema dropped), sets in the order their question lists
 * them and each value once: same answers, same bytes out.
 */
function canonical(answers: Answers): Answers {
  const copy: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const value = answers[q.key];
    // An answer left unknown stays out, so a result never shows it as given.
    if (value === undefined) continue;
    if (q.kind === "services") {
      // A scan's records as the estimate takes them: provenance set aside, a null figure left out.
      copy[q.key] = statedServices(value as readonly object[]);
      continue;
    }
    const set = value as readonly string[];
    // Most lists are empty or already in order; only the others are rebuilt.
    const ordered = q.kind !== "set" || set.length === 0 || inOrder(set, q.choices);
    copy[q.key] = ordered ? value : q.choices.filter((c) => set.includes(c));
  }
  return copy as Answers;
}

function describeType(value: unknown): MessageValue {
  if (value === null) return "null";
  if (Array.isArray(value)) return msg("type.array");
  if (typeof value === "string") return msg("type.string");
  if (typeof value === "number") return msg("type.number");
  return msg("type.other", { type: typeof value });
}

/** Strictly ascending in the choices' order: sorted, and no value twice. */
function inOrder(values: readonly string[], choices: readonly string[]): boolean {
  let last = -1;
  for (const value of values) {
    const place = choices.indexOf(value);
    if (place <= last) return false;
    last = place;
  }
  return true;
}
