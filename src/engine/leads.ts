// What each answer's value is worth to EKS's lead, per rule set: the tables
// the what-would-change search looks changes up in.
//
// A rule that reads one answer adds the same to EKS's lead whatever the other
// answers are, so the lead is a sum over answers and a change's effect can be
// looked up rather than scored. Rules that read several answers (possible in
// custom rules) are scored directly (`joint`).
import type { Change, Interval } from "./changes.js";
import { valueAfter } from "./changes.js";
import { thresholdsOf } from "./conditions.js";
import { QUESTIONS, choicesOf, rankOf, type Answers, type AnswerKey, type Question } from "./questions.js";
import type { Rule, RuleSet } from "./rule-set.js";

/** A change with its effect on EKS's lead. */
export interface ScoredChange {
  change: Change;
  delta: number;
}

export interface KeyLeads {
  q: Question;
  /** Rules that read only this answer. */
  own: Rule[];
  /** Counts over which no rule changes its mind (integer answers), in order. */
  intervals: Interval[];
  /** Integer answers: EKS's lead from `own` in each interval, by its index. */
  table: number[];
  /** EKS's lead from `own` by value (choice and set answers), or for an unknown count ("-1"). */
  leads: Map<string, number>;
  /** Choice and set answers: the possible changes from each value, with their effect. */
  moves: Map<string, ScoredChange[]>;
}

export interface LeadModel {
  keys: Map<AnswerKey, KeyLeads>;
  /** Rules that read more than one answer. */
  joint: Rule[];
  /** Those rules by each answer they read: a change to any other answer leaves them be. */
  jointByKey: Map<AnswerKey, Rule[]>;
  /** For each answer, the other answers that some rule of several answers reads with it. */
  together: Map<AnswerKey, Set<AnswerKey>>;
}

// A cache, not state: a model is a pure function of its (immutable) rule set.
const models = new WeakMap<RuleSet, LeadModel>();

export function leadModelOf(ruleSet: RuleSet): LeadModel {
  const cached = models.get(ruleSet);
  if (cached) return cached;
  const keys = new Map<AnswerKey, KeyLeads>();
  const joint = ruleSet.rules.filter((rule) => rule.keys.length > 1);
  // The rules that read each answer, in one pass over the rules.
  const readers = new Map<AnswerKey, Rule[]>();
  for (const rule of ruleSet.rules) for (const key of rule.keys) append(readers, key, rule);
  for (const q of QUESTIONS) {
    const reading = readers.get(q.key);
    if (reading === undefined) continue;
    const own = reading.filter((rule) => rule.keys.length === 1);
    const intervals = q.kind === "integer" ? intervalsOf(q, reading) : [];
    const key: KeyLeads = { q, own, intervals, table: [], leads: new Map(), moves: new Map() };
    if (q.kind === "integer") key.table = tableOf(key);
    keys.set(q.key, key);
  }
  const jointByKey = new Map<AnswerKey, Rule[]>();
  const together = new Map<AnswerKey, Set<AnswerKey>>();
  for (const rule of joint) {
    for (const key of rule.keys) {
      append(jointByKey, key, rule);
      const others = together.get(key) ?? new Set<AnswerKey>();
      for (const other of rule.keys) if (other !== key) others.add(other);
      together.set(key, others);
    }
  }
  const model = { keys, joint, jointByKey, together };
  models.set(ruleSet, model);
  return model;
}

/** Counts over which no rule changes its mind: the search only needs one value of each. */
function intervalsOf(q: Extract<Question, { kind: "integer" }>, rules: readonly Rule[]): Interval[] {
  const starts = new Set<number>([q.min]);
  for (const rule of rules) {
    const { atLeast, atMost } = thresholdsOf(rule.when, q.key);
    for (const t of atLeast) starts.add(t);
    for (const t of atMost) starts.add(t + 1);
  }
  const sorted = [...starts].filter((s) => s >= q.min && s <= q.max).sort((a, b) => a - b);
  return sorted.map((from, i) => ({ from, to: (sorted[i + 1] ?? q.max + 1) - 1 }));
}

