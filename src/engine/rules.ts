import type * as z from "zod/mini";
import { checkCondition, keysOf, type Condition } from "./conditions.js";
import { MAX_NESTING, nestsDeeperThan } from "./depth.js";
import { LAUNCH_TYPES_FOR, PLATFORMS, type AnsweredByData, type Claims, type OverridesFileData, type Platform, type RulesFileData, type SourcesTable } from "./rule-types.js";
import { compileLists, type RuleLists, type RuleSet, type RuleSetOrigin } from "./rule-set.js";
import { MAX_WEIGHT, overridesFileShape, RULE_LISTS, rulesFileShape, type RuleList } from "./rules-schema.js";
import { quoteValue } from "./quote-value.js";
import { expectedTypeKey } from "./expected-type.js";
import { msg, type Message } from "./message.js";
import { formatPath, issuePath, valueAt } from "./schema-issues.js";
import { suggest } from "./suggest.js";
import { findDeadEnd } from "./dead-ends.js";

export interface ParseRulesOptions {
  /** The file name used in messages. */
  file: string;
  /** How the result names its origin; the version comes from the file. */
  origin?: { source: "built-in" } | { source: "file"; path: string; sha256: string };
  /** The rule set an overrides file (`"extends": "built-in"`) changes. */
  base?: RuleSet;
}


/** The rule set, or every problem found, as messages to word (src/explain/rules.ts). */
export type RulesOutcome<P = Message> = { ok: true; ruleSet: RuleSet } | { ok: false; problems: P[] };

const LISTS = Object.keys(RULE_LISTS) as RuleList[];

/**
 * Validates a parsed rules file (or an overrides file) and compiles it.
 * Pure: the caller reads the file. Every problem is returned in one go, each
 * naming the file, the rule and the field: a broken shape does not hide the
 * meaning checks (unknown answers, duplicate ids) of the same rule.
 */
export function validateRules(json: unknown, options: ParseRulesOptions): RulesOutcome {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, problems: [msg("rules.notObject", { file: options.file })] };
  }
  if (nestsDeeperThan(json)) return { ok: false, problems: [msg("rules.tooDeep", { file: options.file, max: MAX_NESTING })] };
  const isOverrides = "extends" in json;
  if (isOverrides && !options.base) return { ok: false, problems: [msg("rules.noBase", { file: options.file })] };
  const problems: Message[] = [];
  const report = (path: string, message: Message) => problems.push(locate(path, json, options.file, message));

  const shape = (isOverrides ? overridesFileShape : rulesFileShape).safeParse(json);
  if (!shape.success) for (const issue of shape.error.issues) problems.push(...issueProblems(issue, [], json, options.file));
  // Each rule is checked on its own, so one broken rule does not hide the others.
  const items = LISTS.flatMap((list) => itemsOf(json, list));
  const valid = items.filter((item) => {
    const outcome = RULE_LISTS[item.list].safeParse(item.value);
    if (!outcome.success) for (const issue of outcome.error.issues) problems.push(...issueProblems(issue, [item.list, item.index], json, options.file));
    return outcome.success;
  });
  // A claim, and what a newer feature changes, is checked against the condition once the rule's shape is known to be sound.
  for (const item of valid) {
    for (const [path, message] of [...checkClaims(item.value as ClaimingRule, item.path), ...checkAnsweredBy(item.value as ClaimingRule, item.path)]) report(path, message);
  }
  const file = shape.success ? (shape.data as Partial<OverridesFileData> & Partial<RulesFileData>) : {};

  const base = isOverrides ? options.base : undefined;
  const sources = { ...base?.sources, ...(isRecord((json as Record<string, unknown>).sources) ? (json as { sources: SourcesTable }).sources : {}) };
  const baseIds = base ? allIds(base) : [];
  for (const [path, message] of checkRules(items, sources, baseIds)) report(path, message);
  if (base) for (const [path, message] of checkOverrides(json as Partial<OverridesFileData>, base)) report(path, message);
  if (problems.length > 0 || !shape.success) return { ok: false, problems };

  const added = compileLists(Object.fromEntries(LISTS.map((list) => [list, valid.filter((item) => item.list === list).map((item) => item.value)])));
  const origin = options.origin ?? { source: "built-in" };
  const version = file.version!;
  const ruleSet = base ? applyOverrides(file as OverridesFileData, base, added, sources, origin) : { origin: { ...origin, version }, version, sources, ...added };
  // Limits that together rule out every way to run leave a run recommending what a limit forbids.
  const deadEnd = findDeadEnd(ruleSet);
  if (deadEnd) {
    const answers = Object.entries(deadEnd.answers).map(([key, value]) => `"${key}": ${JSON.stringify(value) ?? "unknown"}`).join(", ");
    return { ok: false, problems: [msg("rules.deadEnd", { file: options.file, platform: msg(`platform.${deadEnd.platform}`), answers: `{${answers}}`, limits: deadEnd.limits.join(", ") })] };
  }
  return { ok: true, ruleSet };
}

