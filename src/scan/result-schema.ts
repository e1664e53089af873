// The JSON shape `scan --format json` prints, as a zod schema: the build
// turns it into dist/scan.schema.json beside the answers' schema, and the
// tests hold the scanner's output to it.
import * as z from "zod/mini";
import { ARCHES, OSES } from "../engine/price-types.js";
import type { Same } from "../engine/same-type.js";
import { CONFIDENCES, PLATFORMS, SKIP_REASONS, STOCK_ROLES, type ScanResult } from "./evidence.js";

const line = z.int().check(z.minimum(1));
const platform = z.enum(PLATFORMS);

export function scanResultSchema() {
  return z.strictObject({
    schemaVersion: z.literal(1),
    root: z.string(),
    answers: z.record(z.string(), z.unknown()),
    evidence: z.array(
      z.strictObject({
        answer: z.string(),
        value: z.union([z.string(), z.number()]),
        file: z.string(),
        line,
        detail: z.string(),
        confidence: z.enum(CONFIDENCES),
      }),
    ),
    services: z.array(
      z.strictObject({
        name: z.string(),
        vcpu: z.nullable(z.number()),
        memoryGiB: z.nullable(z.number()),
        replicas: z.nullable(z.int()),
        arch: z.nullable(z.enum(ARCHES)),
        os: z.nullable(z.enum(OSES)),
        gpu: z.nullable(z.int()),
        platform: z.nullable(platform),
        platforms: z.readonly(z.array(platform)),
        file: z.string(),
        line,
      }),
    ),
    others: z.array(
      z.strictObject({
        name: z.string(),
        image: z.string(),
        role: z.enum(STOCK_ROLES),
        file: z.string(),
        line,
      }),
    ),
    skipped: z.array(
      z.strictObject({
        file: z.string(),
        reason: z.enum(SKIP_REASONS),
        line: z.optional(line),
      }),
    ),
  });
}

// The schema must accept exactly the library's ScanResult type; this fails to compile if they drift. Only
// schemaVersion differs: the schema pins this version's number, the type says a number.
type Printed = z.infer<ReturnType<typeof scanResultSchema>>;
const inSync: Same<Omit<Printed, "schemaVersion">, Omit<ScanResult, "schemaVersion">> = true;
void inSync;

/** What each field means, for the JSON Schema's descriptions. */
export const SCAN_FIELDS: Readonly<Record<string, string>> = {
  schemaVersion: "The version of this shape; bumped when a field's meaning changes.",
  root: "The folder scanned, as given.",
  answers: "Answers for the answers file, only keys it knows with values it takes: what --from DIR merges.",
  evidence: "Each fact behind an answer: the value it supports, the file (relative to root, with / separators) and line that show it, what the line shows, and how sure the scan is (high: a deploy file states it; medium: several hints agree; low: a single hint).",
  services: "The team's own services (not stock databases, caches or queues), with the figures their files state; a figure not stated is null. line is the line that states vCPU, else memory, else replicas. platform is where the figures come from (the platform the repository runs most on, where the service is there); platforms lists every platform the files deploy it to.",
  others: "Workloads that run stock images (databases, caches, queues), not counted as services.",
  skipped: "Files not read, or read and refused, and why.",
};
