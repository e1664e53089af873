import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { quickCheckAnswers } from "../../engine/answers-quick-check.js";
import { EstimateError, InputError, Interrupted, OutputError } from "../../engine/errors.js";
import { say } from "../../explain/words.js";
import { SCHEMA_VERSION } from "../../explain/result.js";
import { evaluateBrief, type BriefResult } from "../../engine/evaluate.js";
import { recommendedTotal, type EstimateOptions } from "../../engine/estimate.js";
import type { Prices } from "../../engine/price-types.js";
import type { Answers } from "../../engine/questions.js";
import type { RuleSet } from "../../engine/rule-set.js";
import { t, type Lang } from "../../i18n/index.js";
import { answersFromFlags } from "../input/flags.js";
import type { AdviseOptions } from "../input/options.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { writeOut } from "../output/write-out.js";
import { findDuplicateKey } from "../input/json-error.js";
import { quoteValue } from "../../engine/quote-value.js";
import { MAX_NESTING, nestsDeeperThan } from "../../engine/depth.js";
import { SIGNAL_EXIT } from "../output/exit-codes.js";
import { loadAnswerParser } from "../input/validate-answers.js";
import { readLineBatches } from "../input/lines.js";
import { badJsonMessage, cannotRead, foreignEncoding, openInput } from "../input/read.js";
import { callShort, optionName, usdText } from "../render/phrases.js";
import { forTerminal, jsonText } from "../output/escape.js";

/** A file named by --answers, opened as safely as an answers file: a folder or a pipe with no writer is no surprise. */
async function openBatchInput(path: string, io: Io, lang: Lang): Promise<Readable> {
  const opened = await openInput(path, io.cwd, lang, "--answers");
  return opened.kind === "pipe" ? opened.stream : createReadStream("", { fd: opened.fd });
}

/** One answers object is a few hundred bytes; a line past this is not one. */
const MAX_LINE_BYTES = 64 * 1024;

/** Counts, and the first few line numbers of each kind: memory stays flat however many lines come. */
interface Tally {
  total: number;
  ecs: number;
  eks: number;
  closeCalls: Lines;
  bad: Lines;
}

interface Lines {
  count: number;
  first: number[];
}

const LISTED = 20;

/** The signals that end a batch run: each is caught so the line being written is finished first. */
const STOP_SIGNALS = ["SIGTERM", "SIGHUP", "SIGINT"] as const;

/**
 * The longest a batch works without letting the event loop run: a signal's
 * handler runs only then. A chunk of input can hold 30,000 bad lines, each
 * costing an exception or two; without a pause, a flood of them kept SIGTERM
 * waiting for minutes. Checked every CHECK_EVERY lines.
 */
const PAUSE_AFTER_MS = 20;
const CHECK_EVERY = 64;

function note(lines: Lines, line: number): void {
  lines.count++;
  if (lines.first.length < LISTED) lines.first.push(line);
}

/**
 * `--batch`: NDJSON in (one answers object a line, an optional "id"), one
 * result a line out, in the same order. A bad line gets {line, error} in its
 * place and the rest still run. Streamed: memory stays flat for any input.
 */
