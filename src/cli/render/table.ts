import { displayWidth, hang, padEnd, wrap } from "./layout.js";

export interface TableOptions {
  /** Columns available: the terminal's width, or 80. */
  width: number;
  /** Box-drawing rule under the header in a terminal, "-" elsewhere. */
  unicode: boolean;
  /** Styles the header row (bold in a terminal). */
  header?: (text: string) => string;
  /** A labelled line under each row, as wide as the table (a rule's source): `cells[i]` under `rows[i]`. */
  notes?: { label: string; cells: readonly string[] };
  /** Never cut a word: a table whose longest words cannot fit side by side is drawn as records. */
  wholeWords?: boolean;
}

const GAP = "  ";

/**
 * A plain-text table that fits the width: columns keep their natural width
 * when they can, and the widest give way first, wrapping their cells by
 * display width (Hangul is two columns).
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions): string {
  const natural = headers.map((header, i) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[i] ?? ""))));
  // A column may shrink to its longest word (ids and keys are never cut) unless even that cannot fit.
  const longestWord = headers.map((header, i) =>
    Math.max(...[header, ...rows.map((row) => row[i] ?? "")].flatMap((cell) => breakable(cell, i).split(/\s+/)).map((word) => displayWidth(word))),
  );
  const available = options.width - GAP.length * (headers.length - 1);
  const widths = fit(natural, longestWord, available);
  // Too narrow for columns at all (or for whole words, when asked): one record after another, each field under its row's first cell.
  const cut = options.wholeWords === true && widths.some((w, i) => w < longestWord[i]!);
  if (cut || widths.reduce((sum, w) => sum + w, 0) > available) return stacked(headers, rows, options);
  const line = (cells: readonly string[], style = (text: string) => text) => {
    const wrapped = cells.map((cell, i) => wrapCell(cell, widths[i]!, i));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, k) =>
      wrapped
        .map((lines, i) => (i === cells.length - 1 ? (lines[k] ?? "") : padEnd(lines[k] ?? "", widths[i]!)))
        .map((text) => style(text))
        .join(GAP)
        .trimEnd(),
    ).join("\n");
  };
  const rule = widths.map((w) => (options.unicode ? "─" : "-").repeat(w)).join(GAP);
  return [line(headers, options.header), rule, ...rows.map((row, i) => [line(row), ...note(options, i)].join("\n"))].join("\n");
}

/** Row `i`'s note, indented by two under the row and wrapped under its own start: none, or one block. */
function note(options: TableOptions, i: number): string[] {
  const text = options.notes?.cells[i];
  return text === undefined ? [] : [hang(`  ${options.notes!.label}: `, text, options.width)];
}

// Beyond the first column (ids, never broken), a list of values ("kubernetes|openshift") may break
// after a bar, as a sentence breaks after a space.
const BREAK_AFTER = /(?<=[^\s|])(\|)(?=[^\s|])/g;

function breakable(cell: string, column: number): string {
  return column === 0 || /\| /.test(cell) ? cell : cell.replace(BREAK_AFTER, "$1 ");
}

function wrapCell(cell: string, width: number, column: number): string[] {
  const spaced = breakable(cell, column);
  if (spaced === cell) return wrap(cell, width);
  return wrap(spaced, width).map((line) => line.replace(/\| /g, "|"));
}

/**
 * Shrinks the widest column that can still wrap (above its longest word)
 * until the total fits; if none can, the widest column after the first is cut (never below 6).
 */
function fit(natural: readonly number[], longestWord: readonly number[], available: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (total > available) {
    const wrappable = widths.map((w, i) => (w > longestWord[i]! ? w : 0));
    // With every column at its longest word, a word must be cut: never in the first column (ids), if another can.
    const cuttable = widths.map((w, i) => (i === 0 && widths.length > 1 ? 0 : w));
    const candidates = Math.max(...wrappable) > 0 ? wrappable : cuttable;
    const widest = candidates.indexOf(Math.max(...candidates));
    if (widths[widest]! <= 6) break;
    widths[widest] = widths[widest]! - 1;
    total--;
  }
  return widths;
}

/** A table as records, for terminals too narrow for columns: the first cell, then "header: value" lines. */
function stacked(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions): string {
  return rows
    .map((row, r) => {
      const [first, ...rest] = row;
      const fields = rest.map((cell, i) => hang(`  ${headers[i + 1]}: `, cell, options.width));
      return [...wrap(first ?? "", options.width).map((line) => (options.header ? options.header(line) : line)), ...fields, ...note(options, r)].join("\n");
    })
    .join("\n\n");
}
