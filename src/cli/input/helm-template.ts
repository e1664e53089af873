// --helm: each chart the walk found, rendered by the helm on PATH with its
// default values, as data: `helm template` evaluates the chart's templates
// and runs nothing the repository holds (no hooks, no plugins, no
// post-renderer, no dependency download). A chart it cannot render is
// listed as skipped and read statically instead.
import { join } from "node:path";
import { UsageError } from "../../engine/errors.js";
import type { FileRecord, Skipped } from "../../scan/evidence.js";
import { t, type Lang } from "../../i18n/index.js";
import type { Io } from "../terminal/io.js";

/** A chart's rendering is megabytes at most; more is not a chart this scan can use. */
const MAX_OUTPUT = 16 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

export interface Rendered {
  /** Each rendered chart's output, by the chart's folder under the root. */
  readonly charts: Record<string, string>;
  readonly skipped: Skipped[];
}

export async function renderCharts(root: string, files: readonly FileRecord[], io: Pick<Io, "env">): Promise<Rendered> {
  const dirs = files.filter((file) => file.path === "Chart.yaml" || file.path.endsWith("/Chart.yaml")).map((file) => file.path.slice(0, Math.max(0, file.path.lastIndexOf("/"))));
  const charts: Record<string, string> = {};
  const skipped: Skipped[] = [];
  for (const dir of dirs) {
    const outcome = await helmTemplate(join(root, dir), io.env);
    if (outcome === undefined) skipped.push({ file: dir === "" ? "Chart.yaml" : `${dir}/Chart.yaml`, reason: "helm-failed" });
    else charts[dir] = outcome;
  }
  return { charts, skipped };
}

/** --helm without a helm on PATH is a usage error, found before anything is read. */
export async function assertHelm(env: NodeJS.ProcessEnv, lang: Lang): Promise<void> {
  if (!(await helmFound(env))) throw new UsageError(t(lang, "scan.noHelm"), t(lang, "scan.noHelmHint"));
}

/** Runs `helm template` on one chart; undefined when it fails. */
async function helmTemplate(chart: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  // Child processes load only for --helm (and the bundle serves node:child_process to the parser as a stub).
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile(
      "helm",
      ["template", "scan", chart, "--no-hooks"],
      { cwd: chart, env: { PATH: env.PATH ?? "", HOME: env.HOME ?? "", HELM_PLUGINS: "/nonexistent" }, timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, windowsHide: true },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

async function helmFound(env: NodeJS.ProcessEnv): Promise<boolean> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile("helm", ["version", "--short"], { env: { PATH: env.PATH ?? "", HOME: env.HOME ?? "" }, timeout: TIMEOUT_MS }, (error) => resolve((error as NodeJS.ErrnoException | null)?.code !== "ENOENT"));
  });
}
