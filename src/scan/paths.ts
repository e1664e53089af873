/** A relative path (`./modules/service`, `../app`, `backend`) resolved against a folder under the root; undefined for one that climbs above the root. */
export function resolvePath(dir: string, relative: string): string | undefined {
  const parts = dir === "" ? [] : dir.split("/");
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}
