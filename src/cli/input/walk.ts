// The repository walk behind `scan` and `--from DIR`: one pass over the
// folder, in name order, that reads only what may be a deploy file. It
// honours .gitignore files, skips dependency and cache folders, never
// follows a link out of the root or round a loop, never opens a FIFO or a
// device, and lists what it left unread with why. An unreadable folder or
// file is a note in that list, never a failure. A function of the root
// alone, so the MCP server can walk the same way.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { FileRecord, SkipReason, Skipped } from "../../scan/evidence.js";
import { byName, bySniff, SKIPPED_FOLDERS } from "../../scan/kinds.js";

/** A deploy file is kilobytes; past this a file is data, not configuration, and is not read. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** How much of a JSON file is read to tell whether it may be a deploy file. */
const SNIFF_BYTES = 4096;

export interface Walk {
  /** The files that may be deploy files, read one at a time as the walk reaches them. */
  readonly files: Iterable<FileRecord>;
  /** What was left unread, and why; complete once `files` has been gone through. */
  readonly skipped: Skipped[];
}

interface Folder {
  /** The path under the root, with "/" separators ("" for the root). */
  readonly path: string;
  /** Where it is on disk. */
  readonly real: string;
  /** The .gitignore rules that apply, each with the folder it was found in. */
  readonly rules: readonly (readonly [base: string, rules: Ignore])[];
}

/** Walks `root` (an existing folder). */
export function walkRepository(root: string): Walk {
  const skipped: Skipped[] = [];
  return { files: walk(realpathSync(root), skipped), skipped };
}

function* walk(root: string, skipped: Skipped[]): Generator<FileRecord> {
  const visited = new Set<string>([root]);
  const folders: Folder[] = [{ path: "", real: root, rules: [] }];
  const skip = (file: string, reason: SkipReason) => skipped.push({ file, reason });
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.real, { withFileTypes: true });
    } catch {
      skip(folder.path || ".", "unreadable");
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const rules = withGitignore(folder, entries);
    const subfolders: Folder[] = [];
    // Built by hand, not with join(): a walk names every entry, and most are left at once.
    const base = folder.real.endsWith(sep) ? folder.real : folder.real + sep;
    for (const entry of entries) {
      const path = folder.path === "" ? entry.name : `${folder.path}/${entry.name}`;
      let real = base + entry.name;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = followLink(root, real);
        if ("refused" in target) {
          if (target.refused === "link-outside" || byName(path) !== undefined) skip(path, target.refused);
          continue;
        }
        real = target.real;
        const info = statSync(real, { throwIfNoEntry: false });
        isFolder = info?.isDirectory() === true;
        isFile = info?.isFile() === true;
        if (!isFolder && !isFile) {
          skip(path, "special-file");
          continue;
        }
      } else if (!isFolder && !isFile) {
        // A FIFO, a socket or a device: never opened.
        skip(path, "special-file");
        continue;
      }
      if (isFolder) {
        if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(rules, path, true)) continue;
        if (visited.has(real)) {
          skip(path, "link-loop");
          continue;
        }
        visited.add(real);
        subfolders.push({ path, real, rules });
        continue;
      }
      // The name first: most files are no deploy file, and need no .gitignore rule tried on them.
      const wanted = byName(path);
      if (wanted === undefined || isIgnored(rules, path, false)) continue;
      const read = readCandidate(real, wanted === "sniff");
      if (typeof read === "string") yield { path, text: read };
      else if (read !== undefined) skip(path, read.reason);
    }
    // Depth first, in name order: a folder's own files (Chart.yaml) come before its subfolders' (templates/).
    for (let i = subfolders.length - 1; i >= 0; i--) folders.push(subfolders[i]!);
  }
}

/** Where a link leads, if it stays under the root; else why it is not followed. */
function followLink(root: string, link: string): { real: string } | { refused: "link-outside" | "link-broken" } {
  let target: string;
  try {
    target = realpathSync(link);
  } catch (error) {
    return { refused: (error as NodeJS.ErrnoException).code === "ELOOP" ? "link-outside" : "link-broken" };
  }
  return target === root || target.startsWith(root.endsWith(sep) ? root : root + sep) ? { real: target } : { refused: "link-outside" };
}

/** The rules that apply in a folder: its parents' and its own .gitignore. */
function withGitignore(folder: Folder, entries: readonly Dirent[]): Folder["rules"] {
  if (!entries.some((entry) => entry.name === ".gitignore" && entry.isFile())) return folder.rules;
  try {
    const text = readFileSync(join(folder.real, ".gitignore"), "utf8");
    return [...folder.rules, [folder.path, ignore().add(text)]];
  } catch {
    return folder.rules;
  }
}

function isIgnored(rules: Folder["rules"], path: string, isFolder: boolean): boolean {
  for (const [base, rule] of rules) {
    const relative = base === "" ? path : path.slice(base.length + 1);
    if (rule.ignores(isFolder ? `${relative}/` : relative)) return true;
  }
  return false;
}

/**
 * A candidate's text; for a JSON file, only when its first bytes say it may
 * be a deploy file. Opened without blocking and checked to be a regular file
 * once open, in case it was swapped for a FIFO since the folder was read.
 */
function readCandidate(real: string, sniff: boolean): string | { reason: SkipReason } | undefined {
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { reason: "unreadable" };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { reason: "special-file" };
    if (sniff) {
      const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
      const read = readSync(fd, head, 0, head.length, 0);
      if (!bySniff(head.subarray(0, read).toString("latin1"))) return undefined;
    }
    if (info.size > MAX_FILE_BYTES) return { reason: "too-large" };
    // Read and decoded by Node in one call, as a bare readFileSync(path, "utf8") reads; bytes that
    // are not UTF-8 come out as U+FFFD, and only a text holding one is read again, strictly.
    const text = readFileSync(fd, "utf8");
    if (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_FILE_BYTES) return { reason: "too-large" };
    const nul = text.indexOf("\0");
    if (nul >= 0 && Buffer.byteLength(text.slice(0, nul)) < BINARY_SNIFF_BYTES) return { reason: "binary" };
    return text.includes("\uFFFD") ? strictlyDecoded(fd) : withoutBom(text);
  } catch {
    return { reason: "unreadable" };
  } finally {
    closeSync(fd);
  }
}

/** A NUL byte among the first this many bytes makes a file binary. */
const BINARY_SNIFF_BYTES = 8192;

/** The file's text when every byte is UTF-8 (a U+FFFD it really holds stays), else why not. */
function strictlyDecoded(fd: number): string | { reason: SkipReason } {
  const bytes = Buffer.alloc(fstatSync(fd).size);
  const read = readSync(fd, bytes, 0, bytes.length, 0);
  try {
    return UTF8.decode(bytes.subarray(0, read));
  } catch {
    return { reason: "not-utf8" };
  }
}

/** The text without a byte-order mark, as the decoder gives it. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// The decoder, rather than node:buffer's isUtf8: importing node:buffer here would split it from the start-up path into a file of its own.
const UTF8 = new TextDecoder("utf-8", { fatal: true });
