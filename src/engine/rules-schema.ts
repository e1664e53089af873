import * as z from "zod/mini";
import type { Condition } from "./conditions.js";
import {
  CLAIM_SIDES,
  LAUNCH_TYPES,
  PLATFORMS,
  type AlsoConsiderData,
  type LaunchTypeLimitData,
  type LaunchTypeNoteData,
  type LaunchTypeRuleData,
  type OverridesFileData,
  type RuleData,
  type RulesFileData,
} from "./rule-types.js";
import type { Same } from "./same-type.js";

// The shape of a rules file. Meaning (known answers, matching operators,
// unique ids) is checked beside this, in rules.ts, so every problem is named.

/**
 * The largest weight a rule may have. Scores are sums of weights, and a file
 * is at most 1 MiB, so with this bound they stay finite and the confidence
 * stays between 0 and 1.
 */
export const MAX_WEIGHT = 1000;

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
  get none() {
    return z.optional(z.array(condition));
  },
}) as unknown as z.ZodMiniType<Condition>;

const claims = z.optional(z.partialRecord(z.string(), z.enum(CLAIM_SIDES)));

const ruleId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/));
// z.number() already refuses NaN and Infinity (1e999 in JSON parses to Infinity).
const weight = z.number().check(z.gt(0), z.lte(MAX_WEIGHT));
const platforms = z.optional(z.array(z.enum(PLATFORMS)).check(z.minLength(1)));
const launchTypes = z.array(z.enum(LAUNCH_TYPES)).check(z.minLength(1));

const answerChange = z.union([
  z.strictObject({ answer: z.string(), to: z.string() }),
  z.strictObject({ answer: z.string(), remove: z.string() }),
]);

const answeredBy = z.strictObject({
  feature: localized,
  if: localized,
  changes: z.array(answerChange).check(z.minLength(1)),
});

const ruleSchema = z.strictObject({
  id: ruleId,
  platform: z.enum(PLATFORMS),
  weight,
  when: condition,
  claims,
  text: localized,
  label: z.optional(localized),
  source,
  answeredBy: z.optional(answeredBy),
});

const launchTypeRuleSchema = z.strictObject({
  id: ruleId,
  launchType: z.enum(LAUNCH_TYPES),
  weight,
  required: z.optional(z.boolean()),
  platforms,
  when: condition,
  claims,
  text: localized,
  source,
});

const launchTypeLimitSchema = z.strictObject({
  id: ruleId,
  excludes: launchTypes,
  platforms,
  when: condition,
  claims,
  text: localized,
  source,
});

const launchTypeNoteSchema = z.strictObject({
  id: ruleId,
  launchTypes: z.optional(launchTypes),
  platforms,
  when: condition,
  claims,
  text: localized,
  source,
});

const alsoConsiderSchema = z.strictObject({
  id: ruleId,
  platforms,
  when: condition,
  claims,
  text: localized,
  source,
});

/** Every list of rules a file may hold, with the schema of one entry. */
export const RULE_LISTS = {
  rules: ruleSchema,
  launchTypeRules: launchTypeRuleSchema,
  launchTypeLimits: launchTypeLimitSchema,
  launchTypeNotes: launchTypeNoteSchema,
  alsoConsider: alsoConsiderSchema,
  // The same fields as an also-consider entry: an id, optional platforms, a condition, a text and a source.
  answerNotes: alsoConsiderSchema,
} as const;
export type RuleList = keyof typeof RULE_LISTS;

const sources = z.record(z.string(), z.strictObject({ title: localized }));

// A file's outer shape, given how to check each list's entries. At run time
// each entry is left unknown here and checked on its own, so that one broken
// rule does not hide the problems of the others; the typed form only proves
// the types below.
const lists = <R extends z.ZodMiniType, T extends z.ZodMiniType, M extends z.ZodMiniType, N extends z.ZodMiniType, A extends z.ZodMiniType>(
  e: { rules: R; launchTypeRules: T; launchTypeLimits: M; launchTypeNotes: N; alsoConsider: A },
) => ({
  launchTypeRules: z.optional(z.array(e.launchTypeRules)),
  launchTypeLimits: z.optional(z.array(e.launchTypeLimits)),
  launchTypeNotes: z.optional(z.array(e.launchTypeNotes)),
  alsoConsider: z.optional(z.array(e.alsoConsider)),
  answerNotes: z.optional(z.array(e.alsoConsider)),
});

const rulesFile = <R extends z.ZodMiniType, T extends z.ZodMiniType, M extends z.ZodMiniType, N extends z.ZodMiniType, A extends z.ZodMiniType>(
  e: { rules: R; launchTypeRules: T; launchTypeLimits: M; launchTypeNotes: N; alsoConsider: A },
) =>
  z.strictObject({
    $schema: z.optional(z.string()),
    version: z.string().check(z.minLength(1)),
    sources: z.optional(sources),
    rules: z.array(e.rules),
    ...lists(e),
  });

const overridesFile = <R extends z.ZodMiniType, T extends z.ZodMiniType, M extends z.ZodMiniType, N extends z.ZodMiniType, A extends z.ZodMiniType>(
  e: { rules: R; launchTypeRules: T; launchTypeLimits: M; launchTypeNotes: N; alsoConsider: A },
) =>
  z.strictObject({
    $schema: z.optional(z.string()),
    extends: z.literal("built-in"),
    version: z.optional(z.string().check(z.minLength(1))),
    weights: z.optional(z.record(z.string(), weight)),
    disable: z.optional(z.array(z.string())),
    sources: z.optional(sources),
    rules: z.optional(z.array(e.rules)),
    ...lists(e),
  });

const anyEntry = z.unknown();
const unchecked = { rules: anyEntry, launchTypeRules: anyEntry, launchTypeLimits: anyEntry, launchTypeNotes: anyEntry, alsoConsider: anyEntry };
export const rulesFileShape = rulesFile(unchecked);
export const overridesFileShape = overridesFile(unchecked);
type S = [typeof ruleSchema, typeof launchTypeRuleSchema, typeof launchTypeLimitSchema, typeof launchTypeNoteSchema, typeof alsoConsiderSchema];
type TypedRulesFile = z.infer<ReturnType<typeof rulesFile<S[0], S[1], S[2], S[3], S[4]>>>;
type TypedOverridesFile = z.infer<ReturnType<typeof overridesFile<S[0], S[1], S[2], S[3], S[4]>>>;

// The schemas must accept exactly the documented types; this fails to compile if they drift.
const inSync: [
  Same<z.infer<typeof ruleSchema>, RuleData>,
  Same<z.infer<typeof launchTypeRuleSchema>, LaunchTypeRuleData>,
  Same<z.infer<typeof launchTypeLimitSchema>, LaunchTypeLimitData>,
  Same<z.infer<typeof launchTypeNoteSchema>, LaunchTypeNoteData>,
  Same<z.infer<typeof alsoConsiderSchema>, AlsoConsiderData>,
  Same<TypedRulesFile, RulesFileData>,
  Same<TypedOverridesFile, OverridesFileData>,
] = [true, true, true, true, true, true, true];
void inSync;
