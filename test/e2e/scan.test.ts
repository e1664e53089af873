// `ecs-or-eks scan` and `--from DIR` as users run them: the built bin,
// spawned, on the worked repositories and on a folder built to be hostile.
import { Ajv2020 } from "ajv/dist/2020.js";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { tool } from "../../scripts/test-tools.mjs";
import { isAsked, isPrompted, QUESTIONS } from "../../src/engine/questions.js";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { inTerminal, KEYS } from "../helpers/pty.js";
import { runBin } from "../helpers/run-bin.js";

const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(JSON.parse(readFileSync(`${ROOT}dist/scan.schema.json`, "utf8")) as object);
const TEAM = ["--kubernetes-experience", "basic", "--cloud-strategy", "aws-only", "--budget", "moderate"];

/** A folder with every file a walk must not trip on, and one deployment. */
function hostileFolder(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), "ecs-or-eks-scan-"));
  const root = join(base, "repo");
  const outside = join(base, "outside");
  mkdirSync(outside);
  writeFileSync(join(outside, "secret-deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: never-read\n");
  const file = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file("k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: example/api:1\n          resources:\n            requests:\n              cpu: 250m\n              memory: 512Mi\n");
  file("node_modules/dep/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: from-a-dependency\n");
  file("ignored/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ignored-by-git\n");
  file(".gitignore", "ignored/\n");
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
  file("k8s/bomb.yaml", `apiVersion: v1\nkind: ConfigMap\n${bomb.join("\n")}\n`);
  file("k8s/deep.yaml", `apiVersion: v1\nkind: ConfigMap\ndata: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
  file("k8s/binary.yaml", Buffer.from([0x61, 0x00, 0x62, 0x00]));
  file("k8s/big.yaml", Buffer.alloc(6 * 1024 * 1024, 0x20));
  // A file name that would move the cursor and ring the bell, were it printed as it is.
  file("k8s/\u001b[2Jbell\u0007.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"web\\u001b]0;owned\\u0007\"\n");
  symlinkSync(outside, join(root, "k8s/out"));
  symlinkSync(join(outside, "secret-deployment.yaml"), join(root, "k8s/secret.yaml"));
  symlinkSync(root, join(root, "k8s/loop"));
  execFileSync("mkfifo", [join(root, "k8s/pipe.yaml")]);
  return { root, outside };
}

describe("ecs-or-eks scan", () => {
  it("prints the JSON its shipped schema describes, with paths under the folder and the lines that show each answer", async () => {
    const ran = await runBin(["scan", fixturePath("scan/microservices-demo"), "--json"]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(result.answers.currentPlatform).toBe("kubernetes");
    for (const entry of [...result.evidence, ...result.services]) expect(entry.file).not.toMatch(/^\/|\\/);
  });

  it("words the answers with where each was found, and says how to use them", async () => {
    const ran = await runBin(["scan", fixturePath("scan/ecs-cloudformation")]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("Runs in production today: Amazon ECS (stated)");
    expect(ran.stdout).toContain("services/product-service/service.yaml:49");
    expect(ran.stdout).toMatch(/Use it: ecs-or-eks --from \S+ecs-cloudformation/);
    // A folder at a path wider than the screen: the command to copy keeps it whole, on one line.
    const deep = join(mkdtempSync(join(tmpdir(), "ecs-or-eks-scan-")), "x".repeat(120));
    cpSync(fixturePath("scan/ecs-cloudformation"), deep, { recursive: true });
    expect((await runBin(["scan", deep])).stdout.split("\n")).toContain(`Use it: ecs-or-eks --from ${deep}`);
    const ko = await runBin(["scan", fixturePath("scan/ecs-cloudformation"), "--lang", "ko", "--format", "markdown"]);
    expect(ko.stdout).toContain("현재 운영 중인 플랫폼");
    expect(ko.stdout).toMatch(/\| product-service \| - \| 0\.13 \| 2 \|/);
  });

  it("says a compose-only repository's services, and that compose names no production platform, leaving it unanswered", async () => {
    const dir = fixturePath("scan/compose-voting-app");
    const json = JSON.parse((await runBin(["scan", dir, "--format", "json"])).stdout);
    expect(json.answers).toEqual({ microservices: 4 });
    expect(json.services.map((service: { platform: string | null }) => service.platform)).toEqual([null, null, null, null]);
    const flat = (text: string) => text.replace(/\s+/g, " ");
    const text = flat((await runBin(["scan", dir])).stdout);
    expect(text).toContain("Compose files show the services and their sizes, not where they run in production");
    expect(flat((await runBin(["scan", dir, "--format", "markdown", "--lang", "ko"])).stdout)).toContain("Compose 파일로는 서비스와 그 크기는 알 수 있지만");
    // A repository that names its platform gets no such note.
    expect(flat((await runBin(["scan", fixturePath("scan/ecs-cloudformation")])).stdout)).not.toContain("Compose files show");
  });

  it("exits 2 with one line for a path that is no folder, and for a format it does not offer", async () => {
    for (const args of [["scan", "/no/such/folder"], ["scan", fixturePath("scan/heroku-python/Procfile")], ["scan", ".", "--format", "adr"]]) {
      const ran = await runBin(args);
      expect(ran.code).toBe(2);
      expect(ran.stdout).toBe("");
      expect(ran.stderr).toMatch(/^ecs-or-eks: /);
    }
  });

  it("walks a hostile folder: exit 0, each trap listed under skipped, nothing outside read, no control byte printed", async () => {
    const { root } = hostileFolder();
    const ran = await runBin(["scan", root, "--json"]);
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    const reasons = Object.fromEntries(result.skipped.map((entry: { file: string; reason: string }) => [entry.file, entry.reason]));
    expect(reasons).toMatchObject({
      "k8s/bomb.yaml": "alias-bomb",
      "k8s/deep.yaml": "too-deep",
      "k8s/binary.yaml": "binary",
      "k8s/big.yaml": "too-large",
      "k8s/out": "link-outside",
      "k8s/secret.yaml": "link-outside",
      "k8s/loop": "link-loop",
      "k8s/pipe.yaml": "special-file",
    });
    expect(ran.stdout).not.toMatch(/never-read|from-a-dependency|ignored-by-git/);
    expect(result.services.find((service: { name: string }) => service.name === "api")).toMatchObject({ vcpu: 0.25, memoryGiB: 0.5, replicas: 3, file: "k8s/api.yaml", line: 14 });
    for (const format of ["text", "markdown"]) {
      const shown = await runBin(["scan", root, "--format", format]);
      expect(shown.code).toBe(0);
      expect(shown.stdout + shown.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(shown.stdout).toContain("\\u001b");
    }
  });

  it("--helm renders each chart with the helm on PATH, and exits 2 when there is none", async () => {
    const helm = tool("helm");
    const ran = await runBin(["scan", fixturePath("scan/microservices-demo"), "--helm", "--json"], { env: { PATH: `${dirname(helm)}:${process.env.PATH}` } });
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.skipped).toEqual([]);
    expect(result.others).toContainEqual(expect.objectContaining({ name: "redis-cart", file: "helm-chart/templates/cartservice.yaml" }));
    const missing = await runBin(["scan", fixturePath("scan/microservices-demo"), "--helm"], { env: { PATH: "/nonexistent" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--helm needs helm on PATH");
  });
});

describe("--from DIR", () => {
  it("takes the scanned answers where no flag gives them, and says which in JSON", async () => {
    const ran = await runBin(["--from", fixturePath("scan/ecs-cloudformation"), ...TEAM, "--microservices", "7", "--json"]);
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    expect(result.answers).toMatchObject({ currentPlatform: "ecs", microservices: 7 });
    // The flag won over the scan's 2 services: only the platform came from the repository.
    expect(result.fromRepository.keys).toEqual(["currentPlatform"]);
    expect(result.fromRepository.evidence.every((entry: { answer: string }) => entry.answer === "currentPlatform")).toBe(true);
    const text = await runBin(["--from", fixturePath("scan/ecs-cloudformation"), ...TEAM]);
    // Without the flag, the services found size the estimate too.
    expect(text.stdout.replace(/\s+/g, " ")).toContain("Runs in production today, Services and Each service's size (for the estimate).");
  });

  it("refuses --batch with --from (exit 2, one line naming both and the fix), and takes --answers - with --from", async () => {
    for (const extra of [[], ["--answers", fixturePath("scan/copilot/SOURCE.md")], ["--format", "text"]]) {
      const ran = await runBin(["--batch", "--from", fixturePath("scan/copilot"), ...extra], { input: "{}\n" });
      expect(ran.code).toBe(2);
      expect(ran.stdout).toBe("");
      expect(ran.stderr).toBe("ecs-or-eks: --from does not apply to --batch: a batch reads many answer sets, a scan gives one; run --from DIR without --batch, or put the answers in the NDJSON lines.\n");
    }
    // An answers file on stdin wins over the scan, as it does over nothing.
    const answers = { kubernetesExperience: "basic", cloudStrategy: "aws-only", budget: "moderate", microservices: 9 };
    const piped = await runBin(["--answers", "-", "--from", fixturePath("scan/copilot"), "--json"], { input: JSON.stringify(answers) });
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout).answers).toMatchObject({ currentPlatform: "ecs", microservices: 9, clusters: 1 });
    expect(JSON.parse(piped.stdout).fromRepository.keys).toEqual(["currentPlatform", "clusters"]);
  });

  it("at a terminal, asks what runs today first for a compose-only repository", async () => {
    const term = inTerminal(["--no-color", "--from", fixturePath("scan/compose-voting-app")], { cols: 160, cwd: mkdtempSync(join(tmpdir(), "ecs-or-eks-from-")) });
    await term.when("(1/", "");
    expect((await term.screen()).join("\n")).toMatch(/\(1\/\d+\) What does the team run in production today\?/);
    term.child.stdin.write(KEYS.ctrlC);
    expect(await term.exited).toBe(130);
  });

  it("init --from writes the scanned answers into the answers file", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "ecs-or-eks-init-from-"));
    const ran = await runBin(["init", "--from", fixturePath("scan/copilot"), ...TEAM, "--no-input"], { cwd });
    expect(ran.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "answers.json"), "utf8"))).toMatchObject({ currentPlatform: "ecs", microservices: 2, clusters: 1 });
  });

  it("at a terminal, asks only what the scan could not tell, shows where each scanned answer was found, and reruns with --from", async () => {
    const dir = fixturePath("scan/ecs-cloudformation");
    // The scan tells what runs today (ECS), how many services (2) and each one's size: every other question is
    // asked, and how the team feels about ECS now applies; who keeps Kubernetes clusters running does not, nor
    // the workload's totals, which the services' sizes supersede.
    const scanned = { currentPlatform: "ecs", services: [{}, {}] };
    const asked = QUESTIONS.filter((q) => q.key !== "currentPlatform" && q.key !== "microservices" && isAsked(q, scanned) && isPrompted(q));
    expect(asked.map((q) => q.key)).not.toContain("vcpus");
    const quick = asked.filter((q) => q.required || "quick" in q);
    const term = inTerminal(["--no-color", "--from", dir], { cols: 160, cwd: mkdtempSync(join(tmpdir(), "ecs-or-eks-from-")) });
    for (let n = 1; n <= quick.length; n++) await term.when(`(${n}/${asked.length})`, KEYS.enter);
    const questions = (await term.screen()).join("\n");
    expect(questions).toContain(`(1/${asked.length}) How does the team feel about what it runs today?`);
    expect(questions).not.toContain("How many services");
    await term.when("Answer them, or finish now", `${KEYS.down}${KEYS.enter}`);
    // Waits for the later of the two lines it reads: on a loaded machine the review arrives in pieces.
    await term.when("Services: 2, from", "");
    const review = (await term.screen()).join("\n");
    // Where each was found: one file and line, a folder's files, or the first and how many more.
    // The cluster's Type line (Type: AWS::ECS::Cluster), which the evidence quotes.
    expect(review).toContain("Runs in production today: Amazon ECS, from infrastructure/ecs-cluster.yaml:39 and 2 files");
    expect(review).toMatch(/Services: 2, from services\/product-service\/service\.yaml:49 and 1 file$/m);
    // The services' sizes, which no question asks: named, never "[object Object]", with how to give others; the
    // totals they supersede are not in the review.
    expect(review).toContain("Each service's size (for the estimate): 2 (product-service and website-service) (from the repository; --workload FILE gives others)");
    expect(review).not.toContain("vCPUs (total)");
    term.child.stdin.write(KEYS.enter);
    await term.when("To get this result again", "");
    await term.when("Save your answers", `n${KEYS.enter}`);
    expect(await term.exited).toBe(0);
    const screen = (await term.screen()).join(" ").replace(/\s*\\\s*/g, " ");
    // The terminal wraps a long line where it likes, a checkout's long path included: compare without the breaks.
    expect(screen.replace(/\s+/g, "")).toContain(`--from${dir}`.replace(/\s+/g, ""));
    expect(screen).not.toContain("--current-platform");
    expect(screen).toContain("From the repository");
  });
});
