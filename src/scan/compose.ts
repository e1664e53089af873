// Docker Compose files: each service that builds or runs the team's image is
// one of its services; one that runs a stock image (postgres, redis) is
// listed apart. Compose names no production platform by itself: only Swarm's
// placement and global mode say it is orchestrated.
import { emptyFindings, type Figure, type Findings } from "./evidence.js";
import { count, decimalCpus, dockerMemory } from "./quantity.js";
import { figure, hinted, stated } from "./signs.js";
import { stockRole } from "./stock-images.js";
import { resolvePath } from "./paths.js";
import { get, isObject, lineAt, lineOf, list, text, type Tree } from "./tree.js";

/** Compose's services lose to a deploy file's of the same name: compose is often the same services, run locally. */
const COMPOSE_RANK = 2;

export function readCompose(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const services = get(tree.root, "services");
  if (!isObject(services)) return findings;
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  // Compose names a project by its file's `name`, else by the folder: a base file and its overrides there are one project.
  const project = text(get(tree.root, "name")) ?? (folder || ".");
  for (const [name, service] of Object.entries(services)) {
    if (!isObject(service)) continue;
    const image = text(service.image);
    // Neither an image, a build nor `extends`: an override file's entry for a service defined elsewhere
    // (compose.override.yaml's `ports: !override []`), not a service of its own.
    if (image === undefined && service.build === undefined && service.extends === undefined) continue;
    const line = lineOf(tree, services, name);
    const builds = service.build !== undefined || image === undefined || stockRole(image) === undefined;
    const resources = (level: string, key: string) => {
      const value = get(service, "deploy", "resources", level, key);
      return value === undefined ? undefined : { value, line: lineAt(tree, service, ["deploy", "resources", level, key]) };
    };
    const cpu = resources("reservations", "cpus") ?? resources("limits", "cpus") ?? plain(tree, service, "cpus");
    const memory = resources("reservations", "memory") ?? resources("limits", "memory") ?? plain(tree, service, "mem_reservation") ?? plain(tree, service, "mem_limit");
    const replicasValue = get(service, "deploy", "replicas") ?? service.scale;
    const replicas: Figure | undefined =
      replicasValue === undefined ? undefined : figure(count(replicasValue), file, get(service, "deploy", "replicas") === undefined ? lineOf(tree, service, "scale") : lineAt(tree, service, ["deploy", "replicas"]));
    const platform = text(service.platform);
    let gpu: number | undefined;
    for (const device of list(get(service, "deploy", "resources", "reservations", "devices"))) {
      if (!list(get(device, "capabilities")).includes("gpu")) continue;
      const deviceLine = lineOf(tree, device, "capabilities");
      findings.signs.push(stated("requirements", "gpu", file, deviceLine, "capabilities: [gpu]"));
      const devices = get(device, "count");
      if (typeof devices === "number") gpu = (gpu ?? 0) + devices;
    }
    if (service.privileged === true) findings.signs.push(stated("requirements", "privileged", file, lineOf(tree, service, "privileged"), "privileged: true"));
    if (platform?.includes("arm64")) findings.signs.push(stated("requirements", "arm", file, lineOf(tree, service, "platform"), `platform: ${platform}`));
    if (platform?.startsWith("windows")) findings.signs.push(stated("requirements", "windows", file, lineOf(tree, service, "platform"), `platform: ${platform}`));
    const mode = get(service, "deploy", "mode");
    if (mode === "global" || get(service, "deploy", "placement") !== undefined) {
      // Swarm's own keys: the file is deployed to a Swarm.
      const key = mode === "global" ? "mode" : "placement";
      findings.signs.push(hinted("currentPlatform", "other-orchestrator", file, lineAt(tree, service, ["deploy", key]), `deploy.${key}`));
    }
    findings.workloads.push({
      name,
      platform: null,
      ...(image === undefined ? {} : { image }),
      builds,
      ...(cpu ? { vcpu: figure(decimalCpus(cpu.value), file, cpu.line) } : {}),
      ...(memory ? { memoryGiB: figure(dockerMemory(memory.value), file, memory.line) } : {}),
      ...(replicas ? { replicas } : {}),
      ...(platform?.includes("arm64") ? { arch: "arm" as const } : platform?.includes("amd64") ? { arch: "x86" as const } : {}),
      ...(platform?.startsWith("windows") ? { os: "windows" as const } : platform?.startsWith("linux") ? { os: "linux" as const } : {}),
      ...(gpu === undefined ? {} : { gpu }),
      compose: { project, ...buildOf(folder, service.build) },
      at: { file, line },
      rank: COMPOSE_RANK,
    });
  }
  return findings;
}

function plain(tree: Tree, service: object, key: string): { value: unknown; line: number } | undefined {
  const value = (service as Record<string, unknown>)[key];
  return value === undefined ? undefined : { value, line: lineOf(tree, service, key) };
}

/** What a service builds, as its context and Dockerfile resolved from the root (`build: ../app` beside `build: { context: .. }`). */
function buildOf(folder: string, build: unknown): { builds?: string } {
  const context = text(build) ?? text(get(build, "context")) ?? (isObject(build) ? "." : undefined);
  if (context === undefined || /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.includes("${")) return {};
  const resolved = resolvePath(folder, context);
  if (resolved === undefined) return {};
  return { builds: `${resolved}|${text(get(build, "dockerfile")) ?? "Dockerfile"}` };
}
