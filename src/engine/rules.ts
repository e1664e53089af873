import type * as z from "zod/mini";
import { t } from "../i18n/index.js";
import type { Lang } from "../i18n/lang.js";
import { checkCondition } from "./conditions.js";
import type { LaunchTypeRuleData, OverridesFileData, RuleData, RulesFileData, SourcesTable } from "./rule-types.js";
import { compile, type RuleSet, type RuleSetOrigin } from "./rule-set.js";
import { launchTypeRuleSchema, overridesFileShape, ruleSchema, rulesFileShape } from "./rules-schema.js";
import { showValue } from "./show.js";
import { suggest } from "./suggest.js";

export interface ParseRulesOptions {
  /** The file name used in messages. */
  file: string;
  lang?: Lang;
  /** How the result names its origin; the version comes from the file. */
  origin?: { source: "built-in" } | { source: "file"; path: string; sha256: string };
  /** The rule set an overrides file (`"extends": "built-in"`) changes. */
  base?: RuleSet;
}

export type { RuleSet, RuleSetOrigin };

export type ParseRulesOutcome = { ok: true; ruleSet: RuleSet } | { ok: false; problems: string[] };

/**
 * Validates a parsed rules file (or an overrides file) and compiles it.
 * Pure: the caller reads the file. Every problem is returned, each naming the
 * file, the rule and the field.
 */
export function parseRules(json: unknown, options: ParseRulesOptions): ParseRulesOutcome {
  const lang = options.lang ?? "en";
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, problems: [t(lang, "rules.notObject", { file: options.file })] };
  }
  const isOverrides = "extends" in json;
  const problems: string[] = [];
  const report = (path: string, message: string) => problems.push(locate(path, json, options.file, lang, message));

  const shape = (isOverrides ? overridesFileShape : rulesFileShape).safeParse(json);
  if (!shape.success) for (const issue of shape.error.issues) problems.push(issueProblem(issue, [], json, options.file, lang));
  // Each rule is checked on its own, so one broken rule does not hide the others.
  const rules = entries<RuleData>(json, "rules", ruleSchema, problems, options.file, lang);
  const launchTypeRules = entries<LaunchTypeRuleData>(json, "launchTypeRules", launchTypeRuleSchema, problems, options.file, lang);
  const file = shape.success ? (shape.data as Partial<OverridesFileData> & Partial<RulesFileData>) : {};

  if (isOverrides && !options.base) return { ok: false, problems: [t(lang, "rules.noBase", { file: options.file })] };
  const base = isOverrides ? options.base : undefined;
  const sources = { ...base?.sources, ...file.sources };
  const baseIds = base ? [...base.rules, ...base.launchTypeRules].map((rule) => rule.id) : [];
  for (const [path, message] of checkRules([...rules, ...launchTypeRules], sources, baseIds, lang)) report(path, message);
  if (base) for (const [path, message] of checkOverrides(json as Partial<OverridesFileData>, baseIds, lang)) report(path, message);
  if (problems.length > 0 || !shape.success) return { ok: false, problems };

  const added = { rules: rules.map((e) => compile(e.rule)), launchTypeRules: launchTypeRules.map((e) => compile(e.rule)) };
  const origin = options.origin ?? { source: "built-in" };
  if (base) return { ok: true, ruleSet: applyOverrides(file as OverridesFileData, base, added, sources, origin) };
  const version = file.version!;
  return { ok: true, ruleSet: { origin: { ...origin, version }, version, sources, ...added } };
}

interface Entry<R> {
  /** Where the rule is in the file, like `rules[3]`. */
  path: string;
  rule: R;
}

/** The rules of one list that pass the schema, with their places; the others' problems are reported. */
function entries<R>(
  json: object,
  list: "rules" | "launchTypeRules",
  schema: z.ZodMiniType,
  problems: string[],
  file: string,
  lang: Lang,
): Entry<R>[] {
  const items = (json as Record<string, unknown>)[list];
  if (!Array.isArray(items)) return [];
  const valid: Entry<R>[] = [];
  items.forEach((item, index) => {
    const outcome = schema.safeParse(item);
    if (outcome.success) valid.push({ path: `${list}[${index}]`, rule: outcome.data as R });
    else for (const issue of outcome.error.issues) problems.push(issueProblem(issue, [list, index], json, file, lang));
  });
  return valid;
}

type Problem = [path: string, message: string];

/** The meaning checks that a schema cannot express; each returns `[path, message]` pairs. */
function checkRules(
  all: readonly Entry<RuleData | LaunchTypeRuleData>[],
  sources: SourcesTable,
  builtInIds: readonly string[],
  lang: Lang,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>(builtInIds.map((id) => [id, ""]));
  for (const { path, rule } of all) {
    const earlier = seen.get(rule.id);
    if (earlier !== undefined) {
      problems.push([
        `${path}.id`,
        earlier ? t(lang, "rules.duplicateId", { id: rule.id, earlier }) : t(lang, "rules.duplicateBuiltInId", { id: rule.id }),
      ]);
    }
    seen.set(rule.id, path);
    problems.push(...checkCondition(rule.when, `${path}.when`, lang));
    if (typeof rule.source === "object" && !(rule.source.ref in sources)) {
      const near = suggest(rule.source.ref, Object.keys(sources));
      problems.push([
        `${path}.source.ref`,
        near
          ? t(lang, "rules.unknownSourceSuggest", { ref: rule.source.ref, suggestion: near })
          : t(lang, "rules.unknownSource", { ref: rule.source.ref }),
      ]);
    }
  }
  return problems;
}

