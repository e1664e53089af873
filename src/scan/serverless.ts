// The Serverless Framework (serverless.yml): a service of Lambda functions,
// and the Region it deploys to.
import { emptyFindings, type Findings } from "./evidence.js";
import { isRegion, stated } from "./signs.js";
import { get, isObject, lineAt, lineOf, text, type Tree } from "./tree.js";

export function readServerless(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root;
  if (!isObject(root)) return findings;
  const provider = root.provider;
  const providerName = text(provider) ?? text(get(provider, "name"));
  if (providerName !== undefined && providerName !== "aws") return findings;
  const functions = root.functions;
  const line = isObject(functions) ? lineOf(tree, root, "functions") : lineOf(tree, root, "provider");
  findings.signs.push(stated("currentPlatform", "serverless", file, line, isObject(functions) ? "functions:" : "provider:"));
  const region = get(provider, "region");
  if (isRegion(region)) findings.signs.push(stated("region", region, file, lineAt(tree, root, ["provider", "region"]), `region: ${region}`));
  const name = text(root.service) ?? text(get(root, "service", "name")) ?? "service";
  findings.workloads.push({ name, platform: "serverless", builds: true, at: { file, line: lineOf(tree, root, "service", tree.line) }, rank: 0 });
  return findings;
}
