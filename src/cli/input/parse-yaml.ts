// YAML as data only, for --workload FILE: the JSON schema (no tags), no
// aliases, a bounded depth. Loaded only when a workload file is read.
import { JSON_SCHEMA, load, YAMLException } from "js-yaml";
import { InputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";

/** The YAML's value, or one line naming the line and column of the mistake. */
export function parseYaml(text: string, label: string, lang: Lang): unknown {
  if (text.trim() === "") throw new InputError(t(lang, "input.emptyFile", { file: label }), t(lang, "workload.emptyHint"));
  try {
    return load(text, { schema: JSON_SCHEMA, maxAliases: 0, maxDepth: 32 });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark ? `${label}:${error.mark.line + 1}:${error.mark.column + 1}` : label;
    throw new InputError(t(lang, "workload.badYaml", { where, reason: error.reason }), t(lang, "workload.emptyHint"));
  }
}
