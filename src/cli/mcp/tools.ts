// The MCP server's tools: each a thin adapter from a call's arguments to the
// library, as a command is from its flags. Inputs come from the questions
// table (the answers file's schema) and the option tables; outputs are the
// CLI's JSON where it has one, with a short text in the call's language.
import { BUILT_IN_RULES } from "../../engine/builtin.js";
import { InputError, UsageError } from "../../engine/errors.js";
import { quoteValue } from "../../engine/quote-value.js";
import { explainComparison } from "../../explain/comparison.js";
import { explainQuestions } from "../../explain/questions.js";
import { evaluate, type Result } from "../../explain/result.js";
import { explainRule, ruleIds } from "../../explain/rule.js";
import { t, tDynamic, type Lang, type MessageKey } from "../../i18n/index.js";
import { OPTION_TABLES, flagNames, type ScaffoldOptions } from "../input/options.js";
import { headlineSentences, pricesLine, workloadLine } from "../render/estimate.js";
import { optionName, verdictLine } from "../render/phrases.js";
import { checkedAnswers, checkArguments, langArgument, nearName, type ArgumentTable, type JsonSchema } from "./arguments.js";
import { OUTPUT_SCHEMAS } from "./output-schemas.js";
import { scanRepository } from "./scan-repository.js";
import { allowedRoots, insideRoots } from "./roots.js";
import type { CallContext, Output } from "./call.js";

export interface Tool {
  name: string;
  readOnly: boolean;
  arguments: ArgumentTable;
  required: readonly string[];
  output: JsonSchema;
  run: (args: Readonly<Record<string, unknown>>, call: CallContext) => Promise<Output>;
}

/** The JSON Schemas the tools take and return that the build generates: the answers file's (`schema`) and the scan's. */
export interface GeneratedSchemas {
  answers: JsonSchema;
  scan: JsonSchema;
}

/** A generated schema as part of a tool's: no $schema or $id (a client's validator may not know the draft), a description of our own. */
function embedded(generated: JsonSchema, description?: string): JsonSchema {
  const { $schema: _schema, $id: _id, title: _title, description: _description, ...schema } = generated;
  return description === undefined ? schema : { ...schema, description };
}

