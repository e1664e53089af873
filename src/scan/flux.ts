// Flux: its objects say the team runs GitOps; a HelmRelease is a chart Flux
// installs, a service sized by the values it gives the chart (replicaCount,
// resources) as a chart's own values.yaml would; and the folders Flux
// bootstraps (clusters/<name>/flux-system) are one cluster each.
import type { Findings } from "./evidence.js";
import { kubernetesCpu, kubernetesMemory, count } from "./quantity.js";
import { figure, stated } from "./signs.js";
import { stockRole } from "./stock-images.js";
import { get, isObject, lineAt, lineOf, text, type Obj, type Tree } from "./tree.js";

/** Flux's API groups: the toolkit's (source, kustomize, helm, notification, image) and its extensions'. */
export function isFluxGroup(group: string): boolean {
  return /(^|\.)fluxcd\.io$/.test(group);
}

/** The cluster a file of Flux's bootstrap names: clusters/<name>/flux-system/... */
export function fluxCluster(file: string): string | undefined {
  return /(?:^|\/)clusters\/([^/]+)\/flux-system\/[^/]+$/.exec(file)?.[1];
}

export function readFlux(file: string, tree: Tree, object: Obj, kind: string, apiVersion: string, findings: Findings): void {
  const kindLine = lineOf(tree, object, "kind");
  const versionLine = lineOf(tree, object, "apiVersion");
  findings.signs.push(stated("ecosystem", "gitops", file, versionLine, `apiVersion: ${apiVersion}`));
  const cluster = fluxCluster(file);
  if (cluster !== undefined) findings.signs.push(stated("clusters", cluster, file, kindLine, `kind: ${kind}`));
  if (kind === "HelmRelease") readHelmRelease(file, tree, object, kindLine, findings);
}

function readHelmRelease(file: string, tree: Tree, object: Obj, kindLine: number, findings: Findings): void {
  findings.signs.push(stated("ecosystem", "helm", file, kindLine, "kind: HelmRelease"));
  const name = text(get(object, "metadata", "name"));
  if (name === undefined) return;
  const chart = text(get(object, "spec", "chart", "spec", "chart")) ?? text(get(object, "spec", "chartRef", "name")) ?? name;
  const values = get(object, "spec", "values");
  // A chart of an add-on (cert-manager, an ingress controller) is no service of the team's, by its chart's name or the release's.
  const stock = [chart, name].find((each) => stockRole(each) !== undefined);
  const replicas = get(values, "replicaCount");
  const resource = (key: string) => {
    for (const level of ["requests", "limits"]) {
      const value = get(values, "resources", level, key);
      if (value !== undefined) return { value, line: lineAt(tree, values, ["resources", level, key]) };
    }
    return undefined;
  };
  const cpu = resource("cpu");
  const memory = resource("memory");
  findings.workloads.push({
    name,
    platform: "kubernetes",
    ...(stock === undefined ? {} : { image: stock }),
    builds: stock === undefined,
    ...(cpu ? { vcpu: figure(kubernetesCpu(cpu.value), file, cpu.line) } : {}),
    ...(memory ? { memoryGiB: figure(kubernetesMemory(memory.value), file, memory.line) } : {}),
    ...(replicas === undefined ? {} : { replicas: figure(count(replicas), file, isObject(values) ? lineOf(tree, values, "replicaCount") : kindLine) }),
    at: { file, line: kindLine },
    ref: `HelmRelease/${name}`,
    // Installed from a chart, as a chart's templates are: a plain manifest of the same name wins.
    rank: 1,
  });
}
