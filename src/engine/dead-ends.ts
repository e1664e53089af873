import { quickCheckAnswers } from "./answers-quick-check.js";
import { keysOf, thresholdsOf } from "./conditions.js";
import { excludedLaunchTypes } from "./launch-type.js";
import { QUESTIONS, hasDefault, type AnswerKey, type Answers } from "./questions.js";
import { appliesTo, type RuleSet } from "./rule-set.js";
import { LAUNCH_TYPES_FOR, PLATFORMS, type Platform } from "./rule-types.js";

/** Past this many combinations of the answers the limits read, the search is skipped rather than slow. */
const MAX_COMBINATIONS = 50_000;

/** Answers for which a rules file's limits leave a platform no way to run, and the ids of the limits that do it. */
export interface DeadEnd {
  platform: Platform;
  answers: Partial<Answers>;
  limits: string[];
}

/**
 * Looks for answers under which the hard limits (and `required` launch-type
 * rules) rule out every launch type of a platform: a rules file's mistake,
 * which would leave a run recommending what a limit forbids. Exhaustive over
 * the answers those rules read (every choice, every subset of a list, each
 * count on either side of each threshold), which is exact for them; skipped
 * when that space is too large to walk.
 */
export function findDeadEnd(ruleSet: RuleSet): DeadEnd | undefined {
  for (const platform of PLATFORMS) {
    const applies = appliesTo(platform);
    const candidates = LAUNCH_TYPES_FOR[platform];
    const limits = ruleSet.launchTypeLimits.filter((limit) => applies(limit) && limit.excludes.some((x) => candidates.includes(x)));
    const required = ruleSet.launchTypeRules.filter((rule) => rule.required && applies(rule) && candidates.includes(rule.launchType));
    // Without exclusions that can cover every candidate together, no answers can leave none.
    const coverable = new Set([...limits.flatMap((limit) => limit.excludes), ...(required.length > 0 ? candidates : [])]);
    if (!candidates.every((x) => coverable.has(x))) continue;
    const keys = [...new Set([...limits, ...required].flatMap((rule) => keysOf(rule.when)))];
    const domains = keys.map((key) => [key, valuesOf(key, [...limits, ...required])] as const);
    if (domains.reduce((product, [, values]) => product * values.length, 1) > MAX_COMBINATIONS) continue;
    const base = baseAnswers();
    for (const combination of combinations(domains)) {
      const answers = { ...base, ...combination } as Answers;
      const excluded = excludedLaunchTypes(ruleSet, answers, platform);
      if (candidates.every((x) => excluded.has(x))) {
        const fired = [...limits.filter((limit) => limit.test(answers)), ...required.filter((rule) => rule.test(answers))];
        return { platform, answers: combination, limits: fired.map((rule) => rule.id) };
      }
    }
  }
  return undefined;
}

/** The values of one answer worth trying: every choice, every valid subset of a list, each count around each threshold. */
function valuesOf(key: AnswerKey, rules: readonly { when: Parameters<typeof keysOf>[0] }[]): unknown[] {
  const q = QUESTIONS.find((question) => question.key === key)!;
  if (q.kind === "choice") return [...q.choices];
  if (q.kind === "set") {
    const subsets: string[][] = [[]];
    for (const choice of q.choices) for (const subset of [...subsets]) subsets.push([...subset, choice]);
    // "none" stands alone in a list.
    return subsets.filter((subset) => !subset.includes("none") || subset.length === 1);
  }
  // The estimate's lists: no rule reads them (rules check refuses it), so one value stands for all.
  if (q.kind === "services" || q.kind === "environments") return [undefined];
  const points = new Set<number>([q.min, q.max]);
  for (const rule of rules) {
    const { atLeast, atMost } = thresholdsOf(rule.when, key);
    for (const t of [...atLeast, ...atMost]) for (const n of [t - 1, t, t + 1]) if (n >= q.min && n <= q.max) points.add(n);
  }
  const values: unknown[] = [...points];
  // A count with no default may be left unknown, which no threshold matches.
  if (!q.required && !hasDefault(q)) values.push(undefined);
  return values;
}

function* combinations(domains: readonly (readonly [AnswerKey, unknown[]])[]): Generator<Partial<Answers>> {
  const at = domains.map(() => 0);
  if (domains.some(([, values]) => values.length === 0)) return;
  for (;;) {
    yield Object.fromEntries(domains.map(([key, values], i) => [key, values[at[i]!]])) as Partial<Answers>;
    let i = 0;
    for (; i < domains.length; i++) {
      at[i]!++;
      if (at[i]! < domains[i]![1].length) break;
      at[i] = 0;
    }
    if (i === domains.length) return;
  }
}

/** Valid answers to vary from: each required question's first choice or least count, defaults for the rest. */
function baseAnswers(): Answers {
  const raw = Object.fromEntries(
    QUESTIONS.filter((q) => q.required).map((q) => [q.key, q.kind === "integer" ? q.min : q.choices[0]]),
  );
  return quickCheckAnswers(raw)!;
}
