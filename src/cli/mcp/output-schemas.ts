// The outputSchema of each tool: the shape of its structuredContent, which
// is the CLI's JSON where the CLI has one. Each names the fields a result
// always has and their types; fields are added, never renamed, so a schema
// allows more (a test holds each to the results of the worked teams).
import { LANGS } from "../../i18n/lang.js";
import { choicesOf } from "../../engine/questions.js";
import { LAUNCH_TYPES, PLATFORMS } from "../../engine/rule-types.js";
import { CALL_LABELS } from "../../engine/score.js";
import { SCHEMA_VERSION } from "../../explain/result.js";
import type { JsonSchema } from "./arguments.js";

const string = { type: "string" } as const;
const number = { type: "number" } as const;
const integer = { type: "integer" } as const;
const boolean = { type: "boolean" } as const;
const platform = { type: "string", enum: PLATFORMS } as const;
const launchType = { type: "string", enum: LAUNCH_TYPES } as const;
const lang = { type: "string", enum: LANGS } as const;
/** The pricing scenarios, as the answers take them: `basis` is one of them too (schemaVersion 4). */
const pricing = { type: "string", enum: choicesOf("pricing") } as const;
const listOf = (items: JsonSchema) => ({ type: "array", items });
const object = (properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});
/** An object whose fields are figures by name (the scores, the launch-type weights). */
const figures = { type: "object", additionalProperties: number } as const;

const nullableNumber = { type: ["number", "null"] } as const;
const way = object({ platform, launchType });

/** `costs.estimate` (schemaVersion 4): a way ruled out for the workload has no figures, only `excluded` in words. */
const estimate = object({
  region: string,
  asOf: string,
  basis: pricing,
  pricing,
  workload: object({ vcpus: number, memoryGiB: number, tasks: number, assumed: listOf(string), from: { type: "string", enum: ["services", "shorthand"] }, services: listOf({ type: "object" }) }),
  environments: listOf(object({ name: string, share: number })),
  options: listOf(
    object(
      { platform, launchType, compute: number, fees: number, controlPlane: number, total: number, arch: string, fleet: listOf({ type: "object" }), clusters: integer, people: { type: "object" }, bill: object({ total: number, shared: number }), excluded: string, unpriced: boolean, isolation: { type: "string", enum: ["ownVm", "sandbox", "instancePerTask"] }, sizing: { type: "object" } },
      ["compute", "fees", "controlPlane", "total", "bill", "excluded", "unpriced", "isolation"],
    ),
  ),
  cheapest: way,
  breakEven: object({ ecs: nullableNumber, eks: nullableNumber }),
  headline: object({ platform, launchType, total: nullableNumber, bill: nullableNumber, arch: string }),
  shared: listOf(object({ item: string, usdPerMonth: number, assumption: string })),
  people: { type: "object" },
  assumptions: listOf(string),
  excluded: listOf(string),
  asOfLatest: string,
  hoursPerMonth: number,
  utilization: number,
  eksWouldAdd: { type: "object" },
  discounts: { type: "object" },
  prices: { type: "object" },
  sources: listOf(string),
});

const cited = { text: string, source: string };

/** `ecs-or-eks --json`: src/explain/result.ts, at its schemaVersion. */
const result = object({
  schemaVersion: { type: "integer", const: SCHEMA_VERSION },
  recommendation: platform,
  launchType,
  // What a margin like this meant on the published decisions; null with platform rules of one's own.
  confidence: { type: ["number", "null"] },
  confidenceLabel: { type: "string", enum: CALL_LABELS },
  margin: number,
  calibration: { type: ["object", "null"] },
  closeCall: boolean,
  scores: object({ ecs: number, eks: number }),
  decidingRules: listOf(string),
  reasons: listOf(object({ ruleId: string, platform, weight: number, label: string, ...cited })),
  launchTypeRequired: boolean,
  launchTypeScores: figures,
  launchTypeReasons: listOf(object({ ruleId: string, launchType, weight: number, required: boolean, ...cited })),
  launchTypeLimits: listOf(object({ ruleId: string, excludes: listOf(launchType), ...cited })),
  launchTypeNotes: listOf(object({ ruleId: string, ...cited })),
  alsoConsider: listOf(object({ option: string, ...cited })),
  answerNotes: listOf(object({ id: string, ...cited })),
  whatWouldChange: listOf(object({ answers: { type: "object" }, recommendation: platform, text: string, feature: string }, ["feature"])),
  costs: { ...object({ estimate }), additionalProperties: true },
  answers: { type: "object" },
  ruleSet: object({ source: string, version: string }),
  lang,
});

const questions = object({
  schemaVersion: { type: "integer", const: 1 },
  lang,
  questions: listOf(
    object(
      {
        key: string,
        flag: string,
        kind: { type: "string", enum: ["choice", "set", "integer", "number", "services", "environments"] },
        question: string,
        hint: string,
        required: boolean,
        quick: boolean,
        estimateOnly: boolean,
        default: {},
        suggested: {},
        choices: listOf(object({ value: string, label: string, hint: string }, ["hint"])),
        min: number,
        max: number,
        askedWhen: object({ answer: string, notIn: listOf(string) }),
      },
      ["default", "suggested", "choices", "min", "max", "askedWhen"],
    ),
  ),
});

/** `ecs-or-eks compare --json`. */
const comparison = object({
  schemaVersion: { type: "integer", const: 1 },
  source: string,
  guideDate: string,
  lang,
  rows: listOf(object({ id: string, topic: string, ecs: string, eks: string })),
  since: listOf(object({ date: string, text: string, source: string })),
});

const scaffold = object(
  {
    schemaVersion: { type: "integer", const: 1 },
    lang,
    platform,
    launchType,
    helm: boolean,
    gpu: boolean,
    why: string,
    files: listOf(object({ path: string, content: string })),
    placeholders: listOf(object({ token: string, meaning: string })),
    notes: listOf(string),
    warnings: listOf(string),
    written: listOf(string),
    out: string,
  },
  ["out"],
);

const rule = object(
  {
    schemaVersion: { type: "integer", const: 1 },
    lang,
    id: string,
    kind: { type: "string", enum: ["rules", "launchTypeRules", "launchTypeLimits", "launchTypeNotes", "alsoConsider", "answerNotes"] },
    platform,
    launchType,
    weight: number,
    required: boolean,
    excludes: listOf(launchType),
    launchTypes: listOf(launchType),
    platforms: listOf(platform),
    label: string,
    text: string,
    when: { type: "object" },
    condition: string,
    source: object({ ref: string, title: string, quote: string, document: string, line: integer, lineText: string }, ["quote", "document", "line", "lineText"]),
  },
  ["platform", "launchType", "weight", "required", "excludes", "launchTypes", "platforms", "label"],
);

export const OUTPUT_SCHEMAS = { result, estimate, questions, comparison, scaffold, rule } as const;