/** The tools, with the generated schemas of the answers they take and the scan they return. */
export function toolTable(schemas: GeneratedSchemas, lang: Lang): Tool[] {
  const answersArgument = (description: MessageKey): JsonSchema => embedded(schemas.answers, t(lang, description));
  const withAnswers = { answers: answersArgument("mcp.arg.answers"), lang: langArgument(lang) };
  return [
    {
      name: "recommend",
      readOnly: true,
      arguments: withAnswers,
      required: ["answers"],
      output: OUTPUT_SCHEMAS.result,
      run: async (args, call) => {
        const result = await recommendFor(args.answers, call.lang);
        return { structured: result as unknown as Record<string, unknown>, text: recommendText(result, call.lang) };
      },
    },
    {
      name: "estimate_costs",
      readOnly: true,
      arguments: withAnswers,
      required: ["answers"],
      output: OUTPUT_SCHEMAS.estimate,
      run: async (args, call) => {
        const result = await recommendFor(args.answers, call.lang);
        const text = [workloadLine(result, call.lang), ...headlineSentences(result, call.lang, "beside-json"), pricesLine(result.costs.estimate, call.lang)].join("\n");
        return { structured: result.costs.estimate as unknown as Record<string, unknown>, text };
      },
    },
    {
      name: "questions",
      readOnly: true,
      arguments: { lang: langArgument(lang) },
      required: [],
      output: OUTPUT_SCHEMAS.questions,
      run: async (_args, call) => {
        const explained = explainQuestions(call.lang);
        const required = explained.questions.filter((q) => q.required).map((q) => q.key);
        const text = t(call.lang, "mcp.text.questions", { count: explained.questions.length, required: required.length, keys: required.join(", ") });
        return { structured: explained as unknown as Record<string, unknown>, text };
      },
    },
    {
      name: "compare",
      readOnly: true,
      arguments: { lang: langArgument(lang) },
      required: [],
      output: OUTPUT_SCHEMAS.comparison,
      run: async (_args, call) => {
        const comparison = explainComparison(call.lang);
        const rows = comparison.rows.map((row) => `- ${row.topic}: ECS: ${row.ecs} / EKS: ${row.eks}`);
        const text = [t(call.lang, "compare.quoted", { date: comparison.guideDate }), ...rows].join("\n");
        return { structured: comparison as unknown as Record<string, unknown>, text };
      },
    },
    {
      name: "scan_repository",
      readOnly: true,
      arguments: { path: { type: "string", description: t(lang, "mcp.arg.path") }, lang: langArgument(lang) },
      required: [],
      output: embedded(schemas.scan),
      run: (args, call) => scanRepository(args, call),
    },
    {
      name: "scaffold",
      readOnly: false,
      arguments: {
        answers: answersArgument("mcp.arg.scaffoldAnswers"),
        ...scaffoldArguments(lang),
        write: { type: "boolean", description: t(lang, "mcp.arg.write") },
        out: { type: "string", description: t(lang, "mcp.arg.out") },
        force: { type: "boolean", description: t(lang, "mcp.arg.force") },
        lang: langArgument(lang),
      },
      required: [],
      output: OUTPUT_SCHEMAS.scaffold,
      run: (args, call) => scaffoldTool(args, call),
    },
    {
      name: "explain_rule",
      readOnly: true,
      arguments: { id: { type: "string", description: t(lang, "mcp.arg.id") }, lang: langArgument(lang) },
      required: ["id"],
      output: OUTPUT_SCHEMAS.rule,
      run: async (args, call) => {
        if (args.id === undefined) throw new UsageError(t(call.lang, "mcp.missingArgument", { tool: "explain_rule", name: "id" }));
        const id = args.id as string;
        const explained = explainRule(BUILT_IN_RULES, id, call.lang, call.documents());
        if (!explained) {
          const near = nearName(id, ruleIds(BUILT_IN_RULES));
          throw new InputError(near === undefined ? t(call.lang, "mcp.unknownRule", { id: quoteValue(id) }) : t(call.lang, "mcp.unknownRuleSuggest", { id: quoteValue(id), suggestion: near }));
        }
        const { source } = explained;
        const lines = [
          t(call.lang, "mcp.text.rule", { id, text: explained.text }),
          t(call.lang, "mcp.text.ruleWhen", { condition: explained.condition }),
          ...(explained.weight === undefined ? [] : [t(call.lang, "mcp.text.ruleWeight", { weight: explained.weight })]),
          t(call.lang, "mcp.text.ruleSource", { title: source.title }),
          ...(source.line === undefined ? [] : [t(call.lang, "mcp.text.ruleLine", { document: source.document!, line: source.line, text: source.lineText! })]),
        ];
        return { structured: explained as unknown as Record<string, unknown>, text: lines.join("\n") };
      },
    },
  ];
}

/** The recommendation for a call's answers, with the built-in rules and prices: what `--json` prints for them. */
async function recommendFor(raw: unknown, lang: Lang): Promise<Result> {
  return evaluate(await checkedAnswers(raw, lang), { lang });
}

/** The headline, the verdict and the strongest reasons: what a person reads first. */
function recommendText(result: Result, lang: Lang): string {
  const reasons = result.reasons.filter((reason) => reason.platform === result.recommendation).slice(0, 3);
  return [
    t(lang, "result.headline", { option: optionName(lang, result.recommendation, result.launchType) }),
    verdictLine(result, lang),
    ...(reasons.length > 0 ? [t(lang, "mcp.text.reasons"), ...reasons.map((reason) => `- ${reason.text}`)] : []),
    headlineSentences(result, lang, "beside-json")[0]!,
  ].join("\n");
}

/** Flags of `scaffold` the tool does not take: the rules file (the built-in rules only), and the writing ones it names its own way. */
const NOT_SCAFFOLD_ARGUMENTS = new Set(["rules", "out", "force"]);
/** A flag's value as a tool takes it, by its placeholder: sizes are numbers; words and names are strings. */
const PLACEHOLDER_TYPES: Readonly<Record<string, string>> = { n: "integer", units: "integer", mib: "integer" };

