import { Chalk } from "chalk";
import type { Result } from "../engine/recommend.js";
import type { Platform } from "../engine/rule-types.js";
import { t, type Lang } from "../i18n/index.js";
import { bar, displayWidth, hang, padEnd, wrap } from "./layout.js";
import { meaningRows, verdictLine } from "./summary-lines.js";

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** Columns to fill: the terminal's width, or 80. */
  width: number;
  /** Block characters for bars (a terminal), or plain "#". */
  unicode: boolean;
}

/** The recommendation for a person: the answer first, then why, then what to do next. */
export function renderText(result: Result, options: TextOptions): string {
  const { lang, width } = options;
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint = (platform: Platform, text: string) => (platform === "ecs" ? c.green(text) : c.blue(text));
  const name = (platform: Platform) => t(lang, `platform.long.${platform}`);
  const launch = t(lang, `launch.${result.launchType}`);
  const out: string[] = [];

  out.push(
    c.bold(
      t(lang, "result.headline", {
        option: t(lang, "option.name", { platform: paint(result.recommendation, name(result.recommendation)), launchType: launch }),
      }),
    ),
  );
  const verdict = wrap(verdictLine(result, lang), width);
  out.push(...(result.closeCall ? verdict.map((line) => c.yellow(line)) : verdict));

  out.push("", c.bold(t(lang, "section.scores")));
  const top = Math.max(result.scores.ecs, result.scores.eks, 1);
  const numberWidth = Math.max(String(result.scores.ecs).length, String(result.scores.eks).length);
  const barWidth = Math.max(10, width - 8 - numberWidth - 2);
  for (const platform of ["ecs", "eks"] as const) {
    const score = result.scores[platform];
    const drawn = padEnd(bar(score, top, barWidth, options.unicode), barWidth);
    out.push(`  ${paint(platform, t(lang, `platform.${platform}`))}  ${paint(platform, drawn)}  ${String(score).padStart(numberWidth)}`);
  }

  out.push("", c.bold(t(lang, "section.why")));
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

  out.push("", c.bold(t(lang, "section.launch", { launchType: launch })));
  if (result.launchTypeReasons.length === 0) out.push(hang("  ", t(lang, "result.launchDefault"), width));
  for (const reason of result.launchTypeReasons) {
    const short = t(lang, `launch.short.${reason.launchType}`);
    const label = reason.required ? `${short} ${t(lang, "result.required")}` : `${short} +${reason.weight}`;
    const first = `  ${padEnd(label, 15)} `;
    const line = hang(first, reason.text, width);
    out.push(reason.required ? c.yellow(line) : line);
    out.push(c.dim(hang(" ".repeat(displayWidth(first)), t(lang, "source.label", { source: reason.source }), width)));
  }

  out.push("", c.bold(t(lang, "section.change")));
  if (result.whatWouldChange.length === 0) out.push(hang("  ", t(lang, "change.none"), width));
  for (const flip of result.whatWouldChange) out.push(hang("  - ", flip.text, width));

  out.push("", c.bold(t(lang, "section.means")));
  const rows = meaningRows(result, lang);
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  out.push(...rows.map(([label, text]) => hang(`  ${padEnd(label, labelWidth)}`, text, width)));

  out.push("", ...wrap(t(lang, "next.pointer", { platform: t(lang, `platform.${result.recommendation}`) }), width));
  return `${out.join("\n")}\n`;
}
