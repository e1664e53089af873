// Helm charts: Chart.yaml says the team uses Helm; the templates' static
// parts are Kubernetes objects once each action is set aside, and the
// chart's values.yaml says what the common actions (.Values.x, default,
// quote, toYaml) stand for. A figure that comes from an action keeps the
// template's line: that is where the file says where the figure comes from.
import { addFindings, emptyFindings, type Findings, type FileRecord, type Workload } from "./evidence.js";
import { readKubernetes, type Templating } from "./kubernetes.js";
import { conditionHolds } from "./helm-conditions.js";
import { environmentName, stated, hinted } from "./signs.js";
import { stockRole } from "./stock-images.js";
import { get, lineOf, list, text, type Tree } from "./tree.js";
import type { YamlOutcome, YamlReader } from "./yaml.js";

/** A chart's files, gathered by the folder that holds its Chart.yaml. */
export interface ChartFiles {
  readonly dir: string;
  chart?: FileRecord;
  values?: FileRecord;
  readonly templates: FileRecord[];
  readonly valueFiles: FileRecord[];
}

const PLACEHOLDER = "__ecs_or_eks_template_";
const PLACEHOLDER_PATTERN = new RegExp(`${PLACEHOLDER}(\\d+)__`, "g");

/** The chart's path parts: `dir/Chart.yaml`, `dir/values.yaml`, `dir/templates/...`; undefined for any other file. */
export function chartPart(path: string, chartDirs: ReadonlySet<string>): { dir: string; part: "chart" | "values" | "template" | "value-file" } | undefined {
  const slash = path.lastIndexOf("/");
  const dir = slash < 0 ? "" : path.slice(0, slash);
  const base = path.slice(slash + 1);
  if (base === "Chart.yaml") return { dir, part: "chart" };
  if (chartDirs.has(dir) && base === "values.yaml") return { dir, part: "values" };
  if (chartDirs.has(dir) && /^values[-.].+\.ya?ml$/.test(base)) return { dir, part: "value-file" };
  for (let at = path.indexOf("/templates/"); at >= 0; at = path.indexOf("/templates/", at + 1)) {
    if (chartDirs.has(path.slice(0, at)) && /\.ya?ml$/.test(base)) return { dir: path.slice(0, at), part: "template" };
  }
  if (path.startsWith("templates/") && chartDirs.has("") && /\.ya?ml$/.test(base)) return { dir: "", part: "template" };
  return undefined;
}

/**
 * What a chart says: its templates read statically with its default values,
 * or, where `rendered` (the output of `helm template`) has a template's
 * objects, read from there on the lines the static reading found. A name
 * templated from the chart's is `serviceName` where given (chart-names.ts).
 */
export function readChart(readYaml: YamlReader, files: ChartFiles, rendered?: string, serviceName?: string): Findings {
  const findings = emptyFindings();
  const chartTree = files.chart ? only(findings, files.chart, readYaml(files.chart.text)) : undefined;
  const chart = chartTree?.root;
  const chartName = text(get(chart, "name")) ?? (files.dir.split("/").pop() || "chart");
  if (files.chart && chartTree) {
    findings.signs.push(stated("ecosystem", "helm", files.chart.path, lineOf(chartTree, chart, "name", chartTree.line), `name: ${chartName}`));
    for (const dependency of list(get(chart, "dependencies"))) {
      const name = text(get(dependency, "name"));
      const role = name === undefined ? undefined : stockRole(name);
      if (name === undefined || role === undefined) continue;
      const line = lineOf(chartTree, dependency, "name");
      const workload: Workload = { name, platform: "kubernetes", image: name, builds: false, at: { file: files.chart.path, line }, rank: 0 };
      findings.workloads.push(workload);
    }
  }
  for (const file of files.valueFiles) {
    const suffix = /^values[-.](.+)\.ya?ml$/.exec(file.path.slice(file.path.lastIndexOf("/") + 1))?.[1];
    const environment = suffix === undefined ? undefined : environmentName(suffix);
    if (environment !== undefined) findings.signs.push(hinted("environments", environment, file.path, 1, file.path.slice(file.path.lastIndexOf("/") + 1)));
  }
  const valuesTree = files.values ? only(findings, files.values, readYaml(files.values.text)) : undefined;
  const values = valuesTree?.root ?? {};
  const outputs = rendered === undefined ? new Map<string, string>() : renderedByTemplate(rendered, files.dir);
  for (const template of files.templates) {
    const expressions: string[] = [];
    const staticText = setActionsAside(template.text, expressions, values);
    let outcome = readYaml(staticText);
    // A placeholder where a list was expected: read again with the template's lone actions left out altogether.
    if (!outcome.ok && outcome.reason === "invalid") outcome = readYaml(setActionsAside(template.text, [], values, true));
    if (!outcome.ok) continue;
    const templating = templatingFor(expressions, values, serviceName ?? chartName);
    let found = readKubernetes(template.path, outcome.docs, templating);
    const output = outputs.get(template.path);
    const renderedOutcome = output === undefined ? undefined : readYaml(output);
    if (renderedOutcome?.ok) found = onTemplateLines(readKubernetes(template.path, renderedOutcome.docs), found);
    addFindings(findings, { ...found, skipped: [] });
  }
  return findings;
}

