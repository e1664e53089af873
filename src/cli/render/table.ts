import { displayWidth, hang, padEnd, wrap } from "./layout.js";

export interface TableOptions {
  /** Columns available: the terminal's width, or 80. */
  width: number;
  /** Box-drawing rule under the header in a terminal, "-" elsewhere. */
  unicode: boolean;
  /** Styles the header row (bold in a terminal). */
  header?: (text: string) => string;
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
    Math.max(...[header, ...rows.map((row) => row[i] ?? "")].flatMap((cell) => cell.split(/\s+/)).map((word) => displayWidth(word))),
  );
  const available = options.width - GAP.length * (headers.length - 1);
  const widths = fit(natural, longestWord, available);
  // Too narrow for columns at all: one record after another, each field under its row's first cell.
  if (widths.reduce((sum, w) => sum + w, 0) > available) return stacked(headers, rows, options);
  const line = (cells: readonly string[], style = (text: string) => text) => {
    const wrapped = cells.map((cell, i) => wrap(cell, widths[i]!));
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
  return [line(headers, options.header), rule, ...rows.map((row) => line(row))].join("\n");
}

/**
 * Shrinks the widest column that can still wrap (above its longest word)
 * until the total fits; if none can, the widest column is cut (never below 6).
 */
function fit(natural: readonly number[], longestWord: readonly number[], available: number): number[] {
  const widths = [...natural];
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (total > available) {
    const wrappable = widths.map((w, i) => (w > longestWord[i]! ? w : 0));
    const candidates = Math.max(...wrappable) > 0 ? wrappable : widths;
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
    .map((row) => {
      const [first, ...rest] = row;
      const fields = rest.map((cell, i) => hang(`  ${headers[i + 1]}: `, cell, options.width));
      return [...wrap(first ?? "", options.width).map((line) => (options.header ? options.header(line) : line)), ...fields].join("\n");
    })
    .join("\n\n");
}
