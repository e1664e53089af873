// The name a chart's workloads go by where their own name is templated
// (`{{ include "cart.fullname" . }}`): what the repository calls the service,
// so a chart and a compose file or Terraform that name it plainly are one
// service. An umbrella chart that aliases it (`alias: cart`) says it, as
// Helm itself names the subchart by its alias; else the chart's name less
// what names every chart of the repository alike (a `-chart` or `-helm`
// ending, and the words all the charts' names start with).
import type { ChartFiles } from "./helm.js";
import { get, list, text } from "./tree.js";
import type { YamlReader } from "./yaml.js";

const CHART_ENDING = /[-_](helm[-_]chart|chart|helm)$/;

/** Each chart's service name, by its folder, where it differs from the chart's name. */
export function chartServiceNames(readYaml: YamlReader, charts: readonly ChartFiles[]): Map<string, string> {
  const declared = charts.map((chart) => ({ dir: chart.dir, ...declaration(readYaml, chart) }));
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const { name } of declared) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  // Aliases, by the aliased chart's name: a chart two parents alias differently keeps its own name.
  const aliases = new Map<string, Set<string>>();
  for (const { dependencies } of declared) {
    for (const { name, alias } of dependencies) if (counts.get(name) === 1) aliases.set(name, (aliases.get(name) ?? new Set()).add(alias));
  }
  const stripped = sharedWordsStripped(declared.flatMap(({ dir, name }) => (name === undefined ? [] : [{ dir, name }])));
  for (const { dir, name } of declared) {
    if (name === undefined) continue;
    const alias = aliases.get(name);
    const chosen = alias?.size === 1 ? [...alias][0]! : stripped.get(dir);
    if (chosen !== undefined && chosen !== name) names.set(dir, chosen);
  }
  // Two charts shortened to one name would be counted as one service: both keep their own.
  const taken = new Map<string, number>();
  for (const { dir, name } of declared) {
    const final = names.get(dir) ?? name;
    if (final !== undefined) taken.set(final, (taken.get(final) ?? 0) + 1);
  }
  for (const [dir, name] of names) if (taken.get(name)! > 1) names.delete(dir);
  return names;
}

function declaration(readYaml: YamlReader, chart: ChartFiles): { name?: string; dependencies: { name: string; alias: string }[] } {
  if (!chart.chart) return { dependencies: [] };
  const outcome = readYaml(chart.chart.text);
  const root = outcome.ok ? outcome.docs[0]?.root : undefined;
  const name = text(get(root, "name"));
  const dependencies = list(get(root, "dependencies")).flatMap((dependency) => {
    const [depName, alias] = [text(get(dependency, "name")), text(get(dependency, "alias"))];
    return depName !== undefined && alias !== undefined && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(alias) ? [{ name: depName, alias }] : [];
  });
  return { ...(name === undefined ? {} : { name }), dependencies };
}

/**
 * Each chart's name less a chart ending and the words every chart's name
 * starts with (retail-store-sample-cart-chart among retail-store-sample-*
 * is cart); a lone chart loses only its ending, as nothing shows what is shared.
 */
function sharedWordsStripped(charts: readonly { dir: string; name: string }[]): Map<string, string> {
  const result = new Map<string, string>();
  const words = charts.map(({ name }) => name.replace(CHART_ENDING, "").split(/[-_]/));
  let shared = 0;
  while (charts.length > 1 && words.every((each) => each[shared] !== undefined && each[shared] === words[0]![shared])) shared++;
  charts.forEach(({ dir, name }, index) => {
    const rest = words[index]!.slice(shared);
    const base = name.replace(CHART_ENDING, "");
    const short = rest.length > 0 ? base.slice(base.length - rest.join("-").length) : base;
    if (short !== "") result.set(dir, short);
  });
  return result;
}
