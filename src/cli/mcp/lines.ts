import { Transform, type Readable } from "node:stream";

/** How much of a line is held back before it is passed on anyway. */
const HOLD_UP_TO = 1024 * 1024;

/**
 * stdin passed on in whole lines, or in pieces of at least a mebibyte. The
 * SDK's stdio transport joins each chunk it gets to all it holds of the line,
 * so a 10 MB message read in 64 KiB chunks would be copied 150 times over;
 * passed on this way it is copied a few times, in time linear in its size.
 */
export function inWholeLines(input: Readable): Readable {
  const held: Buffer[] = [];
  let size = 0;
  const lines = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const end = chunk.lastIndexOf(10);
      if (end === -1 && size + chunk.length < HOLD_UP_TO) {
        held.push(chunk);
        size += chunk.length;
        return done();
      }
      const cut = end === -1 ? chunk.length : end + 1;
      const out = Buffer.concat([...held, chunk.subarray(0, cut)]);
      held.length = 0;
      size = chunk.length - cut;
      if (size > 0) held.push(chunk.subarray(cut));
      done(null, out);
    },
    flush(done) {
      done(null, size > 0 ? Buffer.concat(held) : undefined);
    },
  });
  input.on("error", (error) => lines.destroy(error));
  return input.pipe(lines);
}
