// What would change the recommendation: the smallest changes of answers that
// give the other platform. Every single change that does, else the pairs that
// do; cheapest first, at most MAX_FLIPS. Changes are looked up in the lead
// tables (leads.ts), never re-scored, and the tie rule is score.ts's own.
//
// The search is bounded so that its time and memory grow with the rules no
// faster than n log n, however many thresholds a rules file puts on a count:
// a count's nearest flipping value is found by binary search over the running
// best of its lead table, walking outward from today's value, so a pair of
// two counts costs a search per value of the second. Rules that read several
// answers are scored one change at a time, and then at most JOINT_STEPS
// values of a count are tried each way.
import { applyChanges, byCost, changedAnswers, valueAfter, type Change, type CountChange } from "./changes.js";
import { contribution, firingContribution, intervalIndex, leadModelOf, leadOf, movesFrom, readTogether, type KeyLeads, type LeadModel, type ScoredChange } from "./leads.js";
import type { Answers, AnswerKey, IntegerQuestion } from "./questions.js";
import type { AnsweredByData, Platform } from "./rule-types.js";
import type { Rule, RuleSet } from "./rule-set.js";
import { round } from "./rounding.js";
import { leaderBy } from "./score.js";

/** At most this many flips are reported, cheapest first. */
export const MAX_FLIPS = 5;

/** With rules that read several answers (scored one by one), at most this many counts are tried on each side. */
const JOINT_STEPS = 512;

export interface Flip {
  changes: Change[];
  /** The answers the changes touch, with their new values. */
  answers: Partial<Answers>;
  recommendation: Platform;
  /** Set when a newer feature of the other platform answers a reason that fired: the changes are how the answers read once it does. */
  answeredBy?: AnsweredByData;
}

function opposite(platform: Platform): Platform {
  return platform === "ecs" ? "eks" : "ecs";
}

export function findFlips(ruleSet: RuleSet, answers: Answers, current: Platform): Flip[] {
  const search = startSearch(leadModelOf(ruleSet), answers, current);
  const singles = flippingSingles(search);
  const found = singles.length > 0 ? singles : flippingPairs(search);
  return found
    .sort(byCost)
    .slice(0, MAX_FLIPS)
    .map((changes) => ({ changes, answers: changedAnswers(answers, changes), recommendation: opposite(current) }));
}

/** A count answer the search may move: its lead table, and where today's value sits in it. */
interface CountAxis {
  key: KeyLeads;
  /** Today's interval, or undefined when the count is unknown. */
  here: number | undefined;
  count: number | undefined;
  /** EKS's lead from this count today. */
  lead: number;
  /** Extremes of the lead table from each index to the end, and from the start to each index. */
  after: { min: number[]; max: number[] };
  before: { min: number[]; max: number[] };
  /** Whether rules reading several answers read this one (their effect is scored, not looked up). */
  joint: boolean;
  order: number;
  /** Each way from today's value, nearest first: the intervals, and the running best lead towards the other platform. */
  ways: Record<"up" | "down", { indices: number[]; best: number[] }>;
  /** The effect on rules of several answers of moving this count alone into each interval, by index, as it is worked out. */
  jointAt: Map<number, number>;
}

type SearchMove = ScoredChange & { order: number; joint: number };

interface Search {
  model: LeadModel;
  answers: Answers;
  current: Platform;
  /** EKS's lead today. */
  base: number;
  /** Choice and set changes, in question order, with their effect on rules of several answers. */
  moves: SearchMove[];
  counts: CountAxis[];
}

function startSearch(model: LeadModel, answers: Answers, current: Platform): Search {
  let base = 0;
  for (const key of model.keys.values()) base += leadOf(key, answers[key.q.key]);
  for (const rule of model.joint) base += contribution(rule, answers);
  const moves: SearchMove[] = [];
  const counts: CountAxis[] = [];
  let order = 0;
  for (const key of model.keys.values()) {
    order++;
    // What the team runs today counts in the scores but is not a change to suggest.
    if ("fact" in key.q) continue;
    const value = answers[key.q.key];
    if (key.q.kind !== "integer") {
      for (const move of movesFrom(key, value as string | string[])) moves.push({ ...move, order, joint: 0 });
      continue;
    }
    const count = value as number | undefined;
    counts.push({
      key,
      count,
      here: count === undefined ? undefined : intervalIndex(key, count),
      lead: leadOf(key, count),
      after: extremes(key.table, "after"),
      before: extremes(key.table, "before"),
      joint: model.jointByKey.has(key.q.key),
      order,
      ways: { up: way(key, count, "up", current), down: way(key, count, "down", current) },
      jointAt: new Map(),
    });
  }
  const search = { model, answers, current, base, moves, counts };
  for (const move of moves) move.joint = jointDelta(search, [move.change]);
  return search;
}

