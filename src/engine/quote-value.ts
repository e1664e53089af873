/** How much of a value an error message quotes. */
const MAX_QUOTED = 40;

/** A value as an error message quotes it: JSON, cut short, numbers as written (Infinity too). */
export function quoteValue(value: unknown): string {
  // -0 is what was written: String(-0) would say "0".
  const text = typeof value === "number" ? (Object.is(value, -0) ? "-0" : String(value)) : typeof value === "object" && value !== null ? jsonStart(value, MAX_QUOTED) : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 3)}...` : text;
}

type Step = { text: string } | { value: unknown };

/**
 * The start of a list's or an object's JSON, past `limit` characters when it
 * is that long, written with a stack of its own: JSON.stringify walks by
 * recursion, and a value nested 5,000 deep (which JSON.parse reads) overflows
 * the call stack; nor is more written than a message shows.
 */
function jsonStart(value: object, limit: number): string {
  let out = "";
  const steps: Step[] = [{ value }];
  while (steps.length > 0 && out.length <= limit) {
    const step = steps.pop()!;
    if ("text" in step) {
      out += step.text;
      continue;
    }
    const item = step.value;
    if (typeof item !== "object" || item === null) {
      out += JSON.stringify(item) ?? "null";
      continue;
    }
    // The members are queued last first, each after its comma (and its key), the closing mark below them all.
    const list = Array.isArray(item);
    const keys = list ? undefined : Object.keys(item);
    const count = keys ? keys.length : (item as unknown[]).length;
    out += list ? "[" : "{";
    steps.push({ text: list ? "]" : "}" });
    for (let i = count - 1; i >= 0; i--) {
      steps.push({ value: keys ? (item as Record<string, unknown>)[keys[i]!] : (item as unknown[])[i] });
      if (keys) steps.push({ text: `${JSON.stringify(keys[i])}:` });
      if (i > 0) steps.push({ text: "," });
    }
  }
  return out;
}
