import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { packedBin } from "../helpers/mcp.js";
import { runProcess } from "../helpers/run-bin.js";

// The official MCP Inspector's command-line mode: a second client, written by others, of the packed server.
const manifest = createRequire(import.meta.url).resolve("@modelcontextprotocol/inspector/package.json");
const inspector = join(dirname(manifest), (JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> }).bin["mcp-inspector"]!);

function inspect(args: string[]) {
  return runProcess(process.execPath, [inspector, "--cli", process.execPath, packedBin(), "mcp", ...args], {
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
