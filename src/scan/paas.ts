// Platforms as a service: Heroku (Procfile, app.json, heroku.yml), Render
// (render.yaml), Fly.io (fly.toml), App Runner (apprunner.yaml) and Elastic
// Beanstalk (.ebextensions, Dockerrun.aws.json). Each says the team runs on
// a PaaS today; their process types and services are the team's services.
import { emptyFindings, type Findings } from "./evidence.js";
import { count, dockerMemory, decimalCpus, ecsMemory } from "./quantity.js";
import { figure, hinted, stated } from "./signs.js";
import { stockRole } from "./stock-images.js";
import { get, isObject, lineOf, list, text, type Tree } from "./tree.js";

/**
 * A Procfile: one service per process type (the release phase is no
 * service). Foreman, honcho and overmind run one locally too, so it hints
 * at a PaaS; the inference makes it a deploy file where Heroku's signs are.
 */
export function readProcfile(file: string, source: string): Findings {
  const findings = emptyFindings();
  source.split("\n").forEach((line, index) => {
    const match = /^([A-Za-z0-9_-]+)\s*:\s*\S/.exec(line);
    if (!match) return;
    if (findings.signs.length === 0) findings.signs.push({ ...hinted("currentPlatform", "paas", file, index + 1, `${match[1]!}:`), heroku: "procfile" });
    if (match[1] !== "release") findings.workloads.push({ name: match[1]!, platform: "paas", builds: true, procfile: true, at: { file, line: index + 1 }, rank: 1 });
  });
  return findings;
}

/** Heroku's app.json: its formation's quantities. */
export function readAppJson(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root;
  if (!isObject(root)) return findings;
  const formation = root.formation;
  findings.signs.push({ ...stated("currentPlatform", "paas", file, lineOf(tree, root, isObject(formation) ? "formation" : Object.keys(root)[0] ?? "", tree.line), "app.json"), heroku: "heroku" });
  if (!isObject(formation)) return findings;
  for (const [name, process] of Object.entries(formation)) {
    const quantity = get(process, "quantity");
    findings.workloads.push({
      name,
      platform: "paas",
      builds: true,
      ...(quantity === undefined ? {} : { replicas: figure(count(quantity), file, lineOf(tree, process, "quantity")) }),
      at: { file, line: lineOf(tree, formation, name) },
      rank: 0,
    });
  }
  return findings;
}

/** heroku.yml: Heroku builds the app's images. */
export function readHerokuYml(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const build = get(tree.root, "build");
  if (build !== undefined) findings.signs.push({ ...stated("currentPlatform", "paas", file, lineOf(tree, tree.root, "build"), "build:"), heroku: "heroku" });
  const run = get(tree.root, "run");
  if (isObject(run)) for (const name of Object.keys(run)) findings.workloads.push({ name, platform: "paas", builds: true, at: { file, line: lineOf(tree, run, name) }, rank: 0 });
  return findings;
}

/** render.yaml: services (the team's) and databases (listed apart). */
export function readRender(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const services = list(get(tree.root, "services"));
  if (services.length === 0 && list(get(tree.root, "databases")).length === 0) return findings;
  findings.signs.push(stated("currentPlatform", "paas", file, lineOf(tree, tree.root, services.length > 0 ? "services" : "databases"), "render.yaml"));
  for (const service of services) {
    if (!isObject(service)) continue;
    const name = text(service.name) ?? "service";
    const type = text(service.type);
    const image = text(get(service, "image", "url"));
    const stock = image !== undefined && stockRole(image) !== undefined;
    const instances = service.numInstances ?? get(service, "scaling", "minInstances");
    const instancesLine = service.numInstances !== undefined ? lineOf(tree, service, "numInstances") : lineOf(tree, service.scaling, "minInstances");
    findings.workloads.push({
      name,
      platform: "paas",
      ...(image === undefined ? {} : { image }),
      builds: !stock && type !== "redis" && type !== "keyvalue",
      ...(instances === undefined ? {} : { replicas: figure(count(instances), file, instancesLine) }),
      at: { file, line: lineOf(tree, service, "name") },
      rank: 0,
    });
  }
  for (const database of list(get(tree.root, "databases"))) {
    const name = text(get(database, "name")) ?? "database";
    findings.workloads.push({ name, platform: "paas", image: "postgres", builds: false, at: { file, line: lineOf(tree, database, "name") }, rank: 0 });
  }
  return findings;
}

/**
 * fly.toml: the app, its machines' size ([[vm]] cpus and memory) and the
 * machines kept running. Read line by line: the scanner needs a handful of
 * flat keys and their lines, which a TOML parser does not give.
 */
export function readFlyToml(file: string, source: string): Findings {
  const findings = emptyFindings();
  let table = "";
  let name = "app";
  let nameLine = 1;
  let cpus: { value: unknown; line: number } | undefined;
  let memory: { value: unknown; line: number } | undefined;
  let machines: { value: unknown; line: number } | undefined;
  source.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, "").trim();
    const header = /^\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?$/.exec(line);
    if (header) {
      table = header[1]!;
      return;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) return;
    const value = /^["'](.*)["']$/.exec(pair[2]!)?.[1] ?? (/^\d+(\.\d+)?$/.test(pair[2]!) ? Number(pair[2]) : pair[2]);
    const at = { value, line: index + 1 };
    if (table === "" && pair[1] === "app") [name, nameLine] = [String(value), index + 1];
    if (table === "vm" && pair[1] === "cpus") cpus = at;
    if (table === "vm" && (pair[1] === "memory" || pair[1] === "memory_mb")) memory = pair[1] === "memory_mb" ? { value: `${String(value)}mb`, line: index + 1 } : at;
    if ((table === "http_service" || table === "services") && pair[1] === "min_machines_running") machines = at;
  });
  findings.signs.push(stated("currentPlatform", "paas", file, nameLine, `fly.toml app = ${name}`));
  findings.workloads.push({
    name,
    platform: "paas",
    builds: true,
    ...(cpus ? { vcpu: figure(decimalCpus(cpus.value), file, cpus.line) } : {}),
    ...(memory ? { memoryGiB: figure(flyMemory(memory.value), file, memory.line) } : {}),
    ...(machines ? { replicas: figure(count(machines.value), file, machines.line) } : {}),
    at: { file, line: nameLine },
    rank: 0,
  });
  return findings;
}

/** Fly's memory: "1gb", "512mb", or a number of MB. */
function flyMemory(value: unknown): number | null {
  return typeof value === "number" ? ecsMemory(value) : dockerMemory(value);
}

/** apprunner.yaml: App Runner builds and runs the code in this folder. */
export function readAppRunnerYaml(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  if (get(tree.root, "runtime") === undefined && get(tree.root, "run") === undefined) return findings;
  findings.signs.push(stated("currentPlatform", "paas", file, lineOf(tree, tree.root, "runtime", lineOf(tree, tree.root, "run")), "apprunner.yaml"));
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")).split("/").pop()! : "app";
  findings.workloads.push({ name: folder, platform: "paas", builds: true, at: { file, line: tree.line }, rank: 1 });
  return findings;
}

/** .ebextensions/*.config and Dockerrun.aws.json: Elastic Beanstalk. */
export function readBeanstalk(file: string): Findings {
  const findings = emptyFindings();
  findings.signs.push(stated("currentPlatform", "paas", file, 1, file.endsWith("Dockerrun.aws.json") ? "Dockerrun.aws.json" : ".ebextensions"));
  return findings;
}
