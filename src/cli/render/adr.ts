import { COMPARISON, prosConsFor, type ProCon } from "../../engine/comparison.js";
import { localize } from "../../explain/words.js";
import type { Result } from "../../explain/result.js";
import { forMarkdown, mapStrings } from "../output/escape.js";
import type { Platform } from "../../engine/rule-types.js";
import { t, type Lang } from "../../i18n/index.js";
import { describeAnswers } from "./answer-labels.js";
import { estimateMarkdown } from "./markdown.js";
import { commandLines } from "./reproduce.js";
import { launchAbout, launchFallback, launchWeightLabel, meaningRows, optionName, ruleSetName, verdictLine, zeroScored } from "./phrases.js";

export interface AdrOptions {
  lang: Lang;
  version: string;
  /** The decision's date, YYYY-MM-DD. */
  date: string;
  /** The command that gives this decision again, in the form the run took. */
  confirmation: AdrConfirmation;
}

export interface AdrConfirmation {
  /** Its arguments, without --expect. */
  args: readonly string[];
  /** The answers came from stdin: the file they are to be saved to, which `args` reads. */
  saveStdinAs?: string;
}

/** A line in the ADR's console block is kept to what a page shows without scrolling. */
const COMMAND_WIDTH = 80;

/**
 * An Architecture Decision Record in the MADR layout (front matter, context
 * and problem, decision drivers, considered options, outcome with
 * consequences and confirmation, pros and cons of each option), ready to
 * commit as docs/adr/NNNN-container-platform.md.
 */
