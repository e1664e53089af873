import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../engine/errors.js";
import { t, type Lang } from "../i18n/index.js";
import { SCHEMA_URL } from "./package-info.js";

/**
 * Fails early (before any question is asked, before any file is written)
 * when files the user has would be overwritten, naming every one of them.
 */
export function assertCanWrite(paths: readonly string[], cwd: string, force: boolean, lang: Lang): void {
  if (force) return;
  const existing = paths.filter((path) => existsSync(resolve(cwd, path)));
  if (existing.length > 0) throw exists(existing, lang);
}

/**
 * Writes a new file, creating its folder. Without `force` the write itself
 * refuses to replace a file ("wx"), so a file that appeared meanwhile is safe too.
 */
export function writeNewFile(path: string, text: string, cwd: string, force: boolean, lang: Lang): void {
  const full = resolve(cwd, path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "EEXIST") throw exists([path], lang);
    if (code === "EACCES" || code === "EPERM" || code === "EISDIR" || code === "ENOTDIR") {
      throw new InputError(t(lang, "write.failed", { file: path, reason: (error as Error).message }));
    }
    throw error;
  }
}

/** An answers file for CI (init, --save): the answers, led by "$schema" so editors check them. */
export function writeAnswersFile(path: string, answers: Readonly<Record<string, unknown>>, cwd: string, force: boolean, lang: Lang): void {
  writeNewFile(path, `${JSON.stringify({ $schema: SCHEMA_URL, ...answers }, null, 2)}\n`, cwd, force, lang);
}

function exists(paths: readonly string[], lang: Lang): InputError {
  return new InputError(
    paths.map((file) => t(lang, "write.exists", { file })),
    t(lang, "write.existsHint"),
  );
}
