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

// A figure and its unit read as one: "2 vCPU", "256 MiB를", "USD 73.00", "1,204.50 USD(XL)", "vCPU 0.5개", "5 / vCPU".
const UNIT = "(?:vCPU|GiB|GB|MiB|MB|TiB|TB|USD|LCU)";
const ENDS_IN_FIGURE = /\d%?$/;
const STARTS_WITH_UNIT = new RegExp(`^(?:${UNIT}(?![A-Za-z])|%)`);
const STARTS_WITH_FIGURE = /^\d/;
const IS_UNIT = new RegExp(`^\\(?${UNIT}$`);

/** Whether the space between two words must not break a line: inside an amount, a figure and its unit. */
function glued(before: string, after: string, slashAfterFigure: boolean): boolean {
  if (ENDS_IN_FIGURE.test(before)) return STARTS_WITH_UNIT.test(after) || after === "/";
  if (IS_UNIT.test(before) || /(?:^|[^A-Za-z])USD$/.test(before)) return STARTS_WITH_FIGURE.test(after);
  return before === "/" && slashAfterFigure;
}

/** The words of a text, those that must stay on one line joined by a space into one. */
function wrapUnits(text: string): string[] {
  const units: string[] = [];
  let previous = "";
  let slashAfterFigure = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (units.length > 0 && glued(previous, word, slashAfterFigure)) units[units.length - 1] += ` ${word}`;
    else units.push(word);
    slashAfterFigure = word === "/" && ENDS_IN_FIGURE.test(previous);
    previous = word;
  }
  return units;
}

/**
 * Word-wraps to a display width, never between a figure and its unit (unless
 * the two alone are wider than the line); a word longer than a line is cut.
 * Linear in the text: each word is measured once and each character of a
 * long word once, so a 450,000-character word or 150,000 Hangul cost
 * milliseconds.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const place = (word: string, wordWidth: number) => {
    if (line && lineWidth + 1 + wordWidth <= width) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      return;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      return;
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
  };
  for (const unit of wrapUnits(text)) {
    const unitWidth = displayWidth(unit);
    // A figure and its unit wider than the line together break where they must.
    if (unitWidth > width && unit.includes(" ")) for (const word of unit.split(" ")) place(word, displayWidth(word));
    else place(unit, unitWidth);
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
