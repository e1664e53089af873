import { resolve } from "node:path";
import { isUtilization, UTILIZATION_RANGE } from "../../engine/utilization.js";
import { OutputError, UsageError } from "../../engine/errors.js";
import { evaluate, type Result } from "../../explain/result.js";
import { PLATFORMS, type Platform } from "../../engine/rule-types.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import { gatherAnswers } from "../input/gather.js";
import { answersFromFlags, flagsFor } from "../input/flags.js";
import { workloadFile as workloadFileOf } from "../input/load-workload.js";
import type { AdrConfirmation } from "../render/adr.js";
import { wrap } from "../render/layout.js";
import { stdinIsTTY, type Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import { outputWidth } from "../terminal/width.js";
import { writeOut } from "../output/write-out.js";
import { loadRules, refuseTwoStdinReaders } from "../input/load-rules.js";
import { loadPrices } from "../input/load-prices.js";
import { loadAnswerParser } from "../input/validate-answers.js";
import { FORMATS, formatOf, oneOf, type AdviseOptions } from "../input/options.js";
import { VERSION } from "../package-info.js";
import { jsonText } from "../output/escape.js";
import { appendText, assertCanAppend, assertCanWrite, shownPath, writeFailureReason, writeAnswersFile } from "../output/write-file.js";

type Format = (typeof FORMATS.advise)[number];

// The modules a text result loads late, each from one place: Node reuses a loaded module only for the same
// import from the same file, so loadForQuestionnaire must load them through the very imports the run makes.
const summaryModule = () => import("../render/summary.js");
const reproduceModule = () => import("../render/reproduce.js");
const saveOfferModule = () => import("../input/save-offer.js");

/**
 * What a questionnaire's result loads after the last answer, loaded while the
 * questions are open (entry.ts): a package upgraded or removed in the
 * meantime (its files gone) still gives the result and the save offer.
 */
export async function loadForQuestionnaire(): Promise<void> {
  await Promise.all([loadAnswerParser(), summaryModule(), reproduceModule(), saveOfferModule()]);
}
/**
 * The main command, as a pipeline: check flags, load rules, gather answers,
 * recommend, render, then derive the exit code from the outcome.
 */
export async function advise(options: AdviseOptions, io: Io, lang: Lang, asking?: Promise<Record<string, unknown>>): Promise<number> {
  // Flag mistakes are reported before any prompt is shown or file read (a bad --lang already was, by the caller).
  const expect = expectedPlatform(options.expect, lang);
  refuseTwoStdinReaders(options, lang);
  if (options.batch === true) return batch(options, io, lang, expect);
  const format = formatOf(options, "advise", lang);
  const save = options.save;
  if (save === "") throw new UsageError(t(lang, "write.emptyPath", { flag: "--save" }));
  if (save !== undefined) assertCanWrite([save], io.cwd, options.force === true, lang);
  const summaryFile = options.summary === true ? io.env.GITHUB_STEP_SUMMARY : undefined;
  if (summaryFile) assertCanAppend(summaryFile, io.cwd, options.force === true, lang);
  const date = format === "adr" ? today(io.env, lang) : "";

  const utilization = utilizationOf(options.utilization, lang);
  const rules = await loadRules(options.rules, io, lang);
  const prices = await loadPrices(options.prices, io, lang);
  const { answers, given, asked, fromRepository, source } = await gatherAnswers(options, io, lang, "recommend", asking);
  const result = evaluate(answers, { lang, rules, prices, ...(utilization === undefined ? {} : { utilization }) });

  const run: Run = { answers, asked, source, scanned: fromRepository?.keys ?? [], date };
  // Every format says which answers came from the repository (--from DIR).
  const rendered =
    fromRepository === undefined
      ? await render(result, format, options, io, lang, run)
      : format === "json"
        ? `${JSON.stringify({ ...result, fromRepository }, null, 2)}\n`
        : `${await render(result, format, options, io, lang, run)}${await (await import("../render/from-repository.js")).fromRepositoryLine(fromRepository, format, lang, outputWidth(io.stdout))}`;
  // After the questionnaire, the text result ends with the command that gives it again.
  const again = asked && format === "text" ? (await reproduceModule()).renderReproduce(await rerunArgs(run, options, lang), outputWidth(io.stdout), lang, io.env) : "";
  await writeOut(io.stdout, rendered + again);
  const written = Object.fromEntries(Object.entries(answers).filter(([key]) => key in given));
  if (save !== undefined) {
    const saved = writeAnswersFile(save, written, io.cwd, options.force === true, lang);
    const { rerunCommand } = await reproduceModule();
    const wrote = t(lang, "save.wrote", { path: saved.throughLink ?? resolve(io.cwd, save), command: rerunCommand(io.env, save, lang) });
    io.stderr.write(`${wrap(wrote, outputWidth(io.stderr)).join("\n")}\n`);
  } else if (asked && io.stderr.isTTY === true) {
    const { offerToSave } = await saveOfferModule();
    await offerToSave(written, io, lang, colorEnabled(io.stderr, io.env, options.color));
  }
  if (options.summary === true) await appendSummary(result, io, lang);
  return gate(result, expect, io, lang);
}

/** How this run got its answers: what a command shown must repeat to give the same result. */
interface Run {
  answers: Record<string, unknown>;
  /** The questionnaire ran. */
  asked: boolean;
  /** The answers JSON read: a file, or "-" for stdin. */
  source: string | undefined;
  /** Answers --from DIR finds again. */
  scanned: readonly string[];
  /** The ADR's date. */
  date: string;
}

async function render(result: Result, format: Format, options: AdviseOptions, io: Io, lang: Lang, run: Run): Promise<string> {
  const { asked, date } = run;
  if (format === "json") return `${jsonText(result, 2)}\n`;
  // Each renderer loads only for its format: a JSON run needs none of them.
  switch (format) {
    case "markdown":
      return (await import("../render/markdown.js")).renderMarkdown(result, { lang, version: VERSION });
    case "adr":
      return (await import("../render/adr.js")).renderAdr(result, { lang, version: VERSION, date, confirmation: await confirmationFor(run, options, lang) });
    case "text": {
      const text = { lang, color: colorEnabled(io.stdout, io.env, options.color), width: outputWidth(io.stdout), unicode: io.stdout.isTTY === true };
      const summary = (await summaryModule()).renderSummary(result, text);
      if (options.details !== true) return summary;
      const full = (await import("../render/text.js")).renderText(result, text);
      // After the questionnaire the save offer follows: the summary closes the report, so the answer is on screen when it is made.
      return asked ? `${full}\n${summary}` : full;
    }
  }
}

/**
 * The arguments that give this run's result again, in the form it was run:
 * the answers file it read, the answer flags given, the repository, rules,
 * prices and language; after the questionnaire, every answer as a flag. What
 * --from finds again is not repeated as flags.
 */
async function rerunArgs(run: Run, options: AdviseOptions, lang: Lang, stdinFile?: string): Promise<string[]> {
  const { runFlags } = await reproduceModule();
  const flags = answersFromFlags(options, lang).raw;
  const workloadFile = workloadFileOf(flags.workload);
  const fromFlags = (key: string) => run.asked || (key in flags && !(key === "workload" && workloadFile !== undefined));
  const own = Object.fromEntries(Object.entries(run.answers).filter(([key]) => !run.scanned.includes(key) && fromFlags(key)));
  const file = run.asked || run.source === undefined ? [] : ["--answers", run.source === "-" ? (stdinFile ?? "-") : run.source];
  const rest = { from: options.from, rules: options.rules, prices: options.prices, utilization: options.utilization, workloadFile: run.asked ? undefined : workloadFile, lang: options.lang };
  return [...file, ...flagsFor(own), ...runFlags(rest, lang)];
}

/** The file an ADR tells the reader to save answers read from stdin to: a command cannot read that stdin again. */
const STDIN_ANSWERS_FILE = "answers.json";

/** The ADR's Confirmation: the command that gives this decision again, checked with --expect. */
async function confirmationFor(run: Run, options: AdviseOptions, lang: Lang): Promise<AdrConfirmation> {
  const args = await rerunArgs(run, options, lang, STDIN_ANSWERS_FILE);
  return !run.asked && run.source === "-" ? { args, saveStdinAs: STDIN_ANSWERS_FILE } : { args };
}

/** --expect: exit 1 with one line on stderr when the answers no longer support the platform in use. */
function gate(result: Result, expect: Platform | undefined, io: Io, lang: Lang): number {
  if (expect === undefined || expect === result.recommendation) return EXIT.ok;
  // Each reason by its label, in the run's language: a rule's id means nothing to the reader of a CI log.
  const top = result.reasons.filter((r) => r.platform === result.recommendation).slice(0, 3).map((r) => r.label);
  io.stderr.write(
    `ecs-or-eks: ${t(lang, "gate.failed", {
      expected: t(lang, `platform.${expect}`),
      actual: t(lang, `platform.${result.recommendation}`),
      scores: `ECS ${result.scores.ecs}, EKS ${result.scores.eks}`,
      reasons: top.join("; "),
    })}\n`,
  );
  return EXIT.gateFailed;
}

function expectedPlatform(value: string | undefined, lang: Lang): Platform | undefined {
  return oneOf(value, PLATFORMS, (got) => t(lang, "gate.badExpect", { got }), lang);
}

/** --summary: the Markdown result appended to the GitHub Actions step summary. */
async function appendSummary(result: Result, io: Io, lang: Lang): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    io.stderr.write(`ecs-or-eks: ${t(lang, "summary.noFile")}\n`);
    return;
  }
  const { renderMarkdown } = await import("../render/markdown.js");
  try {
    appendText(resolve(io.cwd, file), `${renderMarkdown(result, { lang, version: VERSION })}\n`);
  } catch (error) {
    // The result is already on stdout; the summary is an output that failed, not bad input.
    throw new OutputError(t(lang, "summary.failed", { file: shownPath(file, io.cwd, lang), reason: writeFailureReason(error, lang) }));
  }
}

