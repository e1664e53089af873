import { eastAsianWidth } from "get-east-asian-width";

// Only our own colour codes (chalk's SGR sequences) ever reach here. Importing
// node:util for stripVTControlCharacters would load its parseArgs and MIME
// modules at start-up.
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Display width in terminal columns: wide characters (Hangul, CJK) count 2,
 * colour codes 0. string-width would also handle emoji clusters, but its
 * Intl.Segmenter costs ~30 ms at start-up, and our text has no emoji.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(SGR, "")) width += eastAsianWidth(char.codePointAt(0)!);
  return width;
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Right-aligned in `width` columns, for figures. */
export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * Word-wraps to a display width; a word longer than a line is cut. Linear in
 * the text: each word is measured once and each character of a long word
 * once, so a 450,000-character word or 150,000 Hangul cost milliseconds.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const wordWidth = displayWidth(word);
    if (line && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // Too long for any line: cut into pieces of at most `width` columns (at least one character each).
    let piece = "";
    let pieceWidth = 0;
    for (const char of word.replace(SGR, "")) {
      const charWidth = eastAsianWidth(char.codePointAt(0)!);
      if (piece && pieceWidth + charWidth > width) {
        lines.push(piece);
        piece = "";
        pieceWidth = 0;
      }
      piece += char;
      pieceWidth += charWidth;
    }
    line = piece;
    lineWidth = pieceWidth;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** Narrower than this beside its label, a text goes under the label instead. */
const MIN_HANGING_TEXT = 16;

/**
 * Wraps `text` and indents it: the first line after `first`, the rest under
 * it. In a terminal too narrow for that, the label gets its own line and the
 * text follows, indented by two.
 */
export function hang(first: string, text: string, width: number): string {
  const indent = displayWidth(first);
  if (width - indent < MIN_HANGING_TEXT) {
    const label = first.trimEnd();
    const body = wrap(text, Math.max(1, width - 4)).map((line) => `    ${line}`);
    const head = !label.trim() ? [] : displayWidth(label) <= width ? [label] : wrap(label, width);
    return [...head, ...body].join("\n");
  }
  const [head, ...rest] = wrap(text, width - indent);
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
