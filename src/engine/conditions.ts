import { QUESTIONS, ANSWER_KEYS, isAnswerKey, isEstimateOnly, type Answers, type AnswerKey } from "./questions.js";
import { msg, type Message } from "./message.js";
import { suggest } from "./suggest.js";

// A rule's condition on the answers. The operators are a closed table: a rule
// that names another is a validation error, never a surprise at run time.
export type Condition =
  | { answer: string; in: string[] }
  | { answer: string; atLeast: number }
  | { answer: string; atMost: number }
  | { answer: string; includes: string }
  | { answer: string; includesAny: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { none: Condition[] };

type Kind = "choice" | "set" | "integer";
type Value = string | number | readonly string[] | undefined;

interface Operator {
  /** The kind of answer the operator applies to. */
  kind: Kind;
  /** Whether its argument is a list of choices, a single choice or a number. */
  argument: "choices" | "choice" | "number";
  test: (value: Value, argument: unknown) => boolean;
  symbol: string;
}

// An answer left unknown (no value) satisfies no operator: it fires no rule.
export const OPERATORS: Readonly<Record<string, Operator>> = {
  in: { kind: "choice", argument: "choices", symbol: "=", test: (v, a) => (a as string[]).includes(v as string) },
  atLeast: { kind: "integer", argument: "number", symbol: ">=", test: (v, a) => v !== undefined && (v as number) >= (a as number) },
  atMost: { kind: "integer", argument: "number", symbol: "<=", test: (v, a) => v !== undefined && (v as number) <= (a as number) },
  includes: {
    kind: "set",
    argument: "choice",
    symbol: "∋",
    test: (v, a) => (v as readonly string[]).includes(a as string),
  },
  includesAny: {
    kind: "set",
    argument: "choices",
    symbol: "∋",
    test: (v, a) => (a as string[]).some((x) => (v as readonly string[]).includes(x)),
  },
};

const OPERATOR_NAMES = Object.keys(OPERATORS);

const COMBINATORS = ["all", "any", "none"] as const;
type Combinator = (typeof COMBINATORS)[number];

/** The combinator of a condition that combines others, with its parts. */
export function partsOf(condition: Condition): { combinator: Combinator; parts: Condition[] } | undefined {
  if ("all" in condition) return { combinator: "all", parts: condition.all };
  if ("any" in condition) return { combinator: "any", parts: condition.any };
  if ("none" in condition) return { combinator: "none", parts: condition.none };
  return undefined;
}

/** The operator named in a leaf condition (validated conditions have exactly one). */
export function operatorOf(condition: Condition): string | undefined {
  return OPERATOR_NAMES.find((name) => name in condition);
}

export type Predicate = (answers: Answers) => boolean;

/** Turns a validated condition into a predicate, once, when rules load. */
export function compileCondition(condition: Condition): Predicate {
  const combined = partsOf(condition);
  if (combined) {
    const parts = combined.parts.map(compileCondition);
    switch (combined.combinator) {
      case "all":
        return (answers) => parts.every((part) => part(answers));
      case "any":
        return (answers) => parts.some((part) => part(answers));
      case "none":
        return (answers) => !parts.some((part) => part(answers));
    }
  }
  const leaf = condition as Extract<Condition, { answer: string }>;
  const name = operatorOf(leaf)!;
  const operator = OPERATORS[name]!;
  const key = leaf.answer as AnswerKey;
  const argument = (leaf as Record<string, unknown>)[name];
  // The common "is this one value" case, specialised: every batch line runs every rule.
  if (name === "in" && Array.isArray(argument) && argument.length === 1) {
    const only = argument[0];
    return (answers) => answers[key] === only;
  }
  // Only choice, set and count answers reach a rule: rules check refuses the estimate's lists.
  return (answers) => operator.test(answers[key] as Value, argument);
}

/** The answer keys a condition reads; a change to any other key cannot change it. */
export function keysOf(condition: Condition): AnswerKey[] {
  const combined = partsOf(condition);
  if (combined) return [...new Set(combined.parts.flatMap(keysOf))];
  return [(condition as { answer: string }).answer as AnswerKey];
}

/** Integer thresholds a condition uses on `key`: where a count can change the outcome. */
export function thresholdsOf(condition: Condition, key: AnswerKey): { atLeast: number[]; atMost: number[] } {
  const combined = partsOf(condition);
  if (combined) {
    const found = combined.parts.map((part) => thresholdsOf(part, key));
    return { atLeast: found.flatMap((f) => f.atLeast), atMost: found.flatMap((f) => f.atMost) };
  }
  const leaf = condition as Record<string, unknown>;
  if (leaf.answer !== key) return { atLeast: [], atMost: [] };
  return {
    atLeast: typeof leaf.atLeast === "number" ? [leaf.atLeast] : [],
    atMost: typeof leaf.atMost === "number" ? [leaf.atMost] : [],
  };
}

/**
 * Problems with a condition: unknown answers, an operator that does not fit
 * the answer's kind, values outside the answer's choices or range. Reads the
 * condition defensively, so it can run on a rule whose shape is also wrong
 * and every problem is found in one run. Each problem is `[field path, message]`.
 */
export function checkCondition(condition: unknown, path: string): [string, Message][] {
  if (typeof condition !== "object" || condition === null || Array.isArray(condition)) return [];
  const record = condition as Record<string, unknown>;
  const combinators = COMBINATORS.filter((name) => name in record);
  if (combinators.length > 0) {
    const combinator = combinators[0]!;
    if (Object.keys(record).length !== 1) return [[path, msg("condition.mixedCombinator", { combinator })]];
    const parts = record[combinator];
    if (!Array.isArray(parts)) return [];
    if (parts.length === 0) return [[`${path}.${combinator}`, msg("condition.emptyCombinator")]];
    return parts.flatMap((part, i) => checkCondition(part, `${path}.${combinator}[${i}]`));
  }
  const operators = OPERATOR_NAMES.filter((name) => name in record);
  if (typeof record.answer !== "string") {
    return [[path, msg("condition.noAnswer", { operators: OPERATOR_NAMES.join(", ") })]];
  }
  const key = record.answer;
  if (!isAnswerKey(key)) {
    const near = suggest(key, ANSWER_KEYS);
    return [
      [
        `${path}.answer`,
        near
          ? msg("condition.unknownAnswerSuggest", { key, suggestion: near })
          : msg("condition.unknownAnswer", { key, known: ANSWER_KEYS.join(", ") }),
      ],
    ];
  }
  if (operators.length !== 1) {
    return [[path, msg("condition.oneOperator", { operators: OPERATOR_NAMES.join(", ") })]];
  }
  const name = operators[0]!;
  const operator = OPERATORS[name]!;
  const q = QUESTIONS.find((question) => question.key === key)!;
  // The workload feeds the cost estimate, which explains and never decides.
  if (isEstimateOnly(q)) return [[`${path}.answer`, msg("condition.estimateOnly", { key })]];
  if (operator.kind !== q.kind) {
    const fitting = OPERATOR_NAMES.filter((n) => OPERATORS[n]!.kind === q.kind).join(", ");
    return [[`${path}.${name}`, msg("condition.wrongOperator", { operator: name, key, fitting })]];
  }
  const argument = record[name];
  if (q.kind === "integer") {
    if (typeof argument !== "number" || !Number.isInteger(argument)) {
      return [[`${path}.${name}`, msg("condition.needsInteger", { operator: name })]];
    }
    // Outside the answer's range the condition always or never holds: a mistake, not a rule.
    if (argument < q.min || argument > q.max) {
      return [[`${path}.${name}`, msg("condition.outOfRange", { operator: name, got: argument, key, min: q.min, max: q.max })]];
    }
    return [];
  }
  const values = operator.argument === "choice" ? [argument] : argument;
  if (!Array.isArray(values) || values.length === 0) {
    return [[`${path}.${name}`, msg("condition.needsChoices", { operator: name })]];
  }
  const choices = q.choices as readonly string[];
  return values
    .filter((value) => typeof value !== "string" || !choices.includes(value))
    .map((value): [string, Message] => {
      const near = typeof value === "string" ? suggest(value, choices) : undefined;
      const vars = { value: JSON.stringify(value) ?? String(value), key, choices: choices.join(", ") };
      return [`${path}.${name}`, near ? msg("condition.unknownValueSuggest", { ...vars, suggestion: near }) : msg("condition.unknownValue", vars)];
    });
}
