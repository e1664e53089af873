// kustomize: an overlay per environment (overlays/<env>/kustomization.yaml, its
// variants overlays/<env>-<variant> counted as the one environment),
// and Helm charts it inflates.
import { emptyFindings, type Findings } from "./evidence.js";
import { environmentName, hinted, stated } from "./signs.js";
import { fluxCluster } from "./flux.js";
import { get, isObject, lineOf, list, text, type Obj, type Tree } from "./tree.js";

export function readKustomization(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root;
  if (!isObject(root)) return findings;
  const parts = file.split("/");
  const overlay = parts.lastIndexOf("overlays");
  if (overlay >= 0 && overlay + 2 < parts.length) {
    const environment = overlayEnvironment(tree, root, parts[overlay + 1]!);
    if (environment) findings.signs.push(hinted("environments", environment.name, file, environment.line, environment.detail));
  }
  // The kustomization `flux bootstrap` writes for a cluster (clusters/<name>/flux-system): one cluster Flux runs.
  const cluster = fluxCluster(file);
  const components = list(root.resources).findIndex((resource) => resource === "gotk-components.yaml");
  if (cluster !== undefined && components >= 0) findings.signs.push(stated("clusters", cluster, file, lineOf(tree, root.resources, components), "gotk-components.yaml"));
  if (list(root.helmCharts).length > 0) findings.signs.push(stated("ecosystem", "helm", file, lineOf(tree, root, "helmCharts"), "helmCharts:"));
  if (get(root, "kind") === "Kustomization") findings.signs.push(hinted("currentPlatform", "kubernetes", file, lineOf(tree, root, "kind"), "kind: Kustomization"));
  else if (root.resources !== undefined) findings.signs.push(hinted("currentPlatform", "kubernetes", file, lineOf(tree, root, "resources"), "resources:"));
  return findings;
}

/**
 * The environment an overlay is for: its folder's name where that names one
 * (overlays/prod-eu), else its namespace's (namespace: shop-staging), else a
 * patch's file name (patches/production.yaml). An overlay named by none
 * (overlays/arm, overlays/gpu) is a variant of the build, not an environment.
 */
function overlayEnvironment(tree: Tree, root: Obj, folder: string): { name: string; line: number; detail: string } | undefined {
  const byFolder = environmentName(folder);
  if (byFolder !== undefined) return { name: byFolder, line: tree.line, detail: `overlays/${folder}` };
  const namespace = text(root.namespace);
  const byNamespace = namespace === undefined ? undefined : environmentName(namespace);
  if (byNamespace !== undefined) return { name: byNamespace, line: lineOf(tree, root, "namespace"), detail: `namespace: ${namespace!}` };
  for (const field of ["patches", "patchesStrategicMerge", "patchesJson6902"]) {
    const patches = list(root[field]);
    for (const [index, patch] of patches.entries()) {
      const path = text(patch) ?? text(get(patch, "path"));
      const base = path?.slice(path.lastIndexOf("/") + 1).replace(/\.(ya?ml|json)$/, "");
      const byPatch = base === undefined ? undefined : environmentName(base);
      if (byPatch !== undefined) return { name: byPatch, line: typeof patch === "string" ? lineOf(tree, root[field], index) : lineOf(tree, patch, "path"), detail: path! };
    }
  }
  return undefined;
}
