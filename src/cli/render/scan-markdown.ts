import type { ScanResult } from "../../scan/evidence.js";
import type { Lang } from "../../i18n/index.js";
import { forMarkdown } from "../output/escape.js";
import { scanReport } from "./scan-report.js";

/** The scan as Markdown: a step summary or a pull request comment. */
export function renderScanMarkdown(result: ScanResult, lang: Lang): string {
  const report = scanReport(result, lang, (text) => forMarkdown(text));
  const out: string[] = [`## ${report.title}`, ""];
  if (report.nothing) out.push(report.nothing, "");
  for (const row of report.answers) {
    out.push(`- **${row.label}:** ${row.value} (${row.confidence})`);
    for (const place of row.where) out.push(`  - ${place}`);
  }
  if (report.notes.length > 0) out.push("", ...report.notes);
  const table = (title: string, headers: readonly string[], rows: readonly (readonly string[])[]) => {
    if (rows.length === 0) return;
    out.push("", `### ${title}`, "", `| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`));
  };
  table(report.servicesTitle, report.servicesHeader, report.services);
  table(report.othersTitle, report.othersHeader, report.others);
  table(report.skippedTitle, report.skippedHeader, report.skipped);
  if (report.answers.length > 0) out.push("", report.next);
  return `${out.join("\n")}\n`;
}
