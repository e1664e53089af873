import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quickCheckAnswers } from "../../src/engine/answers-quick-check.js";
import { answersSchema } from "../../src/engine/answers-schema.js";
import { QUESTIONS, type Question } from "../../src/engine/questions.js";
import { answersWithEstimate as answersArbitrary, environmentsArbitrary, servicesArbitrary } from "../helpers/arbitraries.js";

// The fast check decides what a valid answers file is on every run; zod only
// explains the failures. If the two ever disagreed, a file would be accepted
// with no schema behind it, or refused with no reason. Zod is the oracle here.

/** Values one step off a question's valid ones: the ones a hand-written check gets wrong. */
function nearMiss(q: Question): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case "choice":
      return fc.oneof(
        fc.constantFrom(...q.choices.map((c) => c.toUpperCase()), ...q.choices.map((c) => ` ${c}`), [q.choices[0]], null, 1, ""),
        fc.string(),
      );
    case "set":
      return fc.oneof(
        fc.constantFrom(q.choices[0], [q.choices[0], q.choices[0]], [q.choices[0].toUpperCase()], [null], {}, Array(33).fill(q.choices[0])),
        fc.array(fc.constantFrom(...q.choices), { minLength: 30, maxLength: 34 }),
        fc.array(fc.oneof(fc.constantFrom(...q.choices), fc.string())),
      );
    case "integer":
      return fc.constantFrom(q.min - 1, q.max + 1, q.min, q.max, 1.5, -0, String(q.min), null, true, [q.min], Number.MAX_SAFE_INTEGER + 2, 1e21);
    case "number":
      return fc.constantFrom(q.min - 0.01, q.max + 0.01, q.min, q.max, 1.5, -0, 0, String(q.min), null, true, [q.min], Infinity, NaN, 1e21);
    case "services":
      return fc.oneof(
        fc.constantFrom([], {}, "api", [null], [{}], [{ name: "" }], [{ name: "a" }, { name: "a" }], [{ name: "a", vcpu: 0 }], [{ name: "a", vcpu: 193 }], [{ name: "a", replicas: 1.5 }]),
        fc.constantFrom([{ name: "a", replicas: -1 }], [{ name: "a", gpu: 65 }], [{ name: "a", arch: "ARM" }], [{ name: "a", os: "mac" }], [{ name: "a", cpu: 1 }], [{ name: "a".repeat(101) }]),
        servicesArbitrary,
      );
    case "environments":
      return fc.oneof(
        fc.constantFrom(0, 21, 1.5, "2", [], [{ name: "prod" }], [{ name: "prod", share: 0 }], [{ name: "prod", share: 1.01 }], [{ name: "-x", share: 1 }]),
        fc.constantFrom([{ name: "a", share: 1 }, { name: "a", share: 0.5 }], [{ name: "a", share: 1, extra: 1 }]),
        environmentsArbitrary,
      );
  }
}

const rawAnswers = fc
  .tuple(
    answersArbitrary,
    fc.array(
      fc.oneof(
        fc.constantFrom(...QUESTIONS).chain((q) => fc.tuple(fc.constant(q.key), fc.oneof(nearMiss(q), fc.anything()))),
        fc.tuple(fc.constantFrom("id", "$schema", "__proto__", "constructor", "budgets", ""), fc.anything()),
        fc.tuple(fc.constantFrom("$schema"), fc.string()),
        fc.tuple(fc.constantFrom(...QUESTIONS.map((q) => q.key)), fc.constant(undefined)),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([answers, changes]) => {
    // JSON.parse makes "__proto__" an own key; so does defineProperty.
    const raw: Record<string, unknown> = { ...answers };
    for (const [key, value] of changes) {
      if (value === undefined) delete raw[key];
      else Object.defineProperty(raw, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return raw;
  });

/** What the engine keeps of zod's output: answers given or defaulted, lists in the question's order. */
function kept(data: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const value = data[q.key];
    if (value === undefined) continue;
    answers[q.key] = q.kind === "set" ? q.choices.filter((c) => (value as string[]).includes(c)) : value;
  }
  return answers;
}

describe("the fast answers check", () => {
  for (const batchLine of [false, true]) {
    it(`accepts exactly what the zod schema accepts, with the same answers out (${batchLine ? "a --batch line" : "an answers file"})`, () => {
      fc.assert(
        fc.property(rawAnswers, (raw) => {
          const byZod = answersSchema(batchLine).safeParse(raw);
          const fast = quickCheckAnswers(raw, batchLine);
          expect(fast !== undefined).toBe(byZod.success);
          if (fast && byZod.success) expect(fast).toEqual(kept(byZod.data as Record<string, unknown>));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it("refuses what is not an object at all, as zod does", () => {
    for (const raw of [null, [], "x", 1, true, undefined]) {
      expect(quickCheckAnswers(raw)).toBeUndefined();
      expect(answersSchema().safeParse(raw).success).toBe(false);
    }
  });
});
