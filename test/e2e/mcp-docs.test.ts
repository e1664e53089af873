import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { connect, packedBin, textOf, type Connected } from "../helpers/mcp.js";
import { runBin } from "../helpers/run-bin.js";

// What the README and docs/mcp.md (and its Korean twin) say of `ecs-or-eks mcp` is what the server does.
const readme = readFileSync(`${ROOT}README.md`, "utf8");
const agentSection = readme.slice(readme.indexOf("## From a coding agent"), readme.indexOf("## Exit codes"));
const docs = { en: readFileSync(`${ROOT}docs/mcp.md`, "utf8"), ko: readFileSync(`${ROOT}docs/ko/mcp.md`, "utf8") };

const blocks = (text: string, language: string) => [...text.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map((match) => match[1]!);
/** The rows of the table whose header starts with `first`, as cells. */
const table = (text: string, first: string) => {
  const start = text.indexOf(`| ${first} |`);
  return text
    .slice(start)
    .split("\n\n")[0]!
    .split("\n")
    .slice(2)
    .map((row) => row.split(" | ").map((cell) => cell.replace(/^\| |\|$/g, "").trim()));
};

const NPX = { command: "npx", args: ["-y", "ecs-or-eks", "mcp"] };
const CLONE = { command: "node", args: ["/path/to/bin/ecs-or-eks.js", "mcp"] };

describe("the MCP docs tell the truth", () => {
  let server: Connected;
  beforeAll(async () => {
    server = await connect();
  }, 60_000);
  afterAll(async () => server?.close());

  it("give each client a configuration that starts the server: npx by name, or node and the bin of a clone", () => {
    // The README's section is short: Claude Code's line, and a link to the page with every client's configuration.
    expect(agentSection).toContain(`$ claude mcp add ecs-or-eks -- ${NPX.command} ${NPX.args.join(" ")}\n`);
    expect(agentSection).toContain("(docs/mcp.md)");
    for (const text of [docs.en, docs.ko]) {
      const configs = blocks(text, "json").map((block) => JSON.parse(block) as { mcpServers?: Record<string, unknown>; servers?: Record<string, { type: string }> });
      expect(configs.length).toBeGreaterThanOrEqual(2);
      for (const config of configs) {
        const entry = (config.mcpServers ?? config.servers)!["ecs-or-eks"] as Record<string, unknown>;
        const { type, ...launch } = entry;
        // VS Code's list is `servers`, and names the transport; the others' is `mcpServers`.
        expect(type).toBe(config.servers ? "stdio" : undefined);
        expect([NPX, CLONE]).toContainEqual(launch);
      }
      // `claude mcp add NAME -- COMMAND ARGS...`: the same command as the JSON.
      expect(text).toContain(`$ claude mcp add ecs-or-eks -- ${NPX.command} ${NPX.args.join(" ")}\n`);
    }
  });

  it("the clone's command, as configured, serves the tools", async () => {
    const clone = await connect({ args: [] });
    expect((await clone.client.listTools()).tools.length).toBeGreaterThan(0);
    await clone.close();
    // The configuration's path, with the folder of a real bin for /path/to.
    expect(CLONE.args[0]!.replace("/path/to", dirname(dirname(packedBin())))).toBe(packedBin());
  });

  it("list every tool, with the arguments it takes, and only those", async () => {
    const { tools } = await server.client.listTools();
    for (const text of [docs.en, docs.ko]) {
      const rows = table(text, text === docs.en ? "tool" : "도구");
      expect(rows.map((row) => row[0])).toEqual(tools.map((tool) => `\`${tool.name}\``));
      for (const [name, takes] of rows) {
        const tool = tools.find((each) => `\`${each.name}\`` === name)!;
        expect([...takes!.matchAll(/`(\w+)`/g)].map((match) => match[1]).sort(), name).toEqual(Object.keys(tool.inputSchema.properties!).sort());
      }
    }
  });

  it("list every resource with its MIME type, and only those", async () => {
    const { resources } = await server.client.listResources();
    for (const text of [docs.en, docs.ko]) {
      expect(table(text, "URI").map((row) => [row[0], row[1]])).toEqual(resources.map((resource) => [`\`${resource.uri}\``, `\`${resource.mimeType}\``]));
    }
  });

  it("show the tool error a call with missing answers gets, word for word", async () => {
    for (const lang of ["en", "ko"] as const) {
      const result = await server.client.callTool({ name: "recommend", arguments: { answers: { microservices: 3, budget: "tight" }, lang } });
      expect(blocks(docs[lang], "text")[0]).toBe(`${textOf(result)}\n`);
    }
  });

  it("show only flags that exist, and only commands that run", async () => {
    const helps = await Promise.all([[], ["mcp"], ["compare"], ["prices"], ["rules"], ["schema"], ["scaffold"]].map(async (command) => (await runBin([...command, "--help"])).stdout));
    const known = new Set(helps.join("\n").match(/--[a-z][a-z-]+/g));
    for (const text of [agentSection, docs.en, docs.ko]) {
      const shown = [...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((match) => match[0]);
      expect(shown.filter((flag) => !known.has(flag))).toEqual([]);
      // Every `ecs-or-eks [COMMAND] --json` the docs compare a tool with runs (the main command with answers on stdin).
      const answers = JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 });
      for (const [, command] of text.matchAll(/`ecs-or-eks ((?:[a-z]+ )?--json)`/g)) expect((await runBin(command!.split(" "), { input: answers })).code, command).toBe(0);
    }
    expect(helps[1]).toContain("--lang");
  });

  it("link the Korean page and the English one to each other", () => {
    expect(docs.en).toContain("](ko/mcp.md)");
    expect(docs.ko).toContain("](../mcp.md)");
    expect(agentSection).toContain("](docs/mcp.md)");
  });
});
