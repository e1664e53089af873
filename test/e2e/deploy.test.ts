import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { displayWidth } from "../../src/cli/render/layout.js";
import { fixturePath } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

const tmp = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-scaffold-"));

describe("compare", () => {
  it("prints the guide's comparison table, fitted to the width", async () => {
    const ran = await runBin(["compare"]);
    expect(ran.code).toBe(0);
    for (const topic of ["Management", "How containers run", "Learning curve", "Scalability", "Use cases", "Load balancing", "Cost", "Deploy tools"]) {
      expect(ran.stdout).toMatch(new RegExp(`^${topic} `, "m"));
    }
    expect(Math.max(...ran.stdout.trimEnd().split("\n").map((line) => displayWidth(line)))).toBeLessThanOrEqual(80);
  });

  it("speaks Korean, with Hangul counted as two columns", async () => {
    const ran = await runBin(["compare", "--lang", "ko"]);
    expect(ran.stdout).toContain("학습 곡선");
    expect(Math.max(...ran.stdout.trimEnd().split("\n").map((line) => displayWidth(line)))).toBeLessThanOrEqual(80);
  });

  it("as Markdown and as JSON", async () => {
    const markdown = await runBin(["compare", "--format", "markdown"]);
    // The guide's table, quoted as the guide wrote it, then what changed since, each line dated.
    expect(markdown.stdout).toMatch(/^### The guide's comparison, as written \(2025-08-10\)\n\n\| {2}\| Amazon ECS \| Amazon EKS \|\n\|---\|---\|---\|\n\| \*\*Management\*\* \|/);
    expect(markdown.stdout).toMatch(/### Since the guide[^\n]*\n\n- \*\*2024-12\*\*: EKS Auto Mode/);
    const json = JSON.parse((await runBin(["compare", "--json"])).stdout);
    expect(json.rows.map((row: { id: string }) => row.id)).toEqual(["management", "compute", "learning-curve", "scalability", "use-cases", "load-balancing", "cost", "deploy-tools"]);
    expect(json.guideDate).toBe("2025-08-10");
    // Every change carries a date and a source, and none suggests a retired tool as current.
    for (const entry of json.since) expect(entry).toEqual({ date: expect.stringMatching(/^(\d{4}-\d{2}(-\d{2})?|as of \d{4})$/), text: expect.any(String), source: expect.stringMatching(/^FACTS/) });
    expect(json.since.map((entry: { text: string }) => entry.text).join(" ")).toMatch(/Copilot CLI reached end of support/);
  });
});

describe("scaffold", () => {
  it("prints what the answers recommend: an ECS task and service definition", async () => {
    const ran = await runBin(["scaffold", "--answers", fixturePath("answers/startup-mvp.json")]);
    expect(ran.code).toBe(0);
    const [task, service] = ran.stdout.split(/^==> .* <==\n/m).filter(Boolean).map((text) => JSON.parse(text));
    expect(task.requiresCompatibilities).toEqual(["FARGATE"]);
    expect(service.launchType).toBe("FARGATE");
    expect(ran.stderr).toContain("Starter configuration for Amazon ECS on AWS Fargate (recommended for your answers");
    expect(ran.stderr).toMatch(/Replace these placeholders before you deploy:\n {2}<AWS_REGION> +the AWS region/);
    expect(ran.stderr).toContain("Create the log group first (aws logs create-log-group --log-group-name /ecs/sample-app)");
  });

  it("follows the advisor's launch type, and asks for a GPU where the workload needs one", async () => {
    const ran = await runBin(["scaffold", "--platform", "ecs", "--answers", fixturePath("answers/ml-gpu.json")]);
    const task = JSON.parse(ran.stdout.split(/^==> .* <==\n/m)[1]!);
    expect(task.requiresCompatibilities).toEqual(["MANAGED_INSTANCES"]);
    expect(task.containerDefinitions[0].resourceRequirements).toEqual([{ type: "GPU", value: "1" }]);
    const eks = await runBin(["scaffold", "--answers", fixturePath("answers/ml-gpu.json")]);
    expect(eks.stdout).toContain("nvidia.com/gpu: 1");
    expect(eks.stderr).toContain("Starter configuration for Amazon EKS in Auto Mode");
  });

  it("writes Windows files for answers that need Windows, and says what they need, in both languages", async () => {
    const dir = tmp();
    const answers = join(dir, "windows.json");
    writeFileSync(answers, JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "moderate", microservices: 3, requirements: ["windows"] }));
    const ecs = await runBin(["scaffold", "--answers", answers]);
    expect(ecs.code).toBe(0);
    const task = JSON.parse(ecs.stdout.split(/^==> .* <==\n/m)[1]!);
    expect(task.runtimePlatform).toEqual({ operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" });
    // Fargate's smallest Windows size, not the Linux default of 256 units.
    expect([task.cpu, task.memory]).toEqual(["1024", "2048"]);
    expect(ecs.stderr).toContain("The task runs Windows containers (Windows Server 2022 Core, x86-64)");
    const eks = await runBin(["scaffold", "--platform", "eks", "--answers", answers, "--lang", "ko"]);
    expect(eks.code).toBe(0);
    expect(eks.stdout).toContain("kubernetes.io/os: windows");
    expect(eks.stderr).toContain("파드는 Windows 노드에서 실행됩니다(nodeSelector kubernetes.io/os: windows).");
  });

  it("refuses a launch type that cannot run the workload the answers describe", async () => {
    const ran = await runBin(["scaffold", "--answers", fixturePath("answers/ml-gpu.json"), "--launch-type", "fargate"]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe("ecs-or-eks: --launch-type fargate cannot run this workload: You need GPUs, and Fargate has none on ECS or EKS. Use --launch-type auto-mode or ec2 instead.\n");
  });

  it("refuses Fargate for a workload Fargate cannot run, as the estimate rules it out, in both languages", async () => {
    const dir = tmp();
    const base = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight" };
    const file = (name: string, answers: object) => {
      writeFileSync(join(dir, name), JSON.stringify(answers));
      return join(dir, name);
    };
    const large = file("large.json", { ...base, services: [{ name: "api", vcpu: 24, memoryGiB: 96, replicas: 2 }] });
    const gpu = file("gpu.json", { ...base, services: [{ name: "infer", vcpu: 4, memoryGiB: 16, replicas: 1, gpu: 1 }] });
    const cases: [string, string[], string][] = [
      [large, ["--platform", "ecs"], "ecs-or-eks: --launch-type fargate cannot run this workload: The task of api (24 vCPU, 96 GiB) is larger than Fargate's largest size (16 vCPU, 120 GB). Use --launch-type managed-instances or ec2 instead.\n"],
      [large, ["--platform", "eks"], "ecs-or-eks: --launch-type fargate cannot run this workload: The task of api (24 vCPU, 96 GiB) is larger than Fargate's largest size (16 vCPU, 120 GB). Use --launch-type auto-mode or ec2 instead.\n"],
      [gpu, ["--platform", "ecs"], "ecs-or-eks: --launch-type fargate cannot run this workload: infer needs GPUs, and Fargate offers none. Use --launch-type managed-instances or ec2 instead.\n"],
      [gpu, ["--platform", "ecs", "--lang", "ko"], "ecs-or-eks: --launch-type fargate으로는 이 워크로드를 실행할 수 없습니다: infer에 GPU가 필요한데 Fargate는 GPU를 지원하지 않습니다. 대신 --launch-type managed-instances 또는 ec2를 쓰세요.\n"],
    ];
    for (const [answers, flags, message] of cases) {
      const ran = await runBin(["scaffold", "--answers", answers, "--launch-type", "fargate", "--out", join(dir, "out"), ...flags]);
      expect({ flags, code: ran.code, stdout: ran.stdout, stderr: ran.stderr }).toEqual({ flags, code: 2, stdout: "", stderr: message });
    }
    expect(existsSync(join(dir, "out"))).toBe(false);
    // Another way of running is written as asked.
    expect((await runBin(["scaffold", "--answers", large, "--platform", "ecs", "--launch-type", "ec2"])).code).toBe(0);
  });

  it("prints plain Kubernetes manifests that kubectl can take from a pipe", async () => {
    const ran = await runBin(["scaffold", "--platform", "eks", "--name", "web", "--image", "my-app:1.0", "--port", "8080", "--replicas", "2"]);
    const [deployment, service] = parseAllDocuments(ran.stdout).map((d) => d.toJS());
    expect(deployment).toMatchObject({ kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 2 } });
    expect(service.spec.ports[0]).toEqual({ protocol: "TCP", port: 80, targetPort: 8080 });
  });

  it("deploys on the first try: a port the default image does not listen on is refused", async () => {
    const ran = await runBin(["scaffold", "--platform", "ecs", "--port", "8080"]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      "ecs-or-eks: --port 8080 needs --image: the default image, nginx:latest, listens on port 80, so health checks on 8080 would fail. Pass the image that listens on 8080, such as --image my-app:1.0 --port 8080.\n",
    );
    expect((await runBin(["scaffold", "--platform", "ecs", "--port", "80"])).code).toBe(0);
  });

  it.each([
    ["auto-mode", "service.beta.kubernetes.io/aws-load-balancer-scheme", "internal", "internet-facing"],
    ["fargate", "service.beta.kubernetes.io/aws-load-balancer-scheme", "internal", "internet-facing"],
    ["ec2", "service.beta.kubernetes.io/aws-load-balancer-scheme", "internal", "internet-facing"],
  ])("EKS on %s: the Service is internal unless --public, and says so", async (launchType, annotation, internal, open) => {
    const closed = await runBin(["scaffold", "--platform", "eks", "--launch-type", launchType]);
    const service = parseAllDocuments(closed.stdout).map((d) => d.toJS()).find((o) => o.kind === "Service");
    expect(service.metadata.annotations[annotation]).toBe(internal);
    expect(closed.stderr).toContain("The Service's load balancer is internal: reachable from the VPC only. Pass --public for one on the internet.");
    const opened = await runBin(["scaffold", "--platform", "eks", "--launch-type", launchType, "--public"]);
    const publicService = parseAllDocuments(opened.stdout).map((d) => d.toJS()).find((o) => o.kind === "Service");
    expect(publicService.metadata.annotations?.[annotation]).toBe(open);
    expect(opened.stderr).not.toContain("is internal");
  });

  it("ECS: says the load balancer's scheme, and what tasks without a public IP need to pull their image from where it is", async () => {
    const closed = await runBin(["scaffold", "--platform", "ecs"]);
    expect(JSON.parse(closed.stdout.split("==> service.json <==\n")[1] ?? "{}").networkConfiguration?.awsvpcConfiguration?.assignPublicIp ?? "DISABLED").toBe("DISABLED");
    const said = closed.stderr.replace(/\s+/g, " ");
    expect(said).toContain("load balancer with the scheme internal");
    // The default image comes from Docker Hub, which no VPC endpoint reaches.
    expect(said).toContain("to pull nginx:latest from Docker Hub, outside AWS, their subnets need a NAT gateway");
    expect(said).not.toContain("VPC endpoints for ECR");
    const fromEcr = await runBin(["scaffold", "--platform", "ecs", "--image", "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/web:1.0"]);
    expect(fromEcr.stderr.replace(/\s+/g, " ")).toContain(
      "their subnets need a NAT gateway, or VPC endpoints for ECR (ecr.api and ecr.dkr), S3 (a gateway endpoint, for the image layers) and CloudWatch Logs.",
    );
    const opened = await runBin(["scaffold", "--platform", "ecs", "--public"]);
    expect(opened.stderr).toContain("load balancer with the scheme internet-facing");
  });

  it("writes a Helm chart when the team uses Helm", async () => {
    const dir = tmp();
    const ran = await runBin(["scaffold", "--answers", fixturePath("answers/multi-cloud-platform.json"), "--name", "shop", "--out", dir]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe("");
    for (const file of ["Chart.yaml", "values.yaml", "templates/deployment.yaml", "templates/service.yaml"]) {
      expect(existsSync(join(dir, "shop", file))).toBe(true);
    }
    expect(ran.stderr).toContain(`helm install shop ${join(dir, "shop")}`);
  });

  it("never overwrites a file without --force, and writes nothing when it refuses", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "service.json"), "mine");
    const refused = await runBin(["scaffold", "--platform", "ecs", "--out", dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(dir, "service.json")} already exists.`);
    expect(readdirSync(dir)).toEqual(["service.json"]);
    expect(readFileSync(join(dir, "service.json"), "utf8")).toBe("mine");
    const forced = await runBin(["scaffold", "--platform", "ecs", "--out", dir, "--force"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "service.json"), "utf8")).serviceName).toBe("sample-app");
  });

  it.each([
    [["--platform", "ecs", "--cpu", "256", "--memory", "4096"], "with 256 CPU units use 512, 1024, 2048 MiB"],
    [["--platform", "eks", "--name", "My App"], "is not a valid Kubernetes Service name"],
    [["--platform", "eks", "--name", "1app"], "is not a valid Kubernetes Service name"],
    [["--platform", "ecs", "--helm"], "--helm applies to EKS only"],
    [["--platform", "ecs", "--launch-type", "auto-mode"], "--launch-type auto-mode does not run on ECS"],
    [["--platform", "eks", "--gpu", "--launch-type", "fargate"], "a GPU workload cannot run on Fargate"],
    [["--platform", "ecs", "--port", "http"], '--port must be a whole number (got "http")'],
    [["--platform", "aks"], '--platform must be one of ecs, eks (got "aks")'],
    [["--platform", "ecs", "--launch-type", "lambda"], '--launch-type must be one of fargate, ec2, managed-instances, auto-mode (got "lambda")'],
  ])("refuses %j with a message that names the fix", async (args, message) => {
    const ran = await runBin(["scaffold", ...args]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain(message);
  });
});
