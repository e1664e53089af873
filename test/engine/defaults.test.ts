// The offer to finish early says what the defaults do: "they add no reason for
// ECS or EKS; they still shape how the containers run and the cost". These
// tests hold the shipped rules to that sentence.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPERATORS, partsOf, type Condition } from "../../src/engine/conditions.js";
import { QUESTIONS } from "../../src/engine/questions.js";
import { en } from "../../src/i18n/en.js";
import { finishHint } from "../../src/cli/input/prompts.js";
import { ROOT } from "../helpers/fixtures.js";

const rules = JSON.parse(readFileSync(`${ROOT}/rules/rules.json`, "utf8")) as {
  rules: { id: string; when: Condition }[];
  launchTypeRules: { id: string; when: Condition }[];
};
// What finishing early leaves to the defaults: every question after the quick ones.
const LEFT_TO_DEFAULTS = QUESTIONS.filter((q) => !q.required && !("quick" in q));
const defaultOf = (key: string) => (LEFT_TO_DEFAULTS.find((q) => q.key === key) as { default?: unknown } | undefined)?.default;

/** The conditions on answers left to the defaults, each with whether it sits under a `none` (a negation). */
function leavesOnDefaults(condition: Condition, negated = false): { condition: Condition & { answer: string }; negated: boolean }[] {
  const combined = partsOf(condition);
  if (combined) return combined.parts.flatMap((part) => leavesOnDefaults(part, negated !== (combined.combinator === "none")));
  const leaf = condition as Condition & { answer: string };
  return defaultOf(leaf.answer) === undefined ? [] : [{ condition: leaf, negated }];
}

/** Whether every answer a condition reads is among `keys`. */
function readsOnly(condition: Condition, keys: ReadonlySet<string>): boolean {
  const combined = partsOf(condition);
  if (combined) return combined.parts.every((part) => readsOnly(part, keys));
  return keys.has((condition as { answer: string }).answer);
}

function holdsAtDefault(leaf: Condition & { answer: string }): boolean {
  const [name, argument] = Object.entries(leaf).find(([key]) => key !== "answer")!;
  return OPERATORS[name]!.test(defaultOf(leaf.answer) as never, argument);
}

describe("finishing with the defaults", () => {
  it("fires no platform rule: no condition on a defaulted answer holds at its default, and none is negated", () => {
    expect(LEFT_TO_DEFAULTS.length).toBeGreaterThan(0);
    const defaulted = new Set(LEFT_TO_DEFAULTS.map((q) => q.key as string));
    const firing = rules.rules.flatMap((rule) => {
      const leaves = leavesOnDefaults(rule.when);
      // A rule that reads a quick answer too fires for that answer's reason; a default may let it through, never add one.
      const onDefaultsAlone = readsOnly(rule.when, defaulted);
      return leaves
        // Under `none`, a condition that fails at the default would make the rule fire.
        .filter(({ condition, negated }) => negated || (onDefaultsAlone && holdsAtDefault(condition)))
        .map(({ condition }) => `${rule.id}: ${JSON.stringify(condition)}`);
    });
    expect(firing).toEqual([]);
  });

  it("does shape the launch type, as the offer says: some launch-type rule holds at the ops default", () => {
    const shaping = rules.launchTypeRules.filter((rule) => leavesOnDefaults(rule.when).some(({ condition }) => condition.answer === "opsCapacity" && holdsAtDefault(condition)));
    expect(shaping.map((rule) => rule.id).length).toBeGreaterThan(0);
  });

  it("is described with the defaults the table holds, in both languages", () => {
    const ops = defaultOf("opsCapacity") as string;
    expect(finishHint("en")).toContain(`${en[`choice.opsCapacity.${ops}` as keyof typeof en].toLowerCase()} to run the platform`);
    expect(finishHint("en")).toContain(`(${String(defaultOf("clusters"))} cluster)`);
    expect(finishHint("en")).not.toMatch(/fire no rule/);
  });
});