/**
 * EKS's lead in every interval of a count, in one sweep: a rule can only
 * change its mind where one of its own thresholds starts an interval, so each
 * rule is scored at its thresholds alone, and the time is linear in the size
 * of the rules, however many intervals they make.
 */
function tableOf(key: KeyLeads): number[] {
  const { intervals, own, q } = key;
  const start = new Map(intervals.map((iv, i) => [iv.from, i]));
  const at = (rule: Rule, i: number) => contribution(rule, { [q.key]: intervals[i]!.from } as unknown as Answers);
  const steps = new Array<number>(intervals.length).fill(0);
  let lead = 0;
  for (const rule of own) {
    lead += at(rule, 0);
    const { atLeast, atMost } = thresholdsOf(rule.when, q.key);
    const bounds = new Set([...atLeast.map((t) => start.get(t)), ...atMost.map((t) => start.get(t + 1))]);
    for (const i of bounds) if (i !== undefined && i > 0) steps[i]! += at(rule, i) - at(rule, i - 1);
  }
  return steps.map((step) => (lead += step));
}

/** The interval a count falls in (by binary search: intervals are sorted and cover the whole range). */
export function intervalIndex(key: KeyLeads, count: number): number {
  let low = 0;
  let high = key.intervals.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (key.intervals[middle]!.from <= count) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Adds `value` to the list under `key`, in place: lists built this way cost time linear in what they hold. */
function append<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * Whether a change to `first` and one to `second` can act on the same rule
 * of several answers; if not, their effects on those rules add up. Two
 * changes to one answer (two items of a set) do whenever any such rule reads it.
 */
export function readTogether(model: LeadModel, first: AnswerKey, second: AnswerKey): boolean {
  return first === second ? model.jointByKey.has(first) : model.together.get(first)?.has(second) === true;
}

/** EKS's lead from the rules that read only this answer, when it has `value`. */
export function leadOf(key: KeyLeads, value: unknown): number {
  if (key.q.kind === "integer" && value !== undefined) return key.table[intervalIndex(key, value as number)]!;
  // An unknown count is a signature of its own (-1): no rule fires on it.
  const signature = value === undefined ? "-1" : Array.isArray(value) ? value.join(",") : String(value);
  let lead = key.leads.get(signature);
  if (lead === undefined) {
    // These rules read no other answer, so an answers object with just this one will do.
    const probe = { [key.q.key]: value } as unknown as Answers;
    lead = key.own.reduce((sum, rule) => sum + contribution(rule, probe), 0);
    key.leads.set(signature, lead);
  }
  return lead;
}

/** The changes from a choice or set value, built once per value and shared by every line. */
export function movesFrom(key: KeyLeads, value: string | readonly string[]): ScoredChange[] {
  const signature = Array.isArray(value) ? value.join(",") : String(value);
  let moves = key.moves.get(signature);
  if (moves) return moves;
  const { q } = key;
  const here = leadOf(key, value);
  const changes: Change[] =
    q.kind === "choice"
      ? q.choices
          // "Don't know" is never a change to suggest.
          .filter((choice) => choice !== value && !("unknown" in q && choice === q.unknown))
          .map((choice) => ({
            kind: "choice",
            key: q.key,
            value: choice,
            cost: Math.max(1, Math.abs(rankOf(q, choice) - rankOf(q, value as string))),
          }))
      : (choicesOf(q.key) ?? []).map((item): Change => ({
          kind: (value as readonly string[]).includes(item) ? "remove" : "add",
          key: q.key,
          item,
          cost: 1,
        }));
  moves = changes.map((change) => ({ change, delta: leadOf(key, valueAfter(value, change)) - here }));
  key.moves.set(signature, moves);
  return moves;
}

/** What a rule adds to EKS's lead for these answers (negative for an ECS rule). */
export function contribution(rule: Rule, answers: Answers): number {
  return rule.test(answers) ? firingContribution(rule) : 0;
}

/** What a rule adds to EKS's lead when it fires. */
export function firingContribution(rule: Rule): number {
  return rule.platform === "eks" ? rule.weight : -rule.weight;
}
