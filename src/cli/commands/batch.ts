import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import type { Writable } from "node:stream";
import { parseAnswers } from "../../engine/answers.js";
import { InputError } from "../../engine/errors.js";
import { evaluateBrief, type BriefResult } from "../../engine/recommend.js";
import type { RuleSet } from "../../engine/rules.js";
import { t, type Lang } from "../../i18n/index.js";
import { answersFromFlags } from "../answer-flags.js";
import { EXIT } from "../errors-report.js";
import type { Io } from "../io.js";
import { locateJsonError } from "../json-error.js";
import { readLines } from "../lines.js";

/** One answers object is a few hundred bytes; a line past this is not one. */
const MAX_LINE_BYTES = 64 * 1024;

type Options = Record<string, unknown>;

interface Tally {
  total: number;
  ecs: number;
  eks: number;
  closeCalls: number[];
  bad: number[];
}

/**
 * `--batch`: NDJSON in (one answers object a line, an optional "id"), one
 * result a line out, in the same order. A bad line gets {line, error} in its
 * place and the rest still run. Streamed: memory stays flat for any input.
 */
export async function runBatch(options: Options, io: Io, lang: Lang, ruleSet: RuleSet, format: "json" | "text"): Promise<number> {
  const path = options.answers as string | undefined;
  const input = path === undefined || path === "-" ? io.stdin : createReadStream(resolve(io.cwd, path));
  const flags = answersFromFlags(options).raw;
  const out = bufferedWriter(io.stdout);
  const tally: Tally = { total: 0, ecs: 0, eks: 0, closeCalls: [], bad: [] };
  let line = 0;
  try {
    for await (const read of readLines(input, MAX_LINE_BYTES)) {
      line++;
      if ("text" in read && read.text.trim() === "") continue;
      const record = "text" in read ? evaluateLine(read.text, line, flags, ruleSet, lang) : { line, error: t(lang, "batch.tooLong", { limit: "64 KiB" }) };
      tally.total++;
      if ("error" in record) tally.bad.push(line);
      else {
        tally[record.recommendation]++;
        if (record.closeCall) tally.closeCalls.push(line);
      }
      await out.write(format === "json" ? `${JSON.stringify(record)}\n` : textRow(record, lang));
    }
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") {
      throw new InputError(t(lang, "input.cannotRead", { file: path!, reason: t(lang, "input.noSuchFile") }), t(lang, "input.cannotReadHint"));
    }
    throw error;
  }
  if (format === "text") await out.write(`\n${summary(tally, lang)}\n`);
  await out.flush();
  if (tally.total === 0) throw new InputError(t(lang, "batch.empty"), t(lang, "batch.emptyHint"));
  if (tally.bad.length > 0) {
    io.stderr.write(`ecs-or-eks: ${t(lang, "batch.badLines", { count: tally.bad.length, total: tally.total, lines: listLines(tally.bad) })}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

type LineRecord = ({ line: number; id?: string | number } & BriefResult) | { line: number; id?: string | number; error: string };

function evaluateLine(text: string, line: number, flags: Record<string, unknown>, ruleSet: RuleSet, lang: Lang): LineRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    const found = problem?.found ?? t(lang, "json.endOfInput");
    const expected = t(lang, `json.expected.${problem?.expected ?? "value"}`);
    return { line, error: t(lang, "input.badJson", { where: `line ${line}:${problem?.column ?? 1}`, found, expected }) };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    const outcome = parseAnswers(raw, { lang });
    return { line, error: outcome.ok ? "" : outcome.problems.join(" ") };
  }
  const { id, ...answers } = raw as Record<string, unknown>;
  const withId = <R extends object>(record: R) => (id === undefined ? { line, ...record } : { line, id: id as string | number, ...record });
  if (id !== undefined && typeof id !== "string" && typeof id !== "number") {
    return withId({ error: t(lang, "batch.badId") });
  }
  const outcome = parseAnswers({ ...answers, ...flags }, { lang });
  if (!outcome.ok) {
    const missing = outcome.missing.length > 0 ? [t(lang, "answers.missing", { keys: outcome.missing.join(", ") })] : [];
    return withId({ error: [...outcome.problems, ...missing].join(" ") });
  }
  return withId(evaluateBrief(outcome.answers, { rules: ruleSet }));
}

function textRow(record: LineRecord, lang: Lang): string {
  const id = record.id === undefined ? "" : ` ${record.id}`;
  if ("error" in record) return `${t(lang, "batch.line", { line: record.line })}${id}: ${t(lang, "batch.error", { error: record.error })}\n`;
  const option = t(lang, "option.name", {
    platform: t(lang, `platform.${record.recommendation}`),
    launchType: t(lang, `launch.short.${record.launchType}`),
  });
  const close = record.closeCall ? `, ${t(lang, "batch.close")}` : "";
  return `${t(lang, "batch.line", { line: record.line })}${id}: ${option} (${t(lang, "batch.confidence", { percent: Math.round(record.confidence * 100) })}${close})\n`;
}

function summary(tally: Tally, lang: Lang): string {
  const parts = [t(lang, "batch.summary", { total: tally.total, ecs: tally.ecs, eks: tally.eks })];
  parts.push(
    tally.closeCalls.length > 0
      ? t(lang, "batch.closeCalls", { count: tally.closeCalls.length, lines: listLines(tally.closeCalls) })
      : t(lang, "batch.noCloseCalls"),
  );
  if (tally.bad.length > 0) parts.push(t(lang, "batch.bad", { count: tally.bad.length, lines: listLines(tally.bad) }));
  return parts.join(" ");
}

function listLines(lines: readonly number[]): string {
  return lines.length > 20 ? `${lines.slice(0, 20).join(", ")}, ...` : lines.join(", ");
}

/** Collects output into large writes, and waits when the reader is slower than we are. */
function bufferedWriter(stream: Writable) {
  let buffer = "";
  const flush = async () => {
    if (buffer === "") return;
    const chunk = buffer;
    buffer = "";
    if (!stream.write(chunk)) await new Promise((done) => stream.once("drain", done));
  };
  return {
    async write(text: string) {
      buffer += text;
      if (buffer.length >= 64 * 1024) await flush();
    },
    flush,
  };
}
