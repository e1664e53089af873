// A tool call's arguments, checked the way the command line checks flags:
// each mistake is an InputError with the CLI's words, so a client gets a
// tool error it can show or act on, never a protocol error. The answers are
// checked by the same validation as an answers file.
import { InputError, UsageError } from "../../engine/errors.js";
import { MAX_NESTING, nestsDeeperThan } from "../../engine/depth.js";
import type { Answers } from "../../engine/questions.js";
import { quoteValue } from "../../engine/quote-value.js";
import { suggest } from "../../engine/suggest.js";
import { LANGS, t, type Lang } from "../../i18n/index.js";
import { missingError } from "../input/gather.js";
import { oneOf } from "../input/options.js";
import { MAX_INPUT_BYTES } from "../input/read.js";
import { validateAnswers } from "../input/validate-answers.js";

/** A JSON Schema, as a tool's inputSchema and outputSchema carry it. */
export type JsonSchema = { readonly [key: string]: unknown };

/** A tool's arguments: each one's JSON Schema; `type` is checked here, values where the CLI checks them. */
export type ArgumentTable = Readonly<Record<string, JsonSchema>>;

/** What every tool takes besides its own arguments. */
export function langArgument(lang: Lang): JsonSchema {
  return { type: "string", enum: LANGS, description: t(lang, "mcp.arg.lang") };
}

// Long words are neither echoed whole nor compared letter by letter with every name.
const MAX_SUGGESTED_LENGTH = 100;

/** A name close to one of `names`, when it is short enough to be a typo of one. */
export function nearName(name: string, names: readonly string[]): string | undefined {
  return name.length > MAX_SUGGESTED_LENGTH ? undefined : suggest(name, names);
}

/**
 * The arguments of a call to `tool`, checked: no more than a file's worth,
 * no deeper than answers nest, no unknown name, each of the type its schema
 * gives; `lang` one of the languages. Resolves to the call's language.
 */
export function checkArguments(tool: string, args: Readonly<Record<string, unknown>>, table: ArgumentTable, lang: Lang): Lang {
  if (nestsDeeperThan(args)) throw new InputError(t(lang, "mcp.tooDeep", { max: MAX_NESTING }));
  // The limit of an answers file, said of arguments: a call has no file to check.
  if (Buffer.byteLength(JSON.stringify(args)) > MAX_INPUT_BYTES) throw new InputError(t(lang, "mcp.tooLarge", { limit: "1 MiB" }), t(lang, "mcp.tooLargeHint"));
  const known = Object.keys(table);
  for (const name of Object.keys(args)) {
    if (Object.hasOwn(table, name)) continue;
    const near = nearName(name, known);
    const shown = quoteValue(name);
    throw new UsageError(
      near === undefined
        ? t(lang, "mcp.unknownArgument", { tool, name: shown, known: known.join(", ") })
        : t(lang, "mcp.unknownArgumentSuggest", { tool, name: shown, suggestion: near }),
    );
  }
  for (const [name, schema] of Object.entries(table)) {
    const value = args[name];
    if (value === undefined) continue;
    const expected = schema.type === "string" ? "type.string" : schema.type === "boolean" ? "type.boolean" : schema.type === "integer" ? "mcp.type.integer" : undefined;
    if (expected === undefined || hasType(value, schema.type as string)) continue;
    throw new UsageError(t(lang, "mcp.badArgument", { tool, name, expected: t(lang, expected), got: quoteValue(value) }));
  }
  return oneOf(args.lang, LANGS, (got) => t(lang, "error.badLang", { lang: got, langs: LANGS.join(", ") }), lang) ?? lang;
}

/** A tool's arguments as a message shows them: its required ones, else its first (`{"id": "…"}`, `{"lang": "en"}`). */
export function argumentsExample(table: ArgumentTable, required: readonly string[]): string {
  const names = required.length > 0 ? required : Object.keys(table).slice(0, 1);
  return `{${names.map((name) => `"${name}": ${exampleValue(table[name]!)}`).join(", ")}}`;
}

function exampleValue(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return JSON.stringify(schema.enum[0]);
  return schema.type === "string" ? '"…"' : schema.type === "boolean" ? "true" : schema.type === "integer" ? "1" : "{…}";
}

function hasType(value: unknown, type: string): boolean {
  return type === "integer" ? Number.isInteger(value) : typeof value === type;
}

/**
 * The answers of a call, valid and with their defaults, or the problems an
 * answers file named `answers` would get from the CLI, word for word.
 */
export async function checkedAnswers(raw: unknown, lang: Lang): Promise<Answers> {
  // Left out, the answers are empty (each missing one is named); given as null, they are not an object, as a file of null is not.
  const outcome = await validateAnswers(raw === undefined ? {} : raw, { lang, label: "answers", where: (key) => `answers: ${quoteValue(key)}` });
  if (outcome.ok) return outcome.answers;
  if (outcome.problems.length > 0) throw new InputError(outcome.problems);
  throw missingError(outcome.missing, lang, t(lang, "mcp.missingHint"));
}
