import { MAX_NESTING, nestsDeeperThan } from "./depth.js";
import { msg, type Message } from "./message.js";
import type { Prices, PricesFileData, PricesOrigin } from "./price-types.js";
import { PRICE_LIMITS, pricesFileSchema } from "./prices-schema.js";
import { QUESTIONS } from "./questions.js";
import { quoteValue } from "./quote-value.js";
import { EPSILON } from "./rounding.js";
import { issueMessage, issuePath, problemAt, type Path } from "./schema-issues.js";

export interface ParsePricesOptions {
  /** The file name used in messages. */
  file: string;
  origin?: { source: "built-in" } | { source: "file"; path: string; sha256: string };
  /** The prices an overrides file (`"extends": "built-in"`) changes. */
  base?: Prices;
  /** The last year a figure may be dated (the caller's next year); without it, only the first year is checked. */
  latestYear?: number;
}

export type PricesOutcome<P = Message> = { ok: true; prices: Prices } | { ok: false; problems: P[] };

/** The regions the `region` answer allows: a prices file must price each. */
const REGIONS: readonly string[] = QUESTIONS.find((q) => q.key === "region")!.choices;

/** A region's lists of prices by instance type. */
const PER_TYPE = ["ec2", "ec2Windows", "ec2Spot", "ec2Savings1y", "ec2Savings3y"] as const;

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
  const at = (path: Path, message: Message) => problems.push(problemAt(file, path, message));

  let merged: unknown = json;
  const extending = Object.hasOwn(json, "extends");
  const base = extending ? options.base : undefined;
  if (extending) {
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
      else at(issuePath(issue), issueMessage(issue, merged, (got) => msg("prices.badSize", { got })));
    }
  }
  for (const [path, message] of [...prototypeKeys(json), ...checkMeaning(merged), ...checkDates(merged, options.latestYear)]) at(path, message);
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
  // defineProperty, not assignment: a "__proto__" key stays a key (and is reported), never the object's prototype.
  for (const [key, value] of Object.entries(changes)) {
    Object.defineProperty(out, key, { value: Object.hasOwn(base, key) ? mergeFigures(base[key], value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** What a schema cannot say: regions the answers allow, instance types that exist, an x86 type to price. */
function checkMeaning(json: unknown): [Path, Message][] {
  const problems: [Path, Message][] = [];
  if (!isRecord(json)) return problems;
  const types = isRecord(json.instanceTypes) ? json.instanceTypes : {};
  const regions = isRecord(json.regions) ? json.regions : undefined;
  if (regions) {
    // A file may price a few regions; a run in another is told so (the estimate's own check).
    if (Object.keys(regions).length === 0) problems.push([["regions"], msg("prices.noRegion", { known: REGIONS.join(", ") })]);
    for (const [name, region] of Object.entries(regions)) {
      if (!REGIONS.includes(name)) problems.push([["regions", name], msg("prices.unknownRegion", { region: name, known: REGIONS.join(", ") })]);
      if (!isRecord(region)) continue;
      // Every price per instance type names a type the file describes.
      for (const list of PER_TYPE) {
        const prices = isRecord(region[list]) ? region[list] : {};
        for (const type of Object.keys(prices)) {
          if (!Object.hasOwn(types, type)) problems.push([["regions", name, list, type], msg("prices.unknownType", { type, known: Object.keys(types).join(", ") })]);
        }
      }
      const ec2 = isRecord(region.ec2) ? region.ec2 : undefined;
      if (!ec2) continue;
      const x86 = Object.keys(ec2).some((type) => isRecord(types[type]) && (types[type] as Record<string, unknown>).arch === "x86");
      if (!x86) problems.push([["regions", name, "ec2"], msg("prices.noX86")]);
    }
  }
  const reservation = isRecord(json.eksNodeReservation) && isRecord(json.eksNodeReservation.memoryMiB) ? json.eksNodeReservation.memoryMiB : {};
  for (const [type, spec] of Object.entries(types)) {
    if (!isRecord(spec)) continue;
    if ((spec.family === "gpu") !== (spec.gpus !== undefined)) problems.push([["instanceTypes", type, "gpus"], msg("prices.gpuFamily")]);
    // What the EKS AMI keeps back must leave a node room for pods, or no type can be placed on.
    const kept = [reservation.base, reservation.perPod, spec.eksMaxPods, reservation.eviction, spec.memoryGiB];
    if (kept.every((n) => typeof n === "number")) {
      const [base, perPod, pods, eviction, memory] = kept as number[];
      const reserved = base! + perPod! * pods! + eviction!;
      const memoryMiB = memory! * 1024;
      if (reserved > memoryMiB * PRICE_LIMITS.maxReservedShare) {
        problems.push([["instanceTypes", type], msg("prices.reservation", { reserved: Math.round(reserved), memory: Math.round(memoryMiB), share: PRICE_LIMITS.maxReservedShare * 100 })]);
      }
    }
  }
  const sizes = isRecord(json.fargateTaskSizes) && Array.isArray(json.fargateTaskSizes.sizes) ? json.fargateTaskSizes.sizes : [];
  // Counted, never enumerated: a range's pairs are worked out only once the file is known to give few.
  let pairs = 0;
  let largest = 0;
  sizes.forEach((size: unknown, i) => {
    if (!isRecord(size)) return;
    const range = isRecord(size.memoryGiBRange) ? size.memoryGiBRange : undefined;
    if (range && typeof range.from === "number" && typeof range.to === "number" && range.from > range.to) {
      problems.push([["fargateTaskSizes", "sizes", i, "memoryGiBRange"], msg("prices.badRange")]);
    } else if (range && typeof range.from === "number" && typeof range.to === "number" && typeof range.step === "number" && range.step > 0) {
      pairs += Math.floor((range.to - range.from) / range.step + EPSILON) + 1;
      largest = Math.max(largest, range.to);
    }
    if (Array.isArray(size.memoryGiB)) {
      pairs += size.memoryGiB.length;
      for (const memory of size.memoryGiB) if (typeof memory === "number") largest = Math.max(largest, memory);
    }
  });
  if (pairs > PRICE_LIMITS.maxFargatePairs) problems.push([["fargateTaskSizes", "sizes"], msg("prices.tooManyPairs", { count: pairs, max: PRICE_LIMITS.maxFargatePairs })]);
  const add = isRecord(json.eksFargatePodMemory) ? json.eksFargatePodMemory.addGiB : undefined;
  if (sizes.length > 0 && typeof add === "number" && largest - add < PRICE_LIMITS.minPodRoomGiB) {
    problems.push([["eksFargatePodMemory", "addGiB"], msg("prices.noPodRoom", { add, largest, min: PRICE_LIMITS.minPodRoomGiB })]);
  }
  const bands = isRecord(json.eksNodeReservation) && Array.isArray(json.eksNodeReservation.cpuShares) ? json.eksNodeReservation.cpuShares : [];
  const open = bands.map((band: unknown) => isRecord(band) && band.cores === undefined);
  if (bands.length > 0 && (open.at(-1) !== true || open.slice(0, -1).some(Boolean))) problems.push([["eksNodeReservation", "cpuShares"], msg("prices.lastBand")]);
  return problems;
}

/** Every "__proto__" key, at any depth: JSON.parse keeps it as a key, but an object built from it would take it as its prototype and drop it. */
function prototypeKeys(json: unknown, path: Path = []): [Path, Message][] {
  if (Array.isArray(json)) return json.flatMap((item, i) => prototypeKeys(item, [...path, i]));
  if (!isRecord(json)) return [];
  return Object.keys(json).flatMap((key) => (key === "__proto__" ? [[path, msg("prices.protoKey")] as [Path, Message]] : prototypeKeys(json[key], [...path, key])));
}

/** Every asOf: a real calendar date (no 2026-02-30), from the first year a figure can have to the caller's next year. */
function checkDates(json: unknown, latestYear: number | undefined, path: Path = []): [Path, Message][] {
  if (Array.isArray(json)) return json.flatMap((item, i) => checkDates(item, latestYear, [...path, i]));
  if (!isRecord(json)) return [];
  return Object.keys(json).flatMap((key): [Path, Message][] => {
    const value = json[key];
    if (key !== "asOf" || typeof value !== "string") return checkDates(value, latestYear, [...path, key]);
    const date = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
    if (!date) return []; // the schema reports the shape
    const [year, month, day] = [Number(date[1]), Number(date[2] ?? 1), Number(date[3] ?? 1)];
    if (year < PRICE_LIMITS.firstYear || year > (latestYear ?? Infinity)) {
      const words = latestYear === undefined ? msg("prices.yearFrom", { first: PRICE_LIMITS.firstYear, got: quoteValue(value) }) : msg("prices.yearRange", { first: PRICE_LIMITS.firstYear, last: latestYear, got: quoteValue(value) });
      return [[[...path, key], words]];
    }
    const real = new Date(Date.UTC(year, month - 1, day));
    return real.getUTCMonth() === month - 1 && real.getUTCDate() === day ? [] : [[[...path, key], msg("prices.notADate", { got: quoteValue(value) })]];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
