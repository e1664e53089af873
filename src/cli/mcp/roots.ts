// Where a tool may read or write: inside the folders the client shares (the MCP
// roots capability) or, for a client without roots, inside the folder the
// server started in. A path is judged by where it really leads: a link inside
// a root that points out of it does not make its target writable.
import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { InputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";

/** The client's side of the roots capability: whether it has one, and its list. */
export interface RootsSource {
  supported: boolean;
  list: () => Promise<readonly { uri: string }[]>;
}

/** The folders a call may read or write in: the client's file roots, or `cwd` when it has no roots capability. */
export async function allowedRoots(source: RootsSource, cwd: string, lang: Lang): Promise<string[]> {
  if (!source.supported) return [cwd];
  let roots: readonly { uri: string }[];
  try {
    roots = await source.list();
  } catch (error) {
    throw new InputError(t(lang, "mcp.rootsFailed", { reason: error instanceof Error ? error.message : String(error) }));
  }
  // Imported here: a static import would share node:url with the entry, and put it in a chunk of its own that every run loads.
  const { fileURLToPath } = await import("node:url");
  return roots.flatMap((root) => {
    if (!root.uri.startsWith("file:")) return [];
    try {
      return [fileURLToPath(root.uri)];
    } catch {
      // A file: URI that names no local path (another host) is no folder of ours.
      return [];
    }
  });
}

/**
 * `path` as an absolute path, relative ones taken from the first root, when
 * it lies inside one of `roots`; otherwise the error that says where it may
 * go, for what the call would do there.
 */
export function insideRoots(path: string, roots: readonly string[], lang: Lang, access: "read" | "write"): string {
  const full = resolve(roots[0] ?? "/", path);
  const real = realPath(full);
  if (roots.some((root) => contains(realPath(resolve(root)), real))) return full;
  throw new InputError(t(lang, access === "read" ? "mcp.outsideRootsRead" : "mcp.outsideRoots", { path: full, roots: roots.length > 0 ? roots.join(", ") : t(lang, "mcp.noRoots") }), t(lang, "mcp.outsideRootsHint"));
}

function contains(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Where a path leads: its nearest existing folder with links resolved, and the rest, which does not exist yet, as given. */
function realPath(path: string): string {
  const missing: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), ...missing.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      missing.push(basename(at));
      at = parent;
    }
  }
}
