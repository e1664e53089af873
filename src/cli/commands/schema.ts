import * as z from "zod/mini";
import { answersSchema } from "../../engine/answers-schema.js";
import { EXIT } from "../errors-report.js";
import type { Io } from "../io.js";
import { SCHEMA_URL } from "../schema-url.js";

/** The answers file's JSON Schema, generated from the zod schema that validates it. */
export function answersJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(answersSchema, { io: "input" }) as Record<string, unknown>;
  return {
    $schema,
    $id: SCHEMA_URL,
    title: "ecs-or-eks answers",
    description: "A team's answers for `ecs-or-eks --answers FILE`: ECS or EKS, on Fargate or EC2.",
    ...generated,
  };
}

export function printSchema(io: Io): number {
  io.stdout.write(`${JSON.stringify(answersJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
