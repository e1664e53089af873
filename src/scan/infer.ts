// From what each file says to answers with evidence: the team's services
// (one per name, a deploy file's over a compose file's), the platform that
// carries most of them, and each sign as evidence with a confidence: high
// where a deploy file states it, medium where several hints agree, low for
// a lone hint.
import { QUESTIONS, isAnswerKey } from "../engine/questions.js";
import { ANSWER_ORDER, appendTo, type Confidence, type Evidence, type Findings, type OtherWorkload, type Platform, type ScanResult, type ScannedService, type Sign, type Skipped, type Workload } from "./evidence.js";
import { stockRole } from "./stock-images.js";

/** The scan's JSON shape; bumped when a field's meaning changes. */
const SCAN_SCHEMA_VERSION = 1;

const MAX_SERVICES = 10_000;
const PLATFORM_ORDER: readonly Platform[] = ["kubernetes", "openshift", "ecs", "paas", "serverless", "other-orchestrator", "vms"];

export function infer(root: string, all: readonly Findings[], skipped: readonly Skipped[]): ScanResult {
  const heroku = all.some((findings) => findings.signs.some((sign) => sign.heroku === "heroku"));
  const signs = all.flatMap((findings) => findings.signs).map((sign) => (heroku && sign.heroku === "procfile" ? { ...sign, stated: true } : sign));
  // Without a sign of Heroku's, a Procfile's processes are run locally (foreman, honcho, overmind), as compose's are: on no platform.
  const workloads = all.flatMap((findings) => findings.workloads).map((workload) => (workload.procfile && !heroku ? { ...workload, platform: null } : workload)).sort(byPlace);
  const joined = withReplicas(workloads, all.flatMap((findings) => findings.replicas));
  const openshift = signs.some((sign) => sign.answer === "currentPlatform" && sign.value === "openshift");
  const groups = byService(joined, openshift);
  const platform = platformOf(signs, platformCounts(groups));
  const services = teamServices(groups, platform);
  const others = stockWorkloads(joined);
  const evidence: Evidence[] = [...evidenceOf(signs), ...serviceEvidence(groups, platform)];
  const answers = answersOf(signs, services, platform);
  return {
    schemaVersion: SCAN_SCHEMA_VERSION,
    root,
    answers,
    evidence: evidence.sort(evidenceOrder),
    services,
    others,
    skipped: [...skipped, ...all.flatMap((findings) => findings.skipped)].sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0)),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPlace(a: { at: { file: string; line: number } }, b: { at: { file: string; line: number } }): number {
  return compare(a.at.file, b.at.file) || a.at.line - b.at.line;
}

/** Replicas stated apart (an HPA's floor, an ECS service's desiredCount) joined to the workload they name. */
function withReplicas(workloads: readonly Workload[], replicas: readonly Findings["replicas"][number][]): Workload[] {
  const byRef = new Map<string, Findings["replicas"][number][]>();
  for (const entry of replicas) appendTo(byRef, entry.ref, entry);
  return workloads.map((workload) => {
    const found = workload.ref === undefined ? undefined : byRef.get(workload.ref);
    if (!found) return workload;
    const winner = found.find((entry) => entry.wins) ?? (workload.replicas ? undefined : found[0]);
    return winner ? { ...workload, replicas: winner.replicas } : workload;
  });
}

/** The team's workloads, grouped by service: the declarations of one name, from every file that declares it. */
function byService(workloads: readonly Workload[], openshift: boolean): Workload[][] {
  const groups = new Map<string, Workload[]>();
  const team = workloads.filter((workload) => workload.builds !== false);
  const projects = composeProjects(team);
  for (const workload of team) {
    const platform = openshift && workload.platform === "kubernetes" ? "openshift" : workload.platform;
    appendTo(groups, serviceKey(workload, projects), platform === workload.platform ? workload : { ...workload, platform });
  }
  joinComposeStacks(groups, projects);
  // One service named in the singular in some files and the plural in others (cart in a chart and compose, carts in Terraform for ECS and App Runner),
  // or under two names that run one image of the team's (user-sim in compose, load-test in Kubernetes, both weaveworksdemos/load-test), is one.
  for (const key of [...groups.keys()]) if (key.endsWith("s") && key.length >= 4 && !key.includes("\u0000")) joinApart(groups, key.slice(0, -1), key);
  const byImage = new Map<string, string[]>();
  for (const [key, group] of groups) for (const image of new Set(group.flatMap((workload) => imageRepository(workload.image) ?? []))) appendTo(byImage, image, key);
  for (const keys of byImage.values()) for (const key of keys.slice(1)) joinApart(groups, keys[0]!, key);
  return [...new Set(groups.values())].map((group) => group.sort(byPlace));
}