async function batch(options: AdviseOptions, io: Io, lang: Lang, expect: Platform | undefined): Promise<number> {
  if (expect !== undefined) throw new UsageError(t(lang, "batch.noExpect"));
  if (options.save !== undefined || options.summary === true) throw new UsageError(t(lang, "batch.noSave"));
  if (options.from !== undefined) throw new UsageError(t(lang, "batch.noFrom"));
  const format = formatOf(options, "batch", lang);
  if (options.answers === undefined && stdinIsTTY(io)) throw new UsageError(t(lang, "batch.terminal"));
  const utilization = utilizationOf(options.utilization, lang);
  const rules = await loadRules(options.rules, io, lang);
  const prices = await loadPrices(options.prices, io, lang);
  // A portfolio run is rarer than a single one: its reader and tally load only for --batch.
  return (await import("./batch.js")).runBatch(options, io, lang, rules, format, { prices, ...(utilization === undefined ? {} : { utilization }) });
}

/** --utilization: the share of EC2 capacity the estimate assumes is used, a plain decimal from 0.1 to 1. */
function utilizationOf(value: string | undefined, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const share = /^\s*(0(\.\d+)?|1(\.0+)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
  if (!isUtilization(share)) throw new UsageError(t(lang, "error.badUtilization", { where: "--utilization", ...UTILIZATION_RANGE, got: JSON.stringify(value) }));
  return share;
}

/** The ADR's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today, in UTC. */
function today(env: Io["env"], lang: Lang): string {
  const given = env.SOURCE_DATE_EPOCH;
  if (given === undefined || given === "") return new Date().toISOString().slice(0, 10);
  // Whole seconds, up to the last day of year 9999: anything else is a mistake, not a date.
  if (!/^\d{1,12}$/.test(given) || Number(given) > MAX_EPOCH_SECONDS) {
    throw new UsageError(t(lang, "adr.badEpoch", { got: JSON.stringify(given) }));
  }
  return new Date(Number(given) * 1000).toISOString().slice(0, 10);
}

const MAX_EPOCH_SECONDS = 253402300799;
