import type * as z from "zod/mini";
import { expectedTypeKey } from "./expected-type.js";
import { msg, type Message } from "./message.js";
import { quoteValue } from "./quote-value.js";

// zod's issues with a data file (prices, facts, calibration) as messages that
// name the file and the field: `prices.json: field "regions.x.ec2": must be ...`.

export type Path = (string | number)[];

/** A problem at `path` in `file`, or with the file as a whole when the path is empty. */
export function problemAt(file: string, path: Path, message: Message): Message {
  return path.length > 0 ? msg("rules.problemAtField", { file, field: formatPath(path), message }) : msg("rules.problemInFile", { file, message });
}

export function issuePath(issue: z.core.$ZodIssue): Path {
  return issue.path.filter((p): p is string | number => typeof p !== "symbol");
}

/**
 * What an issue says of the value at its path in `json`. A value that fits
 * no shape of a union is worded by `union` where the caller has a sentence
 * for the shapes, else in zod's own words.
 */
export function issueMessage(issue: z.core.$ZodIssue, json: unknown, union?: (got: string) => Message): Message {
  const path = issuePath(issue);
  const got = valueAt(json, path);
  if (got === undefined) return msg("rules.missingField");
  switch (issue.code) {
    case "invalid_type":
      return msg("rules.wrongType", { expected: msg(expectedTypeKey(issue.expected)), got: quoteValue(got) });
    case "invalid_value":
      return msg("rules.notOneOf", { values: issue.values.map(String).join(", "), got: quoteValue(got) });
    case "too_small":
      if (Array.isArray(got)) return msg("rules.empty");
      return msg(issue.inclusive ? "prices.tooSmall" : "prices.notAbove", { min: Number(issue.minimum), got: quoteValue(got) });
    case "too_big":
      return msg(issue.inclusive ? "prices.tooBig" : "prices.notBelow", { max: Number(issue.maximum), got: quoteValue(got) });
    case "invalid_format":
      return msg("prices.badDate", { got: quoteValue(got) });
    case "invalid_union":
      return union ? union(quoteValue(got)) : { text: issue.message };
    default:
      return { text: issue.message };
  }
}

/** A field's place as a reader writes it: `regions.us-east-1.ec2[2]`. */
export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The value at `path` in `json`; undefined where the path leads nowhere. */
export function valueAt(json: unknown, path: Path): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
