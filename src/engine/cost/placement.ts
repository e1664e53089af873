// Whole tasks onto instances of one type, first-fit decreasing: the tasks in
// order of their larger dimension (as a share of the instance), each into the
// first instance with room, else a new one. Tasks of one shape are placed
// together and instances that hold the same are kept as one run, so the work
// is linear in the shapes, never in the task count.
import { EPSILON } from "../rounding.js";

/** What one instance offers: CPU and memory (at the utilisation target), and hard counts. */
export interface Capacity {
  vcpu: number;
  memoryGiB: number;
  /** Tasks or pods it may hold at most (network interfaces, the pods limit). */
  slots: number;
  gpus: number;
}

export interface TaskShape {
  vcpu: number;
  memoryGiB: number;
  gpu: number;
  count: number;
}

/** `count` instances that each hold the same tasks. */
export interface Layout {
  count: number;
  holds: { vcpu: number; memoryGiB: number; gpu: number; tasks: number }[];
}

export interface Packed {
  instances: number;
  layouts: Layout[];
}

/** Open runs first-fit tries before opening an instance: bounds the work per shape, so the whole stays linear. */
const OPEN_RUNS = 32;

interface Run {
  count: number;
  room: Capacity;
  holds: Map<number, number>;
}

/** How many tasks of a shape fit in the room left, by every dimension. */
function fits(room: Capacity, shape: TaskShape): number {
  const by = (left: number, need: number) => (need > 0 ? Math.floor(left / need + EPSILON) : Infinity);
  return Math.max(0, Math.min(by(room.vcpu, shape.vcpu), by(room.memoryGiB, shape.memoryGiB), by(room.gpus, shape.gpu), Math.floor(room.slots)));
}

function take(room: Capacity, shape: TaskShape, n: number): Capacity {
  return { vcpu: room.vcpu - n * shape.vcpu, memoryGiB: room.memoryGiB - n * shape.memoryGiB, gpus: room.gpus - n * shape.gpu, slots: room.slots - n };
}

/**
 * Packs the shapes onto instances of capacity `target` (the utilisation
 * headroom). A task larger than the target but within `full` (the whole
 * instance) gets an instance to itself. Returns undefined when a task fits
 * no instance of this type at all.
 */
export function pack(shapes: readonly TaskShape[], target: Capacity, full: Capacity): Packed | undefined {
  const order = shapes
    .map((shape, index) => ({ shape, index, size: Math.max(shape.vcpu / target.vcpu, shape.memoryGiB / target.memoryGiB, shape.gpu > 0 ? shape.gpu / Math.max(target.gpus, EPSILON) : 0) }))
    .filter((s) => s.shape.count > 0)
    .sort((a, b) => b.size - a.size || a.index - b.index);
  const runs: Run[] = [];
  const closed: Run[] = [];
  for (const { shape, index } of order) {
    let left = shape.count;
    for (let r = 0; r < runs.length && left > 0; r++) {
      const run = runs[r]!;
      const each = fits(run.room, shape);
      if (each === 0) continue;
      const filled = Math.min(run.count, Math.floor(left / each));
      const rest = left - filled * each;
      const split: Run[] = [];
      if (filled > 0) split.push(placed(run, filled, shape, index, each));
      // The last, partly filled instance of the run, then the instances the shape did not reach.
      const partial = filled < run.count && rest > 0 ? 1 : 0;
      if (partial) split.push(placed(run, 1, shape, index, rest));
      const untouched = run.count - filled - partial;
      if (untouched > 0) split.push({ ...run, count: untouched });
      left -= filled * each + (partial ? rest : 0);
      runs.splice(r, 1, ...split);
      r += split.length - 1;
    }
    if (left > 0) {
      let each = fits(target, shape);
      let room = target;
      // Too large for the headroom: alone on an instance, if the instance holds it at all.
      if (each === 0 && fits(full, shape) > 0) (each = 1), (room = { ...full, vcpu: shape.vcpu, memoryGiB: shape.memoryGiB, gpus: shape.gpu, slots: 1 });
      if (each === 0) return undefined;
      const whole = Math.floor(left / each);
      const empty: Run = { count: 0, room, holds: new Map() };
      if (whole > 0) runs.push(placed({ ...empty, count: whole }, whole, shape, index, each));
      if (left - whole * each > 0) runs.push(placed({ ...empty, count: 1 }, 1, shape, index, left - whole * each));
    }
    // Instances with no room for the smallest task any more, or beyond the window, stop being tried.
    while (runs.length > OPEN_RUNS) closed.push(runs.shift()!);
  }
  const all = [...closed, ...runs];
  return {
    instances: all.reduce((sum, run) => sum + run.count, 0),
    layouts: all.map((run) => ({
      count: run.count,
      holds: [...run.holds].map(([index, tasks]) => ({ vcpu: shapes[index]!.vcpu, memoryGiB: shapes[index]!.memoryGiB, gpu: shapes[index]!.gpu, tasks })),
    })),
  };
}

/** `count` instances of a run, each given `n` more tasks of a shape. */
function placed(run: Run, count: number, shape: TaskShape, index: number, n: number): Run {
  const holds = new Map(run.holds);
  holds.set(index, (holds.get(index) ?? 0) + n);
  return { count, room: take(run.room, shape, n), holds };
}

/** The fewest instances of this capacity the shapes could need: a bound for choosing among types without packing each. */
export function lowerBound(shapes: readonly TaskShape[], full: Capacity): number {
  let vcpu = 0;
  let memory = 0;
  let gpus = 0;
  let tasks = 0;
  for (const s of shapes) {
    vcpu += s.vcpu * s.count;
    memory += s.memoryGiB * s.count;
    gpus += s.gpu * s.count;
    tasks += s.count;
  }
  const need = (total: number, per: number) => (total <= EPSILON ? 0 : per <= 0 ? Infinity : Math.ceil(total / per - EPSILON));
  return Math.max(need(vcpu, full.vcpu), need(memory, full.memoryGiB), need(gpus, full.gpus), need(tasks, full.slots));
}
