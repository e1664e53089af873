// The scan row of `npm run bench`: `ecs-or-eks scan` on a generated monorepo
// of 500 services and 20,000 files (with an alias bomb, a symlink loop, a
// FIFO and a 50 MB binary inside), against a bare Node walk that reads the
// same deploy files, and the scan's peak memory. Run alone, it prints its
// figures for the Node running it: node scripts/bench-scan.mjs
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const BIN = join(ROOT, "bin/ecs-or-eks.js");
export const SERVICES = 500;

/** The monorepo: each service a folder of sources, a Dockerfile and its manifests; a chart, Terraform, CI, dependencies and traps. */
export function generateMonorepo(dir) {
  let files = 0;
  const file = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
  };
  for (let i = 0; i < SERVICES; i++) {
    const name = `svc-${String(i).padStart(3, "0")}`;
    for (let k = 0; k < 30; k++) file(`services/${name}/src/module-${k}.ts`, `export const value${k} = ${i * k};\n`);
    file(`services/${name}/package.json`, JSON.stringify({ name, version: "1.0.0", scripts: { start: "node src/index.js" } }, null, 2));
    file(`services/${name}/README.md`, `# ${name}\n`);
    file(`services/${name}/Dockerfile`, `FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/index.js"]\n`);
    file(
      `services/${name}/k8s/deployment.yaml`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\nspec:\n  replicas: ${1 + (i % 4)}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n      annotations:\n        prometheus.io/scrape: "true"\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/${name}:1.0.${i}\n          ports:\n            - containerPort: 8080\n          resources:\n            requests:\n              cpu: ${100 + (i % 8) * 50}m\n              memory: ${128 + (i % 4) * 128}Mi\n            limits:\n              cpu: "1"\n              memory: 1Gi\n          readinessProbe:\n            httpGet:\n              path: /health\n              port: 8080\n`,
    );
    file(`services/${name}/k8s/service.yaml`, `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`);
    if (i % 5 === 0) file(`services/${name}/k8s/hpa.yaml`, `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${name}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${name}\n  minReplicas: 2\n  maxReplicas: 10\n`);
  }
  file("charts/platform/Chart.yaml", "apiVersion: v2\nname: platform\nversion: 1.0.0\n");
  file("charts/platform/values.yaml", "replicaCount: 2\nresources:\n  requests:\n    cpu: 250m\n    memory: 256Mi\n");
  file("charts/platform/templates/deployment.yaml", `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Chart.Name }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/platform:1\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n`);
  file("terraform/main.tf", `provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_eks_cluster" "main" {\n  name = "main"\n}\n\nresource "aws_eks_node_group" "spot" {\n  cluster_name  = aws_eks_cluster.main.name\n  capacity_type = "SPOT"\n  instance_types = ["m7g.large"]\n}\n`);
  file(".github/workflows/deploy.yml", "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws eks update-kubeconfig --name main\n      - run: kubectl apply -f services/\n");
  file(".gitignore", "dist/\n*.log\n");
  // Dependencies (skipped by name) bring the count to 20,000 files.
  for (let k = 0; files < 19_995; k++) file(`node_modules/dep-${Math.floor(k / 50)}/file-${k % 50}.js`, "module.exports = 1;\n");
  // The traps: an alias bomb, a symlink loop, a FIFO and a 50 MB binary, each where a deploy file could be.
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
  file("deploy/bomb.yaml", `apiVersion: v1\nkind: ConfigMap\n${bomb.join("\n")}\n`);
  symlinkSync(dir, join(dir, "deploy/loop"));
  execFileSync("mkfifo", [join(dir, "deploy/pipe.yaml")]);
  const binary = Buffer.alloc(50 * 1024 * 1024);
  for (let i = 0; i < binary.length; i += 4096) binary[i] = i % 251;
  file("deploy/blob.yaml", binary);
  return files + 2;
}

/**
 * A bare Node walk that reads what the scan reads: the deploy files by name, under 5 MB, skipping dependencies, links
 * and special files. `read` is what it does with each file's text (its length, by default), `imports` what that needs.
 */
const walkScript = ({ imports = "", read = "text.length" } = {}) => `import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
${imports}
const wanted = /\\.(ya?ml|tf|tfvars)$|^(Dockerfile|Procfile)$/;
let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== "node_modules" && entry.name !== ".git") walk(path); }
    else if (entry.isFile() && wanted.test(entry.name) && statSync(path).size <= 5 * 1024 * 1024) { const text = readFileSync(path, "utf8"); bytes += ${read}; }
  }
};
walk(process.argv[2]);
process.stdout.write(String(bytes));
`;

/**
 * The same walk, parsing each YAML file it reads with the `yaml` package (documents only, no
 * inference): what the parser issue 25 names costs on its own, shown beside the scan's ratio.
 */
const yamlWalk = (yamlUrl) =>
  walkScript({
    imports: `import { parseAllDocuments } from ${JSON.stringify(yamlUrl)};`,
    read: "text.length + (/\\.ya?ml$/.test(entry.name) ? parseAllDocuments(text).length : 0)",
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function time(node, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The scan against the bare walk (median of alternating runs), and the scan's peak memory. */
export function scanRatio(node, work, runs = 7) {
  const repo = join(work, "monorepo");
  mkdirSync(repo, { recursive: true });
  const files = generateMonorepo(repo);
  const bare = join(work, "bare-walk.mjs");
  writeFileSync(bare, walkScript());
  const withYaml = join(work, "bare-walk-yaml.mjs");
  writeFileSync(withYaml, yamlWalk(pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("yaml")).href));
  const cli = [];
  const walked = [];
  const parsed = [];
  for (let round = 0; round < runs; round++) {
    walked.push(time(node, [bare, repo]));
    cli.push(time(node, [BIN, "scan", repo, "--json"]));
    parsed.push(time(node, [withYaml, repo]));
  }
  const probe = `import { writeSync } from "node:fs"; process.on("exit", () => writeSync(3, String(process.resourceUsage().maxRSS)));`;
  const peak = spawnSync(node, ["--import", `data:text/javascript,${encodeURIComponent(probe)}`, BIN, "scan", repo, "--json"], { stdio: ["ignore", "pipe", "ignore", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  const result = JSON.parse(peak.stdout.toString());
  return {
    files,
    ratio: median(cli) / median(walked),
    yamlRatio: median(parsed) / median(walked),
    ms: median(cli),
    bareMs: median(walked),
    rssMiB: Number(peak.output[3]) / 1024,
    services: result.services.length,
    skipped: result.skipped.map((entry) => `${entry.file} (${entry.reason})`),
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const work = mkdtempSync(join(tmpdir(), "ecs-or-eks-bench-scan-"));
  try {
    console.log(JSON.stringify(scanRatio(process.execPath, work, Number(process.env.BENCH_RUNS ?? 7)), null, 2));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
