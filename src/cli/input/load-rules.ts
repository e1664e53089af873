import { BUILT_IN_RULES } from "../../engine/builtin.js";
import { UsageError } from "../../engine/errors.js";
import type { RuleSet } from "../../engine/rule-set.js";
import { joinList, t, type Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { loadDataFile } from "./load-data-file.js";

/** stdin holds one input: `--rules - --answers -` (or --prices -, --workload -) is refused before anything is read, not met with "stdin was empty". */
export function refuseTwoStdinReaders(options: { rules?: string; answers?: string; prices?: string; workload?: string | string[] }, lang: Lang): void {
  const flags = (["--rules", "--prices", "--answers", "--workload"] as const).filter((flag) => options[flag.slice(2) as "rules"] === "-");
  if (flags.length > 1) throw new UsageError(t(lang, flags.length === 2 ? "input.stdinTwice" : "input.stdinMany", { flags: joinList(lang, flags.map((flag) => `${flag} -`)) }), t(lang, "input.stdinTwiceHint"));
}

/**
 * The rule set for --rules FILE: a full rules file, or an overrides file
 * ("extends": "built-in") applied to the built-in rules. Without the flag,
 * the built-in rules. The result names the file and its SHA-256.
 */
export async function loadRules(path: string | undefined, io: Io, lang: Lang): Promise<RuleSet> {
  if (path === undefined) return BUILT_IN_RULES;
  return loadDataFile(path, io, lang, {
    flag: "--rules",
    base: BUILT_IN_RULES,
    emptyHint: "rules.emptyHint",
    fixHint: "rules.fixHint",
    parse: async () => {
      const { parseRules } = await import("../../explain/rules.js");
      return (json, context) => {
        const outcome = parseRules(json, context);
        return outcome.ok ? { ok: true, value: outcome.ruleSet } : outcome;
      };
    },
  });
}
