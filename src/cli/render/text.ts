import { Chalk } from "chalk";
import { mapStrings, forTerminal } from "../output/escape.js";
import type { Result } from "../../explain/result.js";
import type { Platform } from "../../engine/rule-types.js";
import { t, type Lang } from "../../i18n/index.js";
import { bar, displayWidth, hang, padEnd, wrap } from "./layout.js";
import { estimateHeaders, estimateSentences, excludedLine, isRecommended, pricesLine, wayName, workloadLine } from "./estimate.js";
import { launchAbout, launchFallback, launchWeightLabel, meaningRows, optionName, rulesOutLabel, usdText, verdictLine, zeroScored } from "./phrases.js";

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** Columns to fill: the terminal's width, or 80. */
  width: number;
  /** Block characters for bars (a terminal), or plain "#". */
  unicode: boolean;
}

/** The recommendation for a person: the answer first, then why, then what to do next. */
export function renderText(given: Result, options: TextOptions): string {
  // User text (a rules file's labels, its path) made safe for where it goes; the JSON result keeps it exact.
  const result = mapStrings(given, (text) => forTerminal(text));
  const { lang, width } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (platform: Platform, text: string) => (platform === "ecs" ? c.green(text) : c.blue(text));
  const name = (platform: Platform) => t(lang, `platform.long.${platform}`);
  const launch = t(lang, `launch.${result.launchType}`);
  const out: string[] = [];
  const title = (text: string) => wrap(text, width).map((line) => c.bold(line));

  const shown = paint(result.recommendation, name(result.recommendation));
  out.push(...title(t(lang, "result.headline", { option: optionName(lang, result.recommendation, result.launchType, shown) })));
  const verdict = wrap(verdictLine(result, lang), width);
  out.push(...(result.closeCall ? verdict.map((line) => c.yellow(line)) : verdict));

  out.push("", ...title(t(lang, "section.scores")));
  const top = Math.max(result.scores.ecs, result.scores.eks, 1);
  const numberWidth = Math.max(String(result.scores.ecs).length, String(result.scores.eks).length);
  // "  ECS  " before the bar and "  12.5" after it; in the narrowest terminals the bar shrinks to a few cells.
  const barWidth = Math.max(3, width - 7 - numberWidth - 2);
  for (const platform of ["ecs", "eks"] as const) {
    const score = result.scores[platform];
    const barText = padEnd(bar(score, top, barWidth, options.unicode), barWidth);
    out.push(`  ${paint(platform, t(lang, `platform.${platform}`))}  ${paint(platform, barText)}  ${String(score).padStart(numberWidth)}`);
  }

  out.push("", ...title(t(lang, "section.why")));
  if (result.reasons.length === 0) out.push(hang("  ", t(lang, "result.noRules"), width));
  const heaviest = Math.max(...result.reasons.map((reason) => reason.weight), 1);
  for (const reason of result.reasons) {
    const label = `${t(lang, `platform.${reason.platform}`)} +${reason.weight}`;
    const mini = padEnd(bar(reason.weight, heaviest, 6, options.unicode), 6);
    const first = `  ${padEnd(label, 8)} ${mini}  `;
    const text = hang(first, reason.text, width);
    out.push(text.replace(label, paint(reason.platform, label)).replace(mini, paint(reason.platform, mini)));
    out.push(c.dim(hang(" ".repeat(displayWidth(first)), t(lang, "source.label", { source: reason.source }), width)));
  }
  if (result.answerNotes.length > 0) {
    out.push("", ...title(t(lang, "section.answerNotes")));
    for (const note of result.answerNotes) {
      out.push(hang("  - ", note.text, width));
      out.push(c.dim(hang("    ", t(lang, "source.label", { source: note.source }), width)));
    }
  }

  out.push("", ...title(t(lang, "section.launch", { launchType: launch })));
  out.push(c.dim(hang("  ", launchAbout(lang, result.recommendation, result.launchType), width)));
  // One column of labels for limits, weighted reasons and notes, as wide as the widest.
  const fallback = launchFallback(result, lang);
  const launchRows: { label: string; text: string; source: string; strong: boolean }[] = [
    ...result.launchTypeLimits.map((limit) => ({
      label: rulesOutLabel(lang, limit.excludes),
      text: limit.text,
      source: limit.source,
      strong: true,
    })),
    ...result.launchTypeReasons.map((reason) => ({
      label: launchWeightLabel(lang, reason.launchType, reason.weight, reason.required),
      text: reason.text,
      source: reason.source,
      strong: reason.required,
    })),
    ...(fallback ? [{ label: "", text: fallback, source: "", strong: false }] : []),
    ...zeroScored(result).map((launchType) => ({ label: launchWeightLabel(lang, launchType, 0), text: t(lang, "launch.zero"), source: "", strong: false })),
    ...result.launchTypeNotes.map((note) => ({ label: t(lang, "result.note"), text: note.text, source: note.source, strong: false })),
  ];
  const launchLabelWidth = Math.max(15, ...launchRows.map((row) => displayWidth(row.label)));
  for (const row of launchRows) {
    const first = `  ${padEnd(row.label, launchLabelWidth)} `;
    const line = hang(first, row.text, width);
    out.push(row.strong ? c.yellow(line) : line);
    if (row.source) out.push(c.dim(hang(" ".repeat(displayWidth(first)), t(lang, "source.label", { source: row.source }), width)));
  }

  out.push("", ...title(t(lang, "section.change")));
  if (result.whatWouldChange.length === 0) out.push(hang("  ", t(lang, "change.none"), width));
  for (const flip of result.whatWouldChange) out.push(hang("  - ", flip.text, width));

  out.push("", ...title(t(lang, "section.means")));
  const rows = meaningRows(result, lang);
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  out.push(...rows.map(([label, text]) => hang(`  ${padEnd(label, labelWidth)}`, text, width)));

  out.push("", ...title(t(lang, "estimate.title")), ...estimateSection(result, options, c));

  if (result.alsoConsider.length > 0) {
    out.push("", ...title(t(lang, "section.also")));
    for (const entry of result.alsoConsider) {
      out.push(hang("  - ", entry.text, width));
      out.push(c.dim(hang("    ", t(lang, "source.label", { source: entry.source }), width)));
    }
  }

  out.push("", ...wrap(t(lang, "next.pointer", { platform: t(lang, `platform.${result.recommendation}`) }), width));
  return `${out.join("\n")}\n`;
}