/**
 * The intervals one way from today's count, nearest first, with the best
 * lead for the other platform seen so far at each: the highest when ECS is
 * recommended, the lowest when EKS is. It never gets worse the further out
 * it goes, so the nearest flip is a binary search away.
 */
function way(key: KeyLeads, count: number | undefined, direction: "up" | "down", current: Platform): { indices: number[]; best: number[] } {
  const last = key.intervals.length - 1;
  const here = count === undefined ? undefined : intervalIndex(key, count);
  const indices: number[] = [];
  // Unknown: any interval but the first is "N or more"; the first is "N or fewer".
  if (here === undefined) {
    if (direction === "up") for (let i = 1; i <= last; i++) indices.push(i);
    else indices.push(0);
  } else if (direction === "up") for (let i = here + 1; i <= last; i++) indices.push(i);
  else for (let i = here - 1; i >= 0; i--) indices.push(i);
  const better = current === "ecs" ? Math.max : Math.min;
  const best: number[] = [];
  for (const i of indices) best.push(best.length === 0 ? key.table[i]! : better(best.at(-1)!, key.table[i]!));
  return { indices, best };
}

/** Running minimum and maximum of a table, from each index to the end ("after") or from the start ("before"). */
function extremes(table: readonly number[], side: "after" | "before"): { min: number[]; max: number[] } {
  const min = new Array<number>(table.length);
  const max = new Array<number>(table.length);
  const indices = [...table.keys()];
  if (side === "after") indices.reverse();
  let low = Infinity;
  let high = -Infinity;
  for (const i of indices) {
    low = Math.min(low, table[i]!);
    high = Math.max(high, table[i]!);
    min[i] = low;
    max[i] = high;
  }
  return { min, max };
}

/** Whether a change of EKS's lead by `delta` gives the other platform. */
function flipsAt(search: Search, delta: number): boolean {
  return leaderBy(round(search.base + delta)) !== search.current;
}

/** The effect on rules that read several answers, which do not add up per answer: only those that read a changed answer are scored. */
function jointDelta(search: Search, changes: readonly Change[]): number {
  const { jointByKey } = search.model;
  const touched: Rule[] = [];
  for (const change of changes) for (const rule of jointByKey.get(change.key) ?? []) if (!touched.includes(rule)) touched.push(rule);
  if (touched.length === 0) return 0;
  const next = applyChanges(search.answers, changes);
  let delta = 0;
  for (const rule of touched) delta += contribution(rule, next) - contribution(rule, search.answers);
  return delta;
}

/**
 * The joint effect of two choice or set changes. A rule of several answers
 * that reads only one of the two answers sees what that change alone makes
 * of it, so unless some rule reads both, the effects worked out for each
 * change alone add up.
 */
function pairJointDelta(search: Search, a: SearchMove, b: SearchMove): number {
  if (!readTogether(search.model, a.change.key, b.change.key)) return a.joint + b.joint;
  return jointDelta(search, [a.change, b.change]);
}

/** The effect on rules of several answers of moving a count alone into interval `i` (the same anywhere in it). */
function countJoint(search: Search, axis: CountAxis, i: number): number {
  let joint = axis.jointAt.get(i);
  if (joint === undefined) axis.jointAt.set(i, (joint = axis.joint ? jointDelta(search, [countChangeTo(axis, i)]) : 0));
  return joint;
}

/** The changes' effect on the rules that read one answer, from the tables (two changes to one set build on each other). */
function deltaOf(search: Search, changes: readonly Change[]): number {
  const after = new Map<AnswerKey, unknown>();
  for (const change of changes) {
    after.set(change.key, valueAfter(after.get(change.key) ?? search.answers[change.key], change));
  }
  let delta = 0;
  for (const [answer, value] of after) {
    const key = search.model.keys.get(answer)!;
    delta += leadOf(key, value) - leadOf(key, search.answers[answer]);
  }
  return delta;
}

/**
 * The count change to interval `i`: the interval's nearest end to today's
 * value, priced by how far it is (an unknown count may become any value for
 * one step: the first interval reads "N or fewer", the others "N or more").
 */
