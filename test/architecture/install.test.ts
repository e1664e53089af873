// A contributor's first `npm ci` prints nothing to review (issue 23): since npm
// 11.16, a dependency's install script that package.json's allowScripts does
// not name is listed after the install, and npm 12 skips it. Every package
// the lock file marks as having one is named there, and nothing else is, so a
// new dependency that brings a script is reviewed in the change that adds it.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";

const read = (file: string) => JSON.parse(readFileSync(`${ROOT}${file}`, "utf8")) as Record<string, unknown>;

it("names in allowScripts exactly the dependencies whose install scripts the lock file records", () => {
  const lock = read("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean }> };
  const withScripts = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== "" && entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
  const allowed = read("package.json").allowScripts as Record<string, boolean>;
  expect(Object.keys(allowed).sort()).toEqual([...new Set(withScripts)].sort());
  expect(Object.values(allowed).every((allow) => allow === true)).toBe(true);
});
