/** The path of a pinned tool (helm; node22 and node24 binaries; npm10's folder), fetched into .cache/tools/ when missing. */
export function tool(name: "helm" | "node22" | "node24" | "npm10"): string;
export const TOOLS_DIR: string;