/** `helm template`'s output split by the template each object came from (its "# Source:" line), keyed by that template's path. */
function renderedByTemplate(output: string, dir: string): Map<string, string> {
  const byTemplate = new Map<string, string>();
  for (const chunk of output.split(/^---[ \t]*$/m)) {
    const source = /^# Source: [^/\n]+\/(.+)$/m.exec(chunk)?.[1];
    if (source === undefined) continue;
    const path = dir === "" ? source : `${dir}/${source}`;
    byTemplate.set(path, `${byTemplate.get(path) ?? ""}---\n${chunk}`);
  }
  return byTemplate;
}

/** The rendered objects' findings, placed on the lines where the static reading of the same template found them. */
function onTemplateLines(fromOutput: Findings, fromTemplate: Findings): Findings {
  const fallback = fromTemplate.workloads[0]?.at.line ?? fromTemplate.signs[0]?.at.line ?? 1;
  const signLine = (answer: string, value: string) => fromTemplate.signs.find((sign) => sign.answer === answer && sign.value === value)?.at.line ?? fallback;
  const workloads = fromOutput.workloads.map((workload, index) => {
    const twin = fromTemplate.workloads.find((each) => each.ref === workload.ref) ?? fromTemplate.workloads[index];
    const at = twin?.at ?? { file: workload.at.file, line: fallback };
    const place = <T extends { at: { file: string; line: number } }>(figure: T | undefined, twinFigure: { at: { file: string; line: number } } | undefined): T | undefined =>
      figure === undefined ? undefined : { ...figure, at: twinFigure?.at ?? at };
    const vcpu = place(workload.vcpu, twin?.vcpu);
    const memoryGiB = place(workload.memoryGiB, twin?.memoryGiB);
    const replicas = place(workload.replicas, twin?.replicas);
    // Rendered from the chart's templates: it loses to a plain manifest of the same name, as the static reading does.
    return { ...workload, at, rank: 1, ...(vcpu ? { vcpu } : {}), ...(memoryGiB ? { memoryGiB } : {}), ...(replicas ? { replicas } : {}) };
  });
  return {
    signs: fromOutput.signs.map((sign) => ({ ...sign, at: { ...sign.at, line: signLine(sign.answer, sign.value) } })),
    workloads,
    replicas: fromOutput.replicas.map((entry, index) => ({ ...entry, replicas: { ...entry.replicas, at: fromTemplate.replicas[index]?.replicas.at ?? { file: entry.replicas.at.file, line: fallback } } })),
    skipped: fromOutput.skipped,
  };
}

/** The one tree of a file that holds one document; a file that cannot be read is listed as skipped. */
function only(findings: Findings, file: FileRecord, outcome: YamlOutcome): Tree | undefined {
  if (!outcome.ok) {
    findings.skipped.push({ file: file.path, reason: outcome.reason, ...(outcome.line === undefined ? {} : { line: outcome.line }) });
    return undefined;
  }
  return outcome.docs[0];
}

/** `{{ if [not] .Values.x }}text{{ end }}` within one line, with no other control action inside. */
const INLINE_IF = /\{\{-?\s*if\s+([^}]*?)\s*-?\}\}((?:(?!\{\{-?\s*(?:if|else|end)\b).)*?)\{\{-?\s*end\s*-?\}\}/g;

const CONTROL = /^\{\{-?\s*(if|else|end|with|range|define|template|block|\/\*|-?\s*\/\*)/;

/**
 * The template with each action set aside, line for line (so lines keep
 * their numbers): a control action is blanked, a line that is only an
 * action becomes a placeholder key, an action within a line a placeholder
 * value. Stretches under `if .Values.x` where x is false are blanked too.
 */
function setActionsAside(source: string, expressions: string[], values: unknown, dropLoneActions = false): string {
  // Comments may run over lines: blanked, newlines kept.
  const uncommented = source.replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, (comment) => comment.replace(/[^\n]/g, " "));
  const conditions: boolean[] = [];
  const lines = uncommented.split("\n").map((line) => {
    const trimmed = line.trim();
    const lone = /^(\{\{[^}]*\}\}\s*)+$/.test(trimmed);
    if (lone && CONTROL.test(trimmed)) {
      const condition = /^\{\{-?\s*(if|else|end|with|range)\b\s*([^}]*?)\s*-?\}\}$/.exec(trimmed);
      // `with` skips its stretch where its value is empty, as `if` does.
      if (condition?.[1] === "if" || condition?.[1] === "with") conditions.push(holds(condition[2]!, values));
      else if (condition?.[1] === "range") conditions.push(true);
      else if (condition?.[1] === "else") conditions.push(conditions.pop() === false);
      else if (condition?.[1] === "end") conditions.pop();
      return "";
    }
    if (conditions.includes(false)) return "";
    if (lone) {
      if (dropLoneActions) return "";
      const indent = " ".repeat(renderedIndent(trimmed, /^\s*/.exec(line)![0].length));
      expressions.push(trimmed);
      const placeholder = `${PLACEHOLDER}${expressions.length - 1}__`;
      // A list from the values (accessModes) goes where Helm writes its items; anything else stands as a key, which a map resolves.
      return Array.isArray(toYamlValue(trimmed, values)) ? `${indent}- ${placeholder}` : `${indent}${placeholder}: ""`;
    }
    // An `if` within a line (`{{if .Values.registry}}{{ .Values.registry }}/{{end}}nginx`) keeps its text only where the values make it hold.
    const decided = line.replace(INLINE_IF, (_, condition: string, body: string) => (holds(condition, values) ? body : ""));
    return decided.replace(/\{\{[^}]*\}\}/g, (action) => {
      expressions.push(action);
      return `${PLACEHOLDER}${expressions.length - 1}__`;
    });
  });
  return lines.join("\n");
}

