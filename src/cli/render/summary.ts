import { Chalk } from "chalk";
import { mapStrings, forTerminal } from "../output/escape.js";
import type { Result } from "../../explain/result.js";
import type { Platform } from "../../engine/rule-types.js";
import { t } from "../../i18n/index.js";
import { hang, padEnd, wrap } from "./layout.js";
import { headlineSentences, workloadLine } from "./estimate.js";
import { launchAbout, optionName, verdictLine } from "./phrases.js";
import type { TextOptions } from "./text.js";

/** The reasons and the changes a summary names; --details has them all. */
const TOP_REASONS = 3;
const TOP_CHANGES = 2;

/**
 * The answer that fits a screen (30 lines at 80 columns): the recommendation
 * and how the containers run, the strongest reasons, the two monthly figures,
 * what would change it, and what to run next. The full report is --details.
 */
export function renderSummary(given: Result, options: TextOptions): string {
  const result = mapStrings(given, (text) => forTerminal(text));
  const { lang, width } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (platform: Platform, text: string) => (platform === "ecs" ? c.green(text) : c.blue(text));
  const title = (text: string) => wrap(text, width).map((line) => c.bold(line));
  const chosen = result.recommendation;
  const other: Platform = chosen === "ecs" ? "eks" : "ecs";
  const out: string[] = [];

  const shown = paint(chosen, t(lang, `platform.long.${chosen}`));
  out.push(...title(t(lang, "result.headline", { option: optionName(lang, chosen, result.launchType, shown) })));
  const verdict = wrap(verdictLine(result, lang), width);
  out.push(...(result.closeCall ? verdict.map((line) => c.yellow(line)) : verdict));
  out.push(...wrap(launchAbout(lang, chosen, result.launchType), width).map((line) => c.dim(line)));

  out.push("", ...title(t(lang, "glance.why", { ecs: result.scores.ecs, eks: result.scores.eks })));
  if (result.reasons.length === 0) out.push(hang("  ", t(lang, "result.noRules"), width));
  const top = strongestReasons(result);
  const labelOf = (reason: Result["reasons"][number]) => `${t(lang, `platform.${reason.platform}`)} +${reason.weight}`;
  const labelWidth = Math.max(...top.map((reason) => labelOf(reason).length));
  for (const reason of top) {
    const label = labelOf(reason);
    out.push(hang(`  ${padEnd(label, labelWidth)}  `, reason.label, width).replace(label, paint(reason.platform, label)));
  }
  const rest = ([chosen, other] as const)
    .map((platform) => ({ platform: t(lang, `platform.${platform}`), count: result.reasons.filter((reason) => reason.platform === platform && !top.includes(reason)).length }))
    .filter((side) => side.count > 0);
  if (rest.length === 2) {
    const [first, second] = rest as [(typeof rest)[number], (typeof rest)[number]];
    out.push(c.dim(hang("  ", t(lang, "glance.rest.both", { first: first.count, firstPlatform: first.platform, second: second.count, secondPlatform: second.platform }), width)));
  } else if (rest.length === 1) out.push(c.dim(hang("  ", t(lang, "glance.rest.one", rest[0]!), width)));

  // The same two sentences as --details, from the one headline the estimate computed.
  out.push("", ...title(t(lang, "estimate.title")), hang("  ", workloadLine(result, lang), width));
  for (const sentence of headlineSentences(result, lang, "alone")) out.push(hang("  ", sentence, width));

  out.push("", ...title(t(lang, "section.change")));
  if (result.whatWouldChange.length === 0) out.push(hang("  ", t(lang, "change.none"), width));
  for (const flip of result.whatWouldChange.slice(0, TOP_CHANGES)) out.push(hang("  - ", flip.text, width));

  out.push("", ...wrap(t(lang, "glance.next", { platform: t(lang, `platform.${chosen}`) }), width));
  return `${out.join("\n")}\n`;
}

/**
 * The reasons the summary names. A close call is a judgement between two
 * sides, so it shows the strongest of each side that has one, then the next
 * strongest of either; any other call shows the strongest for the
 * recommendation, since the other side's did not come near to changing it.
 * Strongest first, as --details lists them.
 */
function strongestReasons(result: Pick<Result, "reasons" | "closeCall" | "recommendation">): Result["reasons"] {
  const pool = result.closeCall ? result.reasons : result.reasons.filter((reason) => reason.platform === result.recommendation);
  const firstOfEachSide = result.closeCall ? (["ecs", "eks"] as const).flatMap((platform) => pool.find((reason) => reason.platform === platform) ?? []) : [];
  const picked = new Set(firstOfEachSide);
  for (const reason of pool) {
    if (picked.size >= TOP_REASONS) break;
    picked.add(reason);
  }
  return result.reasons.filter((reason) => picked.has(reason));
}
