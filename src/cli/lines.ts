import type { Readable } from "node:stream";

export type Line = { text: string } | { tooLong: true };

/**
 * Splits a stream into lines without ever holding more than `maxBytes` of
 * one line: a line past the cap is reported as too long and skipped, so
 * memory stays flat whatever arrives.
 */
export async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<Line> {
  let pending = "";
  let overflow = false;
  stream.setEncoding("utf8");
  for await (const chunk of stream as AsyncIterable<string>) {
    let start = 0;
    for (let nl = chunk.indexOf("\n", start); nl !== -1; nl = chunk.indexOf("\n", start)) {
      const piece = chunk.slice(start, nl);
      start = nl + 1;
      if (overflow || pending.length + piece.length > maxBytes) {
        yield { tooLong: true };
      } else {
        yield { text: stripCr(pending + piece) };
      }
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
  }
  if (overflow) yield { tooLong: true };
  else if (pending.length > 0) yield { text: stripCr(pending) };
}

function stripCr(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}