function countChangeTo(axis: CountAxis, i: number): CountChange {
  const iv = axis.key.intervals[i]!;
  const min = (axis.key.q as IntegerQuestion).min;
  const up = axis.count === undefined ? iv.from > min : iv.from > axis.count;
  const value = up ? iv.from : iv.to;
  return {
    kind: "count",
    key: axis.key.q.key,
    value,
    direction: up ? "up" : "down",
    interval: iv,
    open: false,
    cost: axis.count === undefined ? 1 : Math.max(1, Math.ceil(Math.abs(Math.log2(value / axis.count)))),
  };
}

/**
 * The nearest interval in `direction` where this count, with the `others`
 * changes (whose effect is `othersDelta` in the tables and `othersJoint` on
 * rules of several answers), flips the recommendation; the change there
 * says whether every count beyond it flips too.
 */
function nearestFlip(
  search: Search,
  axis: CountAxis,
  direction: "up" | "down",
  others: readonly Change[],
  othersDelta: number,
  othersJoint: number,
): CountChange | undefined {
  const { indices, best } = axis.ways[direction];
  const scored = axis.joint || others.some((change) => search.model.jointByKey.has(change.key));
  const joint = jointOfCountWith(search, axis, others, othersJoint);
  let found: number | undefined;
  if (!scored) {
    // The first place where the running best flips: before it nothing does, from it on the best does.
    let low = 0;
    let high = indices.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (flipsAt(search, best[middle]! - axis.lead + othersDelta)) high = middle;
      else low = middle + 1;
    }
    found = indices[low];
  } else {
    for (const i of indices.slice(0, JOINT_STEPS)) {
      const delta = axis.key.table[i]! - axis.lead + othersDelta + joint(i, countChangeTo(axis, i));
      if (flipsAt(search, delta)) {
        found = i;
        break;
      }
    }
  }
  if (found === undefined) return undefined;
  const change = countChangeTo(axis, found);
  return { ...change, open: isOpen(search, axis, found, change, othersDelta, scored, joint) };
}

/**
 * The effect on rules of several answers of the count at interval `i` (as
 * `change`) with the `others`: when no such rule reads the count with any of
 * them, the count's own effect plus theirs, each worked out once; else scored.
 */
function jointOfCountWith(search: Search, axis: CountAxis, others: readonly Change[], othersJoint: number): (i: number, change: CountChange) => number {
  const apart = !others.some((change) => readTogether(search.model, change.key, axis.key.q.key));
  return apart ? (i) => othersJoint + countJoint(search, axis, i) : (_i, change) => jointDelta(search, [...others, change]);
}

/** Whether every count beyond interval `i` (in the change's direction) also flips, given the other changes. */
function isOpen(
  search: Search,
  axis: CountAxis,
  i: number,
  change: CountChange,
  othersDelta: number,
  scored: boolean,
  joint: (i: number, change: CountChange) => number,
): boolean {
  const last = axis.key.intervals.length - 1;
  const [from, to] = change.direction === "up" ? [i + 1, last] : [0, i - 1];
  if (from > to) return true;
  if (!scored) {
    // Looked up: flipping to EKS everywhere needs the lowest lead to flip, to ECS the highest.
    const side = change.direction === "up" ? axis.after : axis.before;
    const extreme = search.current === "ecs" ? side.min[change.direction === "up" ? from : to]! : side.max[change.direction === "up" ? from : to]!;
    return flipsAt(search, extreme - axis.lead + othersDelta);
  }
  // Scored one by one: past the bound, "between" is the claim that stays true.
  if (to - from + 1 > JOINT_STEPS) return false;
  for (let j = from; j <= to; j++) {
    const beyond = { ...change, value: change.direction === "up" ? axis.key.intervals[j]!.from : axis.key.intervals[j]!.to };
    if (!flipsAt(search, axis.key.table[j]! - axis.lead + othersDelta + joint(j, beyond))) return false;
  }
  return true;
}

function flippingSingles(search: Search): Change[][] {
  const found: Change[][] = search.moves.filter((move) => flipsAt(search, move.delta + move.joint)).map((move) => [move.change]);
  for (const axis of search.counts) {
    for (const direction of ["up", "down"] as const) {
      const change = nearestFlip(search, axis, direction, [], 0, 0);
      if (change) found.push([change]);
    }
  }
  return found;
}

/**
 * Two choice or set changes that flip it together, in question order. Most
 * pairs are two answers no rule reads together, whose effect is the sum of
 * the two changes' own: with the changes sorted by how far each goes towards
 * the other platform, only the pairs that reach far enough are tried, so the
 * work grows with the pairs that could flip, not with every pair. The others
 * (two items of one set, or answers some rule reads together) are all tried.
 */