interface Item {
  list: RuleList;
  index: number;
  /** Where the rule is in the file, like `rules[3]`. */
  path: string;
  value: unknown;
}

function itemsOf(json: object, list: RuleList): Item[] {
  const values = (json as Record<string, unknown>)[list];
  return Array.isArray(values) ? values.map((value, index) => ({ list, index, path: `${list}[${index}]`, value })) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function allIds(ruleSet: RuleSet): string[] {
  return LISTS.flatMap((list) => ruleSet[list].map((rule) => rule.id));
}

type Problem = [path: string, message: Message];

/**
 * The meaning checks that a schema cannot express, run on every rule whatever
 * its shape (fields are read defensively); each returns `[path, message]` pairs.
 */
function checkRules(items: readonly Item[], sources: SourcesTable, builtInIds: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>(builtInIds.map((id) => [id, ""]));
  for (const { path, value } of items) {
    if (!isRecord(value)) continue;
    if (typeof value.id === "string") {
      const earlier = seen.get(value.id);
      if (earlier !== undefined) {
        problems.push([
          `${path}.id`,
          earlier ? msg("rules.duplicateId", { id: value.id, earlier }) : msg("rules.duplicateBuiltInId", { id: value.id }),
        ]);
      }
      seen.set(value.id, path);
    }
    if ("when" in value) problems.push(...checkCondition(value.when, `${path}.when`));
    const source = value.source;
    // Own keys only: a ref "toString" or "__proto__" names nothing in the file, whatever Object.prototype holds.
    if (isRecord(source) && typeof source.ref === "string" && !Object.hasOwn(sources, source.ref)) {
      const near = suggest(source.ref, Object.keys(sources));
      problems.push([
        `${path}.source.ref`,
        near
          ? msg("rules.unknownSourceSuggest", { ref: source.ref, suggestion: near })
          : msg("rules.unknownSource", { ref: source.ref }),
      ]);
    }
    problems.push(...checkPlatforms(value, path));
  }
  return problems;
}

/**
 * Each change a newer feature makes names a value its answer takes (checked
 * as the condition it amounts to) of an answer the rule itself reads: a
 * feature answers this reason, not another.
 */
function checkAnsweredBy(rule: ClaimingRule, path: string): Problem[] {
  const read: readonly string[] = keysOf(rule.when);
  return (rule.answeredBy?.changes ?? []).flatMap((change, i): Problem[] => {
    const at = `${path}.answeredBy.changes[${i}]`;
    const asCondition = "remove" in change ? { answer: change.answer, includes: change.remove } : { answer: change.answer, in: [change.to] };
    const wrong = checkCondition(asCondition, at);
    if (wrong.length > 0) return wrong;
    return read.includes(change.answer) ? [] : [[`${at}.answer`, msg("rules.answeredByNotRead", { answer: change.answer })]];
  });
}

type ClaimingRule = { when: Condition; claims?: Claims | undefined; answeredBy?: AnsweredByData | undefined };

/** A text can state as fact only what fired it: each answer a rule claims, its condition reads. */
function checkClaims(rule: ClaimingRule, path: string): Problem[] {
  const read = keysOf(rule.when) as string[];
  return Object.keys(rule.claims ?? {})
    .filter((answer) => !read.includes(answer))
    .map((answer): Problem => [`${path}.claims.${answer}`, msg("rules.claimNotRead", { answer })]);
}

/** A launch-type rule for Managed Instances or Auto Mode names a platform that has it. */
function checkPlatforms(rule: Record<string, unknown>, path: string): Problem[] {
  const launchType = rule.launchType;
  if (typeof launchType !== "string" || !Array.isArray(rule.platforms)) return [];
  return rule.platforms
    .filter((platform): platform is Platform => PLATFORMS.includes(platform as Platform))
    .filter((platform) => !(LAUNCH_TYPES_FOR[platform] as readonly string[]).includes(launchType))
    .map((platform): Problem => [`${path}.platforms`, msg("rules.launchTypeNotOn", { launchType, platform })]);
}

function checkOverrides(data: Partial<OverridesFileData>, base: RuleSet): Problem[] {
  const baseIds = allIds(base);
  const weighted = [...base.rules, ...base.launchTypeRules].map((rule) => rule.id);
  const unknownId = (id: string, ids: readonly string[]) => {
    const near = suggest(id, ids);
    return near ? msg("rules.unknownRuleSuggest", { id, suggestion: near }) : msg("rules.unknownRule", { id });
  };
  // Read defensively: this runs even when the file's shape is wrong, to report every problem at once.
  const weights = isRecord(data.weights) ? Object.keys(data.weights) : [];
  const disable = Array.isArray(data.disable) ? data.disable : [];
  const problems: Problem[] = [];
  for (const id of weights) {
    if (!weighted.includes(id)) {
      problems.push([`weights.${id}`, baseIds.includes(id) ? msg("rules.notWeighted", { id }) : unknownId(id, weighted)]);
    }
    if (disable.includes(id)) problems.push([`weights.${id}`, msg("rules.weightAndDisable", { id })]);
  }
  disable.forEach((id, i) => {
    if (typeof id === "string" && !baseIds.includes(id)) problems.push([`disable[${i}]`, unknownId(id, baseIds)]);
  });
  return problems;
}

function applyOverrides(
  data: OverridesFileData,
  base: RuleSet,
  added: RuleLists,
  sources: SourcesTable,
  origin: NonNullable<ParseRulesOptions["origin"]>,
): RuleSet {
  const disabled = new Set(data.disable ?? []);
  const weights = data.weights ?? {};
  const keep = <R extends { id: string }>(rules: readonly R[]): R[] =>
    rules
      .filter((rule) => !disabled.has(rule.id))
      .map((rule) => ("weight" in rule && Object.hasOwn(weights, rule.id) ? { ...rule, weight: weights[rule.id] } : rule));
  const version = data.version ?? `${base.version}+overrides`;
  return {
    origin: { ...origin, version, extends: "built-in" } as RuleSetOrigin,
    version,
    sources,
    rules: [...keep(base.rules), ...added.rules],
    launchTypeRules: [...keep(base.launchTypeRules), ...added.launchTypeRules],
    launchTypeLimits: [...keep(base.launchTypeLimits), ...added.launchTypeLimits],
    launchTypeNotes: [...keep(base.launchTypeNotes), ...added.launchTypeNotes],
    alsoConsider: [...keep(base.alsoConsider), ...added.alsoConsider],
    answerNotes: [...keep(base.answerNotes), ...added.answerNotes],
  };
}

// --- turning zod issues into "file: rule "id" (rules[3]), field "weight": message" ---

/** The problems a zod issue stands for: one, or one per unknown field, each on its own line. */
function issueProblems(
  issue: z.core.$ZodIssue,
  prefix: readonly (string | number)[],
  json: object,
  file: string,
): Message[] {
  const path = [...prefix, ...issuePath(issue)];
  const got = valueAt(json, path);
  let message: Message;
  // Whatever zod calls it, a field that is not there is missing.
  if (got === undefined && issue.code !== "unrecognized_keys") return [locate(formatPath(path), json, file, msg("rules.missingField"))];
  switch (issue.code) {
    case "invalid_type":
      // A number where a number belongs, yet refused: NaN or Infinity (1e999 in JSON).
      if (typeof got === "number" && issue.expected === "number") message = msg("rules.notPositive", { got: quoteValue(got), max: MAX_WEIGHT });
      else message = msg("rules.wrongType", { expected: msg(expectedTypeKey(issue.expected)), got: quoteValue(got) });
      break;
    case "invalid_value":
      message = msg("rules.notOneOf", { values: issue.values.map(String).join(", "), got: quoteValue(got) });
      break;
    case "too_small":
      message =
        issue.origin === "number"
          ? msg("rules.notPositive", { got: quoteValue(got), max: MAX_WEIGHT })
          : msg("rules.empty");
      break;
    case "too_big":
      message = msg("rules.notPositive", { got: quoteValue(got), max: MAX_WEIGHT });
      break;
    case "invalid_format":
      message = msg("rules.badId", { got: quoteValue(got) });
      break;
    case "unrecognized_keys":
      return issue.keys.map((key) => locate(formatPath([...path, key]), json, file, msg("rules.unknownField", { key })));
    case "invalid_union":
      message = msg("rules.badSource", { got: quoteValue(got) });
      break;
    default:
      message = { text: issue.message };
  }
  return [locate(formatPath(path), json, file, message)];
}

/** Adds file, rule id and field to a message; `path` is like `rules[3].when.in`. */
function locate(path: string, json: object, file: string, message: Message): Message {
  const match = /^(rules|launchTypeRules)\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!match) {
    return path
      ? msg("rules.problemAtField", { file, field: path, message })
      : msg("rules.problemInFile", { file, message });
  }
  const [, list, index, field] = match;
  const rule = valueAt(json, [list!, Number(index)]) as { id?: unknown } | undefined;
  const id = typeof rule?.id === "string" ? rule.id : `#${Number(index) + 1}`;
  return field
    ? msg("rules.problemAtRuleField", { file, id, at: `${list}[${index}]`, field, message })
    : msg("rules.problemAtRule", { file, id, at: `${list}[${index}]`, message });
}
