import type { Output } from "../terminal/streams.js";

/**
 * Writes to stdout and goes on only once the text is written. When the write
 * fails (a full disk), the run stops here: the process's own handler reports
 * it in one line and exits 74, so nothing that depends on the output (a saved
 * file, a report on stderr) follows it. A reader that went away (EPIPE) is
 * not a failure.
 */
export function writeOut(stream: Output, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, (error?: Error | null) => {
      if (!error || (error as NodeJS.ErrnoException).code === "EPIPE") resolve();
    });
  });
}
