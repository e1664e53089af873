import { closeSync, constants, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { InputError } from "../../engine/errors.js";
import { quoteValue } from "../../engine/quote-value.js";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import { ioReason, READ_REASONS } from "../output/io-reason.js";
import { encodingProblem } from "./encoding.js";
import { findDuplicateKey, locateJsonError } from "./json-error.js";

/** An answers, rules or prices file is a few kilobytes (the built-in rules under 100); anything past this is the wrong file. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** What each flag reads, for messages that name it: "a prices file", not "answers and rules files". */
const INPUTS = {
  "--answers": { kind: "input.kind.answers", cannotRead: "input.cannotReadHint", emptyStdin: "input.emptyStdin" },
  "--rules": { kind: "input.kind.rules", cannotRead: "input.cannotReadRulesHint", emptyStdin: "input.emptyStdinRules" },
  "--prices": { kind: "input.kind.prices", cannotRead: "input.cannotReadPricesHint", emptyStdin: "input.emptyStdinPrices" },
  "--workload": { kind: "input.kind.workload", cannotRead: "input.cannotReadWorkloadHint", emptyStdin: "input.emptyStdinWorkload" },
  "prices import": { kind: "input.kind.priceList", cannotRead: "input.cannotReadPriceListHint", emptyStdin: "input.emptyStdinPriceList" },
} as const satisfies Record<string, Record<string, MessageKey>>;

type InputFlag = keyof typeof INPUTS;

function inputOf(flag: string): (typeof INPUTS)[InputFlag] {
  return Object.hasOwn(INPUTS, flag) ? INPUTS[flag as InputFlag] : INPUTS["--answers"];
}

/** How messages name an input given as a path: "-" is stdin. */
export function inputLabel(path: string): string {
  return path === "-" ? "stdin" : path;
}

/**
 * Reads a whole input, or stdin for "-", refusing more than MAX_INPUT_BYTES
 * whatever it is: a regular file, a device such as /dev/zero (read up to the
 * cap, never further), or a pipe such as a FIFO or `<(command)`, which is
 * opened without blocking so a pipe with no writer reads as empty instead of
 * waiting forever. `flag` names the option in messages.
 */
export async function readText(path: string, stdin: () => Readable, cwd: string, lang: Lang, flag = "--answers"): Promise<string> {
  // stdin is asked for only when it is read: making the stream costs time.
  if (path === "-") return readStream(stdin(), "stdin", lang, flag);
  const opened = await openInput(path, cwd, lang, flag);
  if (opened.kind === "pipe") return readStream(opened.stream, path, lang, flag);
  try {
    return decode(readCapped(opened.fd, path, lang, flag), path, lang, flag);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(path, error, lang, flag);
  } finally {
    closeSync(opened.fd);
  }
}

export type OpenedInput = { kind: "file"; fd: number } | { kind: "pipe"; stream: Readable };

/**
 * Opens an input for reading without the surprises special files bring: a
 * folder or an empty name is refused, a pipe is opened non-blocking and read
 * as a stream (nothing waits for a writer that never comes).
 */
export async function openInput(path: string, cwd: string, lang: Lang, flag: string): Promise<OpenedInput> {
  if (path === "") throw new InputError(t(lang, "input.emptyPath", { flag }), t(lang, "input.emptyPathHint", { flag }));
  const full = resolve(cwd, path);
  try {
    const info = statSync(full);
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    if (info.isFIFO() || info.isSocket()) {
      // Opened without blocking: opening a FIFO with no writer would wait forever.
      const fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
      // Node's streams load only for a pipe: a few milliseconds every other run would pay.
      const { Readable } = await import("node:stream");
      return { kind: "pipe", stream: Readable.from(pipeChunks(fd)) };
    }
    return { kind: "file", fd: openSync(full, "r") };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(path, error, lang, flag);
  }
}

/** How long a named pipe may go without a writer before it counts as empty. */
const NO_WRITER_GRACE_MS = 2000;

/**
 * The chunks a non-blocking pipe gives, until its writer closes it. A read
 * of 0 bytes is the end once a writer has shown up (data, or "try again");
 * before that it means no writer yet, and after NO_WRITER_GRACE_MS of that
 * the pipe counts as empty rather than being waited on forever.
 */
async function* pipeChunks(fd: number): AsyncGenerator<Buffer> {
  const buffer = Buffer.alloc(64 * 1024);
  const started = Date.now();
  let writerSeen = false;
  try {
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        writerSeen = true;
        await pause(10);
        continue;
      }
      if (read > 0) {
        writerSeen = true;
        yield Buffer.from(buffer.subarray(0, read));
        continue;
      }
      if (writerSeen || Date.now() - started > NO_WRITER_GRACE_MS) return;
      await pause(20);
    }
  } finally {
    closeSync(fd);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads at most MAX_INPUT_BYTES (one byte more tells "too large"), synchronously: small files, devices. */
function readCapped(fd: number, label: string, lang: Lang, flag: string): Buffer {
  // Unzeroed: only the bytes read are ever looked at, and zeroing a mebibyte costs every run.
  const buffer = Buffer.allocUnsafe(MAX_INPUT_BYTES + 1);
  let size = 0;
  for (;;) {
    const read = readSync(fd, buffer, size, buffer.length - size, null);
    if (read === 0) break;
    size += read;
    if (size > MAX_INPUT_BYTES) throw tooLarge(label, lang, flag);
  }
  return buffer.subarray(0, size);
}

async function readStream(stream: Readable, label: string, lang: Lang, flag: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      size += buffer.length;
      // Stop reading at once: a runaway pipe must not fill memory.
      if (size > MAX_INPUT_BYTES) throw tooLarge(label, lang, flag);
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(label, error, lang, flag);
  } finally {
    // A named pipe is ours to close; stdin belongs to the process.
    if (label !== "stdin") stream.destroy();
  }
  return decode(Buffer.concat(chunks), label, lang, flag);
}

