import type { Result } from "../../explain/result.js";
import { forMarkdown, mapStrings } from "../output/escape.js";
import { t, type Lang } from "../../i18n/index.js";
import { ESTIMATE_COLUMNS, estimateHeader, estimateSentences, excludedLine, figureOf, fleetLines, headlineSentences, isRecommended, peopleLines, pricesLine, rowIsolation, rowNote, sharedLines, wayName, workloadLine } from "./estimate.js";
import { launchAbout, launchFallback, launchWeightLabel, meaningRows, optionName, ruleSetName, rulesOutLabel, usdText, verdictLine, zeroScored } from "./phrases.js";

export interface MarkdownOptions {
  lang: Lang;
  /** The tool's version, for the footer. */
  version: string;
}

/** For a pull-request comment or $GITHUB_STEP_SUMMARY: a heading, the verdict, tables, what would change it. */
export function renderMarkdown(given: Result, { lang, version }: MarkdownOptions): string {
  // User text (a rules file's labels, its path) made safe for Markdown; the JSON result keeps it exact.
  const result = mapStrings(given, (text) => forMarkdown(text));
  const launch = t(lang, `launch.${result.launchType}`);
  const out: string[] = [];
  const option = optionName(lang, result.recommendation, result.launchType);
  out.push(`## ${t(lang, "md.title", { option })}`, "");
  out.push(`**${t(lang, "result.headline", { option })}.** ${verdictLine(result, lang)}`, "");
  out.push(
    `| | ${t(lang, "platform.ecs")} | ${t(lang, "platform.eks")} |`,
    "|---|---:|---:|",
    `| ${t(lang, "md.score")} | ${result.scores.ecs} | ${result.scores.eks} |`,
    "",
  );
  out.push(`### ${t(lang, "section.why")}`, "");
  if (result.reasons.length === 0) out.push(t(lang, "result.noRules"));
  else {
    out.push(`| ${t(lang, "md.rule")} | ${t(lang, "md.platform")} | ${t(lang, "md.weight")} | ${t(lang, "md.reason")} |`, "|---|---|---:|---|");
    for (const r of result.reasons) {
      out.push(`| \`${r.ruleId}\` | ${t(lang, `platform.${r.platform}`)} | ${r.weight} | ${cell(r.text)}<br><sub>${cell(r.source)}</sub> |`);
    }
  }
  if (result.answerNotes.length > 0) {
    out.push("", `### ${t(lang, "section.answerNotes")}`, "");
    for (const note of result.answerNotes) out.push(`- ${note.text} <sub>(${note.source})</sub>`);
  }
  out.push("", `### ${t(lang, "section.launch", { launchType: launch })}`, "");
  out.push(launchAbout(lang, result.recommendation, result.launchType), "");
  for (const limit of result.launchTypeLimits) out.push(`- **${rulesOutLabel(lang, limit.excludes)}**: ${limit.text} <sub>(${limit.source})</sub>`);
  const fallback = launchFallback(result, lang);
  if (fallback) out.push(`- ${fallback}`);
  for (const r of result.launchTypeReasons) out.push(`- **${launchWeightLabel(lang, r.launchType, r.weight, r.required)}**: ${r.text} <sub>(${r.source})</sub>`);
  for (const launchType of zeroScored(result)) out.push(`- **${launchWeightLabel(lang, launchType, 0)}**: ${t(lang, "launch.zero")}`);
  for (const note of result.launchTypeNotes) out.push(`- **${t(lang, "result.note")}**: ${note.text} <sub>(${note.source})</sub>`);
  out.push("", `### ${t(lang, "section.change")}`, "");
  if (result.whatWouldChange.length === 0) out.push(t(lang, "change.none"));
  for (const flip of result.whatWouldChange) out.push(`- ${flip.text}`);
  out.push("", `### ${t(lang, "section.means")}`, "");
  for (const [label, text] of meaningRows(result, lang)) out.push(`- **${label}:** ${text}`);
  out.push("", `### ${t(lang, "estimate.title")}`, "", ...estimateMarkdown(result, lang));
  if (result.alsoConsider.length > 0) {
    out.push("", `### ${t(lang, "section.also")}`, "");
    for (const entry of result.alsoConsider) out.push(`- ${entry.text} <sub>(${entry.source})</sub>`);
  }
  out.push("", `<sub>${t(lang, "md.footer", { version, rules: ruleSetName(result, lang) })}</sub>`, "");
  return out.join("\n");
}

/** Table cells cannot hold line breaks (pipes are escaped with the rest of the user text). */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** The estimate as a Markdown table and its notes: what the ADR shows too. */
export function estimateMarkdown(result: Result, lang: Lang): string[] {
  const estimate = result.costs.estimate;
  const headers = [...ESTIMATE_COLUMNS.map((column) => estimateHeader(lang, column)), t(lang, "estimate.column.arm")];
  const rows = estimate.options.map((o) => {
    const name = isRecommended(result, o) ? `**${wayName(lang, o)}** (${t(lang, "estimate.recommended")})` : wayName(lang, o);
    const ruled = [rowNote(lang, o), rowIsolation(lang, o)].map((note) => (note !== undefined ? ` <sub>${cell(note)}</sub>` : "")).join("");
    const figures = ESTIMATE_COLUMNS.slice(1).map((column) => {
      const figure = figureOf(o, column as Exclude<(typeof ESTIMATE_COLUMNS)[number], "way">);
      return figure === undefined ? "–" : usdText(figure);
    });
    return `| ${name}${ruled} | ${figures.join(" | ")} | ${o.arm ? usdText(o.arm.total) : "–"} |`;
  });
  const shared = sharedLines(estimate, lang);
  const people = peopleLines(estimate, lang);
  return [
    workloadLine(result, lang),
    "",
    `| ${headers.join(" | ")} |`,
    `|---|${headers.slice(1).map(() => "---:").join("|")}|`,
    ...rows,
    "",
    ...headlineSentences(result, lang, "table").map((sentence) => `- ${sentence}`),
    `- ${shared.title}`,
    ...shared.lines.map((line) => `  - ${cell(line)}`),
    ...fleetLines(estimate, lang).map((sentence) => `- ${cell(sentence)}`),
    ...estimateSentences(result, lang).map((sentence) => `- ${sentence}`),
    ...(people.lines.length > 0 ? [`- ${people.title}`, ...people.lines.map((line) => `  - ${cell(line)}`)] : []),
    "",
    `**${t(lang, "estimate.assumptionsTitle")}**`,
    "",
    ...estimate.assumptions.map((assumption) => `- ${cell(assumption)}`),
    "",
    excludedLine(estimate, lang),
    "",
    `<sub>${pricesLine(estimate, lang)}</sub>`,
  ];
}
