import { Chalk } from "chalk";
import { describeCondition } from "../../explain/condition.js";
import { citeSource } from "../../explain/source.js";
import { toRulesFile } from "../../engine/rule-set.js";
import type { Source } from "../../engine/rule-types.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import { outputWidth } from "../terminal/width.js";
import { loadRules } from "../input/load-rules.js";
import { formatOf, type RulesOptions } from "../input/options.js";
import { wrap } from "../render/layout.js";
import { renderTable } from "../render/table.js";
import { forTerminal, jsonText, MAX_LABEL } from "../output/escape.js";
import { InputError } from "../../engine/errors.js";

/** `ecs-or-eks rules`: the rules in use as a table, or as a rules file that --rules reads back. */
export async function listRules(options: RulesOptions, io: Io, lang: Lang): Promise<number> {
  const format = formatOf(options, "rules", lang);
  const ruleSet = await loadRules(options.rules, io, lang);
  if (format === "json") {
    io.stdout.write(`${jsonText(toRulesFile(ruleSet), 2)}\n`);
    return EXIT.ok;
  }
  const c = new Chalk({ level: colorEnabled(io.stdout, io.env, options.color) ? 1 : 0 });
  // Each rule's source goes on a line of its own under the rule, and no word is cut: at 80 columns a source column
  // left the conditions one word wide and broke keys such as currentPlatformFit in two.
  const table = { width: outputWidth(io.stdout), unicode: io.stdout.isTTY === true, header: (text: string) => c.bold(text), wholeWords: true };
  const sources = (of: readonly Source[]) => ({
    label: t(lang, "rules.column.source"),
    cells: of.map((source) => forTerminal(citeSource(ruleSet, source, lang, false))),
  });
  const origin = ruleSet.origin.source === "built-in" ? t(lang, "rules.builtIn") : forTerminal(ruleSet.origin.path);
  // A rules file's ids, conditions and titles are the user's: escaped and cut, as on any terminal line.
  const shown = (rows: string[][]) => rows.map((row) => row.map((cell) => forTerminal(cell)));
  const lines = (text: string, style = (line: string) => line) => wrap(text, table.width).map(style).join("\n");
  const out = [
    lines(t(lang, "rules.title", { origin, version: forTerminal(ruleSet.version, MAX_LABEL), count: ruleSet.rules.length }), (line) => c.bold(line)),
    renderTable(
      [t(lang, "rules.column.id"), t(lang, "rules.column.platform"), t(lang, "rules.column.weight"), t(lang, "rules.column.when")],
      shown(ruleSet.rules.map((rule) => [rule.id, t(lang, `platform.${rule.platform}`), String(rule.weight), describeCondition(rule.when, lang)])),
      { ...table, notes: sources(ruleSet.rules.map((rule) => rule.source)) },
    ),
    "",
    lines(t(lang, "rules.launchTitle", { count: ruleSet.launchTypeRules.length }), (line) => c.bold(line)),
    renderTable(
      [t(lang, "rules.column.id"), t(lang, "rules.column.launchType"), t(lang, "rules.column.weight"), t(lang, "rules.column.when")],
      shown(ruleSet.launchTypeRules.map((rule) => [
        rule.id,
        t(lang, `launch.short.${rule.launchType}`) + (rule.platforms ? ` (${rule.platforms.map((p) => t(lang, `platform.${p}`)).join(", ")})` : ""),
        rule.required ? t(lang, "result.required") : String(rule.weight),
        describeCondition(rule.when, lang),
      ])),
      { ...table, notes: sources(ruleSet.launchTypeRules.map((rule) => rule.source)) },
    ),
    "",
    lines(t(lang, "rules.moreDetail")),
  ];
  io.stdout.write(`${out.join("\n")}\n`);
  return EXIT.ok;
}

/** `ecs-or-eks rules check FILE`: exit 0 with a count, or 2 with every problem. */
export async function checkRulesFile(file: string, io: Io, lang: Lang): Promise<number> {
  // rules check lists every problem (each line still bounded), where a run shows the first few.
  const ruleSet = await loadRules(file, io, lang).catch((error: unknown) => {
    throw error instanceof InputError && !error.listAll ? new InputError(error.problems, error.hint, { listAll: true }) : error;
  });
  const kind = ruleSet.origin.source === "file" && ruleSet.origin.extends ? "rules.validOverrides" : "rules.valid";
  io.stdout.write(`${t(lang, kind, { file: forTerminal(file), rules: ruleSet.rules.length, launch: ruleSet.launchTypeRules.length })}\n`);
  return EXIT.ok;
}
