import type { FargateSize } from "./price-types.js";

// Fargate bills a task (or an EKS pod) at a valid CPU and memory pair, the
// request rounded up; a request beyond the largest pair runs as several tasks.

export interface FargatePair {
  vcpu: number;
  memoryGiB: number;
}

// Sizes are quarters of a vCPU and halves of a GiB: a hair of floating-point error must not round up a whole step.
const EPSILON = 1e-9;

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
 * How a task of `vcpu` and `memoryGiB` is billed: split into `split` equal
 * tasks when it exceeds the largest pair, each rounded up to the cheapest
 * pair that holds it. `addGiB` is what the platform adds to each (EKS: 256 MB).
 */
export function fitFargate(
  pairs: readonly FargatePair[],
  vcpu: number,
  memoryGiB: number,
  addGiB: number,
  price: (pair: FargatePair) => number,
): { pair: FargatePair; split: number } {
  const maxVcpu = Math.max(...pairs.map((p) => p.vcpu));
  const maxMemory = Math.max(...pairs.map((p) => p.memoryGiB));
  let split = Math.max(1, ceil(vcpu / maxVcpu), ceil(memoryGiB / (maxMemory - addGiB)));
  for (;;) {
    const cpu = vcpu / split;
    const memory = memoryGiB / split + addGiB;
    const fitting = pairs.filter((p) => p.vcpu >= cpu - EPSILON && p.memoryGiB >= memory - EPSILON);
    if (fitting.length > 0) {
      // The cheapest pair that holds it; on a tie, the one listed first.
      const pair = fitting.reduce((best, p) => (price(p) < price(best) - EPSILON ? p : best));
      return { pair, split };
    }
    split++;
  }
}

export function ceil(x: number): number {
  return Math.ceil(x - EPSILON);
}