/** The text of UTF-8 bytes, without a byte-order mark; another encoding, or bytes that are not UTF-8, are refused. */
function decode(bytes: Buffer, label: string, lang: Lang, flag: string): string {
  const problem = encodingProblem(bytes);
  if (problem) throw new InputError(encodingMessage(problem, label, lang, flag), t(lang, "input.saveAsUtf8"));
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function encodingMessage(problem: NonNullable<ReturnType<typeof encodingProblem>>, label: string, lang: Lang, flag: string): string {
  return problem.kind === "bom"
    ? foreignEncoding(label, problem.encoding, lang, flag)
    : t(lang, "input.notUtf8", { file: label, offset: problem.offset });
}

/** "answers.json is UTF-16 text …; an answers file must be UTF-8." */
export function foreignEncoding(label: string, encoding: string, lang: Lang, flag = "--answers"): string {
  return t(lang, "input.foreignEncoding", { file: label, encoding, kind: t(lang, inputOf(flag).kind) });
}

function tooLarge(label: string, lang: Lang, flag: string): InputError {
  return new InputError(t(lang, "input.tooLarge", { file: label, limit: "1 MiB", kind: t(lang, inputOf(flag).kind) }), t(lang, "input.tooLargeHint"));
}

/** A file that cannot be read; the fix names what `-` would read for the flag it came from. */
export function cannotRead(path: string, error: unknown, lang: Lang, flag = "--answers"): InputError {
  return new InputError(t(lang, "input.cannotRead", { file: path, reason: ioReason(error, READ_REASONS, lang) }), t(lang, inputOf(flag).cannotRead));
}

/**
 * JSON.parse with errors a person can act on: where (line:column), what was
 * found, what was expected. `emptyHint` says what belongs in an empty input.
 */
export function parseJson(text: string, label: string, lang: Lang, emptyHint = t(lang, "input.emptyHint"), flag = "--answers"): unknown {
  if (text.trim() === "") {
    throw new InputError(label === "stdin" ? t(lang, inputOf(flag).emptyStdin) : t(lang, "input.emptyFile", { file: label }), emptyHint);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(
      badJsonMessage(text, lang, (at) => (at ? `${label}:${at.line}:${at.column}` : label)),
      t(lang, "input.badJsonHint"),
    );
  }
  // JSON allows a key twice and keeps the last; in answers or rules it is always a mistake.
  const duplicate = findDuplicateKey(text, parsed);
  if (duplicate) {
    const where = `${label}:${duplicate.line}:${duplicate.column}`;
    throw new InputError(t(lang, "input.duplicateKey", { where, key: quoteValue(duplicate.key) }), t(lang, "input.duplicateKeyHint"));
  }
  return parsed;
}

/**
 * Why JSON.parse refused `text`: what was found and what was expected there.
 * `where` places it, from the line and column of the first bad character
 * (none when the input ends too soon to say).
 */
export function badJsonMessage(text: string, lang: Lang, where: (at: { line: number; column: number } | undefined) => string): string {
  const problem = locateJsonError(text);
  const found = problem?.found ?? t(lang, "json.endOfInput");
  const expected = t(lang, `json.expected.${problem?.expected ?? "value"}`);
  return t(lang, "input.badJson", { where: where(problem), found, expected });
}
