import { readFileSync } from "node:fs";
import { QUESTIONS } from "../../engine/questions.js";
import { t, tDynamic, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";

/** `ecs-or-eks schema`: the answers file's JSON Schema. */
export async function printSchema(io: Io, lang: Lang): Promise<number> {
  // The shipped file is English; another language gets the same schema with its descriptions in that language.
  io.stdout.write(lang === "en" ? await schemaText() : `${JSON.stringify(await answersSchemaIn(lang), null, 2)}\n`);
  return EXIT.ok;
}

/** The answers file's JSON Schema, its descriptions in `lang`: what `schema` prints, and what the MCP server's tools take as answers. */
export async function answersSchemaIn(lang: Lang): Promise<JsonSchema> {
  const schema = JSON.parse(await schemaText()) as JsonSchema;
  return lang === "en" ? schema : localized(schema, lang);
}

async function schemaText(): Promise<string> {
  // The bundle drops the generator (and zod's JSON Schema code) as dead code: it reads the file the build wrote.
  return __ECS_OR_EKS_BUNDLE__ ? shippedSchema() : `${JSON.stringify((await import("../render/json-schema.js")).answersJsonSchema(), null, 2)}\n`;
}

export interface JsonSchema {
  [key: string]: unknown;
  title?: string;
  description?: string;
  properties: Record<string, { description?: string }>;
}

/**
 * Each description in `lang`, written for a file (not the prompts' hints,
 * which speak of keys to press); an answer without one (added since) says its
 * question and what each value means.
 */
async function localized(schema: JsonSchema, lang: Lang): Promise<JsonSchema> {
  const own: Partial<Record<string, string>> = lang === "ko" ? (await import("../../i18n/schema.ko.js")).koSchemaDescriptions : {};
  const properties = { ...schema.properties };
  properties.$schema = { ...properties.$schema, description: t(lang, "schema.$schema") };
  for (const q of QUESTIONS) {
    const values = q.kind === "choice" || q.kind === "set" ? ` (${q.choices.map((c) => `${c}: ${tDynamic(lang, `choice.${q.key}.${c}`, c)}`).join(", ")})` : "";
    properties[q.key] = { ...properties[q.key], description: own[q.key] ?? `${t(lang, `q.${q.key}`)}${values}` };
  }
  return { ...schema, title: t(lang, "schema.title"), description: t(lang, "schema.description"), properties };
}

/** The JSON Schema of `scan --format json`: the MCP server's scan tool returns that JSON. */
export async function scanSchema(): Promise<JsonSchema> {
  return __ECS_OR_EKS_BUNDLE__ ? (JSON.parse(shippedSchema("scan.schema.json")) as JsonSchema) : ((await import("../render/json-schema.js")).scanJsonSchema() as JsonSchema);
}

/** A schema the build generated and ships beside the bundle (dist/answers.schema.json, dist/scan.schema.json), one folder up from this chunk. */
function shippedSchema(file = "answers.schema.json"): string {
  return readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
}
