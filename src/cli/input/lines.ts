import type { Readable } from "node:stream";
import { foreignEncoding, invalidUtf8At } from "./encoding.js";

/** A line's text; or why there is none: too long, no end, bytes that are not UTF-8 (at `invalidAt`), or a whole input in another encoding. */
export type Line = { text: string } | { tooLong: true } | { noEnd: true } | { invalidAt: number } | { encoding: "UTF-16" | "UTF-32" };

/** Past this many bytes without a newline the input is not NDJSON at all (/dev/zero, a binary): stop reading. */
const NO_END_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Splits a stream into lines, a chunk's worth at a time (one await per chunk,
 * not per line), counting bytes, not characters. A line past `maxBytes` is
 * reported as too long and skipped without being held; a line that goes on
 * past NO_END_BYTES ends the reading with `noEnd`, so memory stays flat and
 * endless input ends. A byte-order mark is dropped at the very start, as in
 * an answers file, and at the start of any line: files saved with one and
 * joined (cat a.ndjson b.ndjson) carry one into the middle.
 */
export async function* readLineBatches(stream: Readable, maxBytes: number): AsyncGenerator<Line[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let atStart = true;
  for await (const raw of stream as AsyncIterable<Buffer | string>) {
    let chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    if (atStart && chunk.length > 0) {
      atStart = false;
      if (chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
      const encoding = foreignEncoding(chunk);
      // UTF-16 or UTF-32 throughout: no line of it can be read, so none is tried.
      if (encoding) {
        yield [{ encoding }];
        return;
      }
    }
    const lines: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, nl);
      lines.push(overflow || pendingBytes + piece.length > maxBytes ? { tooLong: true } : decode([...pending, piece]));
      pending = [];
      pendingBytes = 0;
      overflow = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (!overflow) pending.push(rest);
    if (!overflow && pendingBytes > maxBytes) {
      overflow = true;
      pending = [];
    }
    if (pendingBytes > NO_END_BYTES) {
      yield [...lines, { noEnd: true }];
      return;
    }
    if (lines.length > 0) yield lines;
  }
  if (overflow) yield [{ tooLong: true }];
  else if (pendingBytes > 0) yield [decode(pending)];
}

function decode(parts: readonly Buffer[]): Line {
  const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const invalidAt = invalidUtf8At(bytes);
  if (invalidAt !== undefined) return { invalidAt };
  const decoded = bytes.toString("utf8");
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return { text: text.endsWith("\r") ? text.slice(0, -1) : text };
}
