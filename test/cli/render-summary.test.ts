import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderSummary } from "../../src/cli/render/summary.js";
import { renderText } from "../../src/cli/render/text.js";
import { displayWidth } from "../../src/cli/render/layout.js";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import type { Answers } from "../../src/engine/questions.js";
import { answersArbitrary } from "../helpers/arbitraries.js";
import { fixturePath, readFixture } from "../helpers/fixtures.js";

const plain = { lang: "en", color: false, width: 80, unicode: false } as const;
const LANGS = ["en", "ko"] as const;
/** A screen: what a person sees without scrolling, in an 80-column terminal. */
const SCREEN_LINES = 30;

const teams = readdirSync(fixturePath("teams"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => [name, (readFixture(`teams/${name}`) as { answers: Answers }).answers] as const);

/** The summary's lines for answers as a file gives them (defaults filled in). */
function linesOf(answers: unknown, lang: (typeof LANGS)[number], width = 80): string[] {
  return renderSummary(recommend(answers, { lang }), { ...plain, lang, width }).trimEnd().split("\n");
}

describe("the text summary", () => {
  it.each(LANGS)("fits 30 lines of 80 columns for every worked team (%s)", (lang) => {
    for (const [name, answers] of teams) {
      const lines = linesOf(answers, lang);
      expect([name, lines.length <= SCREEN_LINES, Math.max(...lines.map(displayWidth)) <= 80]).toEqual([name, true, true]);
    }
  });

  it.each(LANGS)("fits 30 lines of 80 columns for 500 generated teams (%s)", (lang) => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const lines = renderSummary(evaluate(answers, { lang }), { ...plain, lang }).trimEnd().split("\n");
        return lines.length <= SCREEN_LINES && lines.every((line) => displayWidth(line) <= 80);
      }),
      { numRuns: 500, seed: 23 },
    );
  });

  it("follows a terminal's width", () => {
    const answers = readFixture("answers/ml-gpu.json") as Answers;
    for (const width of [60, 120]) {
      const lines = linesOf(answers, "en", width);
      expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(width);
      expect(lines.some((line) => displayWidth(line) > width - 12)).toBe(true);
    }
  });

  it("leads with the recommendation and how the containers run, then the strongest reasons, the costs, what would change it and what to run next", () => {
    const result = recommend(readFixture("answers/startup-mvp.json"));
    const text = renderSummary(result, plain);
    const order = ["Recommendation: Amazon ECS on AWS Fargate", "A clear call: ECS leads by 17 points", "No servers:", "Why (ECS 17, EKS 0)", "What it costs", "What would change this", "Next:"];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The three strongest, by their short labels, and how many more --details has.
    const strongest = result.reasons.slice(0, 3).map((reason) => `  ECS +${reason.weight}  ${reason.label}\n`);
    for (const line of strongest) expect(text).toContain(line);
    expect(text).toContain(`Also ${result.reasons.length - 3} more for ECS, in --details.`);
    expect(text.replace(/\s+/g, " ")).toContain("add --details for the full report");
  });

  it("shows the recommended way's monthly figure and the cheapest's, the same figures as the full report", () => {
    const gpu = recommend(readFixture("answers/ml-gpu.json"));
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const summary = flat(renderSummary(gpu, plain));
    const full = flat(renderText(gpu, plain));
    const recommended = /Recommended: Amazon EKS in Auto Mode, USD [\d,.]+ a month/.exec(full)![0];
    const cheapest = /Cheapest: [^,]+, USD [\d,.]+ a month/.exec(full)![0];
    expect(summary).toContain(recommended);
    expect(summary).toContain(cheapest);
    expect(recommended).not.toContain(cheapest.slice("Cheapest: ".length));
    // When the recommended way is the cheapest, one line says so.
    expect(flat(renderSummary(recommend(readFixture("answers/startup-mvp.json")), plain))).toMatch(/Recommended: Amazon ECS on AWS Fargate, USD [\d,.]+ a month, also the cheapest way\./);
  });

  it("names at most the two strongest changes, and says when none would change it", () => {
    const closeCall = recommend(readFixture("answers/close-call.json"));
    expect(closeCall.whatWouldChange.length).toBeGreaterThanOrEqual(2);
    const text = renderSummary(closeCall, plain);
    const shown = text.split("\n").filter((line) => line.startsWith("  - "));
    expect(shown).toHaveLength(2);
    expect(text.replace(/\s+/g, " ")).toContain(closeCall.whatWouldChange[0]!.text);
    expect(renderSummary(recommend(readFixture("answers/startup-mvp.json")), plain)).toContain("No change of one or two answers would change this recommendation.");
  });

  it("shows the strongest reasons on either side, so a close call shows both, and counts the rest", () => {
    const closeCall = recommend(readFixture("answers/close-call.json"));
    expect(closeCall.reasons.map((reason) => reason.platform)).toEqual(["ecs", "eks"]);
    const text = renderSummary(closeCall, plain);
    expect(text).toContain(`  ECS +3  ${closeCall.reasons[0]!.label}\n  EKS +2  ${closeCall.reasons[1]!.label}\n`);
    expect(text).not.toContain("in --details.");
    const mixed = recommend({ currentPlatform: "ecs", kubernetesExperience: "proficient", cloudStrategy: "aws-first", engineers: 25, microservices: 18, budget: "moderate", ecosystem: ["helm"] });
    expect(mixed.reasons.map((reason) => reason.platform)).toEqual(["ecs", "eks", "eks", "eks"]);
    expect(renderSummary(mixed, plain)).toContain("  Also 1 more for EKS, in --details.\n");
    const both = recommend({ kubernetesExperience: "expert", cloudStrategy: "multi-cloud", engineers: 60, microservices: 40, budget: "tight", ecosystem: ["helm"], timeToMarket: "urgent", computeSpend: "under-5k" });
    expect(renderSummary(both, plain)).toContain("  EKS +4  several cloud providers\n  ECS +3  a tight budget\n  EKS +3  Kubernetes experts on the team\n  Also 3 more for EKS and 2 more for ECS, in --details.\n");
  });

  it("speaks Korean, with no English sentence left in it", () => {
    const korean = renderSummary(recommend(readFixture("answers/close-call.json"), { lang: "ko" }), { ...plain, lang: "ko" });
    expect(korean).toContain("추천: AWS Fargate 기반 Amazon ECS");
    expect(korean).not.toMatch(/\b(the|and|for|with|Recommended|Cheapest|Next)\b/);
  });
});
