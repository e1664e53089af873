import * as z from "zod/mini";
import { QUESTIONS, type Answers, type AnswersInput, type Question } from "./questions.js";

// Kept apart from answers.ts so the published types never mention zod.

// Sets are small (at most every choice once); the cap only stops absurd input early.
const MAX_SET_ITEMS = 32;

function fieldSchema(q: Question) {
  switch (q.kind) {
    case "choice":
      return z.enum(q.choices);
    case "set":
      return z.array(z.enum(q.choices)).check(z.maxLength(MAX_SET_ITEMS));
    case "integer":
      return z.int().check(z.minimum(q.min), z.maximum(q.max));
  }
}

function buildSchema() {
  const shape: Record<string, z.ZodMiniType> = {
    $schema: z.optional(z.string()).check(z.meta({ description: "The JSON Schema this file follows (for editors)." })),
  };
  for (const q of QUESTIONS) {
    const field = fieldSchema(q);
    shape[q.key] = (q.required ? field : z._default(field, q.default as never)).check(
      z.meta({ description: q.description }),
    );
  }
  return z.strictObject(shape);
}

/** The answers file's schema: the source of the JSON Schema and of validation. */
export const answersSchema = buildSchema() as unknown as z.ZodMiniType<Answers & { $schema?: string }, AnswersInput>;
