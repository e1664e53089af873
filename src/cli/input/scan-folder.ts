// A folder scanned: walked (walk.ts), its Helm charts rendered when asked
// (helm-template.ts), and read by the scanner. What `scan` prints and what
// `--from DIR` merges come from here.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../../engine/errors.js";
import type { FileRecord, ScanResult } from "../../scan/evidence.js";
import { scan } from "../../scan/scan.js";
import { t, type Lang } from "../../i18n/index.js";
import { ioReason, READ_REASONS } from "../output/io-reason.js";
import { walkRepository } from "./walk.js";
import { forLogLine } from "../output/escape.js";
import type { Io } from "../terminal/io.js";

export interface ScanFolderOptions {
  /** Render each chart with the helm on PATH. */
  readonly helm?: boolean;
}

/** Scans `dir` (under `cwd`); a path that is no readable folder is bad input. */
export async function scanFolder(dir: string, io: Pick<Io, "cwd" | "env">, lang: Lang, options: ScanFolderOptions = {}): Promise<ScanResult> {
  const full = resolve(io.cwd, dir);
  let reason: string | undefined;
  try {
    if (!statSync(full).isDirectory()) reason = t(lang, "scan.isFile");
  } catch (error) {
    reason = ioReason(error, READ_REASONS, lang);
  }
  if (reason !== undefined) throw new InputError(t(lang, "scan.notFolder", { dir: forLogLine(dir), reason }), t(lang, "scan.notFolderHint"));
  const root = dir.replace(/\\/g, "/");
  const helm = options.helm ? await import("./helm-template.js") : undefined;
  await helm?.assertHelm(io.env, lang);
  const walk = walkRepository(full);
  if (!helm) return scan(walk.files, { root, skipped: walk.skipped });
  const files: FileRecord[] = [...walk.files];
  const rendered = await helm.renderCharts(full, files, io);
  return scan(files, { root, skipped: [...walk.skipped, ...rendered.skipped], rendered: rendered.charts });
}
