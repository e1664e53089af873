import { InputError } from "../../engine/errors.js";
import { quoteValue } from "../../engine/quote-value.js";
import { QUESTIONS, type Answers, type AnswerKey } from "../../engine/questions.js";
import { t, type Lang } from "../../i18n/index.js";
import { answersFromFlags, flagOf } from "./flags.js";
import { loadWorkload, workloadFile } from "./load-workload.js";
import { validateAnswers } from "./validate-answers.js";
import { stdinIsTTY, type Io } from "../terminal/io.js";
import { colorEnabled } from "../terminal/color.js";
import type { WithAnswers } from "./options.js";
import { inputLabel, parseJson, readText } from "./read.js";
import type { ReviewEnd } from "./prompts.js";
import type { Evidence, ScanResult } from "../../scan/evidence.js";

export interface Gathered {
  answers: Answers;
  /** The answers as given (file, flags and prompts), before defaults: what --save writes. */
  given: Record<string, unknown>;
  /** Whether the questionnaire ran: a person answered at a terminal. */
  asked: boolean;
  /** Where the answers JSON was read from: a file's path, or "-" for stdin; absent when none was read. */
  source?: string;
  /** With --from DIR: the answers that came from the repository, and where each was found. */
  fromRepository?: FromRepository;
}

export interface FromRepository {
  /** The folder as given to --from. */
  readonly root: string;
  /** The answers taken from the scan (not overridden by a flag, the answers file or the review), in the questions' order. */
  readonly keys: readonly string[];
  /** The scan's evidence for those answers. */
  readonly evidence: readonly Evidence[];
}

/**
 * Answers from, in order: an answers file or piped JSON, then flags (which
 * override the file), then prompts for what is still missing when a person
 * is at a terminal. A run without a terminal never waits for input.
 */
export async function gatherAnswers(
  options: WithAnswers,
  io: Io,
  lang: Lang,
  end: ReviewEnd = "recommend",
  /** Every question, already being asked (input/prompts.ts askFromStart), for a run given nothing. */
  asking?: Promise<Record<string, unknown>>,
): Promise<Gathered> {
  const flags = answersFromFlags(options, lang);
  // --workload FILE: the services it lists, in place of the workload kind.
  const file = workloadFile(flags.raw.workload);
  if (file !== undefined) {
    delete flags.raw.workload;
    flags.where.delete("workload");
    flags.raw.services = await loadWorkload(file, io, lang);
    flags.where.set("services", file === "-" ? "--workload -" : `${file}: "services"`);
  }
  const flagsComplete = QUESTIONS.every((q) => !q.required || q.key in flags.raw);
  // Piped JSON is read only when flags leave something to answer: a CI job
  // whose stdin is an open pipe must not hang when every flag is given.
  const source = options.answers ?? (!flagsComplete && !stdinIsTTY(io) ? "-" : undefined);
  const label = source === undefined ? undefined : inputLabel(source);
  const text = source === undefined ? "" : await readText(source, () => io.stdin, io.cwd, lang);
  // Empty stdin that nobody asked for (no --answers) is no answers, when flags give some.
  const implicitAndEmpty = options.answers === undefined && text.trim() === "" && Object.keys(flags.raw).length > 0;
  const fromFile = source === undefined || implicitAndEmpty ? {} : parseJson(text, label!, lang);
  const where = (key: string) => flags.where.get(key) ?? (label ? `${label}: ${quoteValue(key)}` : quoteValue(key));
  const read = source === undefined || implicitAndEmpty ? {} : { source };
  if (typeof fromFile !== "object" || fromFile === null || Array.isArray(fromFile)) {
    const outcome = await validateAnswers(fromFile, { lang, label });
    throw new InputError(outcome.ok ? [] : outcome.problems);
  }
  // Explicit flags win, then the answers file, then what the repository shows, then the questions.
  const scan = options.from === undefined ? undefined : await scannedAnswers(options.from, io, lang);
  const scanned = scan?.result && withoutOverruledServices(scan.result, { ...fromFile, ...flags.raw });
  const given: Record<string, unknown> = { ...scanned?.answers, ...fromFile, ...flags.raw };
  const fromRepository = (final: Record<string, unknown>) => (scanned === undefined ? {} : { fromRepository: tookFromScan(scanned, final) });
  // Asked only when it matters: knowing costs a look at stdin.
  const interactive = () => options.input !== false && stdinIsTTY(io);

  // Nothing given at a terminal: straight to the questions (validation comes after them).
  if (Object.keys(given).length > 0 || !interactive()) {
    const first = await validateAnswers(given, { lang, where, label });
    if (first.ok) return { answers: first.answers, given, asked: false, ...read, ...fromRepository(given) };
    if (first.problems.length > 0) throw new InputError(first.problems);
    if (!interactive()) throw missingError(first.missing, lang, t(lang, options.input === false && stdinIsTTY(io) ? "answers.missingHintNoInput" : "answers.missingHint"));
  }

  // With an answers file, ask only the required answers it lacks; otherwise every question not given.
  const toAsk = QUESTIONS.filter((q) => !(q.key in given) && (source === undefined || q.required)).map((q) => q.key);
  // What the repository showed is not asked again, but the review shows it, with where it was found, to be changed.
  const known = scan === undefined || scanned === undefined ? undefined : { answers: pick(given, Object.keys(scanned.answers)), where: scan.where };
  const asked = await (asking ?? (await import("./prompts.js")).askAnswers(toAsk, { input: io.stdin, output: io.stderr }, lang, colorEnabled(io.stderr, io.env, options.color), end, known, given));
  const all = { ...given, ...asked };
  // An answer the review left unknown is left out, whatever the repository said.
  if (known) for (const key of Object.keys(known.answers)) if (!(key in asked) && !(key in fromFile) && !(key in flags.raw)) delete all[key];
  const second = await validateAnswers(all, { lang, where });
  if (!second.ok) throw second.problems.length > 0 ? new InputError(second.problems) : missingError(second.missing, lang);
  return { answers: second.answers, given: all, asked: true, ...read, ...fromRepository(all) };
}

