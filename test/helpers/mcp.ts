import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ListRootsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ROOT } from "./fixtures.js";

let packed: string | undefined;

/** The bin of the package as npm would install it: the tarball `npm pack` makes, unpacked (once per test file). */
export function packedBin(): string {
  if (packed) return packed;
  const folder = mkdtempSync(join(tmpdir(), "ecs-or-eks-mcp-"));
  const pack = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", folder], { cwd: ROOT, encoding: "utf8" });
  const { filename } = (JSON.parse(pack.stdout) as { filename: string }[])[0]!;
  const untar = spawnSync("tar", ["xzf", filename], { cwd: folder });
  if (untar.status !== 0) throw new Error(`tar: ${untar.stderr}`);
  packed = join(folder, "package/bin/ecs-or-eks.js");
  return packed;
}

export interface Connected {
  client: Client;
  stderr: () => string;
  close: () => Promise<void>;
}

/**
 * A client of `ecs-or-eks mcp` started from the packed package, as a coding
 * agent starts it: the SDK's Client over stdio. With `roots`, the client
 * shares those folders (the roots capability); without, it has none.
 */
export async function connect(options: { roots?: readonly string[]; args?: readonly string[]; cwd?: string } = {}): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [packedBin(), "mcp", ...(options.args ?? [])],
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LANG: "C.UTF-8" },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "ecs-or-eks-test", version: "1.0.0" }, options.roots ? { capabilities: { roots: {} } } : {});
  if (options.roots) {
    const roots = options.roots;
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((path) => ({ uri: `file://${path}`, name: path })) }));
  }
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** The text of a tool result's first content part. */
export function textOf(result: unknown): string {
  return ((result as CallToolResult).content[0] as { text: string }).text;
}