/** The compose projects that declare each name (lower-cased). */
function composeProjects(workloads: readonly Workload[]): Map<string, Set<string>> {
  const projects = new Map<string, Set<string>>();
  for (const workload of workloads) {
    if (workload.compose === undefined) continue;
    const name = workload.name.toLowerCase();
    const known = projects.get(name);
    if (known) known.add(workload.compose.project);
    else projects.set(name, new Set([workload.compose.project]));
  }
  return projects;
}

/** A workload's key among the services: its name, and for a name two compose projects declare, the project's too. */
function serviceKey(workload: Workload, projects: ReadonlyMap<string, ReadonlySet<string>>): string {
  const name = workload.name.toLowerCase();
  return workload.compose !== undefined && (projects.get(name)?.size ?? 0) > 1 ? `${name}\u0000${workload.compose.project}` : name;
}

/**
 * A name two compose projects declare (two stacks' `web`) is a service in
 * each, unless a deploy file declares a service of that name (the stacks run
 * it locally), or they build one context or run one image of the team's
 * (a dev and a prod stack of one app).
 */
function joinComposeStacks(groups: Map<string, Workload[]>, projects: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const [name, names] of projects) {
    if (names.size < 2) continue;
    const keys = [...names].map((project) => `${name}\u0000${project}`);
    const declared = groups.get(name);
    if (declared) {
      for (const key of keys) {
        for (const workload of groups.get(key)!) declared.push(workload);
        groups.set(key, declared);
      }
      continue;
    }
    const bySource = new Map<string, Workload[]>();
    for (const key of keys) {
      const group = groups.get(key)!;
      const sources = group.flatMap((workload) => [workload.compose?.builds, imageRepository(workload.image)].filter((source): source is string => source !== undefined));
      const into = sources.map((source) => bySource.get(source)).find((found) => found !== undefined);
      if (into) {
        for (const workload of group) into.push(workload);
        groups.set(key, into);
      }
      for (const source of sources) if (!bySource.has(source)) bySource.set(source, into ?? group);
    }
  }
}

/**
 * The group under `other` joined into the one under `key`, where no platform
 * carries both: two services deployed side by side are two, however alike
 * their names or images (a web and a worker run from one image).
 */
function joinApart(groups: Map<string, Workload[]>, key: string, other: string): void {
  const into = groups.get(key);
  const from = groups.get(other);
  if (!into || !from || into === from) return;
  const where = new Set(into.map((workload) => workload.platform));
  if (from.some((workload) => where.has(workload.platform))) return;
  for (const workload of from) into.push(workload);
  groups.set(other, into);
}

