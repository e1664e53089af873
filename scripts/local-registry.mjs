// A real npm registry on this machine, for publishing the packed package and
// running it by name the way users do (`npx ecs-or-eks`): verdaccio, on
// 127.0.0.1 only, with no uplinks, so nothing is fetched from or sent past
// the machine. Used by test/e2e/registry.test.ts and scripts/bench.mjs.
//
//   const registry = await startRegistry();
//   registry.publish(tarball);
//   spawn(npx, [...], { env: { ...process.env, ...registry.env(cacheDir) } });
//   await registry.stop();
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const VERDACCIO = fileURLToPath(new URL("../node_modules/verdaccio/bin/verdaccio", import.meta.url));

// Anyone may read; publishing needs the user the registry is started with.
// No "proxy:" under packages and no uplinks: a name the registry lacks is a 404, never a fetch.
const CONFIG = `storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: 10
uplinks: {}
packages:
  "**":
    access: $all
    publish: $authenticated
    unpublish: $authenticated
web:
  enable: false
max_body_size: 20mb
log: { type: stdout, format: pretty, level: warn }
`;

/** A port free right now on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child, log) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${log()}`);
}

/**
 * Starts the registry in a fresh folder and signs a user in. Resolves once it
 * answers. `node` runs verdaccio (6.8 runs on Node 20 and later).
 */
export async function startRegistry({ node = process.execPath } = {}) {
  const home = mkdtempSync(join(tmpdir(), "ecs-or-eks-registry-"));
  writeFileSync(join(home, "config.yaml"), CONFIG);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(node, [VERDACCIO, "--config", join(home, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    cwd: home,
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", HOME: home },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const stop = async () => {
    // By its process id, and waited for: nothing is left listening after a run.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(child.pid, "SIGTERM");
      const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
    // The CouchDB-style login npm itself uses: creates the user and returns its token.
    const response = await fetch(`${url}/-/user/org.couchdb.user:ci`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "ci", password: "ci-password", type: "user", roles: [] }),
    });
    const { token } = await response.json();
    if (!response.ok || !token) throw new Error(`could not sign in to ${url}: HTTP ${response.status}`);
    const npmrc = join(home, "npmrc");
    writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`);
    /** npm's settings for a run against this registry, with its own cache folder. */
    const env = (cache) => ({
      npm_config_userconfig: npmrc,
      npm_config_registry: `${url}/`,
      npm_config_cache: cache,
      npm_config_update_notifier: "false",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_loglevel: "error",
    });
    return {
      url,
      pid: child.pid,
      env,
      /** Publishes a packed tarball (npm pack's output) with the machine's npm. */
      publish(tarball) {
        const cache = mkdtempSync(join(home, "publish-cache-"));
        execFileSync("npm", ["publish", tarball, "--tag", "latest"], {
          cwd: home,
          env: { ...process.env, ...env(cache) },
          stdio: ["ignore", "ignore", "pipe"],
        });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
