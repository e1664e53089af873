import { t } from "../i18n/index.js";
import type { Lang } from "../i18n/lang.js";
import { QUESTIONS, ANSWER_KEYS, isAnswerKey, type Answers, type AnswerKey } from "./questions.js";
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
  | { any: Condition[] };

type Kind = "choice" | "set" | "integer";
type Value = string | number | readonly string[];

interface Operator {
  /** The kind of answer the operator applies to. */
  kind: Kind;
  /** Whether its argument is a list of choices, a single choice or a number. */
  argument: "choices" | "choice" | "number";
  test: (value: Value, argument: unknown) => boolean;
  symbol: string;
}

export const OPERATORS: Readonly<Record<string, Operator>> = {
  in: { kind: "choice", argument: "choices", symbol: "=", test: (v, a) => (a as string[]).includes(v as string) },
  atLeast: { kind: "integer", argument: "number", symbol: ">=", test: (v, a) => (v as number) >= (a as number) },
  atMost: { kind: "integer", argument: "number", symbol: "<=", test: (v, a) => (v as number) <= (a as number) },
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

export const OPERATOR_NAMES = Object.keys(OPERATORS);

/** The operator named in a leaf condition (validated conditions have exactly one). */
export function operatorOf(condition: Condition): string | undefined {
  return OPERATOR_NAMES.find((name) => name in condition);
}

export type Predicate = (answers: Answers) => boolean;

/** Turns a validated condition into a predicate, once, when rules load. */
export function compileCondition(condition: Condition): Predicate {
  if ("all" in condition) {
    const parts = condition.all.map(compileCondition);
    return (answers) => parts.every((part) => part(answers));
  }
  if ("any" in condition) {
    const parts = condition.any.map(compileCondition);
    return (answers) => parts.some((part) => part(answers));
  }
  const name = operatorOf(condition)!;
  const operator = OPERATORS[name]!;
  const key = condition.answer as AnswerKey;
  const argument = (condition as Record<string, unknown>)[name];
  // The common "is this one value" case, specialised: every batch line runs every rule.
  if (name === "in" && Array.isArray(argument) && argument.length === 1) {
    const only = argument[0];
    return (answers) => answers[key] === only;
  }
  return (answers) => operator.test(answers[key], argument);
}

/** The answer keys a condition reads; a change to any other key cannot change it. */
export function keysOf(condition: Condition): AnswerKey[] {
  if ("all" in condition) return [...new Set(condition.all.flatMap(keysOf))];
  if ("any" in condition) return [...new Set(condition.any.flatMap(keysOf))];
  return [condition.answer as AnswerKey];
}

/** Integer thresholds a condition uses on `key`: where a count can change the outcome. */
export function thresholdsOf(condition: Condition, key: AnswerKey): { atLeast: number[]; atMost: number[] } {
  if ("all" in condition || "any" in condition) {
    const parts = "all" in condition ? condition.all : condition.any;
    const found = parts.map((part) => thresholdsOf(part, key));
    return { atLeast: found.flatMap((f) => f.atLeast), atMost: found.flatMap((f) => f.atMost) };
  }
  if (condition.answer !== key) return { atLeast: [], atMost: [] };
  return {
    atLeast: "atLeast" in condition ? [condition.atLeast] : [],
    atMost: "atMost" in condition ? [condition.atMost] : [],
  };
}

/** A short, human reading of a condition, for rule tables. */
export function describeCondition(condition: Condition, lang: Lang): string {
  if ("all" in condition || "any" in condition) {
    const parts = ("all" in condition ? condition.all : condition.any).map((part) => {
      const text = describeCondition(part, lang);
      return "all" in part || "any" in part ? `(${text})` : text;
    });
    return parts.join(t(lang, "all" in condition ? "condition.and" : "condition.or"));
  }
  const name = operatorOf(condition)!;
  const argument = (condition as Record<string, unknown>)[name];
  const shown = Array.isArray(argument) ? argument.join("|") : String(argument);
  return `${condition.answer} ${OPERATORS[name]!.symbol} ${shown}`;
}

/**
 * Problems with a structurally valid condition: unknown answers, an operator
 * that does not fit the answer's kind, values outside the answer's choices.
 * Each problem is `[field path, message]`.
 */
export function checkCondition(condition: Condition, path: string, lang: Lang): [string, string][] {
  if ("all" in condition || "any" in condition) {
    const combinator = "all" in condition ? "all" : "any";
    const parts = "all" in condition ? condition.all : condition.any;
    if (Object.keys(condition).length !== 1) {
      return [[path, t(lang, "condition.mixedCombinator", { combinator })]];
    }
    if (parts.length === 0) return [[`${path}.${combinator}`, t(lang, "condition.emptyCombinator")]];
    return parts.flatMap((part, i) => checkCondition(part, `${path}.${combinator}[${i}]`, lang));
  }
  const leaf = condition as Record<string, unknown>;
  const operators = OPERATOR_NAMES.filter((name) => name in leaf);
  if (typeof leaf.answer !== "string") {
    return [[path, t(lang, "condition.noAnswer", { operators: OPERATOR_NAMES.join(", ") })]];
  }
  const key = leaf.answer;
  if (!isAnswerKey(key)) {
    const near = suggest(key, ANSWER_KEYS);
    return [
      [
        `${path}.answer`,
        near
          ? t(lang, "condition.unknownAnswerSuggest", { key, suggestion: near })
          : t(lang, "condition.unknownAnswer", { key, known: ANSWER_KEYS.join(", ") }),
      ],
    ];
  }
  if (operators.length !== 1) {
    return [[path, t(lang, "condition.oneOperator", { operators: OPERATOR_NAMES.join(", ") })]];
  }
  const name = operators[0]!;
  const operator = OPERATORS[name]!;
  const q = QUESTIONS.find((question) => question.key === key)!;
  if (operator.kind !== q.kind) {
    const fitting = OPERATOR_NAMES.filter((n) => OPERATORS[n]!.kind === q.kind).join(", ");
    return [[`${path}.${name}`, t(lang, "condition.wrongOperator", { operator: name, key, fitting })]];
  }
  const argument = leaf[name];
  if (q.kind === "integer") {
    const ok = typeof argument === "number" && Number.isInteger(argument);
    return ok ? [] : [[`${path}.${name}`, t(lang, "condition.needsInteger", { operator: name })]];
  }
  const values = operator.argument === "choice" ? [argument] : argument;
  if (!Array.isArray(values) || values.length === 0) {
    return [[`${path}.${name}`, t(lang, "condition.needsChoices", { operator: name })]];
  }
  const choices = q.choices as readonly string[];
  return values
    .filter((value) => typeof value !== "string" || !choices.includes(value))
    .map((value): [string, string] => [
      `${path}.${name}`,
      t(lang, "condition.unknownValue", { value: JSON.stringify(value), key, choices: choices.join(", ") }),
    ]);
}