/** An image's repository, without its tag or digest; undefined for a templated one. */
function imageRepository(image: string | undefined): string | undefined {
  if (image === undefined || /\$\{|\{\{|__ecs_or_eks_template_/.test(image)) return undefined;
  const withoutDigest = image.split("@")[0]!;
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", slash + 1);
  return (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase();
}

/** The declaration a service takes its name and figures from: on the platform the repository runs most on, where it is there (the shape that runs today), the best-ranked (a deploy file's over a compose file's), and the first of those. */
function chosenOf(group: readonly Workload[], current: Platform | undefined): Workload {
  const here = group.filter((workload) => workload.platform === current);
  let best: Workload | undefined;
  for (const workload of here.length > 0 ? here : group) if (!best || workload.rank < best.rank) best = workload;
  return best!;
}

/** How many services each platform carries: a service a repository deploys to two platforms counts on each. */
function platformCounts(groups: readonly Workload[][]): Map<Platform, number> {
  const counts = new Map<Platform, number>();
  for (const platform of new Set(groups.flatMap((group) => platformsOf(group)))) counts.set(platform, groups.filter((group) => group.some((workload) => workload.platform === platform)).length);
  return counts;
}

function platformsOf(group: readonly Workload[]): Platform[] {
  return PLATFORM_ORDER.filter((platform) => group.some((workload) => workload.platform === platform));
}

/** One service per name, as its chosen declaration states it. */
function teamServices(groups: readonly Workload[][], current: Platform | undefined): ScannedService[] {
  const workloads = groups.map((group) => chosenOf(group, current));
  const names = serviceNames(workloads);
  const chosen = groups.map((group, index) => ({ workload: workloads[index]!, name: names[index]!, platforms: platformsOf(group) }));
  return chosen
    .sort((a, b) => byPlace(a.workload, b.workload))
    .map(({ workload, name, platforms }) => {
      const place = placeOf(workload);
      return {
        name,
        vcpu: workload.vcpu?.value ?? null,
        memoryGiB: workload.memoryGiB?.value ?? null,
        replicas: workload.replicas?.value ?? null,
        arch: workload.arch ?? null,
        os: workload.os ?? null,
        gpu: workload.gpu ?? null,
        platform: workload.platform,
        platforms,
        file: place.file,
        line: place.line,
      };
    });
}

/**
 * Each service's name, as its chosen declaration (one per group) gives it; where two
 * services share it (two compose stacks' `web`), each named with its
 * project too (`angular/web`), as the answers take a name once.
 */
function serviceNames(chosen: readonly Workload[]): string[] {
  const counts = new Map<string, number>();
  for (const workload of chosen) counts.set(workload.name, (counts.get(workload.name) ?? 0) + 1);
  return chosen.map((workload) => (counts.get(workload.name)! > 1 && workload.compose !== undefined ? `${workload.compose.project}/${workload.name}` : workload.name));
}

/** A service's line: the one that states its vCPU, else its memory, else its replicas, else where it is declared. */
function placeOf(workload: Workload): { file: string; line: number } {
  return workload.vcpu?.at ?? workload.memoryGiB?.at ?? workload.replicas?.at ?? workload.at;
}

function stockWorkloads(workloads: readonly Workload[]): OtherWorkload[] {
  const stock = workloads.filter((workload) => workload.builds === false);
  // As with the team's services: two compose stacks' `db` are two databases, unless a deploy file declares one of that name.
  const projects = composeProjects(stock);
  for (const workload of stock) if (workload.compose === undefined) projects.delete(workload.name.toLowerCase());
  const seen = new Set<string>();
  const others: OtherWorkload[] = [];
  for (const workload of stock) {
    const key = serviceKey(workload, projects);
    if (seen.has(key)) continue;
    seen.add(key);
    const image = workload.image ?? workload.name;
    others.push({ name: workload.name, image, role: stockRole(image) ?? "tool", file: workload.at.file, line: workload.at.line });
  }
  return others;
}

/** One entry per answer, value and file (its first line there), with the confidence its signs earn. */
function evidenceOf(signs: readonly Sign[]): Evidence[] {
  const entries = new Map<string, { sign: Sign; stated: boolean }>();
  for (const sign of signs) {
    const answer = sign.answer === "environments" ? "clusters" : sign.answer;
    const key = `${answer}\u0000${sign.value}\u0000${sign.at.file}`;
    const known = entries.get(key);
    if (!known || (sign.stated && !known.stated) || (sign.stated === known.stated && sign.at.line < known.sign.at.line)) entries.set(key, { sign: { ...sign, answer: answer as Sign["answer"] }, stated: sign.stated || (known?.stated ?? false) });
  }
  const hintsByValue = new Map<string, number>();
  for (const { sign, stated } of entries.values()) if (!stated) hintsByValue.set(`${sign.answer}\u0000${sign.value}`, (hintsByValue.get(`${sign.answer}\u0000${sign.value}`) ?? 0) + 1);
  return [...entries.values()].map(({ sign, stated }) => {
    const confidence: Confidence = stated ? "high" : (hintsByValue.get(`${sign.answer}\u0000${sign.value}`) ?? 0) > 1 ? "medium" : "low";
    return { answer: sign.answer, value: sign.value, file: sign.at.file, line: sign.at.line, detail: sign.detail, confidence };
  });
}

/** The services' count, as one entry per file that declares some of them: a service declared in two files (a chart and a compose file) is named in both. */
function serviceEvidence(groups: readonly Workload[][], current: Platform | undefined): Evidence[] {
  const byFile = new Map<string, { names: Set<string>; line: number }>();
  const names = serviceNames(groups.map((group) => chosenOf(group, current)));
  for (const [index, group] of groups.entries()) {
    const name = names[index]!;
    for (const workload of group) {
      const { file, line } = placeOf(workload);
      const entry = byFile.get(file) ?? { names: new Set<string>(), line };
      byFile.set(file, entry);
      entry.names.add(name);
      entry.line = Math.min(entry.line, line);
    }
  }
  return [...byFile.entries()].map(([file, { names, line }]) => ({
    answer: "microservices",
    value: names.size,
    file,
    line,
    detail: [...names].join(", "),
    confidence: "high" as const,
  }));
}

function evidenceOrder(a: Evidence, b: Evidence): number {
  const order: readonly string[] = ANSWER_ORDER;
  return order.indexOf(a.answer) - order.indexOf(b.answer) || compare(String(a.value), String(b.value)) || compare(a.file, b.file) || a.line - b.line;
}

function answersOf(signs: readonly Sign[], services: readonly ScannedService[], platform: Platform | undefined): Record<string, unknown> {
  const candidates: Record<string, unknown> = {};
  if (platform !== undefined) candidates.currentPlatform = platform;
  if (services.length > 0) candidates.microservices = Math.min(services.length, MAX_SERVICES);
  const valuesOf = (answer: Sign["answer"]) => [...new Set(signs.filter((sign) => sign.answer === answer).map((sign) => sign.value))];
  const ecosystem = valuesOf("ecosystem");
  if (ecosystem.length > 0) candidates.ecosystem = ecosystem;
  const requirements = valuesOf("requirements");
  if (requirements.length > 0) candidates.requirements = requirements;
  const clusters = valuesOf("clusters");
  const environments = valuesOf("environments").filter((name) => name !== "terraform.workspace");
  if (clusters.length > 0 || environments.length > 0) candidates.clusters = clusters.length > 0 ? clusters.length : environments.length;
  const region = mostCommon(signs.filter((sign) => sign.answer === "region"));
  if (region !== undefined) candidates.region = region;
  if (signs.some((sign) => sign.answer === "kubernetesFeatures")) candidates.kubernetesFeatures = "some";
  // The list only when it says more than the count: a name alone (a compose file's services, sized nowhere) sizes nothing.
  const sized = services.some((service) => (["vcpu", "memoryGiB", "replicas", "arch", "os", "gpu"] as const).some((key) => service[key] !== null));
  if (sized) {
    candidates.services = services.slice(0, MAX_SERVICES).map((service) => {
      const entry: Record<string, unknown> = { name: service.name.slice(0, 100) };
      for (const key of ["vcpu", "memoryGiB", "replicas", "arch", "os", "gpu"] as const) if (service[key] !== null) entry[key] = service[key];
      return entry;
    });
  }
  return Object.fromEntries(Object.entries(candidates).filter(([key, value]) => fits(key, value)).map(([key, value]) => [key, inChoiceOrder(key, value)]));
}

/** A list answer in the order its question lists the choices, as a validated answers file has it. */
function inChoiceOrder(key: string, value: unknown): unknown {
  const q = QUESTIONS.find((question) => question.key === key);
  if (q?.kind !== "set" || !Array.isArray(value)) return value;
  return (q.choices as readonly string[]).filter((choice) => value.includes(choice));
}

/** The platform that carries most of the team's services; without services, the one most signs state. */
function platformOf(signs: readonly Sign[], counts: ReadonlyMap<Platform, number>): Platform | undefined {
  const platformSigns = signs.filter((sign) => sign.answer === "currentPlatform");
  const score = (platform: Platform) => [
    counts.get(platform) ?? 0,
    platformSigns.filter((sign) => sign.value === platform && sign.stated).length,
    platformSigns.filter((sign) => sign.value === platform).length,
  ];
  const candidates = PLATFORM_ORDER.filter((platform) => platformSigns.some((sign) => sign.value === platform) || counts.has(platform));
  let best: Platform | undefined;
  let bestScore: number[] = [];
  for (const platform of candidates) {
    const next = score(platform);
    if (best === undefined || greater(next, bestScore)) {
      best = platform;
      bestScore = next;
    }
  }
  return best;
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

function mostCommon(signs: readonly Sign[]): string | undefined {
  const counts = new Map<string, number>();
  for (const sign of signs) counts.set(sign.value, (counts.get(sign.value) ?? 0) + (sign.stated ? 10 : 1));
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/** Whether the answers schema knows the key and takes the value: only such answers are merged by --from. */
function fits(key: string, value: unknown): boolean {
  if (!isAnswerKey(key)) return false;
  const q = QUESTIONS.find((question) => question.key === key)!;
  switch (q.kind) {
    case "choice":
      return (q.choices as readonly string[]).includes(value as string);
    case "set":
      return Array.isArray(value) && value.every((item) => (q.choices as readonly string[]).includes(item as string));
    case "integer":
    case "number":
      return typeof value === "number" && value >= q.min && value <= q.max;
    default:
      // A key the table gives another kind to (a list of services, added by the cost estimate): merged as the scan made it.
      return true;
  }
}
