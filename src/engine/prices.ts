import type * as z from "zod/mini";
import { MAX_NESTING, nestsDeeperThan } from "./depth.js";
import { expectedTypeKey } from "./expected-type.js";
import { msg, type Message } from "./message.js";
import type { Prices, PricesFileData, PricesOrigin } from "./price-types.js";
import { pricesFileSchema } from "./prices-schema.js";
import { QUESTIONS } from "./questions.js";
import { quoteValue } from "./quote-value.js";

export interface ParsePricesOptions {
  /** The file name used in messages. */
  file: string;
  origin?: { source: "built-in" } | { source: "file"; path: string; sha256: string };
  /** The prices an overrides file (`"extends": "built-in"`) changes. */
  base?: Prices;
}

export type PricesOutcome<P = Message> = { ok: true; prices: Prices } | { ok: false; problems: P[] };

/** The regions the `region` answer allows: a prices file must price each. */
const REGIONS: readonly string[] = QUESTIONS.find((q) => q.key === "region")!.choices;

type Path = (string | number)[];

/**
 * Validates a parsed prices file, or an overrides file applied to `base`.
 * Pure: the caller reads the file. An overrides file changes only what it
 * names: objects merge key by key, and a figure (an object with `asOf`) is
 * replaced whole, so it never keeps another figure's date or source. Every
 * problem is returned, each naming the file and the field.
 */
export function validatePrices(json: unknown, options: ParsePricesOptions): PricesOutcome {
  const { file } = options;
  if (!isRecord(json)) return { ok: false, problems: [msg("prices.notObject", { file })] };
  if (nestsDeeperThan(json)) return { ok: false, problems: [msg("prices.tooDeep", { file, max: MAX_NESTING })] };
  const problems: Message[] = [];
  const at = (path: Path, message: Message) =>
    problems.push(path.length > 0 ? msg("rules.problemAtField", { file, field: formatPath(path), message }) : msg("rules.problemInFile", { file, message }));

  let merged: unknown = json;
  const base = "extends" in json ? options.base : undefined;
  if ("extends" in json) {
    if (!base) return { ok: false, problems: [msg("rules.noBase", { file })] };
    const { extends: extended, ...changes } = json;
    if (extended !== "built-in") at(["extends"], msg("rules.notOneOf", { values: "built-in", got: quoteValue(extended) }));
    merged = mergeFigures(base.data, changes);
  }
  const shape = pricesFileSchema.safeParse(merged);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      // Each unknown field a problem of its own, on its own line.
      if (issue.code === "unrecognized_keys") for (const key of issue.keys) at(issuePath(issue), msg("rules.unknownField", { key }));
      else at(issuePath(issue), issueMessage(issue, merged));
    }
  }
  for (const [path, message] of checkMeaning(merged)) at(path, message);
  if (problems.length > 0 || !shape.success) return { ok: false, problems };

  const data = shape.data as PricesFileData;
  const given = options.origin ?? { source: "built-in" };
  const origin: PricesOrigin =
    given.source === "built-in" ? { source: "built-in", version: data.version } : { ...given, version: data.version, ...(base ? { extends: "built-in" as const } : {}) };
  return { ok: true, prices: { origin, data } };
}

/** The base with the changes laid over it: objects merge, a figure (it has asOf) and anything else is replaced. */
function mergeFigures(base: unknown, changes: unknown): unknown {
  if (!isRecord(base) || !isRecord(changes) || "asOf" in base || "asOf" in changes) return changes;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) out[key] = key in base ? mergeFigures(base[key], value) : value;
  return out;
}

/** What a schema cannot say: the regions the answers allow, instance types that exist, an x86 type to price. */
function checkMeaning(json: unknown): [Path, Message][] {
  const problems: [Path, Message][] = [];
  if (!isRecord(json)) return problems;
  const types = isRecord(json.instanceTypes) ? json.instanceTypes : {};
  const regions = isRecord(json.regions) ? json.regions : undefined;
  if (regions) {
    for (const region of REGIONS) if (!(region in regions)) problems.push([["regions"], msg("prices.missingRegion", { region })]);
    for (const [name, region] of Object.entries(regions)) {
      if (!REGIONS.includes(name)) problems.push([["regions", name], msg("prices.unknownRegion", { region: name, known: REGIONS.join(", ") })]);
      const ec2 = isRecord(region) && isRecord(region.ec2) ? region.ec2 : undefined;
      if (!ec2) continue;
      for (const type of Object.keys(ec2)) {
        if (!(type in types)) problems.push([["regions", name, "ec2", type], msg("prices.unknownType", { type, known: Object.keys(types).join(", ") })]);
      }
      const x86 = Object.keys(ec2).some((type) => isRecord(types[type]) && (types[type] as Record<string, unknown>).arch === "x86");
      if (!x86) problems.push([["regions", name, "ec2"], msg("prices.noX86")]);
    }
  }
  const sizes = isRecord(json.fargateTaskSizes) && Array.isArray(json.fargateTaskSizes.sizes) ? json.fargateTaskSizes.sizes : [];
  sizes.forEach((size: unknown, i) => {
    const range = isRecord(size) && isRecord(size.memoryGiBRange) ? size.memoryGiBRange : undefined;
    if (range && typeof range.from === "number" && typeof range.to === "number" && range.from > range.to) {
      problems.push([["fargateTaskSizes", "sizes", i, "memoryGiBRange"], msg("prices.badRange")]);
    }
  });
  const bands = isRecord(json.eksNodeReservation) && Array.isArray(json.eksNodeReservation.cpuShares) ? json.eksNodeReservation.cpuShares : [];
  const open = bands.map((band: unknown) => isRecord(band) && band.cores === undefined);
  if (bands.length > 0 && (open.at(-1) !== true || open.slice(0, -1).some(Boolean))) problems.push([["eksNodeReservation", "cpuShares"], msg("prices.lastBand")]);
  return problems;
}

function issuePath(issue: z.core.$ZodIssue): Path {
  return issue.path.filter((p): p is string | number => typeof p !== "symbol");
}

function issueMessage(issue: z.core.$ZodIssue, json: unknown): Message {
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
      return msg("prices.badSize", { got: quoteValue(got) });
    default:
      return { text: issue.message };
  }
}

function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function valueAt(json: unknown, path: Path): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
