import { type Dirent, lstatSync, readdirSync } from "node:fs";
import { Module } from "node:module";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

// The most a cache file may hold: V8's code for the largest chunk of the bundle is about 300 KB.
const MOST_BYTES = 16 * 2 ** 20;

/**
 * Keeps the compiled code of what a run loads between runs, with Node's own
 * compile cache (Node 22.1 and later; Node 20 has none and compiles every
 * run): in `.cache/compile` inside the package `root`, where npx keeps it,
 * or, where that cannot be made (a read-only install), in Node's default
 * folder. Node opens and reads whatever it finds there, and writes through
 * a linked folder, so a folder is only used when it is sound (see
 * soundCacheFolder); otherwise the run compiles, which costs time and
 * nothing else. NODE_COMPILE_CACHE, when set, decides instead;
 * NODE_DISABLE_COMPILE_CACHE turns the cache off.
 */
export function keepCompiledCode(root: URL): void {
  const { env } = process;
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return;
  const node = Module as unknown as CompileCacheApi;
  if (!node.enableCompileCache) return;
  const own = fileURLToPath(new URL(".cache/compile", root));
  if (!soundCacheFolder([fileURLToPath(new URL(".cache", root)), own])) return;
  if (node.enableCompileCache(own).status !== node.constants?.compileCacheStatus?.FAILED) return;
  const fallback = `${tmpdir()}/node-compile-cache`;
  if (soundCacheFolder([fallback])) node.enableCompileCache(fallback);
}

/** node:module's compile cache (Node 22.1 and later), which the Node 20 types do not know. */
interface CompileCacheApi {
  enableCompileCache?: (directory?: string) => { status: number };
  constants?: { compileCacheStatus?: { FAILED: number } };
}

/**
 * Whether Node may keep its cache in the last of `folders` (each inside the
 * one before): each that exists is a real folder, not a link that Node would
 * write through, and below the last every entry is a folder of cache files
 * (Node's layout: one per Node version) holding only regular files of a
 * plausible size. A FIFO there hangs the run, a link to /dev/zero or a huge
 * file costs its memory. A regular file beside the version folders (an older
 * build's cache, in a clone) is left alone: Node never opens it, and refusing
 * the folder for it would make every run compile from scratch. A folder not
 * made yet is sound: Node makes it.
 */
function soundCacheFolder(folders: readonly string[]): boolean {
  try {
    for (const folder of folders) {
      const stat = lstatSync(folder, { throwIfNoEntry: false });
      if (stat === undefined) return true;
      if (!stat.isDirectory()) return false;
    }
    const cache = folders.at(-1)!;
    return readdirSync(cache, { withFileTypes: true }).every(
      (entry) => entry.isFile() || (entry.isDirectory() && readdirSync(`${cache}/${entry.name}`, { withFileTypes: true }).every((file) => plausibleFile(`${cache}/${entry.name}`, file))),
    );
  } catch {
    return false;
  }
}

function plausibleFile(folder: string, entry: Dirent): boolean {
  return entry.isFile() && lstatSync(`${folder}/${entry.name}`).size <= MOST_BYTES;
}
