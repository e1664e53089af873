// What the server offers besides tools: the documents the advice rests on,
// the prices and rules in use, each at a stable URI, and the `decide` prompt.
import { readFileSync } from "node:fs";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import * as z from "zod/mini";
import { BUILT_IN_PRICES } from "../../engine/builtin-prices.js";
import { BUILT_IN_RULES } from "../../engine/builtin.js";
import { toRulesFile } from "../../engine/rule-set.js";
import type { CitedDocuments } from "../../explain/rule.js";
import { LANGS, t, type Lang } from "../../i18n/index.js";

/** The documents rules cite, as the package ships them (dist/sources/, copied by scripts/build.mjs). */
const DOCUMENTS = { guide: "guide.ko.md", facts: "FACTS.md" } as const;

function readDocument(file: string): string {
  const url = __ECS_OR_EKS_BUNDLE__ ? new URL(`../sources/${file}`, import.meta.url) : new URL(`../../../docs/sources/${file}`, import.meta.url);
  return readFileSync(url, "utf8");
}

let documents: CitedDocuments | undefined;

/** The Korean guide and the FACTS sheet by file name, read once, when first asked for. */
export function citedDocuments(): CitedDocuments {
  documents ??= Object.fromEntries(Object.values(DOCUMENTS).map((file) => [file, readDocument(file)]));
  return documents;
}

/** The resources: ecs-or-eks://guide, ://facts, ://prices and ://rules. */
export function registerResources(server: McpServer, lang: Lang): void {
  const resource = (name: "guide" | "facts" | "prices" | "rules", mimeType: string, text: () => string) =>
    server.registerResource(
      name,
      `ecs-or-eks://${name}`,
      { title: t(lang, `mcp.resource.${name}.title`), description: t(lang, `mcp.resource.${name}.description`), mimeType },
      (uri) => ({ contents: [{ uri: uri.href, mimeType, text: text() }] }),
    );
  resource("guide", "text/markdown", () => citedDocuments()[DOCUMENTS.guide]!);
  resource("facts", "text/markdown", () => citedDocuments()[DOCUMENTS.facts]!);
  // The same JSON as `prices --json` and `rules --json`: files that --prices and --rules read back.
  resource("prices", "application/json", () => `${JSON.stringify(BUILT_IN_PRICES.data, null, 2)}\n`);
  resource("rules", "application/json", () => `${JSON.stringify(toRulesFile(BUILT_IN_RULES), null, 2)}\n`);
}

/** The `decide` prompt: read the repository, ask only what it does not tell, then recommend. */
export function registerPrompts(server: McpServer, lang: Lang): void {
  server.registerPrompt(
    "decide",
    {
      title: t(lang, "mcp.prompt.decide.title"),
      description: t(lang, "mcp.prompt.decide.description"),
      argsSchema: { lang: z.optional(z.enum(LANGS)).check(z.meta({ description: t(lang, "mcp.prompt.decide.lang") })) },
    },
    (args) => {
      const spoken = args.lang ?? lang;
      return {
        description: t(spoken, "mcp.prompt.decide.description"),
        messages: [{ role: "user", content: { type: "text", text: t(spoken, "mcp.prompt.decide.text", { lang: spoken }) } }],
      };
    },
  );
}
