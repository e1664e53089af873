// --workload FILE: the `services` answer from a file that holds
// { "services": [...] }, JSON (a .json file) or YAML. `--workload` also
// takes the workload kind (services, batch, ...): a value that is none of
// those and names a file (it has a dot or a slash, or is - for stdin) is read.
import { InputError } from "../../engine/errors.js";
import { quoteValue } from "../../engine/quote-value.js";
import { QUESTIONS } from "../../engine/questions.js";
import { t, type Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";
import { inputLabel, parseJson, readText } from "./read.js";

const KINDS: readonly string[] = QUESTIONS.find((q) => q.key === "workload")!.choices;

/** The file --workload names, or undefined when its value is a workload kind (or not given). */
export function workloadFile(value: unknown): string | undefined {
  if (typeof value !== "string" || KINDS.includes(value.trim())) return undefined;
  return value === "-" || /[./\\]/.test(value) ? value : undefined;
}

/** The services the file lists, unchecked: they are validated with the other answers, each problem naming the file. */
export async function loadWorkload(path: string, io: Io, lang: Lang): Promise<unknown> {
  const text = await readText(path, () => io.stdin, io.cwd, lang, "--workload");
  const label = inputLabel(path);
  // A .json file is JSON; anything else (stdin, .yaml, .yml) is read as YAML, which takes JSON too.
  const parsed = /\.json$/i.test(path) ? parseJson(text, label, lang, t(lang, "workload.emptyHint")) : (await import("./parse-yaml.js")).parseYaml(text, label, lang);
  const keys = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? Object.keys(parsed) : undefined;
  if (!keys || keys.length !== 1 || keys[0] !== "services") throw new InputError(t(lang, "workload.notServices", { file: label, got: quoteValue(parsed) }), t(lang, "workload.emptyHint"));
  return (parsed as { services: unknown }).services;
}
