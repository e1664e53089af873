// The scanner: a function of file records (path and text), with no disk of
// its own, so tests feed it strings and the library runs it anywhere. Each
// file goes to the reader of its kind; the parsers (YAML, HCL) load on the
// first file that needs them. Helm charts and Terraform modules are read
// whole once every file is in, as their files explain one another.
import { addFindings, appendTo, emptyFindings, type FileRecord, type Findings, type ScanResult, type Skipped } from "./evidence.js";
import { chartPart, readChart, type ChartFiles } from "./helm.js";
import { chartServiceNames } from "./chart-names.js";
import type { TerraformFile } from "./terraform.js";
import { readerOf, yamlReaderOf, contentReaderOf, type YamlReader as YamlKind } from "./kinds.js";
import { infer } from "./infer.js";
import { readKubernetes } from "./kubernetes.js";
import { readCompose } from "./compose.js";
import { readCopilot } from "./copilot.js";
import { readServerless } from "./serverless.js";
import { readAppJson, readAppRunnerYaml, readBeanstalk, readFlyToml, readHerokuYml, readProcfile, readRender } from "./paas.js";
import { readKustomization } from "./kustomize.js";
import { readCloudFormation, isTemplate } from "./cloudformation.js";
import { readEcsJson } from "./ecs.js";
import { readDockerfile } from "./dockerfile.js";
import { readCi } from "./ci.js";
import type { YamlOutcome, YamlReader } from "./yaml.js";
import { readBlockYaml } from "./block-yaml.js";
import type { Tree } from "./tree.js";

export interface ScanOptions {
  /** The folder the paths are under, as the caller names it (the JSON's `root`). */
  readonly root?: string;
  /** Files the caller could not read, or chose not to, with why. */
  readonly skipped?: readonly Skipped[];
  /** Charts rendered by `helm template`, by the chart's folder: their objects are read from the output, on the templates' lines. */
  readonly rendered?: Readonly<Record<string, string>>;
}

/**
 * What a repository's deployment files say, as answers with evidence. Paths
 * are relative to the repository's root, with "/" separators. Nothing in the
 * files is run; a file that cannot be read safely is listed as skipped.
 */
export async function scan(files: Iterable<FileRecord> | AsyncIterable<FileRecord>, options: ScanOptions = {}): Promise<ScanResult> {
  const findings: Findings[] = [];
  let yaml: YamlReader | undefined;
  // The yaml package loads with the first file the plain reader (block-yaml.ts) leaves to it, or the first chart.
  const loadYaml = async () => (yaml ??= (await import("./yaml.js")).readYaml);
  let hcl: typeof import("./hcl.js") | undefined;
  // Held until every file is in: chart parts (which chart they belong to is known at the end) and Terraform modules.
  const held: FileRecord[] = [];
  const chartDirs = new Set<string>();
  const modules = new Map<string, TerraformFile[]>();

  for await (const file of files) {
    const reader = readerOf(file.path);
    if (reader === undefined) continue;
    if (reader === "terraform") {
      hcl ??= await import("./hcl.js");
      const dir = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "";
      try {
        appendTo(modules, dir, { path: file.path, hcl: hcl.readHcl(file.text), size: file.text.length });
      } catch (error) {
        if (!(error instanceof hcl.HclTooDeep || error instanceof RangeError)) throw error;
        findings.push({ ...emptyFindings(), skipped: [{ file: file.path, reason: "too-deep" }] });
      }
      continue;
    }
    if (reader === "yaml" && isChartPart(file.path)) {
      if (file.path.endsWith("Chart.yaml")) chartDirs.add(file.path.slice(0, Math.max(0, file.path.lastIndexOf("/"))));
      held.push(file);
      continue;
    }
    const found = await readFile(file, reader, loadYaml);
    if (found) findings.push(found);
  }

  const charts = new Map<string, ChartFiles>();
  for (const file of held) {
    const part = chartPart(file.path, chartDirs);
    if (part === undefined) {
      const found = await readFile(file, "yaml", loadYaml);
      if (found) findings.push(found);
      continue;
    }
    const chart = charts.get(part.dir) ?? { dir: part.dir, templates: [], valueFiles: [] };
    charts.set(part.dir, chart);
    if (part.part === "chart") chart.chart = file;
    else if (part.part === "values") chart.values = file;
    else if (part.part === "template") chart.templates.push(file);
    else chart.valueFiles.push(file);
  }
  if (charts.size > 0) {
    const readYaml = await loadYaml();
    const names = chartServiceNames(readYaml, [...charts.values()]);
    for (const chart of [...charts.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1))) findings.push(readChart(readYaml, chart, options.rendered?.[chart.dir], names.get(chart.dir)));
  }
  if (modules.size > 0) {
    const { readTerraformModules } = await import("./terraform-modules.js");
    for (const found of readTerraformModules(modules)) findings.push(found);
  }
  return infer(options.root ?? ".", findings, options.skipped ?? []);
}

