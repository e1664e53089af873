import { Chalk } from "chalk";
import { explainComparison } from "../../explain/comparison.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import { outputWidth } from "../terminal/width.js";
import { formatOf, type CompareOptions } from "../input/options.js";
import { hang, wrap } from "../render/layout.js";
import { renderTable } from "../render/table.js";

/** `ecs-or-eks compare`: the guide's comparison table, as text, Markdown or JSON. */
export function compare(options: CompareOptions, io: Io, lang: Lang): number {
  const format = formatOf(options, "compare", lang);
  const comparison = explainComparison(lang);
  const { rows, source, since } = comparison;
  const headers = [t(lang, "compare.topic"), t(lang, "platform.long.ecs"), t(lang, "platform.long.eks")];
  const quoted = t(lang, "compare.quoted", { date: comparison.guideDate });
  if (format === "json") {
    io.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
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

