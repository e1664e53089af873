import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeOf, tool } from "../../scripts/test-tools.mjs";
import { packedBin } from "../helpers/mcp.js";
import { runProcess } from "../helpers/run-bin.js";

// The official MCP Inspector's command-line mode: a second client, written by others, of the packed server.
// It needs Node 22.19 or later, so it is a test tool (scripts/test-tools.mjs) and runs on this Node from 22 on,
// on the pinned Node 24 under Node 20; the server it starts runs on this Node, whichever it is.
const manifest = join(tool("mcp-inspector"), "node_modules/@modelcontextprotocol/inspector/package.json");
const inspector = join(dirname(manifest), (JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> }).bin["mcp-inspector"]!);
const inspectorNode = Number(process.versions.node.split(".")[0]) >= 22 ? process.execPath : nodeOf(24);

function inspect(args: string[]) {
  return runProcess(inspectorNode, [inspector, "--cli", process.execPath, packedBin(), "mcp", ...args], {
    cwd: dirname(packedBin()),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8" },
  });
}

describe("the MCP Inspector, in its command-line mode", () => {
  it("lists the tools", async () => {
    const ran = await inspect(["--method", "tools/list"]);
    expect(ran.code).toBe(0);
    expect((JSON.parse(ran.stdout) as { tools: { name: string }[] }).tools.map((tool) => tool.name)).toContain("recommend");
  }, 60_000);

  it("calls recommend and gets the recommendation as structured content", async () => {
    const answers = { kubernetesExperience: "expert", cloudStrategy: "multi-cloud", budget: "flexible", microservices: 40, ecosystem: ["helm", "gitops"] };
    const ran = await inspect(["--method", "tools/call", "--tool-name", "recommend", "--tool-arg", `answers=${JSON.stringify(answers)}`, "--tool-arg", "lang=ko"]);
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout) as { isError?: boolean; structuredContent: { recommendation: string; lang: string }; content: { text: string }[] };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ recommendation: "eks", lang: "ko" });
    expect(result.content[0]!.text).toMatch(/^추천: /);
  }, 60_000);
});
