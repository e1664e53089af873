// Whether a chart template's `if` (or `with`) holds with the chart's default
// values: `.Values.x`, literals, and the template functions charts guard
// objects with (not, and, or, eq, ne, empty). Anything else (`.Release`, a
// variable, `include`, another function) cannot be told from the files, and
// an `and` or `or` is decided only where its known operands settle it.
import { isObject } from "./tree.js";

/** What an operand stands for: its value, or unknown. */
type Operand = { readonly known: true; readonly value: unknown } | { readonly known: false };

const UNKNOWN: Operand = { known: false };

/** A term of an action: a word, a literal, or a parenthesised pipeline. */
type Term = string | readonly Term[];

/** How deep parentheses may nest before the condition is left undecided. */
const MAX_NESTING = 32;

/** Whether `expression` holds with `values`; undefined when the files cannot tell. */
export function conditionHolds(expression: string, values: unknown): boolean | undefined {
  const terms = parse(expression);
  if (terms === undefined) return undefined;
  const result = evaluate(terms, values, 0);
  return result.known ? truthy(result.value) : undefined;
}

/** Go templates' truth: false, 0, nil, an empty string, list or map are false. */
function truthy(value: unknown): boolean {
  return !(value === undefined || value === false || value === null || value === 0 || value === "" || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0));
}

/** The action's words and parenthesised groups; undefined for a pipe (`|`) or unbalanced parentheses, which are left undecided. */
function parse(expression: string): Term[] | undefined {
  const tokens = expression.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|[()]|[^\s()]+/g) ?? [];
  const stack: Term[][] = [[]];
  for (const token of tokens) {
    if (token === "|") return undefined;
    if (token === "(") {
      if (stack.length > MAX_NESTING) return undefined;
      stack.push([]);
    } else if (token === ")") {
      if (stack.length === 1) return undefined;
      const group = stack.pop()!;
      stack.at(-1)!.push(group);
    } else stack.at(-1)!.push(token);
  }
  return stack.length === 1 ? stack[0] : undefined;
}

function evaluate(terms: readonly Term[], values: unknown, depth: number): Operand {
  const [head, ...args] = terms;
  if (head === undefined || depth > MAX_NESTING) return UNKNOWN;
  if (typeof head !== "string" || args.length === 0) return args.length === 0 ? operand(head, values, depth) : UNKNOWN;
  const operands = () => args.map((arg) => operand(arg, values, depth));
  switch (head) {
    case "not": {
      const [only] = operands();
      return args.length === 1 && only!.known ? { known: true, value: !truthy(only!.value) } : UNKNOWN;
    }
    case "empty": {
      const [only] = operands();
      return args.length === 1 && only!.known ? { known: true, value: !truthy(only!.value) } : UNKNOWN;
    }
    case "and": {
      const all = operands();
      if (all.some((each) => each.known && !truthy(each.value))) return { known: true, value: false };
      return all.every((each) => each.known) ? { known: true, value: true } : UNKNOWN;
    }
    case "or": {
      const all = operands();
      if (all.some((each) => each.known && truthy(each.value))) return { known: true, value: true };
      return all.every((each) => each.known) ? { known: true, value: false } : UNKNOWN;
    }
    case "eq":
    case "ne": {
      const all = operands();
      if (all.length < 2 || !all.every((each) => each.known)) return UNKNOWN;
      const [first, ...rest] = all.map((each) => (each as { value: unknown }).value);
      const equal = rest.some((other) => other === first);
      return { known: true, value: head === "eq" ? equal : !equal };
    }
    default:
      return UNKNOWN;
  }
}

/** A single term: `.Values.x` (nil where the values lack it), a literal, or a group. */
function operand(term: Term, values: unknown, depth: number): Operand {
  if (typeof term !== "string") return evaluate(term, values, depth + 1);
  const path = /^\.Values((?:\.[A-Za-z0-9_-]+)+)$/.exec(term);
  if (path) return { known: true, value: valueAt(values, path[1]!.slice(1).split(".")) };
  if (/^"(?:[^"\\]|\\.)*"$/.test(term)) return { known: true, value: JSON.parse(term) as string };
  if (/^`[^`]*`$/.test(term)) return { known: true, value: term.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(term)) return { known: true, value: Number(term) };
  if (term === "true" || term === "false") return { known: true, value: term === "true" };
  if (term === "nil") return { known: true, value: null };
  return UNKNOWN;
}

/** The value at a path of the chart's values, by own keys only (`.Values.constructor` is no function of ours): undefined, Helm's nil, where a key is missing. */
function valueAt(values: unknown, keys: readonly string[]): unknown {
  let at = values;
  for (const key of keys) {
    if (!isObject(at) || !Object.hasOwn(at, key)) return undefined;
    at = at[key];
  }
  return at;
}
