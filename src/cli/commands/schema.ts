import { EXIT } from "../output/report-error.js";
import type { Io } from "../terminal/io.js";

export async function printSchema(io: Io): Promise<number> {
  // The bundle carries the schema generated at build time; from source (the tests) it is generated here.
  const text =
    typeof __ECS_OR_EKS_ANSWERS_SCHEMA__ === "string"
      ? __ECS_OR_EKS_ANSWERS_SCHEMA__
      : `${JSON.stringify((await import("../render/json-schema.js")).answersJsonSchema(), null, 2)}\n`;
  io.stdout.write(text);
  return EXIT.ok;
}
