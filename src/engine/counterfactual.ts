import { thresholdsOf } from "./conditions.js";
import { QUESTIONS, choicesOf, rankOf, type Answers, type AnswerKey, type IntegerQuestion, type Question } from "./questions.js";
import type { Platform } from "./rule-types.js";
import type { Rule, RuleSet } from "./rule-set.js";
import { round } from "./score.js";

/** At most this many flips are reported, cheapest first. */
export const MAX_FLIPS = 5;

interface Interval {
  from: number;
  to: number;
}

/** One answer changed, and what the change asks of the team. */
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

export interface Flip {
  changes: Change[];
  recommendation: Platform;
}

/**
 * The smallest changes of answers that flip the recommendation: every single
 * change that does, else the pairs that do; cheapest first, at most MAX_FLIPS.
 * A change's cost is its distance on the answer's scale (one ordinal step
 * costs 1), so "a step of one" sorts before "a jump".
 */
export function findFlips(ruleSet: RuleSet, answers: Answers, current: Platform): Flip[] {
  const search = new Search(modelOf(ruleSet), answers, current);
  const singles = search.flippingSingles();
  const found = singles.length > 0 ? nearestCounts(singles, search) : search.flippingPairs();
  return found
    .sort(byCost)
    .slice(0, MAX_FLIPS)
    .map((changes) => ({ changes, recommendation: opposite(current) }));
}

export function opposite(platform: Platform): Platform {
  return platform === "ecs" ? "eks" : "ecs";
}

export function applyChanges(answers: Answers, changes: readonly Change[]): Answers {
  const next: Record<string, unknown> = { ...answers };
  for (const change of changes) next[change.key] = valueAfter(next[change.key], change);
  return next as Answers;
}

/** An answer's value after one change; two changes to one set (adopt Helm and GitOps) build on each other. */
function valueAfter(value: unknown, change: Change): unknown {
  if (change.kind !== "add" && change.kind !== "remove") return change.value;
  const have = value as readonly string[];
  return (choicesOf(change.key) ?? []).filter((x) => (x === change.item ? change.kind === "add" : have.includes(x)));
}

// --- The model: what each answer's value is worth to EKS's lead, per rule set ---
//
// A rule that reads one answer adds the same to EKS's lead whatever the other
// answers are, so the lead is a sum over answers and a change's effect can be
// looked up rather than scored. Rules that read several answers (possible in
// custom rules) are scored directly. This keeps --batch fast.

interface KeyModel {
  q: Question;
  /** Rules that read only this answer. */
  own: Rule[];
  /** Counts over which no rule changes its mind (integer answers). */
  intervals: Interval[];
  /** EKS's lead from `own`, by value (a count by its interval). */
  leads: Map<string, number>;
  /** Choice and set answers: the possible changes from each value, with their effect. */
  moves: Map<string, Candidate[]>;
}

interface Model {
  keys: Map<AnswerKey, KeyModel>;
  /** Rules that read more than one answer. */
  joint: Rule[];
}

interface Candidate {
  change: Change;
  delta: number;
}

// A cache, not state: a model is a pure function of its (immutable) rule set.
const models = new WeakMap<RuleSet, Model>();

