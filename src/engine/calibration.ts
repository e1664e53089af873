import calibrationJson from "../../rules/calibration.json" with { type: "json" };
import { BUILT_IN_RULES } from "./builtin.js";
import type { RuleSet } from "./rule-set.js";
import { round } from "./rounding.js";
import { labelOf, marginOf, type CallLabel, type Scores } from "./score.js";

// What a call's margin has meant on published decisions: for each label, how
// many of the teams whose answers gave a margin in that band chose the
// platform the built-in rules recommend. Measured by test/engine/corpus.test.ts,
// which fails when the rules change and these counts no longer hold.

export interface Calibration {
  /** The built-in rules' version the counts were measured with. */
  rulesVersion: string;
  /** How many published decisions the corpus holds. */
  corpus: number;
  /** The margins at which a call leans and is clear, chosen on the corpus (docs/calibration.md says how): score.ts labels by them. */
  cuts: { leaningFrom: number; clearFrom: number; source: string };
  /** For each label, the decisions whose margin falls in its band, and how many of them chose the recommended platform. */
  bands: Record<CallLabel, { agreed: number; of: number }>;
}

export const BUILT_IN_CALIBRATION: Calibration = calibrationJson as Calibration;

/** How sure a call is, in the three forms every output shows: a label, the margin in points, and what that margin meant on published decisions. */
export interface Confidence {
  label: CallLabel;
  /** The points between the two platforms. */
  margin: number;
  /** The share of published decisions at a margin like this that chose the recommended platform; null for platform rules the corpus was not measured with. */
  share: number | null;
  /** The counts behind the share, with the corpus size; absent for rules the corpus was not measured with. */
  calibration?: { agreed: number; of: number; corpus: number };
}

/**
 * The confidence of a call. The counts hold only where the margins are the
 * built-in rules' own: the same platform rules, with the same weights and
 * conditions, wherever the file came from (launch types and notes do not
 * move a margin). Other rules carry the label and the margin but no share.
 */
export function confidenceOf(scores: Scores, ruleSet: RuleSet): Confidence {
  const label = labelOf(scores);
  const margin = marginOf(scores);
  if (!scoresLikeBuiltIn(ruleSet)) return { label, margin, share: null };
  const { agreed, of } = BUILT_IN_CALIBRATION.bands[label];
  return { label, margin, share: round(agreed / of, 3), calibration: { agreed, of, corpus: BUILT_IN_CALIBRATION.corpus } };
}

// A cache, not state: whether a rule set scores like the built-in one is a pure function of it.
const measured = new WeakMap<RuleSet, boolean>();

function scoresLikeBuiltIn(ruleSet: RuleSet): boolean {
  if (ruleSet === BUILT_IN_RULES) return true;
  let same = measured.get(ruleSet);
  if (same === undefined) {
    same = platformRulesKey(ruleSet) === platformRulesKey(BUILT_IN_RULES);
    measured.set(ruleSet, same);
  }
  return same;
}

/** What the platform scores depend on: each rule's id, side, weight and condition, in id order. */
function platformRulesKey(ruleSet: RuleSet): string {
  const rules = [...ruleSet.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return JSON.stringify(rules.map((rule) => [rule.id, rule.platform, rule.weight, rule.when]));
}
