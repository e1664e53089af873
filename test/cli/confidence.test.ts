import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_CALIBRATION } from "../../src/engine/calibration.js";
import { CLEAR_FROM, LEANING_FROM, type CallLabel } from "../../src/engine/score.js";
import { renderAdr } from "../../src/cli/render/adr.js";
import { renderMarkdown } from "../../src/cli/render/markdown.js";
import { callShort, verdictLine } from "../../src/cli/render/phrases.js";
import { renderText } from "../../src/cli/render/text.js";
import { recommend } from "../../src/explain/recommend.js";
import { evaluate, type Result } from "../../src/explain/result.js";
import { answersArbitrary } from "../helpers/arbitraries.js";
import { makeRule, makeRuleSet } from "../helpers/rules.js";

// Issue 27: "Confidence 49%. A clear call." read as a coin toss called clear.
// Whatever the answers, the label, the margin and the count every format
// states must say the same thing, in English and in Korean.

/** The label each language gives, and the words that parse a verdict back into label, leader, margin and count. */
const WORDS = {
  en: {
    labels: { close: "A close call", leaning: "Leaning", clear: "A clear call" },
    standing: /^(A close call|Leaning|A clear call): (?:(ECS|EKS) leads by ([\d.]+) points?|the scores tie) \(ECS ([\d.]+), EKS ([\d.]+)\)/,
    count: /At a margin like this, (?:(\d+) of (\d+)|all (\d+)) published decisions/,
  },
  ko: {
    labels: { close: "근소한 차이입니다", leaning: "한쪽으로 기운 결정입니다", clear: "분명한 결정입니다" },
    standing: /^(근소한 차이입니다|한쪽으로 기운 결정입니다|분명한 결정입니다)\. (?:(ECS|EKS)[이가] ([\d.]+)점 앞섭니다|점수가 같고)\(ECS ([\d.]+), EKS ([\d.]+)\)/,
    count: /점수 차이가 이 정도인 공개 사례 (\d+)건(?: 중 (\d+)건이|은 모두)/,
  },
} as const;

const TEAM = recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "moderate", microservices: 3 }).answers;

const bandOf = (margin: number): CallLabel => (margin < LEANING_FROM ? "close" : margin < CLEAR_FROM ? "leaning" : "clear");

function expectConsistent(result: Result, lang: "en" | "ko") {
  const words = WORDS[lang];
  const verdict = verdictLine(result, lang);
  expect(verdict).not.toMatch(/%|[Cc]onfidence|신뢰도/);
  // The band the margin falls in is the label the JSON gives, and the close call is exactly the close label.
  const margin = Math.abs(result.scores.eks - result.scores.ecs);
  expect(result.margin).toBeCloseTo(margin, 6);
  expect(result.confidenceLabel).toBe(bandOf(result.margin));
  expect(result.closeCall).toBe(result.confidenceLabel === "close");
  if (result.scores.ecs === 0 && result.scores.eks === 0) {
    expect(result.confidenceLabel).toBe("close");
  } else {
    const [, label, leader, shown] = words.standing.exec(verdict) ?? [];
    expect(label, verdict).toBe(words.labels[result.confidenceLabel]);
    expect(Number(shown ?? 0)).toBe(result.margin);
    if (leader) expect(leader).toBe(result.recommendation.toUpperCase());
  }
  // The count is the band's, and the number in JSON is that count as a share; neither is there without it.
  if (result.calibration === null) {
    expect(result.confidence).toBeNull();
    expect(verdict).not.toMatch(words.count);
    return;
  }
  const band = BUILT_IN_CALIBRATION.bands[result.confidenceLabel];
  expect(result.calibration).toEqual({ ...band, corpus: BUILT_IN_CALIBRATION.corpus });
  expect(result.confidence).toBe(Math.round((1000 * band.agreed) / band.of) / 1000);
  const count = words.count.exec(verdict);
  expect(count, verdict).not.toBeNull();
  const [, a, b, c] = count!;
  const stated = lang === "en" ? (c ? { agreed: Number(c), of: Number(c) } : { agreed: Number(a), of: Number(b) }) : b ? { agreed: Number(b), of: Number(a) } : { agreed: Number(a), of: Number(a) };
  expect(stated).toEqual(band);
}

describe("the confidence a result states", () => {
  it("never says a label, a margin and a count that disagree, in English or Korean, for any answers", () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom("en" as const, "ko" as const), (answers, lang) => expectConsistent(evaluate(answers, { lang }), lang)),
      { numRuns: 300, seed: 27 },
    );
  });

  it("keeps the label and the margin, and claims no count, for rules of one's own at every margin", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom("en" as const, "ko" as const), (ecs, eks, lang) => {
        const rules = makeRuleSet([
          ...(ecs > 0 ? [makeRule({ platform: "ecs", weight: ecs / 2, when: { answer: "budget", in: ["moderate"] } })] : []),
          ...(eks > 0 ? [makeRule({ platform: "eks", weight: eks / 2, when: { answer: "budget", in: ["moderate"] } })] : []),
        ]);
        expectConsistent(evaluate(TEAM, { rules, lang }), lang);
      }),
      { numRuns: 300, seed: 28 },
    );
  });

  it("says the same in text, Markdown and an ADR, and in a batch row and a scaffold note", () => {
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom("en" as const, "ko" as const), (answers, lang) => {
        const result = evaluate(answers, { lang });
        const flat = (text: string) => text.replace(/\s+/g, " ");
        const verdict = flat(verdictLine(result, lang));
        expect(flat(renderText(result, { lang, color: false, width: 100, unicode: false }))).toContain(verdict);
        expect(flat(renderMarkdown(result, { lang, version: "1.0.0" }))).toContain(verdict);
        expect(flat(renderAdr(result, { lang, version: "1.0.0", date: "2026-12-06", confirmation: { args: [] } }))).toContain(verdict);
        const short = callShort(lang, result.confidenceLabel, result.margin);
        expect(short).toContain(result.margin === 1 ? (lang === "en" ? "1 point" : "1점") : lang === "en" ? `${result.margin} points` : `${result.margin}점`);
      }),
      { numRuns: 60, seed: 29 },
    );
  });
});
