import { globalRegistry, toJSONSchema, type ZodMiniType } from "zod/mini";
import { answersSchema } from "../../engine/answers-schema.js";
import { QUESTIONS } from "../../engine/questions.js";
import { SCHEMA_URL } from "../package-info.js";


/** The answers file's JSON Schema, generated from the zod schema that validates it. */
export function answersJsonSchema(): Record<string, unknown> {
  // The descriptions come from the questions table, registered just for this.
  const schema = answersSchema();
  const shape = (schema as unknown as { def: { shape: Record<string, ZodMiniType> } }).def.shape;
  globalRegistry.add(shape.$schema!, { description: "The JSON Schema this file follows (for editors)." });
  for (const q of QUESTIONS) globalRegistry.add(shape[q.key]!, { description: q.description });
  const { $schema, ...generated } = toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return {
    $schema,
    $id: SCHEMA_URL,
    title: "ecs-or-eks answers",
    description: "A team's answers for `ecs-or-eks --answers FILE`: ECS or EKS, on Fargate or EC2.",
    ...generated,
  };
}
