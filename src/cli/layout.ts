import stringWidth from "string-width";

/** Display width in terminal columns: Hangul counts 2, colour codes 0. */
export const displayWidth = stringWidth;

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Word-wraps to a display width; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (displayWidth(line) > width) {
      let cut = 0;
      for (const char of line) {
        if (displayWidth(line.slice(0, cut + char.length)) > width) break;
        cut += char.length;
      }
      lines.push(line.slice(0, Math.max(cut, 1)));
      line = line.slice(Math.max(cut, 1));
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** Wraps `text` and indents it: the first line after `first`, the rest under it. */
export function hang(first: string, text: string, width: number): string {
  const indent = displayWidth(first);
  const [head, ...rest] = wrap(text, Math.max(20, width - indent));
  return [first + head, ...rest.map((line) => " ".repeat(indent) + line)].join("\n");
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * A horizontal bar `value/max` of `width` columns: block characters with
 * eighth-steps in a terminal, plain "#" otherwise (logs, pipes, Windows codepages).
 */
export function bar(value: number, max: number, width: number, unicode: boolean): string {
  if (max <= 0 || value <= 0) return "";
  const cells = (value / max) * width;
  if (!unicode) return "#".repeat(Math.max(1, Math.round(cells)));
  const full = Math.floor(cells);
  const part = EIGHTHS[Math.round((cells - full) * 8)] ?? "";
  return "█".repeat(full) + (part || (full === 0 ? "▏" : ""));
}