/**
 * One row per way of running, with a bar per total as the scores have, the
 * recommended way marked; where the width leaves no room for bars, a table.
 */
function estimateSection(result: Result, options: TextOptions, c: InstanceType<typeof Chalk>): string[] {
  const { lang, width } = options;
  const estimate = result.costs.estimate;
  const headers = estimateHeaders(lang);
  const cells = estimate.options.map((o) => [`${isRecommended(result, o) ? "> " : "  "}${wayName(lang, o)}`, ...[o.compute, o.fees, o.controlPlane, o.total].map(usdText)]);
  const widths = headers.map((header, i) => Math.max(displayWidth(header) + (i === 0 ? 2 : 0), ...cells.map((row) => displayWidth(row[i]!))));
  const fixed = 2 + widths.reduce((sum, w) => sum + w + 2, 0);
  const out = [hang("  ", workloadLine(result, lang), width)];
  const barWidth = width - fixed;
  const top = Math.max(...estimate.options.map((o) => o.total), 1);
  const right = (text: string, w: number) => " ".repeat(Math.max(0, w - displayWidth(text))) + text;
  const line = (row: readonly string[]) => `  ${padEnd(row[0]!, widths[0]!)}${row.slice(1).map((cell, i) => `  ${right(cell, widths[i + 1]!)}`).join("")}`;
  // Too narrow for columns and bars: the same words, each row wrapped on its own.
  const narrow = barWidth < 6;
  out.push(c.bold(narrow ? hang("    ", headers.join("  "), width) : line([`  ${headers[0]}`, ...headers.slice(1)])));
  estimate.options.forEach((o, i) => {
    const paint = (text: string) => (o.platform === "ecs" ? c.green(text) : c.blue(text));
    const cellsOf = cells[i]!;
    const narrowBar = bar(o.total, top, Math.max(3, width - 8), options.unicode);
    const row = narrow
      ? hang(cellsOf[0]!.slice(0, 2), `${cellsOf[0]!.slice(2)}  ${cellsOf.slice(1).join("  ")}  ${narrowBar}`, width)
      : `${line(cellsOf)}  ${paint(bar(o.total, top, barWidth, options.unicode))}`;
    out.push(o.excludedBy ? c.dim(row) : isRecommended(result, o) ? c.bold(row) : row);
    if (o.excludedBy) out.push(c.dim(hang(" ".repeat(4), t(lang, "estimate.ruledOut", { limit: o.excludedBy }), width)));
  });
  for (const sentence of estimateSentences(result, lang, true)) out.push(hang("  ", sentence, width));
  out.push(hang("  ", t(lang, "estimate.assumptionsTitle"), width));
  for (const assumption of estimate.assumptions) out.push(hang("  - ", assumption, width));
  out.push(hang("  ", excludedLine(estimate, lang), width));
  out.push(c.dim(hang("  ", pricesLine(estimate, lang), width)));
  return out;
}
