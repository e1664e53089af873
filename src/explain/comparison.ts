import { BUILT_IN_RULES } from "../engine/builtin.js";
import { COMPARISON } from "../engine/comparison.js";
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
    since: COMPARISON.since.map((entry) => ({ date: entry.date, text: localize(entry.text, lang), source: entry.source })),
  };
}
