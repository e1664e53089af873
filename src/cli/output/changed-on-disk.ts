// A run whose own files went while it ran: the package was upgraded or
// removed under it (npm install -g, npx's cache cleared) between its start and
// a module it loads late. Not a bug to report, and not the user's input.

/**
 * Whether loading a module of the package failed because its file is gone
 * (ERR_MODULE_NOT_FOUND), or is a newer build's that lacks what the older
 * code asks of it (a SyntaxError at link time). The CLI loads no module a
 * user names, so either is the package changing on disk.
 */
export function isChangedOnDisk(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND") return true;
  return error.name === "SyntaxError" && /does not provide an export named/.test(error.message);
}
