import * as z from "zod/mini";
import type { Condition } from "./conditions.js";
import {
  LAUNCH_TYPES,
  PLATFORMS,
  type LaunchTypeRuleData,
  type OverridesFileData,
  type RuleData,
  type RulesFileData,
} from "./rule-types.js";

// The shape of a rules file. Meaning (known answers, matching operators,
// unique ids) is checked after this, in rules.ts, so every problem is named.


const localized = z.strictObject({
  en: z.string().check(z.minLength(1)),
  ko: z.optional(z.string().check(z.minLength(1))),
});

const source = z.union([
  z.string().check(z.minLength(1)),
  z.strictObject({ ref: z.string().check(z.minLength(1)), quote: z.optional(z.string().check(z.minLength(1))) }),
]);

const condition: z.ZodMiniType<Condition> = z.strictObject({
  answer: z.optional(z.string()),
  in: z.optional(z.array(z.string())),
  atLeast: z.optional(z.number()),
  atMost: z.optional(z.number()),
  includes: z.optional(z.string()),
  includesAny: z.optional(z.array(z.string())),
  get all() {
    return z.optional(z.array(condition));
  },
  get any() {
    return z.optional(z.array(condition));
  },
}) as unknown as z.ZodMiniType<Condition>;

const ruleId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/));
// z.number() already refuses NaN and Infinity (1e999 in JSON parses to Infinity).
const weight = z.number().check(z.gt(0));

export const ruleSchema = z.strictObject({
  id: ruleId,
  platform: z.enum(PLATFORMS),
  weight,
  when: condition,
  text: localized,
  source,
});

export const launchTypeRuleSchema = z.strictObject({
  id: ruleId,
  launchType: z.enum(LAUNCH_TYPES),
  weight,
  required: z.optional(z.boolean()),
  platforms: z.optional(z.array(z.enum(PLATFORMS)).check(z.minLength(1))),
  when: condition,
  text: localized,
  source,
});

const sources = z.record(z.string(), z.strictObject({ title: localized }));

// A file's outer shape, given how to check its rules. At run time each rule is
// left unknown here and checked on its own, so that one broken rule does not
// hide the problems of the others; the typed form only proves the types below.
const rulesFile = <R extends z.ZodMiniType, L extends z.ZodMiniType>(rule: R, launchTypeRule: L) =>
  z.strictObject({
    $schema: z.optional(z.string()),
    version: z.string().check(z.minLength(1)),
    sources: z.optional(sources),
    rules: z.array(rule),
    launchTypeRules: z.optional(z.array(launchTypeRule)),
  });

const overridesFile = <R extends z.ZodMiniType, L extends z.ZodMiniType>(rule: R, launchTypeRule: L) =>
  z.strictObject({
    $schema: z.optional(z.string()),
    extends: z.literal("built-in"),
    version: z.optional(z.string().check(z.minLength(1))),
    weights: z.optional(z.record(z.string(), weight)),
    disable: z.optional(z.array(z.string())),
    sources: z.optional(sources),
    rules: z.optional(z.array(rule)),
    launchTypeRules: z.optional(z.array(launchTypeRule)),
  });

export const rulesFileShape = rulesFile(z.unknown(), z.unknown());
export const overridesFileShape = overridesFile(z.unknown(), z.unknown());

// The schemas must accept exactly the documented types; this fails to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inSync: [
  Same<z.infer<typeof ruleSchema>, RuleData>,
  Same<z.infer<typeof launchTypeRuleSchema>, LaunchTypeRuleData>,
  Same<z.infer<ReturnType<typeof rulesFile<typeof ruleSchema, typeof launchTypeRuleSchema>>>, RulesFileData>,
  Same<z.infer<ReturnType<typeof overridesFile<typeof ruleSchema, typeof launchTypeRuleSchema>>>, OverridesFileData>,
] = [true, true, true, true];
void inSync;