function checkOverrides(data: Partial<OverridesFileData>, baseIds: readonly string[], lang: Lang): Problem[] {
  const unknownId = (id: string) => {
    const near = suggest(id, baseIds);
    return near ? t(lang, "rules.unknownRuleSuggest", { id, suggestion: near }) : t(lang, "rules.unknownRule", { id });
  };
  // Read defensively: this runs even when the file's shape is wrong, to report every problem at once.
  const weights = typeof data.weights === "object" && data.weights !== null ? Object.keys(data.weights) : [];
  const disable = Array.isArray(data.disable) ? data.disable : [];
  const problems: Problem[] = [];
  for (const id of weights) {
    if (!baseIds.includes(id)) problems.push([`weights.${id}`, unknownId(id)]);
    if (disable.includes(id)) problems.push([`weights.${id}`, t(lang, "rules.weightAndDisable", { id })]);
  }
  disable.forEach((id, i) => {
    if (typeof id === "string" && !baseIds.includes(id)) problems.push([`disable[${i}]`, unknownId(id)]);
  });
  return problems;
}

function applyOverrides(
  data: OverridesFileData,
  base: RuleSet,
  added: Pick<RuleSet, "rules" | "launchTypeRules">,
  sources: SourcesTable,
  origin: NonNullable<ParseRulesOptions["origin"]>,
): RuleSet {
  const disabled = new Set(data.disable ?? []);
  const weights = data.weights ?? {};
  const keep = <R extends { id: string; weight: number }>(rules: readonly R[]): R[] =>
    rules.filter((rule) => !disabled.has(rule.id)).map((rule) => ({ ...rule, weight: weights[rule.id] ?? rule.weight }));
  const version = data.version ?? `${base.version}+overrides`;
  return {
    origin: { ...origin, version, extends: "built-in" } as RuleSetOrigin,
    version,
    sources,
    rules: [...keep(base.rules), ...added.rules],
    launchTypeRules: [...keep(base.launchTypeRules), ...added.launchTypeRules],
  };
}

// --- turning zod issues into "file: rule "id" (rules[3]), field "weight": message" ---

function issueProblem(
  issue: z.core.$ZodIssue,
  prefix: readonly (string | number)[],
  json: object,
  file: string,
  lang: Lang,
): string {
  const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
  const got = valueAt(json, path);
  let message: string;
  switch (issue.code) {
    case "invalid_type":
      if (got === undefined) message = t(lang, "rules.missingField");
      else if (typeof got === "number") message = t(lang, "rules.notPositive", { got: showValue(got) });
      else message = t(lang, "rules.wrongType", { expected: t(lang, expectedKey(issue.expected)), got: showValue(got) });
      break;
    case "invalid_value":
      message = t(lang, "rules.notOneOf", { values: issue.values.map(String).join(", "), got: showValue(got) });
      break;
    case "too_small":
      message =
        issue.origin === "number"
          ? t(lang, "rules.notPositive", { got: showValue(got) })
          : t(lang, "rules.empty");
      break;
    case "invalid_format":
      message = t(lang, "rules.badId", { got: showValue(got) });
      break;
    case "unrecognized_keys":
      return issue.keys
        .map((key) => locate(formatPath([...path, key]), json, file, lang, t(lang, "rules.unknownField", { key })))
        .join("\n");
    case "invalid_union":
      message = t(lang, "rules.badSource", { got: showValue(got) });
      break;
    default:
      message = issue.message;
  }
  return locate(formatPath(path), json, file, lang, message);
}

function expectedKey(expected: string) {
  switch (expected) {
    case "number":
      return "type.number" as const;
    case "array":
      return "type.array" as const;
    case "object":
    case "record":
      return "type.object" as const;
    case "boolean":
      return "type.boolean" as const;
    default:
      return "type.string" as const;
  }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    "",
  );
}

/** Adds file, rule id and field to a message; `path` is like `rules[3].when.in`. */
function locate(path: string, json: object, file: string, lang: Lang, message: string): string {
  const match = /^(rules|launchTypeRules)\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!match) {
    return path
      ? t(lang, "rules.problemAtField", { file, field: path, message })
      : t(lang, "rules.problemInFile", { file, message });
  }
  const [, list, index, field] = match;
  const rule = valueAt(json, [list!, Number(index)]) as { id?: unknown } | undefined;
  const id = typeof rule?.id === "string" ? rule.id : `#${Number(index) + 1}`;
  return field
    ? t(lang, "rules.problemAtRuleField", { file, id, at: `${list}[${index}]`, field, message })
    : t(lang, "rules.problemAtRule", { file, id, at: `${list}[${index}]`, message });
}

function valueAt(json: unknown, path: readonly (string | number)[]): unknown {
  let value = json;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
