import { thresholdsOf } from "./conditions.js";
import { QUESTIONS, choicesOf, rankOf, type Answers, type AnswerKey, type Question } from "./questions.js";
import type { Platform } from "./rule-types.js";
import type { Rule, RuleSet } from "./rules.js";
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
  const search = new Search(ruleSet, answers, current);
  const singles = search.candidates.filter((c) => search.flips([c]));
  const found = singles.length > 0 ? nearestCounts(singles.map((c) => [c]), search) : search.flippingPairs();
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
  for (const change of changes) {
    if (change.kind === "add" || change.kind === "remove") {
      const have = next[change.key] as readonly string[];
      const choices = choicesOf(change.key) ?? [];
      // Two changes to one set (adopt Helm and GitOps) build on each other.
      next[change.key] = choices.filter((x) =>
        x === change.item ? change.kind === "add" : have.includes(x),
      );
    } else {
      next[change.key] = change.value;
    }
  }
  return next as Answers;
}

/** Scores only the rules a change touches, so a batch of a million lines stays fast. */
class Search {
  readonly candidates: Change[];
  private readonly baseDiff: number;
  private readonly baseContribution: Map<Rule, number>;
  private readonly rulesByKey = new Map<AnswerKey, Rule[]>();
  private readonly intervals = new Map<AnswerKey, Interval[]>();

  constructor(
    ruleSet: RuleSet,
    private readonly answers: Answers,
    private readonly current: Platform,
  ) {
    this.baseContribution = new Map(ruleSet.rules.map((rule) => [rule, contribution(rule, answers)]));
    this.baseDiff = [...this.baseContribution.values()].reduce((sum, c) => sum + c, 0);
    for (const rule of ruleSet.rules) {
      for (const key of rule.keys) this.rulesByKey.set(key, [...(this.rulesByKey.get(key) ?? []), rule]);
    }
    this.candidates = QUESTIONS.filter((q) => this.rulesByKey.has(q.key)).flatMap((q) => this.changesOf(q));
  }

  /** Whether applying all `changes` gives the other platform. */
  flips(changes: readonly Change[]): boolean {
    const next = applyChanges(this.answers, changes);
    const touched = new Set(changes.flatMap((change) => this.rulesByKey.get(change.key) ?? []));
    let diff = this.baseDiff;
    for (const rule of touched) diff += contribution(rule, next) - this.baseContribution.get(rule)!;
    const platform: Platform = round(diff) > 0 ? "eks" : "ecs";
    return platform !== this.current;
  }

  flippingPairs(): Change[][] {
    const pairs: Change[][] = [];
    this.candidates.forEach((a, i) => {
      for (const b of this.candidates.slice(i + 1)) {
        // Two values for one answer cannot both hold, but two changes to one set can.
        const compatible = a.key !== b.key || a.kind === "add" || a.kind === "remove";
        if (compatible && this.flips([a, b])) pairs.push([a, b]);
      }
    });
    return nearestCounts(pairs, this);
  }

  /** Whether every count beyond `change` (in its direction) also flips, given the other changes. */
  isOpen(change: CountChange, others: readonly Change[]): boolean {
    const beyond = this.intervals
      .get(change.key)!
      .filter((iv) => (change.direction === "up" ? iv.from > change.interval.from : iv.to < change.interval.to));
    return beyond.every((iv) =>
      this.flips([...others, { ...change, value: change.direction === "up" ? iv.from : iv.to }]),
    );
  }

  private changesOf(q: Question): Change[] {
    const value = this.answers[q.key];
    switch (q.kind) {
      case "choice":
        return q.choices
          .filter((choice) => choice !== value)
          .map((choice) => ({
            kind: "choice",
            key: q.key,
            value: choice,
            cost: Math.max(1, Math.abs(rankOf(q, choice) - rankOf(q, value as string))),
          }));
      case "set": {
        const have = value as readonly string[];
        return q.choices.map((item): Change => ({ kind: have.includes(item) ? "remove" : "add", key: q.key, item, cost: 1 }));
      }
      case "integer": {
        const count = value as number;
        const intervals = this.intervalsOf(q);
        this.intervals.set(q.key, intervals);
        return intervals
          .filter((iv) => iv.to < count || iv.from > count)
          .map((iv) => {
            const up = iv.from > count;
            const target = up ? iv.from : iv.to;
            return {
              kind: "count",
              key: q.key,
              value: target,
              direction: up ? "up" : "down",
              interval: iv,
              open: false,
              cost: Math.max(1, Math.ceil(Math.abs(Math.log2(target / count)))),
            };
          });
      }
    }
  }

  /** Counts over which no rule changes its mind: the search only needs one value of each. */
  private intervalsOf(q: Extract<Question, { kind: "integer" }>): Interval[] {
    const starts = new Set<number>([q.min]);
    for (const rule of this.rulesByKey.get(q.key) ?? []) {
      const { atLeast, atMost } = thresholdsOf(rule.when, q.key);
      for (const t of atLeast) starts.add(t);
      for (const t of atMost) starts.add(t + 1);
    }
    const sorted = [...starts].filter((s) => s >= q.min && s <= q.max).sort((a, b) => a - b);
    return sorted.map((from, i) => ({ from, to: (sorted[i + 1] ?? q.max + 1) - 1 }));
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
  const plain = flips.filter((changes) => !changes.some(isCount));
  const nearest = new Map<string, Change[]>();
  for (const changes of flips) {
    const count = changes.find(isCount);
    if (!count) continue;
    const group = [count.key, count.direction, ...changes.filter((c) => c !== count).map(signature)].join(" ");
    const held = nearest.get(group)?.find(isCount);
    const nearer = !held || (count.direction === "up" ? count.value < held.value : count.value > held.value);
    if (nearer) nearest.set(group, changes);
  }
  const counted = [...nearest.values()].map((changes) => {
    const count = changes.find(isCount)!;
    const open = search.isOpen(count, changes.filter((c) => c !== count));
    return changes.map((c) => (c === count ? { ...count, open } : c));
  });
  return [...plain, ...counted];
}

type CountChange = Extract<Change, { kind: "count" }>;

function isCount(change: Change): change is CountChange {
  return change.kind === "count";
}

/** A sortable name for a change: question order, then the value's place among its choices. */
function signature(change: Change): string {
  const place = (value: string | number) =>
    String(typeof value === "number" ? value : (choicesOf(change.key) ?? []).indexOf(value)).padStart(5, "0");
  const key = String(ORDER.get(change.key)).padStart(3, "0");
  if (change.kind === "add" || change.kind === "remove") return `${key}:${change.kind}:${place(change.item)}`;
  return `${key}=${place(change.value)}`;
}

const ORDER = new Map(QUESTIONS.map((q, i) => [q.key as AnswerKey, i]));

/** Fewer changes first, then the smaller ask, then question order, then value: a total order. */
function byCost(a: Change[], b: Change[]): number {
  const cost = (changes: Change[]) => changes.reduce((sum, c) => sum + c.cost, 0);
  const text = (changes: Change[]) => changes.map(signature).join();
  return a.length - b.length || cost(a) - cost(b) || compare(text(a), text(b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