export function renderAdr(given: Result, { lang, version, date, confirmation }: AdrOptions): string {
  // User text (a rules file's labels, its path) made safe for Markdown; the JSON result keeps it exact.
  const result = mapStrings(given, (text) => forMarkdown(text));
  const chosen = result.recommendation;
  const other: Platform = chosen === "ecs" ? "eks" : "ecs";
  const platform = (p: Platform) => t(lang, `platform.long.${p}`);
  const launch = t(lang, `launch.${result.launchType}`);
  const option = optionName(lang, chosen, result.launchType);
  const holding = (items: readonly ProCon[], p: Platform) => prosConsFor(items, given.answers, p);
  const good = (text: string) => `* ${t(lang, "adr.good", { text })}`;
  const bad = (text: string) => `* ${t(lang, "adr.bad", { text })}`;
  const out: string[] = [
    "---",
    "status: proposed",
    `date: ${date}`,
    "---",
    "",
    `# ${t(lang, "adr.title", { option })}`,
    "",
    `## ${t(lang, "adr.context")}`,
    "",
    t(lang, "adr.contextText", { version, rules: ruleSetName(result, lang) }),
    "",
    `## ${t(lang, "adr.drivers")}`,
    "",
    // Drivers are what the team said: an answer left unknown drove nothing.
    ...describeAnswers(result.answers, lang, { omitUnknown: true }).map(([label, value]) => `* ${label}: ${value}`),
    "",
    `## ${t(lang, "adr.options")}`,
    "",
    `* ${platform("ecs")}`,
    `* ${platform("eks")}`,
    "",
    `## ${t(lang, "adr.outcome")}`,
    "",
    // The chosen option is one of the considered ones, by the same name; the way of running is said beside it.
    t(lang, "adr.chosen", {
      option: platform(chosen),
      launchType: launch,
      ecs: result.scores.ecs,
      eks: result.scores.eks,
    }),
    verdictLine(result, lang),
    "",
  ];
  const forIt = result.reasons.filter((r) => r.platform === chosen);
  const against = result.reasons.filter((r) => r.platform !== chosen);
  out.push(...forIt.map((r) => `* ${r.text} (\`${r.ruleId}\`, ${t(lang, "adr.weight", { weight: r.weight })})`));
  if (against.length > 0) {
    out.push("", t(lang, "adr.against", { platform: platform(other) }), "");
    out.push(...against.map((r) => `* ${r.text} (\`${r.ruleId}\`, ${t(lang, "adr.weight", { weight: r.weight })})`));
  }
  if (result.answerNotes.length > 0) out.push("", `${t(lang, "section.answerNotes")}:`, "", ...result.answerNotes.map((note) => `* ${note.text}`));
  out.push("", t(lang, "adr.launch", { launchType: launch }), "");
  out.push(`* ${launchAbout(lang, chosen, result.launchType)}`);
  const fallback = launchFallback(result, lang);
  if (fallback) out.push(`* ${fallback}`);
  // Each way's reasons under its own way: only the chosen one's are reasons for it.
  const [chosenReasons, otherReasons] = [true, false].map((forChosen) => result.launchTypeReasons.filter((r) => (r.launchType === result.launchType) === forChosen));
  out.push(...chosenReasons!.map((r) => `* ${r.text} (\`${r.ruleId}\`, ${t(lang, "adr.weight", { weight: r.weight })})`));
  const others = [
    ...otherReasons!.map((r) => `* ${launchWeightLabel(lang, r.launchType, r.weight, r.required)}: ${r.text} (\`${r.ruleId}\`)`),
    ...zeroScored(result).map((launchType) => `* ${launchWeightLabel(lang, launchType, 0)}: ${t(lang, "launch.zero")}`),
  ];
  if (others.length > 0) out.push("", t(lang, "adr.otherWays"), "", ...others);
  if (result.launchTypeLimits.length > 0) {
    out.push("", t(lang, "adr.limits"), "", ...result.launchTypeLimits.map((r) => `* ${r.text} (\`${r.ruleId}\`)`));
  }
  if (result.launchTypeNotes.length > 0) {
    out.push("", t(lang, "adr.notes", { launchType: launch }), "", ...result.launchTypeNotes.map((r) => `* ${r.text}`));
  }

  const launchFacts = COMPARISON.launchTypes[result.launchType];
  out.push(
    "",
    `### ${t(lang, "adr.consequences")}`,
    "",
    // Each consequence true of this team, selected by the rules' conditions: no learning curve for experts.
    ...holding(COMPARISON.options[chosen].good, chosen).map((item) => good(localize(item, lang))),
    ...holding(launchFacts.good, chosen).map((item) => good(localize(item, lang))),
    ...holding(COMPARISON.options[chosen].bad, chosen).map((item) => bad(localize(item, lang))),
    ...holding(launchFacts.bad, chosen).map((item) => bad(localize(item, lang))),
    ...meaningRows(result, lang).map(([label, text]) => `* ${t(lang, "adr.neutral", { text: `${label}: ${text}` })}`),
    "",
    `### ${t(lang, "estimate.title")}`,
    "",
    ...estimateMarkdown(result, lang),
    "",
    `### ${t(lang, "adr.confirmation")}`,
    "",
    t(lang, "adr.confirmationText", { platform: t(lang, `platform.${chosen}`) }),
    ...(confirmation.saveStdinAs === undefined ? [] : ["", t(lang, "adr.confirmationStdin", { file: confirmation.saveStdinAs })]),
    "",
    "```console",
    ...commandLines(`$ npx --yes ecs-or-eks@${version.split(".")[0]}`, [...confirmation.args, "--expect", chosen], COMMAND_WIDTH),
    "```",
    "",
    `## ${t(lang, "adr.prosCons")}`,
  );
  for (const p of [chosen, other] as const) {
    out.push(
      "",
      `### ${platform(p)}`,
      "",
      ...holding(COMPARISON.options[p].good, p).map((item) => good(localize(item, lang))),
      ...holding(COMPARISON.options[p].bad, p).map((item) => bad(localize(item, lang))),
    );
  }
  out.push("", `## ${t(lang, "adr.more")}`, "", t(lang, "adr.changeIntro"), "");
  if (result.whatWouldChange.length === 0) out.push(`* ${t(lang, "change.none")}`);
  out.push(...result.whatWouldChange.map((flip) => `* ${flip.text}`));
  if (result.alsoConsider.length > 0) {
    out.push("", `### ${t(lang, "section.also")}`, "", ...result.alsoConsider.map((entry) => `* ${entry.text}`));
  }
  out.push("", t(lang, "adr.sources"), "");
  return out.join("\n");
}