/** The scan of --from DIR (whose answers are only keys the answers schema knows), and where it found each answer, in words. */
async function scannedAnswers(dir: string, io: Io, lang: Lang): Promise<{ result: ScanResult; where: Record<string, string> }> {
  // The scanner and its words load only for --from.
  const [{ scanFolder }, { whereFound }, { forTerminal }] = await Promise.all([import("./scan-folder.js"), import("../render/scan-report.js"), import("../output/escape.js")]);
  const result = await scanFolder(dir, io, lang);
  const where = Object.fromEntries(Object.keys(result.answers).map((key) => [key, whereFound(result.evidence.filter((entry) => entry.answer === key), lang, (text) => forTerminal(text))]));
  return { result, where };
}

/** The answers that still hold what the scan found: neither a flag, the file nor the review changed them. */
function tookFromScan(scanned: ScanResult, final: Record<string, unknown>): FromRepository {
  const keys = Object.keys(scanned.answers).filter((key) => JSON.stringify(final[key]) === JSON.stringify(scanned.answers[key]));
  const ordered = [...QUESTIONS.map((q) => q.key as string).filter((key) => keys.includes(key)), ...keys.filter((key) => !QUESTIONS.some((q) => q.key === key))];
  return { root: scanned.root, keys: ordered, evidence: scanned.evidence.filter((entry) => ordered.includes(entry.answer)) };
}

/** The answers that say how large the workload is: given by a flag or file, they win over the scan's list of services, which says the same. */
const WORKLOAD_SIZE = ["services", "microservices", "vcpus", "memoryGiB", "tasks"];

/** The scan, less its list of services when the team's own answers size the workload otherwise (--microservices 7 is not the 2 services found). */
function withoutOverruledServices(result: ScanResult, own: Record<string, unknown>): ScanResult {
  if (!("services" in result.answers) || !WORKLOAD_SIZE.some((key) => key in own)) return result;
  const { services: _overruled, ...answers } = result.answers;
  return { ...result, answers };
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));
}


/** The answers still missing, each with its flag; the fix says where they can come from (the prompts only where they could: at a terminal, without --no-input). */
export function missingError(missing: readonly AnswerKey[], lang: Lang, hint = t(lang, "answers.missingHint")): InputError {
  const list = missing.map((key) => `${key} (${flagOf(key)})`).join(", ");
  return new InputError(t(lang, "answers.missing", { keys: list }), hint);
}
