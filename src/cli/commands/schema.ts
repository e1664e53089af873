import { readFileSync } from "node:fs";
import type { Lang } from "../../i18n/index.js";
import type { SchemaOptions } from "../input/options.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";

/** `ecs-or-eks schema`: the answers file's JSON Schema. */
export async function printSchema(_options: SchemaOptions, io: Io, _lang: Lang): Promise<number> {
  // The bundle drops the generator (and zod's JSON Schema code) as dead code: it reads the file the build wrote.
  io.stdout.write(__ECS_OR_EKS_BUNDLE__ ? shippedSchema() : `${JSON.stringify((await import("../render/json-schema.js")).answersJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

/** The schema the build generated and ships beside the bundle: dist/answers.schema.json, one folder up from this chunk. */
function shippedSchema(): string {
  return readFileSync(new URL("../answers.schema.json", import.meta.url), "utf8");
}
