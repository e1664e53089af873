import fc from "fast-check";
import { QUESTIONS, type Answers } from "../../src/engine/questions.js";

/** Any valid, complete set of answers: every choice, any subset, counts across the whole range, unknowns left out. */
export const answersArbitrary: fc.Arbitrary<Answers> = fc
  .record(
    Object.fromEntries(
      QUESTIONS.map((q) => {
        switch (q.kind) {
          case "choice":
            // A choice with no default may be unknown too: left out of the answers.
            return [q.key, q.required || "default" in q ? fc.constantFrom(...q.choices) : fc.option(fc.constantFrom(...q.choices), { nil: undefined })];
          case "set":
            return [q.key, fc.subarray([...q.choices])];
          case "integer": {
            // Small counts are where the thresholds are; keep the far end reachable too.
            const count = fc.oneof(fc.integer({ min: q.min, max: 80 }), fc.integer({ min: q.min, max: q.max }));
            // A count with no default may be unknown: left out of the answers.
            return [q.key, "default" in q || q.required ? count : fc.option(count, { nil: undefined })];
          }
          case "number": {
            // Quarter steps, as vCPUs come, across the whole range.
            const amount = fc.integer({ min: q.min * 4, max: q.max * 4 }).map((n) => n / 4);
            return [q.key, fc.option(amount, { nil: undefined })];
          }
        }
      }),
    ),
  )
  .map((answers) => Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined))) as unknown as fc.Arbitrary<Answers>;
