import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../engine/errors.js";
import { t, type Lang } from "../i18n/index.js";

/** Fails early (before any question is asked) when a file the user has would be overwritten. */
export function assertCanWrite(path: string, cwd: string, force: boolean, lang: Lang): void {
  if (!force && existsSync(resolve(cwd, path))) throw exists(path, lang);
}

/**
 * Writes a new file, creating its folder. Without `force` the write itself
 * refuses to replace a file ("wx"), so a file that appeared meanwhile is safe too.
 */
export async function writeNewFile(path: string, text: string, cwd: string, force: boolean, lang: Lang): Promise<void> {
  const full = resolve(cwd, path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "EEXIST") throw exists(path, lang);
    if (code === "EACCES" || code === "EPERM" || code === "EISDIR" || code === "ENOTDIR") {
      throw new InputError(t(lang, "write.failed", { file: path, reason: (error as Error).message }));
    }
    throw error;
  }
}

function exists(path: string, lang: Lang): InputError {
  return new InputError(t(lang, "write.exists", { file: path }), t(lang, "write.existsHint"));
}
