import { describe, expect, it } from "vitest";
import { InputError } from "../../src/engine/errors.js";
import { evaluate, recommend } from "../../src/explain/recommend.js";
import { parseAnswers } from "../../src/explain/answers.js";

const team = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 };

/** The message an InputError carries, or "" when the call did not throw one. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  return "";
}

describe("the library's utilization option", () => {
  it.each([NaN, 5, 0, -1, 0.05, Infinity, "0.5", null])("refuses %j with the CLI's rule and sentence", (utilization) => {
    const got = typeof utilization === "string" ? `"${utilization}"` : String(utilization);
    const expected = `"utilization" must be a number from 0.1 to 1 (got ${got}).`;
    expect(refusal(() => recommend(team, { utilization: utilization as number }))).toBe(expected);
    const parsed = parseAnswers(team);
    expect(parsed.ok && refusal(() => evaluate(parsed.answers, { utilization: utilization as number }))).toBe(expected);
  });

  it("says it in Korean too", () => {
    expect(refusal(() => recommend(team, { utilization: 5, lang: "ko" }))).toBe('"utilization" 값은 0.1~1 사이의 숫자여야 합니다 (입력: 5).');
  });

  it.each([0.1, 0.7, 1])("takes %j and prices the fleet at it", (utilization) => {
    expect(recommend(team, { utilization }).costs.estimate?.utilization).toBe(utilization);
  });
});
