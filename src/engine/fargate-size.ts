import type { FargateSize } from "./price-types.js";
import { EPSILON } from "./rounding.js";

// Fargate bills a task (or an EKS pod) at a valid CPU and memory pair, the
// request rounded up; a request beyond the largest pair runs as several tasks.

export interface FargatePair {
  vcpu: number;
  memoryGiB: number;
}

// A cache, not state: the pairs are a pure function of the (immutable) sizes.
const expanded = new WeakMap<readonly FargateSize[], FargatePair[]>();

/** Every valid CPU and memory pair, in the order the sizes list them. */
export function fargatePairs(sizes: readonly FargateSize[]): FargatePair[] {
  const cached = expanded.get(sizes);
  if (cached) return cached;
  const pairs = sizes.flatMap((size) => {
    if ("memoryGiB" in size) return size.memoryGiB.map((memoryGiB) => ({ vcpu: size.vcpu, memoryGiB }));
    const { from, to, step } = size.memoryGiBRange;
    const memory: number[] = [];
    for (let m = from; m <= to + EPSILON; m += step) memory.push(m);
    return memory.map((memoryGiB) => ({ vcpu: size.vcpu, memoryGiB }));
  });
  expanded.set(sizes, pairs);
  return pairs;
}

/**
 * How a task of `vcpu` and `memoryGiB` is billed: rounded up to the cheapest
 * pair that holds it, `addGiB` included (what the platform adds to each: on
 * EKS, 256 MB). A task beyond the largest pair runs as `split` equal tasks,
 * as many as make it cheapest: for each pair, the fewest tasks of that pair
 * that hold it, priced, and the least of those.
 */
export function fitFargate(
  pairs: readonly FargatePair[],
  vcpu: number,
  memoryGiB: number,
  addGiB: number,
  price: (pair: FargatePair) => number,
): { pair: FargatePair; split: number } {
  const options = pairs
    .map((pair) => ({ pair, split: Math.max(1, ceil(vcpu / pair.vcpu), pair.memoryGiB > addGiB ? ceil(memoryGiB / (pair.memoryGiB - addGiB)) : Infinity) }))
    .filter((o) => Number.isFinite(o.split));
  // A task that fits one pair is billed as one task, never split to save money.
  const whole = options.filter((o) => o.split === 1);
  const candidates = whole.length > 0 ? whole : options;
  // The cheapest; on a tie, the fewest tasks, then the pair listed first.
  return candidates.reduce((best, o) => {
    const cost = o.split * price(o.pair);
    const bestCost = best.split * price(best.pair);
    return cost < bestCost - EPSILON || (Math.abs(cost - bestCost) <= EPSILON && o.split < best.split) ? o : best;
  });
}

function ceil(x: number): number {
  return Math.ceil(x - EPSILON);
}
