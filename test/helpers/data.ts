import fc from "fast-check";
import { recommend } from "../../src/explain/recommend.js";
import type { Result } from "../../src/explain/result.js";
import { answersArbitrary } from "./arbitraries.js";

// What follows from the data (rules/, prices) is read from it or from a result, never written into a test: a
// re-weighted rule or a new price then needs `npm run record` and no hand edit (CONTRIBUTING.md).

interface PricedResult {
  recommendation: string;
  launchType: string;
  costs: { estimate: { options: { platform: string; launchType: string; total: number }[] } };
}

/** The monthly total of the recommended way of running, from a JSON result. */
export function recommendedTotal(result: PricedResult): number {
  const option = result.costs.estimate.options.find((o) => o.platform === result.recommendation && o.launchType === result.launchType);
  if (!option) throw new Error(`no estimate for ${result.recommendation} ${result.launchType}`);
  return option.total;
}

/** USD as the text, Markdown and ADR results print it: two decimals, thousands separated. */
export function usd(amount: number): string {
  return amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

let sampled: Result[] | undefined;
/**
 * Close calls that a rule decides, among generated teams, on the built-in rules as they are: which teams are
 * close follows from the weights, so a test about close calls takes its teams here rather than naming one.
 */
export function closeCalls(): Result[] {
  sampled ??= fc
    .sample(answersArbitrary, { seed: 23, numRuns: 300 })
    .map((answers) => recommend(answers))
    .filter((result) => result.closeCall && result.decidingRules.length > 0);
  return sampled;
}
