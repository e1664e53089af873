/** The path of a pinned tool (helm; node20, node22, node24 and node26 binaries; npm10's folder; the folder mcp-inspector is installed in), fetched into .cache/tools/ when missing. */
export function tool(name: "helm" | "node20" | "node22" | "node24" | "node26" | "npm10" | "mcp-inspector"): string;
export const TOOLS_DIR: string;
/** npx as a user of that Node has it (npm 10 for Node 20 and 22, the machine's npm 11 for 24), run on that Node, with PATH putting it first. */
export function npxFor(node: string): { command: string; args: string[]; version: string; path: string };
/** A Node binary by major version: this process's when it is that version, else the pinned one. */
export function nodeOf(major: 20 | 22 | 24 | 26): string;
