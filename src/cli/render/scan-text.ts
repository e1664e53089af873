import { Chalk } from "chalk";
import type { ScanResult } from "../../scan/evidence.js";
import type { Lang } from "../../i18n/index.js";
import { forTerminal } from "../output/escape.js";
import { displayWidth, hang, wrap } from "./layout.js";
import { scanReport } from "./scan-report.js";
import { renderTable } from "./table.js";

export interface ScanTextOptions {
  readonly lang: Lang;
  readonly width: number;
  readonly unicode: boolean;
  readonly color: boolean;
}

/** The scan for a terminal or a log: the answers with where each was found, then the services, what was not counted and what was not read. */
export function renderScanText(result: ScanResult, { lang, width, unicode, color }: ScanTextOptions): string {
  const bold = new Chalk({ level: color ? 1 : 0 }).bold;
  const report = scanReport(result, lang, (text) => forTerminal(text));
  const out: string[] = [bold(report.title), ""];
  if (report.nothing) out.push(...wrap(report.nothing, width), "");
  for (const row of report.answers) {
    out.push(...wrap(`${bold(`${row.label}:`)} ${row.value} (${row.confidence})`, width));
    for (const place of row.where) out.push(hang("    ", place, width));
  }
  if (report.notes.length > 0) out.push("", ...report.notes.flatMap((note) => wrap(note, width)));
  const table = (title: string, headers: readonly string[], rows: readonly (readonly string[])[]) => {
    if (rows.length === 0) return;
    out.push("", bold(title), renderTable(headers, rows, { width, unicode, header: bold }));
  };
  table(report.servicesTitle, report.servicesHeader, report.services);
  table(report.othersTitle, report.othersHeader, report.others);
  table(report.skippedTitle, report.skippedHeader, report.skipped);
  // A command to copy is never cut inside a word: a path wider than the screen stays whole on its line.
  if (report.answers.length > 0) out.push("", ...(report.next.split(" ").every((word) => displayWidth(word) <= width) ? wrap(report.next, width) : [report.next]));
  return `${out.join("\n")}\n`;
}
