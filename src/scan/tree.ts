// A parsed file as plain values, with the line of every key and item kept
// beside them: readers walk values as they would JSON and ask where a value
// is written only when they report it.

/** A parsed document: its value, and the line of each key of each map and each item of each list. */
export interface Tree {
  readonly root: unknown;
  readonly lines: WeakMap<object, Record<string | number, number>>;
  /** The line the document starts on. */
  readonly line: number;
}

/** Nesting past this is refused for the file: no deploy file nests so deep, and walking deeper would cost the stack. */
export const MAX_DEPTH = 200;

export type Obj = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value at a path of keys and indexes, or undefined. */
export function get(value: unknown, ...path: readonly (string | number)[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** A string, or undefined for anything else. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The line where `key` of `container` is written, else the fallback. */
export function lineOf(tree: Tree, container: unknown, key: string | number, fallback = tree.line): number {
  if (typeof container !== "object" || container === null) return fallback;
  return tree.lines.get(container)?.[key] ?? fallback;
}

/** The line of the last key of a path (the line that states the value), else the nearest line above it. */
export function lineAt(tree: Tree, value: unknown, path: readonly (string | number)[], fallback = tree.line): number {
  let line = fallback;
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return line;
    line = lineOf(tree, at, key, line);
    at = (at as Record<string | number, unknown>)[key];
  }
  return line;
}

/** The 1-based line of each offset of a text, by a search over where its lines start. */
export function lineFinder(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
