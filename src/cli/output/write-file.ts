import { appendFileSync, closeSync, constants, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { InputError, OutputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { ioReason, WRITE_REASONS } from "./io-reason.js";
import { SCHEMA_URL } from "../package-info.js";
import { forTerminal } from "./escape.js";

export interface FileToWrite {
  path: string;
  content: string;
}

/** A file written: its path as named, and where it went when that path is a symbolic link. */
export interface Written {
  path: string;
  /** The file the link led to (absolute), when the path named a link. */
  throughLink?: string;
}

/**
 * Checks every target before anything is written (before any question is
 * asked, too) and names every problem: a file that exists (without
 * --force), a folder where a file should go, a file where a folder should be.
 */
export function assertCanWrite(paths: readonly string[], cwd: string, force: boolean, lang: Lang): void {
  const problems = paths.flatMap((path) => targetProblems(path, cwd, force, lang));
  if (problems.length === 0) return;
  // One fix for all of them, when they share it.
  const hints = new Set(problems.map((problem) => problem.hint));
  throw new InputError(
    problems.map((problem) => problem.message),
    hints.size === 1 ? [...hints][0] : undefined,
  );
}

type Problem = { message: string; hint?: string };

function targetProblems(path: string, cwd: string, force: boolean, lang: Lang): Problem[] {
  // "newdir/" names a folder, though resolve() would drop the slash and write a file called newdir.
  if (path.endsWith("/") || path.endsWith(sep)) return [{ message: t(lang, "write.endsInSlash", { file: path }) }];
  const full = resolve(cwd, path);
  const info = lstatOrUndefined(full);
  if (info === undefined) return folderProblems(path, dirname(full), lang);
  if (info.isSymbolicLink()) return linkProblems(path, full, force, lang);
  if (info.isDirectory()) return [{ message: t(lang, "write.isFolder", { file: path }) }];
  // A device or a pipe: renaming over it would replace the device itself.
  if (!info.isFile()) return [{ message: t(lang, "write.notRegular", { file: path }) }];
  return force ? [] : [{ message: t(lang, "write.exists", { file: path }), hint: t(lang, "write.existsHint") }];
}

/**
 * A path that is a symbolic link: what it leads to decides. A folder, a
 * device or a pipe behind it (/dev/stdout, /dev/fd/1) is refused; a file that
 * exists, or none yet (a dangling link), is written only with --force; and
 * a dangling link whose target's folder is missing is refused even then, as
 * no folder is ever created through a link. Each message names the target.
 */
function linkProblems(path: string, full: string, force: boolean, lang: Lang): Problem[] {
  const target = linkTarget(full);
  if (lstatOrUndefined(target)?.isSymbolicLink()) {
    return [{ message: t(lang, "write.failed", { file: path, reason: t(lang, "io.reason.loop") }) }];
  }
  const info = statOrUndefined(full);
  if (info?.isDirectory()) return [{ message: t(lang, "write.isFolder", { file: path }) }];
  if (info !== undefined && !info.isFile()) return [{ message: t(lang, "write.notRegular", { file: path }) }];
  if (info === undefined) {
    const folder = dirname(target);
    if (statOrUndefined(folder)?.isDirectory() !== true) return [{ message: t(lang, "write.linkNoFolder", { file: path, target, folder }), hint: t(lang, "write.linkNoFolderHint") }];
    return force ? [] : [{ message: t(lang, "write.danglingLink", { file: path, target }), hint: t(lang, "write.danglingLinkHint") }];
  }
  return force ? [] : [{ message: t(lang, "write.linkExists", { file: path, target }), hint: t(lang, "write.existsHint") }];
}

/**
 * What keeps the folders of a new file from being made: the nearest part of
 * the path that exists is a file, or a link to nothing (whose target would
 * otherwise be created).
 */
function folderProblems(path: string, dir: string, lang: Lang): Problem[] {
  for (let at = dir; ; at = dirname(at)) {
    const info = lstatOrUndefined(at);
    if (info) {
      const target = info.isSymbolicLink() ? statOrUndefined(at) : info;
      if (target?.isDirectory()) return [];
      if (target === undefined) return [{ message: t(lang, "write.danglingFolder", { file: path, folder: at, target: linkTarget(at) }), hint: t(lang, "write.linkNoFolderHint") }];
      return [{ message: t(lang, "write.parentIsFile", { file: path, parent: at }) }];
    }
    if (dirname(at) === at) return [];
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
 * meanwhile. With `lockIn`, the files are moved in as one set under that
 * folder's lock, so parallel runs never leave a mix of their files.
 */
export function writeFilesAtomically(files: readonly FileToWrite[], cwd: string, force: boolean, lang: Lang, lockIn?: string): Written[] {
  assertCanWrite(
    files.map((file) => file.path),
    cwd,
    force,
    lang,
  );
  const staged: { temp: string; full: string; path: string; linked: boolean }[] = [];
  const cleanUp = () => {
    for (const { temp } of staged) removeQuietly(temp);
  };
  try {
    for (const file of files) {
      // Through a link to its target: the file the link names is replaced, never the link.
      const named = resolve(cwd, file.path);
      const full = linkTarget(named);
      const linked = full !== named;
      // Folders are made only for a path the user typed: a link's target folder was checked to exist.
      if (!linked) mkdirSync(dirname(full), { recursive: true });
      // Short, whatever the file's name: a name near the 255-byte limit must still have room for its temporary twin.
      const temp = join(dirname(full), `.eoe-${Math.random().toString(36).slice(2, 10)}.tmp`);
      staged.push({ temp, full, path: file.path, linked });
      writeWhole(temp, file.content);
    }
  } catch (error) {
    cleanUp();
    throw writeFailure(staged.at(-1)?.path ?? files[0]?.path ?? "", error, lang);
  }
  const unlock = lockIn === undefined ? () => {} : lock(resolve(cwd, lockIn), () => cleanUp(), lang);
  try {
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
  } finally {
    unlock();
  }
  return staged.map(({ path, full, linked }) => (linked ? { path, throughLink: full } : { path }));
}

/** A line for each file written through a link, naming the file it went to. */
export function linkNotes(written: readonly Written[], lang: Lang): string[] {
  return written.flatMap(({ path, throughLink }) => (throughLink === undefined ? [] : [t(lang, "write.followedLink", { file: forTerminal(path), target: forTerminal(throughLink) })]));
}

/** The lock file a set of files is moved in under, in the folder they go into. */
const LOCK_FILE = ".ecs-or-eks.lock";

/** How long a writer waits for another to finish moving its files in: a move takes milliseconds. */
const LOCK_WAIT_MS = 5000;

/**
 * Takes the folder's lock (a file made with O_EXCL, holding our pid), waiting
 * a little for another writer to finish; a lock whose process is gone is
 * taken over. Returns the release. Another live writer past the wait is
 * refused in one line: two runs' files must never mix.
 */
function lock(dir: string, onRefused: () => void, lang: Lang): () => void {
  const path = join(dir, LOCK_FILE);
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(path, "wx", 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => removeQuietly(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        onRefused();
        throw writeFailure(path, error, lang);
      }
    }
    if (!holderAlive(path)) {
      removeQuietly(path);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      onRefused();
      throw new OutputError(t(lang, "write.locked", { dir, lock: path }));
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
}

/** Whether the process named in a lock file still runs; a lock being written (no pid yet) counts as held. */
function holderAlive(path: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path, "utf8"), 10);
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Where a path ends up once its symbolic links are followed (a dangling link included): the file to replace. */
function linkTarget(path: string): string {
  let at = path;
  // As many hops as the kernel allows; a loop ends in ELOOP when the file is opened.
  for (let hops = 0; hops < 40; hops++) {
    const info = lstatOrUndefined(at);
    if (!info?.isSymbolicLink()) return at;
    at = resolve(dirname(at), readlinkSync(at));
  }
  return at;
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

/** Why a write failed, in words: a full disk, no permission, a pipe nobody reads. */
export function writeFailureReason(error: unknown, lang: Lang): string {
  return ioReason(error, WRITE_REASONS, lang);
}

/** An answers file for CI (init, --save): the answers, led by "$schema" so editors check them. Returns where it went. */
export function writeAnswersFile(path: string, answers: Readonly<Record<string, unknown>>, cwd: string, force: boolean, lang: Lang): Written {
  return writeFilesAtomically([{ path, content: `${JSON.stringify({ $schema: SCHEMA_URL, ...answers }, null, 2)}\n` }], cwd, force, lang)[0]!;
}

/**
 * Checks the file an append goes to (the step summary) before anything is
 * written: a link that leads nowhere is followed only with --force, and only
 * into a folder that exists, as for a file written whole.
 */
export function assertCanAppend(path: string, cwd: string, force: boolean, lang: Lang): void {
  const full = resolve(cwd, path);
  if (lstatOrUndefined(full)?.isSymbolicLink() !== true || statOrUndefined(full) !== undefined) return;
  const problems = linkProblems(path, full, force, lang);
  if (problems.length > 0) throw new InputError(problems.map((problem) => problem.message), problems[0]!.hint);
}

/** A path as a message names it: with the file it leads to, when it is a symbolic link. */
export function shownPath(path: string, cwd: string, lang: Lang): string {
  const full = resolve(cwd, path);
  const target = linkTarget(full);
  return target === full ? path : t(lang, "write.linkTo", { file: path, target });
}

/** How long an append waits for a named pipe's reader, or for a full pipe to drain. */
const PIPE_WAIT_MS = 2000;

/**
 * Appends text to a file (the step summary). A named pipe is opened without
 * blocking, as an input pipe is: with no reader, or a reader that stops
 * reading, the append gives up after PIPE_WAIT_MS instead of waiting forever.
 */
export function appendText(path: string, text: string): void {
  const isPipe = statOrUndefined(path)?.isFIFO() === true;
  if (!isPipe) return appendFileSync(path, text);
  const bytes = Buffer.from(text);
  const started = Date.now();
  const waited = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code !== "ENXIO" && code !== "EAGAIN") || Date.now() - started > PIPE_WAIT_MS) throw error;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  };
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK);
    } catch (error) {
      waited(error);
    }
  }
  try {
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (error) {
        waited(error);
      }
    }
  } finally {
    closeSync(fd);
  }
}
