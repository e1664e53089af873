import { BUILT_IN_RULES } from "../../engine/builtin.js";
import { InputError, UsageError } from "../../engine/errors.js";
import type { RuleSet } from "../../engine/rule-set.js";
import { t, type Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { parseJson, readText } from "./read.js";

/** stdin holds one input: `--rules - --answers -` is refused before anything is read, not met with "stdin was empty". */
export function refuseTwoStdinReaders(options: { rules?: string; answers?: string }, lang: Lang): void {
  if (options.rules === "-" && options.answers === "-") throw new UsageError(t(lang, "input.stdinTwice"), t(lang, "input.stdinTwiceHint"));
}

/**
 * The rule set for --rules FILE: a full rules file, or an overrides file
 * ("extends": "built-in") applied to the built-in rules. Without the flag,
 * the built-in rules. The result names the file and its SHA-256.
 */
export async function loadRules(path: string | undefined, io: Io, lang: Lang): Promise<RuleSet> {
  if (path === undefined) return BUILT_IN_RULES;
  // Validation (zod) and hashing load only when a rules file is given.
  const [{ parseRules }, { createHash }] = await Promise.all([import("../../explain/rules.js"), import("node:crypto")]);
  const text = await readText(path, () => io.stdin, io.cwd, lang, "--rules");
  const label = path === "-" ? "stdin" : path;
  const outcome = parseRules(parseJson(text, label, lang, t(lang, "rules.emptyHint")), {
    file: label,
    lang,
    base: BUILT_IN_RULES,
    origin: { source: "file", path: label, sha256: createHash("sha256").update(text).digest("hex") },
  });
  if (!outcome.ok) throw new InputError(outcome.problems, t(lang, "rules.fixHint"));
  return outcome.ruleSet;
}
