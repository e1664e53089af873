// User text (keys, file names, a rules or prices file's ids, labels, names
// and refs) is shown as written but made safe for where it goes: one function
// per format. Text for a terminal or a log (forTerminal), Markdown for a
// comment, an ADR or the job summary (forMarkdown), JSON (jsonText). Every
// renderer passes what it shows from a user's file through one of them.

/**
 * Control characters (C0 but tab, DEL, C1), the bidirectional controls that
 * reorder what a reader sees (Trojan Source), and the line and paragraph
 * separators: a terminal would act on them (set its title, move the cursor)
 * and a log line could be forged, or broken in two by a viewer.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * What JSON.stringify leaves raw that a terminal or an editor would still act
 * on: DEL, C1, the bidirectional controls, and the line and paragraph
 * separators. Escaped as \uXXXX, the JSON stays the same value.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** How much of any one string from the user is shown on a terminal or in Markdown; JSON keeps it whole. */
const MAX_SHOWN = 2000;

/** How much of a name or label (a version, an id) is shown: a line's worth. */
export const MAX_LABEL = 100;

/** One user string for a terminal or a log line: unsafe characters as visible escapes (\u001b), cut at `max` with an ellipsis. */
export function forTerminal(text: string, max: number = MAX_SHOWN): string {
  return cut(text, max).replace(UNSAFE, unicodeEscape);
}

/**
 * One user string for Markdown (a comment, an ADR, the job summary): one
 * line, no raw HTML, and none of the marks that would make a table cell, code,
 * a link or an image of it.
 */
export function forMarkdown(text: string, max: number = MAX_SHOWN): string {
  return forTerminal(cut(text, max).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " "), Number.POSITIVE_INFINITY)
    .replace(/[\\`|[\]]/g, (char) => `\\${char}`)
    .replace(/</g, "&lt;");
}

/**
 * How long a line of our own (an error on stderr, an MCP tool's error) may
 * be: it can quote user text of any length (a folder's name, an error's
 * message), and a line longer than a screenful or so is no longer read as one.
 */
const MAX_LOG_LINE = 1000;

/** A line of our own on stderr, whatever user text it quotes: no control bytes, bounded. */
export function forLogLine(line: string): string {
  return forTerminal(line, MAX_LOG_LINE);
}

/** A value as JSON output: exact strings, with what a terminal would act on written as \u escapes. */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, unicodeEscape);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Cut to `max` code points, ending in an ellipsis; never splits a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Enough UTF-16 units for max + 1 code points, however many are pairs.
  const points = Array.from(text.slice(0, 2 * max + 2));
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}

/**
 * The same value with every string in it, keys too, passed through `shown`:
 * for handing a Result or a prices file to a renderer. A key is a name the
 * user chose as often as a value is (an instance type, a tier).
 */
export function mapStrings<T>(value: T, shown: (text: string) => string): T {
  if (typeof value === "string") return shown(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, shown)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [shown(key), mapStrings(item, shown)])) as T;
  }
  return value;
}
