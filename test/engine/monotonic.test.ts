import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import type { Answers } from "../../src/engine/questions.js";
import { scorePlatforms } from "../../src/engine/score.js";
import { answersArbitrary } from "../helpers/arbitraries.js";

// Each move is one the issue names as "toward EKS"; none may lower EKS's lead.
type Move = { name: string; apply: (a: Answers) => Answers | undefined };

const step = <K extends keyof Answers>(key: K, order: readonly Answers[K][]): Move => ({
  name: `${String(key)} one step along ${order.join(" -> ")}`,
  apply: (a) => {
    const i = order.indexOf(a[key]);
    return i === -1 || i === order.length - 1 ? undefined : { ...a, [key]: order[i + 1] };
  },
});

const moves: Move[] = [
  step("kubernetesExperience", ["none", "basic", "proficient", "expert"]),
  step("cloudStrategy", ["aws-only", "aws-first", "multi-cloud"]),
  step("cloudStrategy", ["aws-only", "hybrid"]),
  step("budget", ["tight", "moderate", "flexible"]),
  step("growth", ["stable", "moderate", "rapid"]),
  step("serviceCommunication", ["simple", "complex"]),
  step("timeToMarket", ["urgent", "normal", "relaxed"]),
  step("opsCapacity", ["none", "some", "dedicated"]),
  step("computeSpend", ["under-5k", "5k-20k", "over-20k"]),
  // From staying on ECS, through nothing in production, to Kubernetes (or OpenShift) already there.
  step("currentPlatform", ["ecs", "none", "kubernetes"]),
  step("currentPlatform", ["ecs", "none", "openshift"]),
  {
    name: "more engineers",
    apply: (a) =>
      a.engineers !== undefined && a.engineers < 100000 ? { ...a, engineers: Math.min(100000, a.engineers + 1 + (a.engineers % 13)) } : undefined,
  },
  {
    name: "more microservices",
    apply: (a) => (a.microservices < 10000 ? { ...a, microservices: a.microservices + 1 + (a.microservices % 17) } : undefined),
  },
  ...(["helm", "service-mesh", "prometheus", "gitops", "operators"] as const).map(
    (tool): Move => ({
      name: `one more ecosystem tool (${tool})`,
      apply: (a) => (a.ecosystem.includes(tool) ? undefined : { ...a, ecosystem: [...a.ecosystem, tool] }),
    }),
  ),
];

const lead = (a: Answers) => {
  const { scores } = scorePlatforms(BUILT_IN_RULES, a);
  return scores.eks - scores.ecs;
};

describe("the built-in rules are monotonic", () => {
  it.each(moves.map((m) => [m.name, m] as const))("%s never lowers EKS's lead over ECS", (_name, move) => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const moved = move.apply(answers);
        if (moved) expect(lead(moved)).toBeGreaterThanOrEqual(lead(answers));
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });

  it("covers every team size between 1 and 200 engineers step by step", () => {
    for (const seed of [3, 4, 5]) {
      const base = { ...fc.sample(answersArbitrary, { numRuns: 1, seed })[0]! };
      for (let n = 1; n < 200; n++) {
        expect(lead({ ...base, engineers: n + 1 })).toBeGreaterThanOrEqual(lead({ ...base, engineers: n }));
      }
    }
  });

  it("covers every count between 1 and 200 microservices step by step", () => {
    const base = { ...fc.sample(answersArbitrary, { numRuns: 1, seed: 7 })[0]! };
    for (let n = 1; n < 200; n++) {
      expect(lead({ ...base, microservices: n + 1 })).toBeGreaterThanOrEqual(lead({ ...base, microservices: n }));
    }
  });
});
