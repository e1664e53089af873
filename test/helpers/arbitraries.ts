import fc from "fast-check";
import { QUESTIONS, type Answers } from "../../src/engine/questions.js";

/** One service of the `services` answer, each figure sometimes left out (per task: quarter vCPUs, half GiBs, as tasks come). */
const serviceArbitrary = fc.record(
  {
    vcpu: fc.integer({ min: 1, max: 64 }).map((n) => n / 4),
    memoryGiB: fc.integer({ min: 1, max: 128 }).map((n) => n / 2),
    replicas: fc.integer({ min: 0, max: 12 }),
    arch: fc.constantFrom("x86", "arm"),
    os: fc.constantFrom("linux", "windows"),
    gpu: fc.integer({ min: 0, max: 2 }),
  },
  { requiredKeys: [] },
);

/** A list of services with distinct names, small enough to place a thousand times. */
export const servicesArbitrary = fc
  .array(serviceArbitrary, { minLength: 1, maxLength: 8 })
  .map((list) => list.map((service, i) => ({ name: `svc-${i}`, ...service })));

/** A count of environments, or names with shares. */
export const environmentsArbitrary = fc.oneof(
  fc.integer({ min: 1, max: 3 }),
  fc.subarray(["prod", "stage", "dev"], { minLength: 1 }).chain((names) =>
    fc.tuple(...names.map(() => fc.integer({ min: 1, max: 20 }).map((n) => n / 20))).map((shares) => names.map((name, i) => ({ name, share: shares[i]! }))),
  ),
);

/**
 * The answers the cost estimate's issue 24 added, and the regions it added:
 * the golden corpus draws its answer sets from the arbitrary without them, so
 * its inputs, and what they recommend, stay the ones recorded before.
 */
const ADDED_BY_ISSUE_24 = new Set(["services", "environments", "pricing", "loadBalancers", "natDataGiB", "logGiBPerTask"]);
const REGIONS_BEFORE_ISSUE_24 = ["us-east-1", "ap-northeast-2"];

function answersOf(withEstimate: boolean): fc.Arbitrary<Answers> {
  return fc
    .record(
      Object.fromEntries(
        QUESTIONS.map((q) => {
          // Left out, an added answer still has its default, as a parsed answers file has it (pricing: on-demand).
          if (!withEstimate && ADDED_BY_ISSUE_24.has(q.key)) return [q.key, fc.constant("default" in q ? q.default : undefined)];
          switch (q.kind) {
            case "choice": {
              const choice = fc.constantFrom(...(q.key === "region" && !withEstimate ? REGIONS_BEFORE_ISSUE_24 : q.choices));
              // A choice with no default may be unknown too: left out of the answers.
              return [q.key, q.required || "default" in q ? choice : fc.option(choice, { nil: undefined })];
            }
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
            case "services":
              return [q.key, fc.option(servicesArbitrary, { nil: undefined })];
            case "environments":
              return [q.key, fc.option(environmentsArbitrary, { nil: undefined })];
          }
        }),
      ),
    )
    .map((answers) => Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined))) as unknown as fc.Arbitrary<Answers>;
}

/** Any valid, complete set of answers: every choice, any subset, counts across the whole range, unknowns left out (the cost estimate's list answers of issue 24 and its new regions left out: see `answersWithEstimate`). */
export const answersArbitrary: fc.Arbitrary<Answers> = answersOf(false);

/** The same with every answer the cost estimate takes: services, environments, pricing, the network figures, every region. */
export const answersWithEstimate: fc.Arbitrary<Answers> = answersOf(true);