/**
 * The column Helm writes a lone action's text at: `indent N` adds N to the
 * action's own column (`{{ toYaml .Values.x | indent 10 }}` at column 0 is
 * written at 10), `nindent N` starts a new line at N.
 */
function renderedIndent(action: string, column: number): number {
  const nindent = /\|\s*nindent\s+(\d+)\s*-?\}\}$/.exec(action);
  if (nindent) return Number(nindent[1]);
  const indent = /\|\s*indent\s+(\d+)\s*-?\}\}$/.exec(action);
  return indent ? column + Number(indent[1]) : column;
}

/** What `toYaml .Values.x` stands for in the chart's values, when that is the action. */
function toYamlValue(action: string, values: unknown): unknown {
  const path = /^\{\{-?\s*toYaml\s+\.Values((?:\.[A-Za-z0-9_]+)+)\s*\|/.exec(action);
  return path ? get(values, ...path[1]!.slice(1).split(".")) : undefined;
}

/** Whether an `if` or `with` holds with the chart's default values; true when the files cannot tell (the stretch is kept). */
function holds(expression: string, values: unknown): boolean {
  return conditionHolds(expression, values) ?? true;
}

/** What each placeholder stands for, from the chart's default values. */
function templatingFor(expressions: readonly string[], values: unknown, chartName: string): Templating {
  const resolveOne = (expression: string): unknown => {
    const inner = expression.replace(/^\{\{-?\s*/, "").replace(/\s*-?\}\}$/, "");
    const stages = inner.split("|").map((stage) => stage.trim());
    let value: unknown;
    const first = stages[0]!;
    const path = /^(?:default\s+(\S+)\s+)?\.Values((?:\.[A-Za-z0-9_]+)+)$/.exec(first) ?? /^(?:toYaml|quote)\s+\.Values((?:\.[A-Za-z0-9_]+)+)$/.exec(first);
    if (path) {
      const [fallback, dotted] = path.length === 3 ? [path[1], path[2]!] : [undefined, path[1]!];
      value = get(values, ...dotted.slice(1).split("."));
      if ((value === undefined || value === null || value === "") && fallback !== undefined) value = literal(fallback);
    } else if (/^\.Chart\.Name$/.test(first) || /^include\s+"[^"]*\.(name|fullname)"/.test(first)) value = chartName;
    else return undefined;
    for (const stage of stages.slice(1)) {
      const fallback = /^default\s+(\S+)$/.exec(stage);
      if (fallback && (value === undefined || value === null || value === "")) value = literal(fallback[1]!);
    }
    return value;
  };
  const resolve = (value: unknown) => {
    if (typeof value !== "string") return undefined;
    const parts = [...value.matchAll(PLACEHOLDER_PATTERN)];
    if (parts.length === 0) return undefined;
    if (parts.length === 1 && parts[0]![0] === value) {
      const resolved = resolveOne(expressions[Number(parts[0]![1])] ?? "");
      return resolved === undefined ? undefined : { value: resolved };
    }
    let unresolved = false;
    const joined = value.replace(PLACEHOLDER_PATTERN, (_, index: string) => {
      const resolved = resolveOne(expressions[Number(index)] ?? "");
      if (resolved === undefined || typeof resolved === "object") unresolved = true;
      return String(resolved);
    });
    return unresolved ? undefined : { value: joined };
  };
  return { resolve, isTemplated: (value) => typeof value === "string" && value.includes(PLACEHOLDER), fallbackName: chartName };
}

/** A literal in an action: "text", 3, true. */
function literal(word: string): unknown {
  if (/^".*"$/.test(word)) return word.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word === "true" || word === "false") return word === "true";
  return undefined;
}

