import { InputError } from "../../engine/errors.js";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { inputLabel, parseJson, readText } from "./read.js";

/** What a data file's parser is given: the file's name, the language, the built-in data an overrides file extends, and where it came from. */
interface ParseContext<B> {
  file: string;
  lang: Lang;
  base: B;
  origin: { source: "file"; path: string; sha256: string };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Reads, parses and validates a rules or prices file given by a flag ("-" for
 * stdin): the file named and hashed in the result, every problem reported at
 * once with the file's own fix. Validation (zod) and hashing load only when a
 * file is given.
 */
export async function loadDataFile<B, T>(
  path: string,
  io: Io,
  lang: Lang,
  spec: { flag: string; base: B; emptyHint: MessageKey; fixHint: MessageKey; parse: () => Promise<(json: unknown, context: ParseContext<B>) => Parsed<T>> },
): Promise<T> {
  const [parse, { createHash }] = await Promise.all([spec.parse(), import("node:crypto")]);
  const text = await readText(path, () => io.stdin, io.cwd, lang, spec.flag);
  const label = inputLabel(path);
  const outcome = parse(parseJson(text, label, lang, t(lang, spec.emptyHint), spec.flag), {
    file: label,
    lang,
    base: spec.base,
    origin: { source: "file", path: label, sha256: createHash("sha256").update(text).digest("hex") },
  });
  if (!outcome.ok) throw new InputError(outcome.problems, t(lang, spec.fixHint));
  return outcome.value;
}
