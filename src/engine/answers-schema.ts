import * as z from "zod/mini";
import { ARCHES, OSES } from "./price-types.js";
import { MAX_SET_ITEMS, QUESTIONS, hasDefault, type Answers, type AnswersInput, type Question } from "./questions.js";
import { ENVIRONMENT_NAME, MAX_SERVICE, uniqueNames } from "./workload-answers.js";

// Kept apart from answers.ts so the published types never mention zod.


function fieldSchema(q: Question) {
  switch (q.kind) {
    case "choice":
      return z.enum(q.choices);
    case "set":
      return z.array(z.enum(q.choices)).check(z.maxLength(MAX_SET_ITEMS));
    case "integer":
      return z.int().check(z.minimum(q.min), z.maximum(q.max));
    case "number":
      return z.number().check(z.minimum(q.min), z.maximum(q.max));
    case "services":
      return z.array(service).check(z.minLength(1), z.maxLength(q.max), z.refine(uniqueNames));
    case "environments":
      return z.union([
        z.int().check(z.minimum(1), z.maximum(q.max)),
        z.array(z.strictObject({ name: z.string().check(z.regex(ENVIRONMENT_NAME)), share: z.number().check(z.gt(0), z.lte(1)) })).check(z.minLength(1), z.maxLength(q.max), z.refine(uniqueNames)),
      ]);
  }
}

/** A figure a service may leave out, or give as null (not stated, as a scan writes it): either takes the default. */
const figure = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

// One service of the `services` answer; the figures are per task or pod. A scan's record is one as it is:
// where it was found (file, line, platform, platforms) is taken and set aside (workload-answers.ts).
const service = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(MAX_SERVICE.name)),
  vcpu: figure(z.number().check(z.gt(0), z.lte(MAX_SERVICE.vcpu))),
  memoryGiB: figure(z.number().check(z.gt(0), z.lte(MAX_SERVICE.memoryGiB))),
  replicas: figure(z.int().check(z.gte(0), z.lte(MAX_SERVICE.replicas))),
  arch: figure(z.enum(ARCHES)),
  os: figure(z.enum(OSES)),
  gpu: figure(z.int().check(z.gte(0), z.lte(MAX_SERVICE.gpu))),
  file: z.optional(z.string()),
  line: z.optional(z.int().check(z.gte(0))),
  platform: z.optional(z.nullable(z.string())),
  platforms: z.optional(z.array(z.string()).check(z.maxLength(64))),
});

// Descriptions are attached only when the JSON Schema is generated (src/cli/json-schema.ts):
// every .check(z.meta()) clones a schema, and validation runs on every start.
function buildSchema(withId: boolean) {
  // An "id" names the answer set and weighs nothing: a batch line passes it through (its type is the batch's
  // to check), and a single run takes the same line as it is, so a batch line is one --answers away.
  const shape: Record<string, z.ZodMiniType> = { $schema: z.optional(z.string()), id: withId ? z.optional(z.unknown()) : z.optional(z.union([z.string(), z.number()])) };
  for (const q of QUESTIONS) {
    const field = fieldSchema(q);
    shape[q.key] = q.required ? field : hasDefault(q) ? z._default(field, q.default as never) : z.optional(field);
  }
  return z.strictObject(shape);
}

type AnswersSchema = z.ZodMiniType<Answers & { $schema?: string; id?: string | number }, AnswersInput>;
const built: { file?: AnswersSchema; line?: AnswersSchema } = {};

/**
 * The answers file's schema: the source of the JSON Schema and of validation.
 * Built on first use, not at import: a questionnaire run needs it only once
 * the questions are answered, and building it costs milliseconds. With
 * `batchLine`, the schema of an NDJSON line, which may also hold an "id".
 */
export function answersSchema(batchLine = false): AnswersSchema {
  const which = batchLine ? "line" : "file";
  built[which] ??= buildSchema(batchLine) as unknown as AnswersSchema;
  return built[which];
}
