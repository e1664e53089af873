import * as z from "zod/mini";
import type { Calibration } from "./calibration.js";
import type { Same } from "./same-type.js";

// The shape of rules/calibration.json, which test/engine/corpus.test.ts
// measures and writes. The engine takes the file as it is at every start; the
// build and the tests hold it to this (data-files.ts).

const band = z.strictObject({ agreed: z.int().check(z.gte(0)), of: z.int().check(z.gte(1)) });

export const calibrationSchema = z.strictObject({
  rulesVersion: z.string().check(z.minLength(1)),
  corpus: z.int().check(z.gte(1)),
  cuts: z.strictObject({ leaningFrom: z.number().check(z.gt(0)), clearFrom: z.number().check(z.gt(0)), source: z.string().check(z.minLength(1)) }),
  bands: z.strictObject({ close: band, leaning: band, clear: band }),
});

// The schema must accept exactly the type the engine reads; this fails to compile if they drift.
const inSync: Same<z.infer<typeof calibrationSchema>, Calibration> = true;
void inSync;
