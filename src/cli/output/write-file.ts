import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError, OutputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { SCHEMA_URL } from "../package-info.js";

export interface FileToWrite {
  path: string;
  content: string;
}

/**
 * Checks every target before anything is written (before any question is
 * asked, too) and names every problem: a file that exists (without
 * --force), a folder where a file should go, a file where a folder should be.
 */
export function assertCanWrite(paths: readonly string[], cwd: string, force: boolean, lang: Lang): void {
  const problems = paths.flatMap((path) => targetProblems(path, cwd, force, lang));
  if (problems.length === 0) return;
  const exists = problems.every((problem) => problem.exists);
  throw new InputError(
    problems.map((problem) => problem.message),
    exists ? t(lang, "write.existsHint") : undefined,
  );
}

function targetProblems(path: string, cwd: string, force: boolean, lang: Lang): { message: string; exists: boolean }[] {
  const full = resolve(cwd, path);
  const info = lstatOrUndefined(full);
  if (info === undefined) {
    const blocker = fileInTheWay(dirname(full));
    return blocker ? [{ message: t(lang, "write.parentIsFile", { file: path, parent: blocker }), exists: false }] : [];
  }
  if (info.isDirectory()) return [{ message: t(lang, "write.isFolder", { file: path }), exists: false }];
  // A link to a folder is a folder to the user; a dangling link is theirs like any file.
  if (info.isSymbolicLink() && statOrUndefined(full)?.isDirectory()) return [{ message: t(lang, "write.isFolder", { file: path }), exists: false }];
  if (!info.isFile() && !info.isSymbolicLink()) return [{ message: t(lang, "write.notRegular", { file: path }), exists: false }];
  return force ? [] : [{ message: t(lang, "write.exists", { file: path }), exists: true }];
}

/** The nearest existing ancestor of `dir`, when it is not a folder: nothing can be created under it. */
function fileInTheWay(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const info = statOrUndefined(at);
    if (info) return info.isDirectory() ? undefined : at;
    if (dirname(at) === at) return undefined;
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes files whole or not at all. Every target is checked first; each file
 * is written to a temporary file beside it and synced, and only when all of
 * them are written are they moved into place. A full disk leaves the user's
 * files as they were and no empty files behind. Without `force` a file is
 * linked into place, which fails rather than replace a file that appeared
 * meanwhile.
 */
export function writeFilesAtomically(files: readonly FileToWrite[], cwd: string, force: boolean, lang: Lang): void {
  assertCanWrite(
    files.map((file) => file.path),
    cwd,
    force,
    lang,
  );
  const staged: { temp: string; full: string; path: string }[] = [];
  const cleanUp = () => {
    for (const { temp } of staged) removeQuietly(temp);
  };
  try {
    for (const file of files) {
      const full = resolve(cwd, file.path);
      mkdirSync(dirname(full), { recursive: true });
      const temp = join(dirname(full), `.${basename(full)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
      staged.push({ temp, full, path: file.path });
      writeWhole(temp, file.content);
    }
  } catch (error) {
    cleanUp();
    throw writeFailure(staged.at(-1)?.path ?? files[0]?.path ?? "", error, lang);
  }
  for (const [i, { temp, full, path }] of staged.entries()) {
    try {
      if (force) renameSync(temp, full);
      else {
        linkSync(temp, full);
        unlinkSync(temp);
      }
    } catch (error) {
      for (const rest of staged.slice(i)) removeQuietly(rest.temp);
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new InputError(t(lang, "write.exists", { file: path }), t(lang, "write.existsHint"));
      throw writeFailure(path, error, lang);
    }
  }
}

function writeWhole(path: string, content: string): void {
  const fd = openSync(path, "wx", 0o644);
  try {
    const bytes = Buffer.from(content);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never made.
  }
}

/** A write that failed, in the user's words: the file and why (a full disk, no permission). */
function writeFailure(path: string, error: unknown, lang: Lang): Error {
  return new OutputError(t(lang, "write.failed", { file: path, reason: writeFailureReason(error, lang) }));
}

export function writeFailureReason(error: unknown, lang: Lang): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENOSPC":
      return t(lang, "write.reason.full");
    case "EACCES":
    case "EPERM":
      return t(lang, "write.reason.permission");
    case "EROFS":
      return t(lang, "write.reason.readOnly");
    case "EDQUOT":
      return t(lang, "write.reason.quota");
    case "EISDIR":
      return t(lang, "write.reason.folder");
    case "ENOENT":
    case "ENOTDIR":
      return t(lang, "write.reason.noFolder");
    default:
      return (error as Error).message;
  }
}

/** An answers file for CI (init, --save): the answers, led by "$schema" so editors check them. */
export function writeAnswersFile(path: string, answers: Readonly<Record<string, unknown>>, cwd: string, force: boolean, lang: Lang): void {
  writeFilesAtomically([{ path, content: `${JSON.stringify({ $schema: SCHEMA_URL, ...answers }, null, 2)}\n` }], cwd, force, lang);
}
