// What the scan must find in public repositories of every kind it reads
// (test/fixtures/scan/*/SOURCE.md names each one, its commit and licence):
// the answers, and the files and lines that show them.
import { describe, expect, it } from "vitest";
import { walkRepository } from "../../src/cli/input/walk.js";
import type { ScanResult } from "../../src/scan/evidence.js";
import { scan } from "../../src/scan/scan.js";
import { isAnswerKey } from "../../src/engine/questions.js";
import { fixturePath } from "../helpers/fixtures.js";

async function scanned(name: string): Promise<ScanResult> {
  const walk = walkRepository(fixturePath(`scan/${name}`));
  return scan(walk.files, { root: name, skipped: walk.skipped });
}

/** Where each service's figure is stated, as "file:line", by name. */
function servicePlaces(result: ScanResult): Record<string, string> {
  return Object.fromEntries(result.services.map((service) => [service.name, `${service.file}:${service.line}`]));
}

/** The first place of each answer's evidence for a value, as "file:line". */
function evidenceAt(result: ScanResult, answer: string, value: string | number): string[] {
  return result.evidence.filter((entry) => entry.answer === answer && entry.value === value).map((entry) => `${entry.file}:${entry.line}`);
}

describe("worked repositories", () => {
  it("Kubernetes manifests with a Helm chart (microservices-demo): Kubernetes, eleven services with their requests, Redis apart", async () => {
    const result = await scanned("microservices-demo");
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", microservices: 11, ecosystem: ["helm"] });
    const ad = result.services.find((service) => service.name === "adservice")!;
    // requests (200m, 180Mi) win over limits (300m, 300Mi); no replicas written, so none stated.
    expect(ad).toMatchObject({ vcpu: 0.2, memoryGiB: 0.175781, replicas: null, file: "kubernetes-manifests/adservice.yaml", line: 54 });
    expect(servicePlaces(result)).toMatchObject({ frontend: "kubernetes-manifests/frontend.yaml:102", loadgenerator: "kubernetes-manifests/loadgenerator.yaml:90" });
    expect(result.services.find((service) => service.name === "loadgenerator")!.replicas).toBe(1);
    expect(result.others).toEqual([expect.objectContaining({ name: "redis-cart", role: "cache" })]);
    expect(evidenceAt(result, "ecosystem", "helm")).toEqual(["helm-chart/Chart.yaml:16"]);
    expect(evidenceAt(result, "currentPlatform", "kubernetes")).toContain("kubernetes-manifests/adservice.yaml:16");
    // The answers hold only keys the answers schema knows: `services` once the cost estimate takes it.
    if (isAnswerKey("services")) expect(result.answers.services).toContainEqual({ name: "adservice", vcpu: 0.2, memoryGiB: 0.175781 });
    else expect(result.answers.services).toBeUndefined();
  });

  it("ECS in CloudFormation: ECS, two services, desiredCount from the parameter's default on the line that references it", async () => {
    const result = await scanned("ecs-cloudformation");
    expect(result.answers).toMatchObject({ currentPlatform: "ecs", microservices: 2 });
    expect(result.services.map(({ name, vcpu, memoryGiB, replicas }) => ({ name, vcpu, memoryGiB, replicas }))).toEqual([
      { name: "product-service", vcpu: null, memoryGiB: 0.125, replicas: 2 },
      { name: "website-service", vcpu: null, memoryGiB: 0.125, replicas: 2 },
    ]);
    expect(servicePlaces(result)).toEqual({ "product-service": "services/product-service/service.yaml:49", "website-service": "services/website-service/service.yaml:63" });
  });

  it("AWS Copilot: ECS, its services' task units and MiB, and an environment", async () => {
    const result = await scanned("copilot");
    expect(result.answers).toMatchObject({ currentPlatform: "ecs", microservices: 2, clusters: 1 });
    expect(result.services.find((service) => service.name === "front-end")).toMatchObject({ vcpu: 0.25, memoryGiB: 0.5, replicas: 1, file: "regression/multi-svc-app/copilot/front-end/manifest.yml", line: 26 });
    expect(evidenceAt(result, "clusters", "test")).toEqual(["e2e/cloudfront/copilot/environments/test/manifest.yml:2"]);
  });

  it("Terraform for ECS: ECS, the service module's cpu and memory, Arm and Fargate Spot, the provider's Region with its evidence", async () => {
    const result = await scanned("terraform-ecs");
    expect(result.answers).toMatchObject({ currentPlatform: "ecs", microservices: 2, requirements: ["arm", "spot"] });
    expect(result.services.find((service) => service.name === "ecs_service")).toMatchObject({ vcpu: 1, memoryGiB: 4, file: "examples/fargate/main.tf", line: 64 });
    // The line that says ARM64, not the runtime_platform line above it.
    expect(evidenceAt(result, "requirements", "arm")).toEqual(["examples/fargate/main.tf:232"]);
    // eu-west-1 is found, and the prices cover it: the provider's Region is the answer, cited where it is written
    // (the local the provider's `region = local.region` names), not on the provider's line.
    expect(result.answers.region).toBe("eu-west-1");
    expect(evidenceAt(result, "region", "eu-west-1")).toEqual(["examples/fargate/main.tf:14"]);
    expect(result.evidence.find((entry) => entry.answer === "region")!.detail).toBe('region = "eu-west-1"');
  });

  it("Terraform for EKS with Karpenter: Kubernetes, one cluster, Helm, and the example's workload", async () => {
    const result = await scanned("terraform-eks");
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", clusters: 1, ecosystem: ["helm"] });
    expect(evidenceAt(result, "clusters", "eks")).toEqual(["examples/karpenter/main.tf:49"]);
    expect(evidenceAt(result, "ecosystem", "helm")).toEqual(["examples/karpenter/main.tf:139"]);
    expect(result.services).toEqual([expect.objectContaining({ name: "inflate", vcpu: 1, replicas: 5, file: "examples/karpenter/inflate.yaml", line: 21 })]);
  });

  it("compose only: four services built from the repository, Redis and Postgres apart, and no platform guessed", async () => {
    const result = await scanned("compose-voting-app");
    expect(result.answers.currentPlatform).toBeUndefined();
    expect(result.answers.microservices).toBe(4);
    expect(servicePlaces(result)).toEqual({ vote: "docker-compose.yml:6", result: "docker-compose.yml:27", worker: "docker-compose.yml:43", seed: "docker-compose.yml:81" });
    expect(result.others.map(({ name, role, line }) => ({ name, role, line }))).toEqual([
      { name: "redis", role: "cache", line: 54 },
      { name: "db", role: "database", line: 64 },
    ]);
  });

  it("Helm values and kustomize overlays (podinfo): prod and production one environment, kustomize's builtin transformers no objects, Loki apart", async () => {
    const result = await scanned("podinfo");
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", clusters: 3 });
    // values-prod.yaml and overlays/production name one environment; overlays/dev is development.
    expect(evidenceAt(result, "clusters", "production")).toEqual(["charts/podinfo/values-prod.yaml:1", "deploy/overlays/production/kustomization.yaml:1"]);
    expect(evidenceAt(result, "clusters", "development")).toEqual(["deploy/overlays/dev/kustomization.yaml:1"]);
    // `apiVersion: builtin` is a kustomize transformer's, not Kubernetes' core API.
    expect(result.evidence.filter((entry) => entry.file.endsWith("/labels.yaml"))).toEqual([]);
    expect(result.services.map((service) => service.name)).toEqual(["backend", "podinfo_frontend", "podinfo_backend"]);
    expect(result.others).toContainEqual(expect.objectContaining({ name: "loki", role: "monitoring", file: "otel/docker-compose.yaml", line: 25 }));
  });

  it("a Heroku-style app: a PaaS, its web process, stated by the Procfile beside Heroku's app.json", async () => {
    const result = await scanned("heroku-python");
    expect(result.answers).toMatchObject({ currentPlatform: "paas", microservices: 1 });
    expect(evidenceAt(result, "currentPlatform", "paas")).toEqual(expect.arrayContaining(["Procfile:1"]));
    expect(result.evidence.find((entry) => entry.file === "Procfile")).toMatchObject({ line: 1, detail: "web:", confidence: "high" });
  });

  it("a Serverless Framework app: serverless", async () => {
    const result = await scanned("serverless-express");
    expect(result.answers).toMatchObject({ currentPlatform: "serverless", microservices: 1 });
    expect(evidenceAt(result, "currentPlatform", "serverless")).toEqual(["aws-node-express-api/serverless.yml:8"]);
  });

  it("GPU workloads: GPUs from nvidia.com/gpu, DaemonSets, and Kubernetes features beyond Deployments", async () => {
    const result = await scanned("gpu-device-plugin");
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", requirements: ["gpu", "daemonsets"] });
    expect(evidenceAt(result, "requirements", "gpu")).toEqual(["testdata/job-1.yaml:21"]);
    expect(evidenceAt(result, "requirements", "daemonsets")).toEqual(["deployments/static/nvidia-device-plugin.yml:16"]);
    expect(evidenceAt(result, "kubernetesFeatures", "some")).toEqual(["deployments/static/nvidia-device-plugin.yml:16"]);
  });

  it("Windows: .NET Framework base images on the Dockerfiles' FROM lines", async () => {
    const result = await scanned("windows-dotnet-framework");
    expect(result.answers).toMatchObject({ requirements: ["windows"], microservices: 2 });
    expect(evidenceAt(result, "requirements", "windows")).toEqual(["samples/aspnetapp/Dockerfile:1", "samples/dotnetapp/Dockerfile:1", "samples/wcfapp/Dockerfile.client:1", "samples/wcfapp/Dockerfile.web:1"]);
  });

  it("one app deployed three ways (retail-store-sample-app): its five services once each, sized as its charts size them, on Kubernetes, ECS and App Runner, databases apart, no Region", async () => {
    const result = await scanned("retail-store-sample-app");
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", microservices: 5, ecosystem: ["helm"], clusters: 1 });
    // A chart named retail-store-sample-cart-chart (aliased cart by the umbrella chart), compose's cart and Terraform's carts on ECS and App Runner are one service.
    expect(result.services.map(({ name, vcpu, memoryGiB, replicas, platform, platforms }) => ({ name, vcpu, memoryGiB, replicas, platform, platforms }))).toEqual(
      ["cart", "catalog", "checkout", "orders", "ui"].map((name) => ({
        name,
        vcpu: { cart: 0.256, catalog: 0.256, checkout: 0.128, orders: 0.256, ui: 0.128 }[name],
        memoryGiB: { cart: 0.5, catalog: 0.25, checkout: 0.25, orders: 0.5, ui: 0.5 }[name],
        replicas: 1,
        platform: "kubernetes",
        platforms: ["kubernetes", "ecs", "paas"],
      })),
    );
    // The templated line that brings the chart's resources ({{- toYaml .Values.resources | nindent 12 }}), whose requests say 256m and 512Mi.
    expect(servicePlaces(result)).toMatchObject({ cart: "src/cart/chart/templates/deployment.yaml:63", checkout: "src/checkout/chart/templates/deployment.yaml:59", ui: "src/ui/chart/templates/deployment.yaml:75" });
    // The service module called five times: each call one service, all sized on the module's task definition (cpu = "1024" on line 130).
    expect(evidenceAt(result, "microservices", 5)).toEqual(["terraform/lib/ecs/service/ecs.tf:130"]);
    expect(result.evidence.find((entry) => entry.answer === "microservices" && entry.file === "terraform/lib/apprunner/carts.tf")).toMatchObject({ line: 2, detail: "cart" });
    expect(evidenceAt(result, "microservices", 1)).toEqual(expect.arrayContaining(["src/cart/chart/templates/deployment.yaml:63", "src/cart/docker-compose.yml:2"]));
    expect(evidenceAt(result, "currentPlatform", "paas")).toEqual(expect.arrayContaining(["terraform/lib/apprunner/carts.tf:2", "terraform/lib/apprunner/catalog.tf:1"]));
    expect(evidenceAt(result, "clusters", "retail-store")).toEqual(["terraform/lib/eks/eks.tf:1"]);
    // The charts' own databases are off by default (mysql.create, app.search.enabled, ...): only compose's stock images are listed, apart.
    expect(result.others.map(({ name, role }) => `${name}:${role}`)).toEqual([
      "otel-collector:monitoring",
      "jaeger:monitoring",
      "carts-db:database",
      "catalog-db:database",
      "opensearch:search",
      "checkout-redis:cache",
      "orders-db:database",
      "rabbitmq:queue",
    ]);
    expect(result.others.every((other) => !other.file.includes("/chart/"))).toBe(true);
    // artifacts.yaml names us-east-1 only to log in to ECR Public.
    expect(result.answers.region).toBeUndefined();
    expect(result.evidence.filter((entry) => entry.answer === "region")).toEqual([]);
  });

  it("Kubernetes manifests, a chart and compose files for one shop (sock-shop): its eight services and three of its own helpers once each, add-ons and databases apart", async () => {
    const result = await scanned("sock-shop");
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", microservices: 11, ecosystem: ["helm", "prometheus"], requirements: ["daemonsets"] });
    expect(result.answers.region).toBeUndefined();
    expect(result.services.map((service) => service.name).sort()).toEqual(["carts", "catalogue", "edge-router", "front-end", "load-test", "log-server", "orders", "payment", "queue-master", "shipping", "user"]);
    // Requests (100m, 200Mi; 99m, 100Mi) win over limits, from complete-demo.yaml.
    expect(result.services.find((service) => service.name === "carts")).toMatchObject({ vcpu: 0.1, memoryGiB: 0.195313, replicas: 1, file: "deploy/kubernetes/complete-demo.yaml", line: 35 });
    expect(result.services.find((service) => service.name === "payment")).toMatchObject({ vcpu: 0.099, memoryGiB: 0.097656, file: "deploy/kubernetes/complete-demo.yaml", line: 471 });
    // compose's user-sim runs the load test's image: one service, with the manifest's replicas.
    expect(result.services.find((service) => service.name === "load-test")).toMatchObject({ replicas: 2, file: "deploy/kubernetes/manifests-loadtest/loadtest-dep.yaml", line: 15 });
    const others = Object.fromEntries(result.others.map((other) => [other.name, other.role]));
    expect(others).toMatchObject({ "catalogue-db": "database", "user-db": "database", "carts-db": "database", "session-db": "cache", rabbitmq: "queue", heapster: "monitoring", "monitoring-grafana": "monitoring", "monitoring-influxdb": "monitoring", importer: "tool" });
    expect(result.others.find((other) => other.name === "heapster")).toMatchObject({ image: "gcr.io/google_containers/heapster-amd64:v1.4.0", file: "deploy/kubernetes/autoscaling/heapster-deployment.yaml" });
  });

  it("39 compose stacks in folders of their own (awesome-compose): each stack's web, backend and db its own, named with its folder where two share a name, and the stock images apart", async () => {
    const result = await scanned("awesome-compose");
    expect(result.answers.currentPlatform).toBeUndefined();
    expect(result.answers.microservices).toBe(45);
    const names = result.services.map((service) => service.name);
    // The answers take each name once, so --from can merge them.
    expect(new Set(names).size).toBe(names.length);
    expect(servicePlaces(result)).toMatchObject({ "angular/web": "angular/compose.yaml:2", "vuejs/web": "vuejs/compose.yaml:2", "react-java-mysql/backend": "react-java-mysql/compose.yaml:2", api: "fastapi/compose.yaml:2" });
    // azure-sql-edge, redislabs/redismod and redpanda are stock images: not services.
    expect(names).not.toEqual(expect.arrayContaining(["db"]));
    expect(result.others).toEqual(
      expect.arrayContaining([
        { name: "db", image: "mcr.microsoft.com/azure-sql-edge:1.0.4", role: "database", file: "aspnet-mssql/compose.yaml", line: 6 },
        { name: "redis", image: "redislabs/redismod", role: "cache", file: "flask-redis/compose.yaml", line: 2 },
        { name: "redpanda", image: "docker.redpanda.com/vectorized/redpanda:v22.2.2", role: "queue", file: "wasmedge-kafka-mysql/compose.yml", line: 2 },
      ]),
    );
    // Each stack's database is its own: sixteen db services, not one.
    expect(result.others.filter((other) => other.name === "db")).toHaveLength(16);
  });

  it("Flux with Kustomizations and HelmReleases (flux2-kustomize-helm-example): GitOps and Helm, the two clusters it bootstraps, its app as a service and the add-ons apart", async () => {
    const result = await scanned("flux2-kustomize-helm-example");
    // cert-manager's ClusterIssuer is a custom resource an operator acts on.
    expect(result.answers).toMatchObject({ currentPlatform: "kubernetes", microservices: 1, ecosystem: ["helm", "gitops", "operators"], clusters: 2 });
    // clusters/<name>/flux-system/kustomization.yaml lists what flux bootstrap wrote, on line 4.
    expect(evidenceAt(result, "clusters", "production")).toEqual(["clusters/production/flux-system/kustomization.yaml:4"]);
    expect(evidenceAt(result, "clusters", "staging")).toEqual(["clusters/staging/flux-system/kustomization.yaml:4"]);
    // A Flux Kustomization's apiVersion on its own line (2 after the document's ---), the HelmRelease's kind on line 2.
    expect(evidenceAt(result, "ecosystem", "gitops")).toContain("clusters/production/apps.yaml:2");
    expect(evidenceAt(result, "ecosystem", "helm")).toContain("apps/base/podinfo/release.yaml:2");
    // Flux's ArtifactGenerator (source.extensions.fluxcd.io) is Flux's own, no operator of the team's.
    expect(result.evidence.filter((entry) => entry.file === "clusters/production/artifacts.yaml" && entry.answer === "ecosystem").map((entry) => entry.value)).toEqual(["gitops"]);
    expect(result.services).toEqual([expect.objectContaining({ name: "podinfo", platform: "kubernetes", file: "apps/base/podinfo/release.yaml", line: 2 })]);
    expect(result.others.map(({ name, role, file, line }) => `${name}:${role}@${file}:${line}`)).toEqual([
      "cert-manager:tool@infrastructure/controllers/cert-manager.yaml:24",
      "envoy-gateway:proxy@infrastructure/controllers/envoy-gateway.yaml:24",
    ]);
  });
});

