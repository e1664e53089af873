// One result never contradicts itself: what each rule's text states about the
// team is data (its "claims"), so these properties hold for any rule added
// later, with no list of special cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { QUESTIONS, type Answers } from "../../src/engine/questions.js";
import type { Claims } from "../../src/engine/rule-types.js";
import { evaluate, type Result } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { parseRules } from "../../src/explain/rules.js";
import { answersArbitrary } from "../helpers/arbitraries.js";

const LISTS = ["rules", "launchTypeRules", "launchTypeLimits", "launchTypeNotes", "alsoConsider", "answerNotes"] as const;
// A limit the workload sets (ruleId "workload": a task larger than Fargate's largest size) states the task's size, as worked out, and claims no answer.
const CLAIMS = new Map<string, Claims>([...LISTS.flatMap((list) => BUILT_IN_RULES[list].map((rule) => [rule.id, rule.claims ?? {}] as const)), ["workload", {}]]);

/** Every text a result shows, by the id of the rule that wrote it. */
function shown(result: Result): string[] {
  return [
    ...result.reasons.map((r) => r.ruleId),
    ...result.launchTypeReasons.map((r) => r.ruleId),
    ...result.launchTypeLimits.map((r) => r.ruleId),
    ...result.launchTypeNotes.map((r) => r.ruleId),
    ...result.alsoConsider.map((r) => r.option),
    ...result.answerNotes.map((r) => r.id),
  ];
}

/** Answers a team gave, the rest left to their defaults: any optional answer may be left out. */
const OPTIONAL = QUESTIONS.filter((q) => !q.required).map((q) => q.key);
const givenArbitrary = fc
  .tuple(answersArbitrary, fc.subarray(OPTIONAL))
  .map(([answers, left]) => Object.fromEntries(Object.entries(answers).filter(([key]) => !left.includes(key as never))) as Partial<Answers>);

describe("what the texts of one result claim about the team", () => {
  it("never reads one answer both ways: no two texts shown together say opposite things", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const sides = new Map<string, Set<string>>();
        for (const id of shown(evaluate(answers))) {
          for (const [answer, side] of Object.entries(CLAIMS.get(id)!)) sides.set(answer, (sides.get(answer) ?? new Set()).add(`${side} (${id})`));
        }
        const both = [...sides].filter(([, said]) => [...said].some((s) => s.startsWith("low")) && [...said].some((s) => s.startsWith("high")));
        expect(both).toEqual([]);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it("states no answer the team left to its default as a fact about it", () => {
    fc.assert(
      fc.property(givenArbitrary, (given) => {
        const claimed = shown(recommend(given)).flatMap((id) => Object.keys(CLAIMS.get(id)!).map((answer) => `${id} claims ${answer}`));
        expect(claimed.filter((claim) => !(claim.split(" claims ")[1]! in given))).toEqual([]);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it("names only answers the condition reads: a rules file that claims another is refused, in both languages", () => {
    const file = {
      extends: "built-in",
      rules: [{ id: "fast", platform: "ecs", weight: 1, when: { answer: "timeToMarket", in: ["urgent"] }, claims: { timeToMarket: "low", budget: "low" }, text: { en: "Fast and cheap." }, source: "test" }],
    };
    const en = parseRules(file, { file: "mine.json", lang: "en", base: BUILT_IN_RULES });
    expect(en.ok ? [] : en.problems).toEqual([
      'mine.json: rule "fast" (rules[0]), field "claims.budget": the text claims "budget", which the condition does not read; a text can state only what fired it, so remove the claim or read "budget" in "when".',
    ]);
    const ko = parseRules(file, { file: "mine.json", lang: "ko", base: BUILT_IN_RULES });
    expect(ko.ok ? [] : ko.problems[0]).toContain('"budget" 답변을 문장이 사실로 단정합니다');
    const side = parseRules({ ...file, rules: [{ ...file.rules[0]!, claims: { timeToMarket: "fast" } }] }, { file: "mine.json", lang: "en", base: BUILT_IN_RULES });
    expect(side.ok ? [] : side.problems[0]).toContain('field "claims.timeToMarket": must be one of low, high, is (got "fast")');
  });
});