function modelOf(ruleSet: RuleSet): Model {
  const cached = models.get(ruleSet);
  if (cached) return cached;
  const keys = new Map<AnswerKey, KeyModel>();
  const joint = ruleSet.rules.filter((rule) => rule.keys.length > 1);
  for (const q of QUESTIONS) {
    const reading = ruleSet.rules.filter((rule) => rule.keys.includes(q.key));
    if (reading.length === 0) continue;
    const own = reading.filter((rule) => rule.keys.length === 1);
    const intervals = q.kind === "integer" ? intervalsOf(q, reading) : [];
    keys.set(q.key, { q, own, intervals, leads: new Map(), moves: new Map() });
  }
  const model = { keys, joint };
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

function signatureOf(key: KeyModel, value: unknown): string {
  // An unknown count is a signature of its own (-1): no rule fires on it.
  if (key.q.kind === "integer") return value === undefined ? "-1" : String(key.intervals.findIndex((iv) => (value as number) <= iv.to));
  return Array.isArray(value) ? value.join(",") : String(value);
}

/** EKS's lead from the rules that read only this answer, when it has `value`. */
function leadOf(key: KeyModel, value: unknown): number {
  const signature = signatureOf(key, value);
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
function movesFrom(key: KeyModel, value: string | readonly string[]): Candidate[] {
  const signature = signatureOf(key, value);
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

class Search {
  private readonly candidates: Change[] = [];
  /** Each candidate's effect on EKS's lead, by index. */
  private readonly deltas: number[] = [];
  private readonly baseDiff: number;

  constructor(
    private readonly model: Model,
    private readonly answers: Answers,
    private readonly current: Platform,
  ) {
    let diff = 0;
    for (const key of model.keys.values()) diff += leadOf(key, answers[key.q.key]);
    for (const rule of model.joint) diff += contribution(rule, answers);
    this.baseDiff = diff;
    for (const key of model.keys.values()) {
      // What the team runs today counts in the scores but is not a change to suggest.
      if ("fact" in key.q) continue;
      const value = answers[key.q.key];
      const moves = key.q.kind === "integer" ? this.countMoves(key, value as number | undefined) : movesFrom(key, value as string | string[]);
      for (const { change, delta } of moves) {
        this.candidates.push(change);
        this.deltas.push(delta);
      }
    }
  }

  flippingSingles(): Change[][] {
    const found: Change[][] = [];
    this.candidates.forEach((change, i) => {
      if (this.flipsAt(this.deltas[i]! + this.jointDelta([change]))) found.push([change]);
    });
    return found;
  }

  flippingPairs(): Change[][] {
    const pairs: Change[][] = [];
    const { candidates, deltas } = this;
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i]!;
        const b = candidates[j]!;
        let delta: number;
        if (a.key !== b.key) delta = deltas[i]! + deltas[j]!;
        // Two values for one answer cannot both hold, but two changes to one set can.
        else if (a.kind === "add" || a.kind === "remove") delta = this.deltaOf([a, b]);
        else continue;
        if (this.flipsAt(delta + this.jointDelta([a, b]))) pairs.push([a, b]);
      }
    }
    return nearestCounts(pairs, this);
  }

  /** Whether the changes give the other platform (any changes, scored from the tables). */
  flips(changes: readonly Change[]): boolean {
    return this.flipsAt(this.deltaOf(changes) + this.jointDelta(changes));
  }

  private flipsAt(delta: number): boolean {
    const platform: Platform = round(this.baseDiff + delta) > 0 ? "eks" : "ecs";
    return platform !== this.current;
  }

  /** Whether every count beyond `change` (in its direction) also flips, given the other changes. */
  isOpen(change: CountChange, others: readonly Change[]): boolean {
    const beyond = this.model.keys
      .get(change.key)!
      .intervals.filter((iv) => (change.direction === "up" ? iv.from > change.interval.from : iv.to < change.interval.to));
    return beyond.every((iv) => this.flips([...others, { ...change, value: change.direction === "up" ? iv.from : iv.to }]));
  }

  /** The changes' effect on the rules that read one answer, from the tables. */
  private deltaOf(changes: readonly Change[]): number {
    const after = new Map<AnswerKey, unknown>();
    for (const change of changes) after.set(change.key, valueAfter(after.get(change.key) ?? this.answers[change.key], change));
    let delta = 0;
    for (const [answer, value] of after) {
      const key = this.model.keys.get(answer)!;
      delta += leadOf(key, value) - leadOf(key, this.answers[answer]);
    }
    return delta;
  }

  /** The effect on rules that read several answers, which do not add up per answer (none in the built-in rules). */
  private jointDelta(changes: readonly Change[]): number {
    if (this.model.joint.length === 0) return 0;
    const touched = this.model.joint.filter((rule) => changes.some((change) => rule.keys.includes(change.key)));
    if (touched.length === 0) return 0;
    const next = applyChanges(this.answers, changes);
    return touched.reduce((sum, rule) => sum + contribution(rule, next) - contribution(rule, this.answers), 0);
  }

  /**
   * Counts: the nearest value of each interval but today's, priced by how far
   * it is from today. An unknown count (left out) may become any of them, at
   * the price of one step: the first interval reads "N or fewer", the others
   * "N or more".
   */
  private countMoves(key: KeyModel, count: number | undefined): Candidate[] {
    const here = leadOf(key, count);
    return key.intervals
      .filter((iv) => count === undefined || iv.to < count || iv.from > count)
      .map((iv) => {
        const up = count === undefined ? iv.from > (key.q as IntegerQuestion).min : iv.from > count;
        const target = up ? iv.from : iv.to;
        const change: Change = {
          kind: "count",
          key: key.q.key,
          value: target,
          direction: up ? "up" : "down",
          interval: iv,
          open: false,
          cost: count === undefined ? 1 : Math.max(1, Math.ceil(Math.abs(Math.log2(target / count)))),
        };
        return { change, delta: leadOf(key, target) - here };
      });
  }
}

function contribution(rule: Rule, answers: Answers): number {
  if (!rule.test(answers)) return 0;
  return rule.platform === "eks" ? rule.weight : -rule.weight;
}

/**
 * For counts, keep only the flip nearest to today's count in each direction
 * (the threshold, not an arbitrary number), and say whether it is open-ended.
 */
function nearestCounts(flips: Change[][], search: Search): Change[][] {
  const kept: Change[][] = [];
  const nearest = new Map<string, Change[]>();
  for (const changes of flips) {
    const count = changes.find(isCount);
    if (!count) {
      kept.push(changes);
      continue;
    }
    const group = `${count.key} ${count.direction} ${changes.filter((c) => c !== count).map(rankOfChange).join()}`;
    const held = nearest.get(group)?.find(isCount);
    const nearer = !held || (count.direction === "up" ? count.value < held.value : count.value > held.value);
    if (nearer) nearest.set(group, changes);
  }
  for (const changes of nearest.values()) {
    const count = changes.find(isCount)!;
    const open = search.isOpen(count, changes.filter((c) => c !== count));
    kept.push(changes.map((c) => (c === count ? { ...count, open } : c)));
  }
  return kept;
}

type CountChange = Extract<Change, { kind: "count" }>;

function isCount(change: Change): change is CountChange {
  return change.kind === "count";
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
function byCost(a: Change[], b: Change[]): number {
  if (a.length !== b.length) return a.length - b.length;
  const cost = (changes: Change[]) => changes.reduce((sum, c) => sum + c.cost, 0);
  const difference = cost(a) - cost(b);
  if (difference !== 0) return difference;
  for (let i = 0; i < a.length; i++) {
    const d = rankOfChange(a[i]!) - rankOfChange(b[i]!);
    if (d !== 0) return d;
  }
  return 0;
}
