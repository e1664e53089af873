// Changes to a team's answers, as the what-would-change search proposes them:
// what each one is, what it asks of the team, and the order they are told in.
import { QUESTIONS, choicesOf, type Answers, type AnswerKey } from "./questions.js";

/** A range of counts over which no rule changes its mind. */
export interface Interval {
  from: number;
  to: number;
}

/** One answer changed, and what the change asks of the team (`cost`: its distance on the answer's scale). */
export type Change =
  | { kind: "choice"; key: AnswerKey; value: string; cost: number }
  | { kind: "add"; key: AnswerKey; item: string; cost: number }
  | { kind: "remove"; key: AnswerKey; item: string; cost: number }
  | {
      kind: "count";
      key: AnswerKey;
      value: number;
      cost: number;
      direction: "up" | "down";
      interval: Interval;
      /** Every count further in this direction flips too ("20 or more"). */
      open: boolean;
    };

export type CountChange = Extract<Change, { kind: "count" }>;

export function applyChanges(answers: Answers, changes: readonly Change[]): Answers {
  const next: Record<string, unknown> = { ...answers };
  for (const change of changes) next[change.key] = valueAfter(next[change.key], change);
  return next as Answers;
}

/** Only the answers the changes touch, with their new values: what a flip reports. */
export function changedAnswers(answers: Answers, changes: readonly Change[]): Partial<Answers> {
  const changed = applyChanges(answers, changes);
  const keys = [...new Set(changes.map((change) => change.key))];
  return Object.fromEntries(keys.map((key) => [key, changed[key]])) as Partial<Answers>;
}

/** An answer's value after one change; two changes to one set (adopt Helm and GitOps) build on each other. */
export function valueAfter(value: unknown, change: Change): unknown {
  if (change.kind !== "add" && change.kind !== "remove") return change.value;
  const have = value as readonly string[];
  return (choicesOf(change.key) ?? []).filter((x) => (x === change.item ? change.kind === "add" : have.includes(x)));
}

const ORDER = new Map(QUESTIONS.map((q, i) => [q.key as AnswerKey, i]));

/** A change's place in a total order: question order, then add before remove, then the value's place. */
function rankOfChange(change: Change): number {
  const order = ORDER.get(change.key)! * 1_000_000;
  if (change.kind === "count") return order + change.value;
  const value = change.kind === "choice" ? change.value : change.item;
  const place = (choicesOf(change.key) ?? []).indexOf(value);
  return order + (change.kind === "remove" ? 100_000 : 0) + place;
}

/** Fewer changes first, then the smaller ask, then question order, then value: a total order. */
export function byCost(a: readonly Change[], b: readonly Change[]): number {
  if (a.length !== b.length) return a.length - b.length;
  const cost = (changes: readonly Change[]) => changes.reduce((sum, c) => sum + c.cost, 0);
  const difference = cost(a) - cost(b);
  if (difference !== 0) return difference;
  for (let i = 0; i < a.length; i++) {
    const d = rankOfChange(a[i]!) - rankOfChange(b[i]!);
    if (d !== 0) return d;
  }
  return 0;
}
