// The text report's cost section: the table of the six ways (columns that
// keep their alignment at any width from 60 columns, by display width, so
// Korean lines up too), then the shared lines, the fleets, the people and
// the assumptions.
import type { Chalk } from "chalk";
import type { EstimateOptionResult } from "../../explain/estimate.js";
import type { Result } from "../../explain/result.js";
import { t, type Lang } from "../../i18n/index.js";
import {
  ESTIMATE_COLUMNS,
  estimateHeader,
  estimateSentences,
  excludedLine,
  figureOf,
  fleetLines,
  headlineSentences,
  isRecommended,
  peopleLines,
  pricesLine,
  rowIsolation,
  rowNote,
  sharedLines,
  wayName,
  workloadLine,
  type EstimateColumn,
} from "./estimate.js";
import { bar, displayWidth, hang, padEnd, padStart } from "./layout.js";
import { usdText } from "./phrases.js";

export interface CostSectionOptions {
  lang: Lang;
  width: number;
  unicode: boolean;
}

/** Columns dropped when the width is short, after the bars: the parts of the total, before the total and the bill. */
const DROP_ORDER: readonly EstimateColumn[] = ["fees", "controlPlane", "compute"];
const GAP = 2;
/** The narrowest a bar is worth drawing. */
const MIN_BAR = 6;

/** The columns that fit the width, each with its width, and the room left for bars. */
function tableLayout(headers: Record<EstimateColumn, string>, rows: readonly Record<EstimateColumn, string>[], width: number): { columns: EstimateColumn[]; widths: Map<EstimateColumn, number>; bar: number } {
  const widths = new Map(ESTIMATE_COLUMNS.map((column) => [column, Math.max(displayWidth(headers[column]), ...rows.map((row) => displayWidth(row[column])))]));
  let columns = [...ESTIMATE_COLUMNS];
  const used = () => GAP + columns.reduce((sum, column) => sum + widths.get(column)! + GAP, 0);
  for (const drop of DROP_ORDER) {
    if (used() <= width) break;
    columns = columns.filter((column) => column !== drop);
  }
  // A figure outweighs a bar: bars only beside every column, so a narrow terminal loses them first, in either language.
  return { columns, widths, bar: columns.length < ESTIMATE_COLUMNS.length ? 0 : Math.max(0, width - used()) };
}

export function costSection(result: Result, options: CostSectionOptions, c: InstanceType<typeof Chalk>): string[] {
  const { lang, width } = options;
  const estimate = result.costs.estimate;
  const out = [hang("  ", workloadLine(result, lang), width)];
  const headers = Object.fromEntries(ESTIMATE_COLUMNS.map((column) => [column, estimateHeader(lang, column)])) as Record<EstimateColumn, string>;
  headers.way = `  ${headers.way}`;
  const dash = "–";
  const rows = estimate.options.map((o) => {
    const row = { way: `${isRecommended(result, o) ? "> " : "  "}${wayName(lang, o)}` } as Record<EstimateColumn, string>;
    for (const column of ESTIMATE_COLUMNS.slice(1) as Exclude<EstimateColumn, "way">[]) {
      const figure = figureOf(o, column);
      row[column] = figure === undefined ? dash : usdText(figure);
    }
    return row;
  });
  const layout = tableLayout(headers, rows, width);
  // Too narrow even for the way, the total and the bill side by side: every cell still, each row wrapped on its own.
  const stacked = GAP + layout.columns.reduce((sum, column) => sum + layout.widths.get(column)! + GAP, 0) > width;
  // The way's cell carries the row's marker, which a stacked row shows once, before it.
  const cells = (row: Record<EstimateColumn, string>) => ESTIMATE_COLUMNS.map((column) => (column === "way" ? row.way.slice(2) : row[column]).trim()).join(" ".repeat(GAP));
  const line = (row: Record<EstimateColumn, string>) =>
    stacked
      ? hang(row.way.slice(0, 2).padStart(4), cells(row), width)
      : `  ${layout.columns.map((column, i) => (i === 0 ? padEnd(row[column], layout.widths.get(column)!) : padStart(row[column], layout.widths.get(column)!))).join(" ".repeat(GAP))}`;
  out.push(c.bold(line(headers)));
  const top = Math.max(...estimate.options.map((o) => o.bill?.total ?? 0), 1);
  estimate.options.forEach((o: EstimateOptionResult, i) => {
    const paint = (text: string) => (o.platform === "ecs" ? c.green(text) : c.blue(text));
    const drawn = !stacked && layout.bar >= MIN_BAR + GAP && o.bill ? `  ${paint(bar(o.bill.total, top, layout.bar - GAP, options.unicode))}` : "";
    const text = `${line(rows[i]!)}${drawn}`;
    out.push(o.excluded !== undefined ? c.dim(text) : isRecommended(result, o) ? c.bold(text) : text);
    for (const note of [rowNote(lang, o), rowIsolation(lang, o)]) if (note !== undefined) out.push(c.dim(hang("      ", note, width)));
  });
  const left = stacked ? [] : ESTIMATE_COLUMNS.filter((column) => !layout.columns.includes(column));
  if (left.length > 0) out.push(c.dim(hang("  ", t(lang, "estimate.columnsLeftOut", { columns: left.map((column) => estimateHeader(lang, column)).join(", ") }), width)));
  for (const sentence of headlineSentences(result, lang, "marked-table")) out.push(hang("  ", sentence, width));
  const shared = sharedLines(estimate, lang);
  out.push(hang("  ", shared.title, width), ...shared.lines.map((text) => hang("  - ", text, width)));
  for (const sentence of fleetLines(estimate, lang)) out.push(hang("  ", sentence, width));
  for (const sentence of estimateSentences(result, lang)) out.push(hang("  ", sentence, width));
  const people = peopleLines(estimate, lang);
  if (people.lines.length > 0) out.push(hang("  ", people.title, width), ...people.lines.map((text) => hang("  - ", text, width)));
  out.push(hang("  ", t(lang, "estimate.assumptionsTitle"), width));
  for (const assumption of estimate.assumptions) out.push(hang("  - ", assumption, width));
  out.push(hang("  ", excludedLine(estimate, lang), width));
  out.push(c.dim(hang("  ", pricesLine(estimate, lang), width)));
  return out;
}