export async function runBatch(
  options: AdviseOptions,
  io: Io,
  lang: Lang,
  ruleSet: RuleSet,
  format: "json" | "text",
  estimate: EstimateOptions,
): Promise<number> {
  // The text rows carry the recommended way's monthly estimate; JSON lines stay the brief result.
  const monthly = format === "text" ? (answers: Answers, result: BriefResult) => recommendedTotal(answers, ruleSet, estimate, result) : undefined;
  const path = options.answers;
  const input = path === undefined || path === "-" ? io.stdin : await openBatchInput(path, io, lang);
  const flags = answersFromFlags(options, lang).raw;
  // Flags override every line; without any, each line's object is validated as it is.
  const overrides = Object.keys(flags).length > 0 ? flags : undefined;
  const tally: Tally = { total: 0, ecs: 0, eks: 0, closeCalls: { count: 0, first: [] }, bad: { count: 0, first: [] } };
  let line = 0;
  let endless = false;
  let encoding: string | undefined;
  // A signal stops the run between writes, never inside one: the output up to it is whole lines.
  let stopped: keyof typeof SIGNAL_EXIT | undefined;
  const stop = (signal: keyof typeof SIGNAL_EXIT) => () => {
    stopped ??= signal;
    // A batch waiting for input that may never come (an idle pipe) stops waiting.
    input.destroy();
  };
  const handlers = STOP_SIGNALS.map((signal) => [signal, stop(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  let working = Date.now();
  // Nothing read is said as such: "after line 0" read as if a line had been.
  const interrupted = () =>
    new Interrupted(stopped!, SIGNAL_EXIT[stopped!], `ecs-or-eks: ${t(lang, line === 0 ? "batch.interruptedAtStart" : "batch.interrupted", { signal: stopped!, line })}`);
  try {
    for await (const batch of readLineBatches(input, MAX_LINE_BYTES)) {
      // A chunk's lines are evaluated in one go and written in one write, with a pause now and then for signals.
      let out = "";
      for (const read of batch) {
        if (line % CHECK_EVERY === 0 && Date.now() - working > PAUSE_AFTER_MS) {
          if (out !== "") await writeOut(io.stdout, out);
          out = "";
          await new Promise((resolve) => setImmediate(resolve));
          working = Date.now();
          if (stopped) throw interrupted();
        }
        line++;
        if ("noEnd" in read) {
          endless = true;
          break;
        }
        if ("encoding" in read) {
          encoding = read.encoding;
          break;
        }
        if ("text" in read && read.text.trim() === "") continue;
        const evaluated =
          "text" in read
            ? evaluateLine(read.text, line, overrides, { rules: ruleSet, prices: estimate.prices }, lang, monthly)
            : "invalidAt" in read
              ? { line, error: t(lang, "batch.notUtf8", { offset: read.invalidAt }) }
              : { line, error: t(lang, "batch.tooLong", { limit: "64 KiB" }) };
        // Only a line the schema must explain is awaited (zod loads for it): a valid one is not a promise.
        const record = evaluated instanceof Promise ? await evaluated : evaluated;
        tally.total++;
        if ("error" in record) note(tally.bad, line);
        else {
          tally[record.result.recommendation]++;
          if (record.result.closeCall) note(tally.closeCalls, line);
        }
        out += format === "json" ? jsonLine(record) : textRow(record, lang);
      }
      if (out !== "") await writeOut(io.stdout, out);
      if (stopped) throw interrupted();
    }
    if (stopped) throw interrupted();
  } catch (error) {
    // The input, destroyed by the signal's handler, may end in an error of its own: the signal is what happened.
    if (stopped && !(error instanceof OutputError)) throw interrupted();
    if (error instanceof InputError || error instanceof OutputError || error instanceof Interrupted || path === undefined || path === "-") throw error;
    throw cannotRead(path, error, lang);
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
  if (encoding) throw new InputError(foreignEncoding(path ?? "stdin", encoding, lang), t(lang, "input.saveAsUtf8"));
  if (endless) throw new InputError(t(lang, "batch.noEnd", { line, limit: "1 MiB" }), t(lang, "batch.noEndHint"));
  // A run that fails prints nothing to stdout, not a summary of nothing.
  if (tally.total === 0) throw new InputError(t(lang, line === 0 ? "batch.empty" : "batch.onlyBlank"), t(lang, "batch.emptyHint"));
  if (format === "text") await writeOut(io.stdout, `\n${summary(tally, lang)}\n`);
  if (tally.bad.count > 0) {
    io.stderr.write(`ecs-or-eks: ${t(lang, "batch.badLines", { count: tally.bad.count, total: tally.total, lines: listLines(tally.bad), where: whichLines(tally.bad, lang) })}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

/** A line's outcome: its number, the id it carried, and its result or what was wrong with it. */
type Decided = { result: BriefResult; monthlyUsd?: number | null } | { error: string };
type LineRecord = { line: number; id?: string | number } & Decided;

function evaluateLine(
  text: string,
  line: number,
  overrides: Record<string, unknown> | undefined,
  decide: { rules: RuleSet; prices: Prices },
  lang: Lang,
  monthly?: (answers: Answers, result: BriefResult) => number | null,
): LineRecord | Promise<LineRecord> {
  const decided = (answers: Answers): Decided => {
    // The prices decide the launch type too: their Fargate sizes say which tasks Fargate runs.
    const result = evaluateBrief(answers, decide);
    if (!monthly) return { result };
    try {
      return { result, monthlyUsd: monthly(answers, result) };
    } catch (error) {
      // A workload the estimate cannot price is this line's mistake, not the batch's.
      if (error instanceof EstimateError) return { error: say(lang, error.problem) };
      throw error;
    }
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { line, error: badJsonMessage(text, lang, (at) => t(lang, "batch.column", { column: at?.column ?? 1 })) };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return notAnObject(raw, line, lang);
  const duplicate = findDuplicateKey(text, raw);
  if (duplicate) return { line, error: t(lang, "input.duplicateKey", { where: t(lang, "batch.lineColumn", { line, column: duplicate.column }), key: quoteValue(duplicate.key) }) };
  const id = (raw as Record<string, unknown>).id;
  const record = typeof id === "string" || typeof id === "number" ? { line, id } : { line };
  if (id !== undefined && !("id" in record)) {
    // An id nested thousands deep says more by its depth than by its first brackets.
    const error = nestsDeeperThan(raw) ? t(lang, "answers.tooDeep", { max: MAX_NESTING }) : t(lang, "answers.badId", { got: quoteValue(id) });
    return { line, error };
  }
  const answers = overrides ? { ...(raw as object), ...overrides } : raw;
  // Most lines are valid: checked without the schema, and without an await per line.
  const checked = quickCheckAnswers(answers, true);
  if (checked) return { ...record, ...decided(checked) };
  return validated(answers, record, lang, decided);
}

/** A line that is JSON but not an object: the schema says what it is instead. */
async function notAnObject(raw: unknown, line: number, lang: Lang): Promise<LineRecord> {
  const outcome = (await loadAnswerParser())(raw, { lang });
  return { line, error: outcome.ok ? "" : outcome.problems.join(" ") };
}

/** A line the quick check did not pass: the schema decides, and says what is wrong. */
async function validated(
  answers: unknown,
  record: { line: number; id?: string | number },
  lang: Lang,
  decided: (answers: Answers) => Decided,
): Promise<LineRecord> {
  const outcome = (await loadAnswerParser())(answers, { lang, batchLine: true });
  if (!outcome.ok) {
    const missing = outcome.missing.length > 0 ? [t(lang, "answers.missing", { keys: outcome.missing.join(", ") })] : [];
    return { ...record, error: [...outcome.problems, ...missing].join(" ") };
  }
  return { ...record, ...decided(outcome.answers) };
}

/**
 * {"line":1,"id":"svc-a","schemaVersion":4,...result}: the result is spliced in, not copied (this runs a
 * million times). Every line says its schemaVersion, as a single run's result does, so a reader can tell
 * what `confidence` means (it changed in 4) from the line alone.
 */
function jsonLine(record: LineRecord): string {
  const head = `{"line":${record.line}${record.id === undefined ? "" : `,"id":${jsonText(record.id)}`},"schemaVersion":${SCHEMA_VERSION}`;
  return "error" in record ? `${head},"error":${jsonText(record.error)}}\n` : `${head},${JSON.stringify(record.result).slice(1)}\n`;
}

function textRow(record: LineRecord, lang: Lang): string {
  // A text row is for a terminal or a log: the id and the error's quoted values are escaped and cut.
  const id = record.id === undefined ? "" : ` ${forTerminal(String(record.id), 200)}`;
  if ("error" in record) return `${t(lang, "batch.line", { line: record.line })}${id}: ${forTerminal(t(lang, "batch.error", { error: record.error }))}\n`;
  const { result } = record;
  const option = optionName(lang, result.recommendation, result.launchType, t(lang, `platform.${result.recommendation}`));
  const usd = record.monthlyUsd === undefined ? "" : `, ${record.monthlyUsd === null ? t(lang, "batch.monthlyNone") : t(lang, "batch.monthly", { usd: usdText(record.monthlyUsd) })}`;
  return `${t(lang, "batch.line", { line: record.line })}${id}: ${option} (${callShort(lang, result.confidenceLabel, result.margin)})${usd}\n`;
}

function summary(tally: Tally, lang: Lang): string {
  const parts = [t(lang, "batch.summary", { total: tally.total, ecs: tally.ecs, eks: tally.eks })];
  parts.push(
    tally.closeCalls.count > 0
      ? t(lang, "batch.closeCalls", { count: tally.closeCalls.count, lines: listLines(tally.closeCalls), where: whichLines(tally.closeCalls, lang) })
      : t(lang, "batch.noCloseCalls"),
  );
  if (tally.bad.count > 0) parts.push(t(lang, "batch.bad", { count: tally.bad.count, lines: listLines(tally.bad) }));
  return parts.join(" ");
}

/** "line 3" or "lines 3, 8": the word agrees with how many. */
function whichLines(lines: Lines, lang: Lang): string {
  return t(lang, lines.count === 1 ? "batch.lineWord.one" : "batch.lineWord.many", { lines: listLines(lines) });
}

function listLines(lines: Lines): string {
  return lines.count > lines.first.length ? `${lines.first.join(", ")}, ...` : lines.first.join(", ");
}