function flippingMovePairs(search: Search): Change[][] {
  const { moves, model } = search;
  const pairs: Change[][] = [];
  const tryPair = (i: number, j: number) => {
    const a = moves[i]!;
    const b = moves[j]!;
    let delta: number;
    if (a.change.key !== b.change.key) delta = a.delta + b.delta;
    // Two values for one answer cannot both hold, but two changes to one set can.
    else if (a.change.kind === "add" || a.change.kind === "remove") delta = deltaOf(search, [a.change, b.change]);
    else return;
    if (flipsAt(search, delta + pairJointDelta(search, a, b))) pairs.push([a.change, b.change]);
  };
  const apart = (i: number, j: number) => moves[i]!.change.key !== moves[j]!.change.key && !readTogether(model, moves[i]!.change.key, moves[j]!.change.key);
  // How far each change goes towards the other platform; a pair flips only if its two go at least the distance left
  // (less a margin far wider than any rounding: every candidate is checked exactly).
  const toward = towardOther(search);
  const gain = moves.map((move) => toward * (move.delta + move.joint));
  const needed = -toward * search.base - 1e-6;
  const order = [...moves.keys()].sort((x, y) => gain[y]! - gain[x]!);
  for (let p = 0; p < order.length; p++) {
    for (let q = p + 1; q < order.length && gain[order[p]!]! + gain[order[q]!]! >= needed; q++) {
      const [i, j] = order[p]! < order[q]! ? [order[p]!, order[q]!] : [order[q]!, order[p]!];
      if (apart(i, j)) tryPair(i, j);
    }
  }
  const byKey = new Map<AnswerKey, number[]>();
  moves.forEach((move, i) => {
    const indices = byKey.get(move.change.key);
    if (indices) indices.push(i);
    else byKey.set(move.change.key, [i]);
  });
  // These pairs are scored, which costs more: first, the most that changes to the two answers could
  // gain (every rule that reads either, moved its best way) must reach the distance left.
  const most = new Map([...byKey.keys()].map((key) => [key, mostGain(search, key)]));
  for (let i = 0; i < moves.length; i++) {
    const key = moves[i]!.change.key;
    for (const other of [key, ...(model.together.get(key) ?? [])]) {
      if (most.get(key)! + (other === key ? 0 : (most.get(other) ?? 0)) < needed) continue;
      for (const j of byKey.get(other) ?? []) if (j > i && !apart(i, j)) tryPair(i, j);
    }
  }
  return pairs;
}

/**
 * The most that any change to one answer could move EKS's lead towards the
 * other platform: each rule that reads it, alone or with others, turned on
 * or off, whichever gains more.
 */
function mostGain(search: Search, key: AnswerKey): number {
  const toward = towardOther(search);
  const rules = [...(search.model.keys.get(key)?.own ?? []), ...(search.model.jointByKey.get(key) ?? [])];
  return rules.reduce((sum, rule) => {
    const today = toward * contribution(rule, search.answers);
    const firing = toward * firingContribution(rule);
    return sum + Math.max(0 - today, firing - today);
  }, 0);
}

/** The sign of a move of EKS's lead towards the platform not recommended today: up from ECS, down from EKS. */
function towardOther(search: Search): 1 | -1 {
  return search.current === "ecs" ? 1 : -1;
}

function flippingPairs(search: Search): Change[][] {
  const pairs = flippingMovePairs(search);
  const { moves, counts } = search;
  // A count and a choice or set change: the nearest count that flips with it, each way.
  for (const axis of counts) {
    for (const move of moves) {
      for (const direction of ["up", "down"] as const) {
        const change = nearestFlip(search, axis, direction, [move.change], move.delta, move.joint);
        if (change) pairs.push(axis.order < move.order ? [change, move.change] : [move.change, change]);
      }
    }
  }
  // Two counts: for each value of the second, the nearest first count that flips with it, each way.
  for (let a = 0; a < counts.length; a++) {
    for (let b = a + 1; b < counts.length; b++) {
      const first = counts[a]!;
      const second = counts[b]!;
      for (const side of ["up", "down"] as const) {
        const values = second.ways[side].indices;
        // Scored one by one, the second count is tried at its nearest values only.
        for (const i of first.joint || second.joint ? values.slice(0, JOINT_STEPS) : values) {
          const other = countChangeTo(second, i);
          const otherDelta = second.key.table[i]! - second.lead;
          const otherJoint = countJoint(search, second, i);
          for (const direction of ["up", "down"] as const) {
            const change = nearestFlip(search, first, direction, [other], otherDelta, otherJoint);
            if (change) pairs.push([change, other]);
          }
        }
      }
    }
  }
  return pairs;
}

