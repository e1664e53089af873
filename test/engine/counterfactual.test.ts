import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { MAX_FLIPS } from "../../src/engine/counterfactual.js";
import { QUESTIONS, type Answers } from "../../src/engine/questions.js";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { parseRules } from "../../src/explain/rules.js";
import { decide, scorePlatforms } from "../../src/engine/score.js";
import { answersArbitrary } from "../helpers/arbitraries.js";
import { readFixture } from "../helpers/fixtures.js";

const platformOf = (answers: Answers) => decide(scorePlatforms(BUILT_IN_RULES, answers).scores);

/**
 * Every answer set that differs from `answers` in exactly one answer (one set
 * item added or removed), as a team could change it: not what it runs today
 * (a fact), and never to "don't know".
 */
function singleChanges(answers: Answers): Answers[] {
  return QUESTIONS.flatMap((q): Answers[] => {
    // What it runs today is a fact; the workload only prices the estimate.
    if ("fact" in q || "estimate" in q) return [];
    const value = answers[q.key];
    switch (q.kind) {
      case "choice":
        return q.choices.filter((c) => c !== value && !("unknown" in q && c === q.unknown)).map((c) => ({ ...answers, [q.key]: c }));
      case "set": {
        const have = value as string[];
        return q.choices.map((c) => ({
          ...answers,
          [q.key]: have.includes(c) ? have.filter((x) => x !== c) : q.choices.filter((x) => x === c || have.includes(x)),
        }));
      }
      case "integer": {
        const all: Answers[] = [];
        for (let n = q.min; n <= Math.min(q.max, 300); n++) if (n !== value) all.push({ ...answers, [q.key]: n });
        return all;
      }
    }
  });
}

const COUNTS = QUESTIONS.filter((q) => q.kind === "integer").map((q) => q.key);

/** Counts within what brute force walks (1 to 300). */
function capped(answers: Answers): Answers {
  const copy = { ...answers };
  for (const key of COUNTS) if (copy[key] !== undefined) (copy as unknown as Record<string, number>)[key] = Math.min(copy[key]!, 300);
  return copy;
}