/** scaffold's own flags as arguments, named as the options they set (--launch-type is launchType), described by their help. */
function scaffoldArguments(lang: Lang): Record<string, JsonSchema> {
  return Object.fromEntries(
    OPTION_TABLES.scaffold.flatMap(([flags, help]) => {
      const long = flagNames(flags).find((name) => name.startsWith("--"))!;
      const name = long.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      if (NOT_SCAFFOLD_ARGUMENTS.has(name)) return [];
      const placeholder = /<(\w+)>/.exec(flags)?.[1];
      const type = placeholder === undefined ? "boolean" : (PLACEHOLDER_TYPES[placeholder] ?? "string");
      return [[name, { type, description: t(lang, help) }]];
    }),
  );
}

/** `scaffold` for a call: the files, and with `write`, the same files written into `out` inside the roots. */
async function scaffoldTool(args: Readonly<Record<string, unknown>>, call: CallContext): Promise<Output> {
  const { lang } = call;
  const { planScaffold, checkScaffoldFlags, checkOutFolder, scaffoldReport, writeScaffold } = await import("../commands/scaffold.js");
  // The flags as the command line gives them (numbers as text), so every check and message is the CLI's.
  const options: Record<string, unknown> = {};
  for (const name of Object.keys(scaffoldArguments(lang))) {
    const value = args[name];
    if (value !== undefined) options[name] = typeof value === "number" ? String(value) : value;
  }
  const flags = options as ScaffoldOptions;
  checkScaffoldFlags(flags, lang);
  const write = args.write === true;
  if (args.out !== undefined && !write) throw new UsageError(t(lang, "mcp.outNeedsWrite"));
  if (write && args.out === undefined) throw new UsageError(t(lang, "mcp.writeNeedsOut"));
  const out = write ? insideRoots(args.out as string, await allowedRoots(call.roots, call.cwd, lang), lang, "write") : undefined;
  if (out !== undefined) checkOutFolder(out, call.cwd, lang);
  const planned = await planScaffold(flags, lang, {
    given: args.answers !== undefined,
    advice: async () => {
      const answers = await checkedAnswers(args.answers, lang);
      // As given, not the estimate's default: a Region nobody named stays a placeholder.
      const given = (args.answers ?? {}) as Record<string, unknown>;
      return { rules: BUILT_IN_RULES, answers, region: "region" in given ? answers.region : undefined };
    },
  });
  const { spec, result } = planned;
  if (out !== undefined) writeScaffold(result, out, call.cwd, args.force === true, lang);
  const structured = {
    schemaVersion: 1,
    lang,
    platform: spec.platform,
    launchType: spec.launchType,
    helm: spec.helm,
    gpu: spec.gpu,
    why: planned.why,
    files: result.files,
    placeholders: result.placeholders.map((token) => ({ token, meaning: tDynamic(lang, `placeholder.${token.slice(1, -1)}`, "") })),
    notes: result.notes.map(({ key, ...vars }) => t(lang, key, vars)),
    warnings: planned.warnings,
    written: out === undefined ? [] : result.files.map((file) => file.path),
    ...(out === undefined ? {} : { out }),
  };
  return { structured, text: scaffoldReport(planned, out, lang).join("\n") };
}

/** A call's tool by name, or the error that names the tools (and the one meant, for a typo). */
export function findTool(tools: readonly Tool[], name: string, lang: Lang): Tool {
  const tool = tools.find((candidate) => candidate.name === name);
  if (tool) return tool;
  const names = tools.map((candidate) => candidate.name);
  const near = nearName(name, names);
  const shown = quoteValue(name);
  throw new UsageError(near === undefined ? t(lang, "mcp.unknownTool", { name: shown, tools: names.join(", ") }) : t(lang, "mcp.unknownToolSuggest", { name: shown, suggestion: near }));
}

/** Runs a call: its arguments checked, then the tool, in the call's language. */
export async function runTool(tool: Tool, args: Readonly<Record<string, unknown>>, call: CallContext): Promise<Output> {
  const lang = checkArguments(tool.name, args, tool.arguments, call.lang);
  return tool.run(args, { ...call, lang });
}
