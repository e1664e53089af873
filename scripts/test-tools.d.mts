/** The path of a pinned tool (helm, node22, node24), fetched into .cache/tools/ when missing. */
export function tool(name: "helm" | "node22" | "node24"): string;
export const TOOLS_DIR: string;
