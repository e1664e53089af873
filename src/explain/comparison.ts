import { BUILT_IN_RULES } from "../engine/builtin.js";
import { COMPARISON } from "../engine/comparison.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../i18n/lang.js";
import { localize } from "./words.js";

/** The guide's comparison in one language: what `compare --format json` prints and the MCP `compare` tool returns. */
export interface ComparisonResult {
  schemaVersion: 1;
  source: string;
  guideDate: string;
  lang: Lang;
  rows: { id: string; topic: string; ecs: string; eks: string }[];
  since: { date: string; text: string; source: string }[];
}

/** The guide's comparison, every text in `lang`. */
export function explainComparison(lang: Lang): ComparisonResult {
  return {
    schemaVersion: 1,
    source: localize(BUILT_IN_RULES.sources[COMPARISON.source]!.title, lang),
    guideDate: COMPARISON.guideDate,
    lang,
    rows: COMPARISON.rows.map((row) => ({ id: row.id, topic: localize(row.topic, lang), ecs: localize(row.ecs, lang), eks: localize(row.eks, lang) })),
    since: COMPARISON.since.map((entry) => ({ date: shownDate(entry.date, lang), text: localize(entry.text, lang), source: localize(entry.source, lang) })),
  };
}

/** A change's date as the reader's language writes it: "as of 2026" is "2026년 기준" in Korean. */
function shownDate(date: string, lang: Lang): string {
  const year = /^as of (\d{4})$/.exec(date)?.[1];
  return year === undefined ? date : t(lang, "compare.asOfYear", { year });
}
