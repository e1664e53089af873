import { EXIT } from "../output/exit-codes.js";
import type { Lang } from "../../i18n/index.js";
import type { SchemaOptions } from "../input/options.js";
import type { Io } from "../terminal/io.js";

/** `ecs-or-eks schema`: the answers file's JSON Schema. */
export async function printSchema(_options: SchemaOptions, io: Io, _lang: Lang): Promise<number> {
  // The bundle carries the schema generated at build time; from source (the tests) it is generated here.
  const text =
    typeof __ECS_OR_EKS_ANSWERS_SCHEMA__ === "string"
      ? __ECS_OR_EKS_ANSWERS_SCHEMA__
      : `${JSON.stringify((await import("../render/json-schema.js")).answersJsonSchema(), null, 2)}\n`;
  io.stdout.write(text);
  return EXIT.ok;
}
