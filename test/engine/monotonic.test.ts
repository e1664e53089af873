import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import type { Answers } from "../../src/engine/questions.js";
import { scorePlatforms } from "../../src/engine/score.js";
import { answersArbitrary } from "../helpers/arbitraries.js";

// Each move is one the issue names as "toward EKS"; none may lower EKS's lead.
type Move = { name: string; apply: (a: Answers) => Answers | undefined };

// A team that runs ECS and is not content there weighs the work of moving
// each service off it: for it, more services rightly count for staying.
const leavingEcs = (a: Answers) => a.currentPlatform === "ecs" && a.currentPlatformFit !== "content";
// Staying where you are counts only for a content team; for one that wants out, "already there" is no step toward it.
const content = (a: Answers) => a.currentPlatformFit === "content";
const only = (move: Move, holds: (a: Answers) => boolean, why: string): Move => ({
  name: `${move.name} (${why})`,
  apply: (a) => (holds(a) ? move.apply(a) : undefined),
});

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
  only(step("currentPlatform", ["ecs", "none", "kubernetes"]), content, "a content team"),
  only(step("currentPlatform", ["ecs", "none", "openshift"]), content, "a content team"),
  {
    name: "more engineers",
    apply: (a) =>
      a.engineers !== undefined && a.engineers < 100000 ? { ...a, engineers: Math.min(100000, a.engineers + 1 + (a.engineers % 13)) } : undefined,
  },
  only(
    {
      name: "more microservices",
      apply: (a) => (a.microservices < 10000 ? { ...a, microservices: a.microservices + 1 + (a.microservices % 17) } : undefined),
    },
    (a) => !leavingEcs(a),
    "unless the team is moving off ECS",
  ),
  // Fewer people keeping the clusters running, or workloads that need Kubernetes, take away a reason to leave it.
  step("platformUpkeep", ["several", "one", "none-dedicated"]),
  step("kubernetesFeatures", ["none", "some"]),
  { name: "game servers as the work", apply: (a) => (a.workload === "game-servers" ? undefined : { ...a, workload: "game-servers" }) },
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

  it("never lets wanting to leave raise the score of the platform being left, nor count where nothing runs", () => {
    const score = (a: Answers) => scorePlatforms(BUILT_IN_RULES, a).scores;
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const feeling = (fit: Answers["currentPlatformFit"]) => score({ ...answers, currentPlatformFit: fit });
        const [content, mixed, leaving] = [feeling("content"), feeling("mixed"), feeling("leaving")];
        if (answers.currentPlatform === "ecs") {
          expect(mixed.ecs).toBeLessThanOrEqual(content.ecs);
          expect(leaving.ecs).toBeLessThanOrEqual(mixed.ecs);
        } else if (answers.currentPlatform === "kubernetes" || answers.currentPlatform === "openshift") {
          expect(mixed.eks).toBeLessThanOrEqual(content.eks);
          expect(leaving.eks).toBeLessThanOrEqual(mixed.eks);
        } else {
          expect(leaving).toEqual(content);
          expect(mixed).toEqual(content);
        }
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });

  it("covers every count between 1 and 200 microservices step by step", () => {
    const base = { ...fc.sample(answersArbitrary, { numRuns: 1, seed: 7 })[0]!, currentPlatformFit: "content" as const };
    for (let n = 1; n < 200; n++) {
      expect(lead({ ...base, microservices: n + 1 })).toBeGreaterThanOrEqual(lead({ ...base, microservices: n }));
    }
  });
});
