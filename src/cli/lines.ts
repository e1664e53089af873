import type { Readable } from "node:stream";

export type Line = { text: string } | { tooLong: true };

/**
 * Splits a stream into lines, a chunk's worth at a time (one await per chunk,
 * not per line), without ever holding more than `maxBytes` of one line: a
 * line past the cap is reported as too long and skipped, so memory stays flat
 * whatever arrives.
 */
export async function* readLineBatches(stream: Readable, maxBytes: number): AsyncGenerator<Line[]> {
  let pending = "";
  let overflow = false;
  stream.setEncoding("utf8");
  for await (const chunk of stream as AsyncIterable<string>) {
    const lines: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, nl);
      start = nl + 1;
      lines.push(overflow || pending.length + piece.length > maxBytes ? { tooLong: true } : { text: stripCr(pending + piece) });
      pending = "";
      overflow = false;
    }
    if (!overflow) {
      pending += chunk.slice(start);
      if (pending.length > maxBytes) {
        overflow = true;
        pending = "";
      }
    }
    if (lines.length > 0) yield lines;
  }
  if (overflow) yield [{ tooLong: true }];
  else if (pending.length > 0) yield [{ text: stripCr(pending) }];
}

function stripCr(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
