import { Chalk } from "chalk";
import { COMPARISON } from "../../engine/comparison.js";
import { localize } from "../../explain/words.js";
import { BUILT_IN_RULES } from "../../engine/builtin.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import { outputWidth } from "../terminal/width.js";
import { checkLang, FORMATS, formatOf, type CompareOptions } from "../input/options.js";
import { hang, wrap } from "../render/layout.js";
import { renderTable } from "../render/table.js";

/** `ecs-or-eks compare`: the guide's comparison table, as text, Markdown or JSON. */
export function compare(options: CompareOptions, io: Io, lang: Lang): number {
  const format = formatOf(options, FORMATS.compare, lang);
  checkLang(options, lang);
  const rows = COMPARISON.rows.map((row) => ({
    id: row.id,
    topic: localize(row.topic, lang),
    ecs: localize(row.ecs, lang),
    eks: localize(row.eks, lang),
  }));
  const source = localize(BUILT_IN_RULES.sources[COMPARISON.source]!.title, lang);
  const headers = [t(lang, "compare.topic"), t(lang, "platform.long.ecs"), t(lang, "platform.long.eks")];
  const since = COMPARISON.since.map((entry) => ({ date: shownDate(entry.date, lang), text: localize(entry.text, lang), source: localize(entry.source, lang) }));
  const quoted = t(lang, "compare.quoted", { date: COMPARISON.guideDate });
  if (format === "json") {
    io.stdout.write(`${JSON.stringify({ schemaVersion: 1, source, guideDate: COMPARISON.guideDate, lang, rows, since }, null, 2)}\n`);
  } else if (format === "markdown") {
    const cell = (text: string) => text.replace(/\|/g, "\\|");
    const lines = [
      `### ${quoted}`,
      "",
      `| ${headers.join(" | ")} |`,
      "|---|---|---|",
      ...rows.map((row) => `| **${cell(row.topic)}** | ${cell(row.ecs)} | ${cell(row.eks)} |`),
      "",
      `<sub>${t(lang, "compare.source", { source })}</sub>`,
      "",
      `### ${t(lang, "compare.since")}`,
      "",
      ...since.map((entry) => `- **${entry.date}**: ${entry.text} <sub>(${entry.source})</sub>`),
    ];
    io.stdout.write(`${lines.join("\n")}\n`);
  } else {
    const c = new Chalk({ level: colorEnabled(io.stdout, io.env, options.color) ? 1 : 0 });
    const width = outputWidth(io.stdout);
    const table = renderTable(
      headers,
      rows.map((row) => [row.topic, row.ecs, row.eks]),
      { width, unicode: io.stdout.isTTY === true, header: (text) => c.bold(text) },
    );
    const title = (text: string) => wrap(text, width).map((line) => c.bold(line)).join("\n");
    const footer = wrap(t(lang, "compare.source", { source }), width).map((line) => c.dim(line));
    const dateWidth = Math.max(...since.map((entry) => entry.date.length)) + 2;
    const changes = since.map((entry) => hang(`  ${entry.date.padEnd(dateWidth)}`, entry.text, width));
    io.stdout.write(`${title(quoted)}\n\n${table}\n\n${footer.join("\n")}\n\n${title(t(lang, "compare.since"))}\n${changes.join("\n")}\n`);
  }
  return EXIT.ok;
}

/** A change's date as the reader's language writes it: "as of 2026" is "2026년 기준" in Korean. */
function shownDate(date: string, lang: Lang): string {
  const year = /^as of (\d{4})$/.exec(date)?.[1];
  return year === undefined ? date : t(lang, "compare.asOfYear", { year });
}
