// One rule of a rule set, explained: what the MCP server's `explain_rule`
// returns for an id a result cites. Pure: the documents the sources quote are
// given as text by the caller, which reads them.
import type { Condition } from "../engine/conditions.js";
import type { RuleLists, RuleSet } from "../engine/rule-set.js";
import type { LaunchType, Localized, Platform, Source } from "../engine/rule-types.js";
import type { Lang } from "../i18n/lang.js";
import { describeCondition } from "./condition.js";
import { localize } from "./words.js";

/** The documents rules cite, by file name: the Korean guide and the FACTS sheet. */
export type CitedDocuments = Readonly<Record<string, string>>;

/** What some lists' rules have and others not: the platform a rule weighs for, its launch type, weight, and so on. */
interface RuleFields {
  platform?: Platform;
  launchType?: LaunchType;
  weight?: number;
  required?: boolean;
  excludes?: LaunchType[];
  launchTypes?: LaunchType[];
  platforms?: Platform[];
}
const RULE_FIELDS = ["platform", "launchType", "weight", "required", "excludes", "launchTypes", "platforms"] as const satisfies readonly (keyof RuleFields)[];

export interface ExplainedRule extends RuleFields {
  schemaVersion: 1;
  lang: Lang;
  id: string;
  /** The list of the rules file that holds it. */
  kind: keyof RuleLists;
  label?: string;
  text: string;
  /** The condition on the answers, as the rules file writes it. */
  when: Condition;
  /** The same condition, read out. */
  condition: string;
  source: {
    /** The sources table's key, or the free text of an uncited source. */
    ref: string;
    title: string;
    quote?: string;
    /** Where the quote is, when it is in one of the documents. */
    document?: string;
    line?: number;
    lineText?: string;
  };
}

const KINDS = ["rules", "launchTypeRules", "launchTypeLimits", "launchTypeNotes", "alsoConsider", "answerNotes"] as const satisfies readonly (keyof RuleLists)[];

/** Every id of the rule set, in the rules file's order. */
export function ruleIds(ruleSet: RuleSet): string[] {
  return KINDS.flatMap((kind) => ruleSet[kind].map((rule) => rule.id));
}

type AnyRule = RuleSet[(typeof KINDS)[number]][number] & RuleFields & { label?: Localized };

/** The rule with that id, explained in `lang`; undefined when no list holds it. */
export function explainRule(ruleSet: RuleSet, id: string, lang: Lang, documents: CitedDocuments): ExplainedRule | undefined {
  for (const kind of KINDS) {
    const rule = (ruleSet[kind] as readonly AnyRule[]).find((candidate) => candidate.id === id);
    if (!rule) continue;
    const fields = Object.fromEntries(RULE_FIELDS.filter((key) => rule[key] !== undefined).map((key) => [key, rule[key]])) as RuleFields;
    return {
      schemaVersion: 1,
      lang,
      id,
      kind,
      ...fields,
      ...(rule.label ? { label: localize(rule.label, lang) } : {}),
      text: localize(rule.text, lang),
      when: rule.when,
      condition: describeCondition(rule.when, lang),
      source: citedLine(ruleSet, rule.source, lang, documents),
    };
  }
  return undefined;
}

/** The source's title and, when the quote is found in a document, that document, its line number and the line. */
function citedLine(ruleSet: RuleSet, source: Source, lang: Lang, documents: CitedDocuments): ExplainedRule["source"] {
  if (typeof source === "string") return { ref: source, title: source };
  const title = Object.hasOwn(ruleSet.sources, source.ref) ? localize(ruleSet.sources[source.ref]!.title, lang) : source.ref;
  const quote = source.quote;
  if (quote === undefined) return { ref: source.ref, title };
  for (const [document, text] of Object.entries(documents)) {
    const at = text.indexOf(quote);
    if (at === -1) continue;
    const start = text.lastIndexOf("\n", at) + 1;
    const end = text.indexOf("\n", at);
    const line = text.slice(0, at).split("\n").length;
    return { ref: source.ref, title, quote, document, line, lineText: text.slice(start, end === -1 ? undefined : end) };
  }
  return { ref: source.ref, title, quote };
}
