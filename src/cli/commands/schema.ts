import { EXIT } from "../errors-report.js";
import type { Io } from "../io.js";

export async function printSchema(io: Io): Promise<number> {
  // The bundle carries the schema generated at build time; from source (the tests) it is generated here.
  const text =
    typeof __ECS_OR_EKS_ANSWERS_SCHEMA__ === "string"
      ? __ECS_OR_EKS_ANSWERS_SCHEMA__
      : `${JSON.stringify((await import("../json-schema.js")).answersJsonSchema(), null, 2)}\n`;
  io.stdout.write(text);
  return EXIT.ok;
}
