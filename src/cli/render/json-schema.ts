import { globalRegistry, toJSONSchema, type ZodMiniType } from "zod/mini";
import { COUNTED_LIST } from "../../engine/answers.js";
import { answersSchema } from "../../engine/answers-schema.js";
import { QUESTIONS } from "../../engine/questions.js";
import { SCAN_SCHEMA_URL, SCHEMA_URL } from "../package-info.js";
import { t } from "../../i18n/index.js";
import { SCAN_FIELDS, scanResultSchema } from "../../scan/result-schema.js";


/** The answers file's JSON Schema, generated from the zod schema that validates it. */
export function answersJsonSchema(): Record<string, unknown> {
  // The descriptions come from the questions table, registered just for this.
  const schema = answersSchema();
  const shape = (schema as unknown as { def: { shape: Record<string, ZodMiniType> } }).def.shape;
  globalRegistry.add(shape.$schema!, { description: t("en", "schema.$schema") });
  for (const q of QUESTIONS) globalRegistry.add(shape[q.key]!, { description: q.description });
  const { $schema, ...generated } = toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  // "A string or a number" as anyOf: zod writes a list of types, which strict validators (Ajv) refuse.
  (generated.properties as Record<string, unknown>).id = { description: t("en", "schema.id"), anyOf: [{ type: "string" }, { type: "number" }] };
  // The count may be left out beside a list of services, which the CLI counts: one or the other is required.
  // Each branch names its key in "properties" (true: no more checks), as strict validators (Ajv) ask of "required".
  const { count, list } = COUNTED_LIST;
  generated.required = (generated.required as string[]).filter((key) => key !== count);
  generated.anyOf = [count, list].map((key) => ({ properties: { [key]: true }, required: [key] }));
  return {
    $schema,
    $id: SCHEMA_URL,
    title: t("en", "schema.title"),
    description: t("en", "schema.description"),
    ...generated,
  };
}

/** The JSON Schema of `scan --format json`, generated from the zod schema the tests hold the output to. */
export function scanJsonSchema(): Record<string, unknown> {
  const schema = scanResultSchema();
  const shape = (schema as unknown as { def: { shape: Record<string, ZodMiniType> } }).def.shape;
  for (const [key, description] of Object.entries(SCAN_FIELDS)) globalRegistry.add(shape[key]!, { description });
  const { $schema, ...generated } = toJSONSchema(schema) as Record<string, unknown>;
  return { $schema, $id: SCAN_SCHEMA_URL, title: "ecs-or-eks scan", description: "What `ecs-or-eks scan --format json` prints: answers with evidence from a repository's deployment files.", ...generated };
}
