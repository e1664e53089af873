import type * as z from "zod/mini";
import { calibrationSchema } from "./calibration-schema.js";
import { factsSchema } from "./facts-schema.js";
import { msg, type Message } from "./message.js";
import { issueMessage, issuePath, problemAt } from "./schema-issues.js";

// The data files in rules/ that no user gives, so that no command checks
// them: the engine takes each as it is at every start, as it takes the
// built-in rules and prices, and the build and the tests hold each to its
// schema, as they run `rules check` and `prices check` on the others.

/** Each file's schema, by its place in the repository: the name its problems give. */
export const DATA_FILES = { "rules/facts.json": factsSchema, "rules/calibration.json": calibrationSchema } as const;

export type DataFile = keyof typeof DATA_FILES;

/** Every way `json` falls short of `file`'s schema, each naming the file and the field. */
export function validateDataFile(file: DataFile, json: unknown): Message[] {
  const shape = DATA_FILES[file].safeParse(json);
  if (shape.success) return [];
  return shape.error.issues.flatMap(closestShape).flatMap((issue) =>
    // Each unknown field a problem of its own, as in a prices file.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => problemAt(file, issuePath(issue), msg("rules.unknownField", { key })))
      : [problemAt(file, issuePath(issue), issueMessage(issue, json))],
  );
}

/** A value that fits no shape of a union, as the problems of the shape it came closest to: the field that is wrong, not zod's "invalid input". */
function closestShape(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const closest = issue.errors.reduce((best, each) => (each.length < best.length ? each : best));
  return closest.flatMap((inner) => closestShape({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}