describe("what would change the recommendation", () => {
  it("only lists changes that really flip it", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluate(answers);
        expect(result.whatWouldChange.length).toBeLessThanOrEqual(MAX_FLIPS);
        for (const flip of result.whatWouldChange) {
          const changed = { ...answers, ...flip.answers };
          expect(flip.recommendation).not.toBe(result.recommendation);
          expect(evaluate(changed).recommendation).toBe(flip.recommendation);
        }
      }),
      { numRuns: 400, seed: 1 },
    );
  });

  it("never misses a single change that brute force finds, and then lists only single changes", () => {
    fc.assert(
      fc.property(answersArbitrary, (generated) => {
        const answers = capped(generated);
        expectFlipsLikeBruteForce(answers, evaluate(answers), platformOf);
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it("stays true, and complete, with custom rules that read several answers at once", () => {
    // acme-mesh-needs-eks reads the ecosystem and the cloud strategy together: its effect is not a sum per answer.
    const parsed = parseRules(readFixture("rules/custom-rules.json"), { file: "custom-rules.json" });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    const rules = parsed.ruleSet;
    const platform = (answers: Answers) => decide(scorePlatforms(rules, answers).scores);
    fc.assert(
      fc.property(answersArbitrary, (generated) => {
        const answers = capped(generated);
        const result = evaluate(answers, { rules });
        for (const flip of result.whatWouldChange) expect(platform({ ...answers, ...flip.answers })).toBe(flip.recommendation);
        expectFlipsLikeBruteForce(answers, result, platform);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("never misses a pair of choice or set changes that flips it, while it lists fewer than the most", () => {
    // The pair search tries only the pairs that could reach the other platform: brute force tries them all.
    const parsed = parseRules(readFixture("rules/custom-rules.json"), { file: "custom-rules.json" });
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    let checked = 0;
    for (const rules of [BUILT_IN_RULES, parsed.ruleSet]) {
      const platform = (answers: Answers) => decide(scorePlatforms(rules, answers).scores);
      fc.assert(
        fc.property(answersArbitrary, (generated) => {
          const answers = capped(generated);
          const result = evaluate(answers, { rules });
          if (singleChanges(answers).some((changed) => platform(changed) !== result.recommendation)) return;
          if (result.whatWouldChange.length === MAX_FLIPS) return;
          checked++;
          const listed = result.whatWouldChange.map((flip) => flip.answers);
          for (const pair of movePairs(answers)) if (platform({ ...answers, ...pair }) !== result.recommendation) expect(listed).toContainEqual(pair);
        }),
        { numRuns: 200, seed: 9 },
      );
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("gives the smallest count that flips, phrased as a threshold", () => {
    const result = recommend({ kubernetesExperience: "proficient", cloudStrategy: "aws-only", budget: "moderate", microservices: 12 });
    expect(result.whatWouldChange).toContainEqual({
      answers: { microservices: 20 },
      recommendation: "eks",
      text: "With 20 or more microservices, EKS would be recommended.",
    });
  });

  it("gives the team size that would flip it when the size is unknown", () => {
    const result = recommend({ kubernetesExperience: "basic", cloudStrategy: "aws-first", budget: "moderate", microservices: 18 });
    expect(result.recommendation).toBe("ecs");
    expect(result.whatWouldChange).toContainEqual({
      answers: { engineers: 16 },
      recommendation: "eks",
      text: "With 16 or more engineers, EKS would be recommended.",
    });
    const korean = recommend({ kubernetesExperience: "basic", cloudStrategy: "aws-first", budget: "moderate", microservices: 18 }, { lang: "ko" });
    expect(korean.whatWouldChange.map((flip) => flip.text)).toContain("엔지니어가 16명 이상이면 EKS가 추천됩니다.");
  });

  it("never suggests changing what the team runs today, or answering \"don't know\"", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        for (const flip of evaluate(answers).whatWouldChange) {
          expect(flip.answers).not.toHaveProperty("currentPlatform");
          expect(flip.answers.computeSpend).not.toBe("unknown");
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it("sorts a one-step change before a bigger jump", () => {
    const result = recommend({ kubernetesExperience: "proficient", cloudStrategy: "aws-only", budget: "moderate", microservices: 12 });
    expect(result.whatWouldChange[0]!.answers).toEqual({ cloudStrategy: "aws-first" });
  });

  it("falls back to the smallest pairs when no single change is enough", () => {
    const result = recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 });
    expect(result.whatWouldChange.length).toBeGreaterThan(0);
    expect(result.whatWouldChange[0]).toEqual({
      answers: { kubernetesExperience: "expert", cloudStrategy: "multi-cloud" },
      recommendation: "eks",
      text: "With Kubernetes experts on the team and a multi-cloud strategy, EKS would be recommended.",
    });
  });

  it("says so when even two changes would not flip it", () => {
    const result = recommend({
      kubernetesExperience: "none",
      cloudStrategy: "aws-only",
      budget: "tight",
      microservices: 2,
      timeToMarket: "urgent",
      opsCapacity: "none",
    });
    expect(result.whatWouldChange).toEqual([]);
  });

  it("says \"50 or more\", not a range up to the largest count an answer takes (review L2)", () => {
    const answers = {
      kubernetesExperience: "none",
      cloudStrategy: "aws-first",
      budget: "moderate",
      microservices: 5,
      currentPlatform: "kubernetes",
      currentPlatformFit: "leaving",
      opsCapacity: "dedicated",
      timeToMarket: "urgent",
      growth: "stable",
    } as const;
    expect(recommend(answers, { lang: "ko" }).whatWouldChange.map((flip) => flip.text)).toContain("엔지니어가 16명 이상이고 서비스가 50개 이상이면 EKS가 추천됩니다.");
    expect(recommend(answers).whatWouldChange.map((flip) => flip.text)).toContain("With 16 or more engineers and 50 or more microservices, EKS would be recommended.");
    const maxima = QUESTIONS.flatMap((q) => ("max" in q ? [q.max] : []));
    fc.assert(
      fc.property(answersArbitrary, (some) => {
        for (const flip of evaluate(some).whatWouldChange) for (const max of maxima) expect(flip.text).not.toContain(` to ${max} `);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("reads naturally in Korean, joining two conditions", () => {
    const result = recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 }, { lang: "ko" });
    expect(result.whatWouldChange[0]!.text).toBe("팀에 Kubernetes 전문가가 있고 멀티 클라우드 전략이면 EKS가 추천됩니다.");
  });
});

/**
 * Checks `result.whatWouldChange` against brute force over single changes:
 * none missed (up to the cap), counts given as thresholds, and pairs only
 * when no single change flips the call.
 */
function expectFlipsLikeBruteForce(answers: Answers, result: ReturnType<typeof evaluate>, platform: (answers: Answers) => string) {
  const flips = singleChanges(answers).filter((changed) => platform(changed) !== result.recommendation);
  // A newer feature's flip comes first and is told once: the search's own flips are the rest, in the room left.
  const featured = result.whatWouldChange.filter((flip) => flip.feature !== undefined);
  const searched = result.whatWouldChange.filter((flip) => flip.feature === undefined);
  const told = featured.filter((flip) => flips.some((changed) => Object.entries(flip.answers).every(([key, value]) => JSON.stringify(changed[key as keyof Answers]) === JSON.stringify(value))));
  if (flips.length === 0) {
    for (const flip of searched) expect(Object.keys(flip.answers).length + extraSetItems(answers, flip.answers)).toBe(2);
    return;
  }
  for (const flip of searched) expect(Object.keys(flip.answers)).toHaveLength(1);
  // Counts: the threshold in each direction, never an arbitrary count.
  let distinct = 0;
  let unknownCounts = false;
  const countFlips = new Set<Answers>();
  for (const key of COUNTS) {
    const now = answers[key];
    const counts = flips.filter((f) => f[key] !== now).map((f) => (countFlips.add(f), f[key]!));
    if (counts.length === 0) continue;
    if (now === undefined) {
      // An unknown count may become any interval's bound: each listed one flips (checked above), and one is listed.
      unknownCounts = true;
      expect(result.whatWouldChange.some((f) => f.answers[key] !== undefined) || result.whatWouldChange.length === MAX_FLIPS).toBe(true);
      continue;
    }
    const up = counts.filter((n) => n > now);
    const down = counts.filter((n) => n < now);
    for (const flip of searched) {
      const n = flip.answers[key];
      if (n === undefined) continue;
      if (n > now) expect(n).toBe(Math.min(...up));
      else expect(n).toBe(Math.max(...down));
    }
    distinct += (up.length > 0 ? 1 : 0) + (down.length > 0 ? 1 : 0);
  }
  if (unknownCounts) return;
  // Distinct single flips (counting each count direction once) all appear, up to the cap.
  distinct += flips.filter((f) => !countFlips.has(f)).length;
  expect(searched).toHaveLength(Math.min(distinct - told.length, MAX_FLIPS - featured.length));
}

/** A pair can be two items of one set (adopt Helm and GitOps): count the second item as a change. */
function extraSetItems(answers: Answers, changed: Partial<Answers>): number {
  let extra = 0;
  for (const q of QUESTIONS) {
    if (q.kind !== "set" || !(q.key in changed)) continue;
    const before = new Set(answers[q.key] as string[]);
    const after = new Set(changed[q.key] as string[]);
    const diff = [...before].filter((x) => !after.has(x)).length + [...after].filter((x) => !before.has(x)).length;
    extra += diff - 1;
  }
  return extra;
}

/**
 * Every pair of choice or set changes, as the answers they change: two
 * answers, or one set with two items changed; never two values of one choice.
 */
function movePairs(answers: Answers): Partial<Answers>[] {
  const choiceOrSet = QUESTIONS.filter((q) => q.kind !== "integer");
  const moves = singleChanges(answers).flatMap((changed) => {
    const q = choiceOrSet.find((question) => changed[question.key] !== answers[question.key]);
    return q ? [{ q, changed }] : [];
  });
  const pairs: Partial<Answers>[] = [];
  for (let i = 0; i < moves.length; i++) {
    for (let j = i + 1; j < moves.length; j++) {
      const [a, b] = [moves[i]!, moves[j]!];
      if (a.q.key !== b.q.key) {
        pairs.push({ [a.q.key]: a.changed[a.q.key], [b.q.key]: b.changed[b.q.key] } as Partial<Answers>);
      } else if (a.q.kind === "set") {
        // Both items toggled: the set's choices, in order, that the two changes leave in it.
        const before = new Set(answers[a.q.key] as string[]);
        const toggled = (item: string) => (a.changed[a.q.key] as string[]).includes(item) !== before.has(item) || (b.changed[b.q.key] as string[]).includes(item) !== before.has(item);
        const after = a.q.choices.filter((item) => before.has(item) !== toggled(item));
        pairs.push({ [a.q.key]: after } as Partial<Answers>);
      }
    }
  }
  return pairs;
}
