import type { ScanResult } from "../../scan/evidence.js";

/**
 * The scan as JSON. Strings stay exact (they parse back to what the files
 * hold), but the characters a terminal acts on that JSON leaves as they are
 * (C1 controls, bidirectional overrides, line separators) are written as
 * \u escapes, so that printing the JSON never moves a cursor or reorders
 * what a reader sees.
 */
export function renderScanJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}
