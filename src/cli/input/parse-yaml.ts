// YAML as data only, for --workload FILE: core scalars (no custom tags), no
// aliases, no duplicate keys. Loaded only when a workload file is read, with
// the same `yaml` package the scanner uses (one YAML library for the project).
import { parseDocument } from "yaml";
import { InputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";

/** The YAML's value, or one line naming the line and column of the mistake. */
export function parseYaml(text: string, label: string, lang: Lang): unknown {
  if (text.trim() === "") throw new InputError(t(lang, "input.emptyFile", { file: label }), t(lang, "workload.emptyHint"));
  const refuse = (offset: number | undefined, reason: string) => {
    const where = offset === undefined ? label : `${label}:${lineColumn(text, offset)}`;
    return new InputError(t(lang, "workload.badYaml", { where, reason }), t(lang, "workload.emptyHint"));
  };
  try {
    const document = parseDocument(text, { schema: "core", merge: false, uniqueKeys: true, prettyErrors: false });
    const problem = document.errors[0];
    if (problem) throw refuse(problem.pos[0], problem.message.split("\n")[0]!);
    // An alias would make one service stand for many: a workload file has none.
    return document.toJS({ maxAliasCount: 0 });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A flow collection nested past the stack, or an alias: the file is not a plain list of services.
    if (error instanceof RangeError || error instanceof ReferenceError || error instanceof Error) throw refuse(undefined, error instanceof RangeError ? "it nests too deeply" : error.message);
    throw error;
  }
}

/** "3:14": the line and column (from 1) of an offset. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}:${offset - start + 1}`;
}
