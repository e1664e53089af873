import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { InputError } from "../engine/errors.js";
import { t, type Lang } from "../i18n/index.js";
import { locateJsonError } from "./json-error.js";

/** An answers or rules file is a few kilobytes; anything past this is the wrong file. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Reads a whole file, or stdin for "-", refusing more than MAX_INPUT_BYTES. */
export async function readText(path: string, stdin: Readable, cwd: string, lang: Lang): Promise<string> {
  if (path === "-") return readStream(stdin, "stdin", lang);
  try {
    // A small file read whole: cheaper at start-up than a stream, and the size is checked first.
    const full = resolve(cwd, path);
    const info = statSync(full);
    if (info.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    if (info.size > MAX_INPUT_BYTES) throw tooLarge(path, lang);
    return readFileSync(full, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(t(lang, "input.cannotRead", { file: path, reason: reasonOf(error, lang) }), t(lang, "input.cannotReadHint"));
  }
}

async function readStream(stream: Readable, label: string, lang: Lang): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    // Stop reading at once: a runaway pipe must not fill memory.
    if (size > MAX_INPUT_BYTES) throw tooLarge(label, lang);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
}

function tooLarge(label: string, lang: Lang): InputError {
  return new InputError(t(lang, "input.tooLarge", { file: label, limit: "1 MiB" }), t(lang, "input.tooLargeHint"));
}

function reasonOf(error: unknown, lang: Lang): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return t(lang, "input.noSuchFile");
  if (code === "EISDIR") return t(lang, "input.isDirectory");
  if (code === "EACCES" || code === "EPERM") return t(lang, "input.permissionDenied");
  return (error as Error).message;
}

/** JSON.parse with errors a person can act on: where (line:column), what was found, what was expected. */
export function parseJson(text: string, label: string, lang: Lang): unknown {
  if (text.trim() === "") {
    throw new InputError(
      label === "stdin" ? t(lang, "input.emptyStdin") : t(lang, "input.emptyFile", { file: label }),
      t(lang, "input.emptyHint"),
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    const problem = locateJsonError(text);
    const where = problem ? `${label}:${problem.line}:${problem.column}` : label;
    const found = problem?.found ?? t(lang, "json.endOfInput");
    const expected = t(lang, `json.expected.${problem?.expected ?? "value"}`);
    throw new InputError(t(lang, "input.badJson", { where, found, expected }), t(lang, "input.badJsonHint"));
  }
}
