// kustomize: an overlay per environment (overlays/<env>/kustomization.yaml, its
// variants overlays/<env>-<variant> counted as the one environment),
// and Helm charts it inflates.
import { emptyFindings, type Findings } from "./evidence.js";
import { environmentName, hinted, stated } from "./signs.js";
import { get, isObject, lineOf, list, type Tree } from "./tree.js";

export function readKustomization(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root;
  if (!isObject(root)) return findings;
  const parts = file.split("/");
  const overlay = parts.lastIndexOf("overlays");
  if (overlay >= 0 && overlay + 2 < parts.length) findings.signs.push(hinted("environments", environmentName(parts[overlay + 1]!), file, tree.line, `overlays/${parts[overlay + 1]!}`));
  if (list(root.helmCharts).length > 0) findings.signs.push(stated("ecosystem", "helm", file, lineOf(tree, root, "helmCharts"), "helmCharts"));
  if (get(root, "kind") === "Kustomization" || root.resources !== undefined) findings.signs.push(hinted("currentPlatform", "kubernetes", file, lineOf(tree, root, "resources", tree.line), "kustomization"));
  return findings;
}
