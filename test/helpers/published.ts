import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startRegistry, type LocalRegistry } from "../../scripts/local-registry.mjs";
import { ROOT } from "./fixtures.js";

/**
 * For a test file: the package packed as `npm publish` would pack it (dist/
 * is built by `npm test`'s pretest), published to a registry on this machine
 * before the tests, the registry stopped after them. Returns the registry and
 * a scratch folder, both valid inside tests.
 */
export function usePublishedPackage(): { registry: () => LocalRegistry; scratch: string } {
  const scratch = mkdtempSync(join(tmpdir(), "ecs-or-eks-published-"));
  let registry: LocalRegistry | undefined;
  beforeAll(async () => {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], { cwd: ROOT, encoding: "utf8" }));
    registry = await startRegistry();
    registry.publish(join(scratch, packed.filename));
  });
  afterAll(async () => {
    await registry?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  return {
    registry: () => {
      if (!registry) throw new Error("the registry is started before the tests run");
      return registry;
    },
    scratch,
  };
}
