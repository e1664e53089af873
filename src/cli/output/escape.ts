// User text (keys, file names, a rules file's ids, labels and refs) is shown
// as written but made safe for where it goes. JSON output keeps exact strings.

/**
 * Control characters (C0 but tab, DEL, C1) and the bidirectional controls
 * that reorder what a reader sees (Trojan Source): a terminal would act on
 * them (set its title, move the cursor) and a log line could be forged.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** How much of any one string from the user is shown on a terminal or in Markdown; JSON keeps it whole. */
const MAX_SHOWN = 2000;

/** One user string for a terminal or a log line: unsafe characters as visible escapes (\u001b), cut at `max` with an ellipsis. */
export function forTerminal(text: string, max: number = MAX_SHOWN): string {
  return cut(text, max).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** One user string for Markdown (a step summary, an ADR): one line, pipes and backticks escaped, no raw HTML. */
export function forMarkdown(text: string, max: number = MAX_SHOWN): string {
  return forTerminal(cut(text, max).replace(/\s*[\r\n]+\s*/g, " "), Number.POSITIVE_INFINITY)
    .replace(/[\\`|]/g, (char) => `\\${char}`)
    .replace(/</g, "&lt;");
}

/** A line of our own on stderr, whatever user text it quotes: no control bytes, bounded. */
export function forLogLine(line: string, max = 1000): string {
  return forTerminal(line, max);
}

/** Cut to `max` code points, ending in an ellipsis; never splits a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Enough UTF-16 units for max + 1 code points, however many are pairs.
  const points = Array.from(text.slice(0, 2 * max + 2));
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}

/** The same value with every string in it passed through `shown`: for handing a Result to a renderer. */
export function mapStrings<T>(value: T, shown: (text: string) => string): T {
  if (typeof value === "string") return shown(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, shown)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, shown)])) as T;
  }
  return value;
}