/** Files that may belong to a Helm chart: Chart.yaml, values files and anything under a templates folder. */
function isChartPart(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base === "Chart.yaml" || /^values([-.].+)?\.ya?ml$/.test(base) || path.startsWith("templates/") || path.includes("/templates/");
}

async function readFile(file: FileRecord, reader: NonNullable<ReturnType<typeof readerOf>>, loadYaml: () => Promise<YamlReader>): Promise<Findings | undefined> {
  const { path, text } = file;
  switch (reader) {
    case "dockerfile":
      return readDockerfile(path, text);
    case "procfile":
      return readProcfile(path, text);
    case "fly":
      return readFlyToml(path, text);
    case "ci":
      return readCi(path, text);
    case "beanstalk":
      return readBeanstalk(path);
    case "app-json":
      // Heroku's keys (devcenter.heroku.com's app.json schema), not another tool's app.json (Expo's).
      if (!/"(formation|addons|buildpacks|stack|environments|success_url)"\s*:/.test(text)) return undefined;
      return withTrees(file, loadYaml, first(readAppJson));
    case "json": {
      const kind = contentReaderOf(text);
      return kind === undefined ? undefined : withTrees(file, loadYaml, BY_KIND[kind]);
    }
    case "yaml": {
      const kind = yamlReaderOf(path, text);
      return kind === undefined ? undefined : withTrees(file, loadYaml, BY_KIND[kind]);
    }
    default:
      return undefined;
  }
}

/** How a reader takes a file's documents. */
type ReadTrees = (path: string, trees: readonly Tree[]) => Findings;

/** A reader of a file's first document: the files of one tool (a Copilot manifest, serverless.yml) hold one. */
function first(read: (path: string, tree: Tree) => Findings): ReadTrees {
  return (path, trees) => read(path, trees[0]!);
}

/** A reader of each document of a file, their findings together. */
function each(read: (path: string, tree: Tree) => Findings): ReadTrees {
  return (path, trees) => merge(trees.map((tree) => read(path, tree)));
}

/** The reader of each kind of YAML or JSON file (kinds.ts tells them apart). */
const BY_KIND: Readonly<Record<YamlKind, ReadTrees>> = {
  compose: each(readCompose),
  copilot: first(readCopilot),
  serverless: first(readServerless),
  render: first(readRender),
  apprunner: first(readAppRunnerYaml),
  heroku: first(readHerokuYml),
  kustomize: first(readKustomization),
  cloudformation: (path, trees) => each(readCloudFormation)(path, trees.filter((tree) => isTemplate(tree.root))),
  ecs: each(readEcsJson),
  kubernetes: readKubernetes,
};

/** The file's documents, read by `read`; a file that cannot be parsed safely is listed as skipped. */
async function withTrees(file: FileRecord, loadYaml: () => Promise<YamlReader>, read: ReadTrees): Promise<Findings> {
  // Most deploy files are plain block YAML, read without the yaml package, which a repository of plain manifests never loads.
  const plain = readBlockYaml(file.text);
  const outcome: YamlOutcome = plain === undefined ? (await loadYaml())(file.text) : { ok: true, docs: plain };
  if (!outcome.ok) return { ...emptyFindings(), skipped: [{ file: file.path, reason: outcome.reason, ...(outcome.line === undefined ? {} : { line: outcome.line }) }] };
  if (outcome.docs.length === 0) return emptyFindings();
  return read(file.path, outcome.docs);
}

function merge(all: readonly Findings[]): Findings {
  const merged = emptyFindings();
  for (const findings of all) addFindings(merged, findings);
  return merged;
}
