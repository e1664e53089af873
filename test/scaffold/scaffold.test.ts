import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { checkSpec, DEFAULTS, fargateMemoryFor, scaffold, type ScaffoldSpec } from "../../src/scaffold/index.js";
import { FACTS } from "../../src/engine/facts.js";

type Manifest = Record<string, any>;

const base = (overrides: Partial<ScaffoldSpec> = {}): ScaffoldSpec => ({
  platform: "ecs",
  launchType: "fargate",
  name: DEFAULTS.name,
  image: DEFAULTS.image,
  port: DEFAULTS.port,
  cpu: DEFAULTS.cpu,
  memory: DEFAULTS.memory.ecs,
  replicas: DEFAULTS.replicas,
  helm: false,
  ...overrides,
});

/** Every valid Fargate pair from the facts table. */
const fargatePairs = FACTS.fargateTaskSizes.sizes.flatMap((size) => fargateMemoryFor(size.cpu)!.map((memory) => [size.cpu, memory] as const));

const specArbitrary: fc.Arbitrary<ScaffoldSpec> = fc
  .record({
    platform: fc.constantFrom("ecs" as const, "eks" as const),
    launchType: fc.constantFrom("fargate" as const, "ec2" as const),
    helm: fc.boolean(),
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
    image: fc.constantFrom("nginx:latest", "nginx:1.27", "ghcr.io/acme/web@sha256:abc123", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2.0", "registry:5000/app"),
    port: fc.integer({ min: 1, max: 65535 }),
    pair: fc.constantFrom(...fargatePairs),
    replicas: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ pair, ...rest }) => ({ ...rest, cpu: pair[0], memory: pair[1], helm: rest.helm && rest.platform === "eks" }));

/** A tiny stand-in for `helm template`: fills in the expressions our templates use. */
function renderHelm(template: string, values: Manifest, release: string, chart: string): string {
  return template.replace(/\{\{ \.([A-Za-z.]+) \}\}/g, (_whole, path: string) => {
    if (path === "Release.Name") return release;
    if (path === "Chart.Name") return chart;
    const value = path.replace(/^Values\./, "").split(".").reduce((v: any, key) => v?.[key], values);
    if (value === undefined) throw new Error(`no value for ${path}`);
    return String(value);
  });
}

function checkKubernetes(deployment: Manifest, service: Manifest, spec: ScaffoldSpec) {
  expect(deployment).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment" });
  expect(service).toMatchObject({ apiVersion: "v1", kind: "Service" });
  expect(deployment.spec.replicas).toBe(spec.replicas);
  const podLabels = deployment.spec.template.metadata.labels;
  expect(deployment.spec.selector.matchLabels).toEqual(podLabels);
  expect(service.spec.selector).toEqual(podLabels);
  const [container] = deployment.spec.template.spec.containers;
  expect(container.image).toBe(spec.image);
  expect(container.ports[0].containerPort).toBe(spec.port);
  expect(service.spec.ports[0].targetPort).toBe(spec.port);
  const millicores = Math.round((spec.cpu * 1000) / 1024);
  expect(container.resources).toEqual({
    requests: { cpu: `${millicores}m`, memory: `${spec.memory}Mi` },
    limits: { cpu: `${millicores * 2}m`, memory: `${spec.memory * 2}Mi` },
  });
  for (const probe of [container.livenessProbe, container.readinessProbe]) {
    expect(probe.httpGet.port).toBe(spec.port);
    expect(probe.periodSeconds).toBeGreaterThan(0);
  }
}

describe("scaffolded configuration parses back and keeps its promises", () => {
  it("for every platform, launch type and option", () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        expect(checkSpec(spec, "en")).toEqual([]);
        const { files, placeholders } = scaffold(spec);
        const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));
        for (const token of placeholders) expect(files.some((f) => f.content.includes(token))).toBe(true);
        if (spec.platform === "ecs") {
          const task = JSON.parse(byPath["task-definition.json"]!);
          const service = JSON.parse(byPath["service.json"]!);
          const kind = spec.launchType === "fargate" ? "FARGATE" : "EC2";
          expect(task).toMatchObject({ family: spec.name, networkMode: "awsvpc", requiresCompatibilities: [kind], cpu: String(spec.cpu), memory: String(spec.memory) });
          const [container] = task.containerDefinitions;
          expect(container).toMatchObject({ name: spec.name, image: spec.image, essential: true, portMappings: [{ containerPort: spec.port, protocol: "tcp" }] });
          expect(container.logConfiguration).toMatchObject({ logDriver: "awslogs", options: { "awslogs-group": `/ecs/${spec.name}` } });
          expect(fargateMemoryFor(Number(task.cpu))).toContain(Number(task.memory));
          expect(service).toMatchObject({
            serviceName: spec.name,
            taskDefinition: spec.name,
            desiredCount: spec.replicas,
            launchType: kind,
            deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
            loadBalancers: [{ containerName: spec.name, containerPort: spec.port }],
          });
        } else if (!spec.helm) {
          const [deployment, service] = parseAllDocuments(byPath["kubernetes.yaml"]!).map((d) => d.toJS() as Manifest);
          checkKubernetes(deployment!, service!, spec);
          expect(byPath["kubernetes.yaml"]).not.toMatch(/[&*]a\d/); // no YAML anchors
        } else {
          const chart = parse(byPath[`${spec.name}/Chart.yaml`]!);
          const values = parse(byPath[`${spec.name}/values.yaml`]!);
          expect(chart).toMatchObject({ apiVersion: "v2", name: spec.name, type: "application" });
          const render = (file: string) => parse(renderHelm(byPath[`${spec.name}/templates/${file}`]!, values, "release-1", chart.name));
          checkKubernetes(render("deployment.yaml"), render("service.yaml"), spec);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("follows the guide's examples by default", () => {
    const task = JSON.parse(scaffold(base()).files[0]!.content);
    expect(task).toMatchObject({ requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", networkMode: "awsvpc" });
    expect(task.containerDefinitions[0]).toMatchObject({ image: "nginx:latest", portMappings: [{ containerPort: 80 }] });
    const [deployment] = parseAllDocuments(scaffold(base({ platform: "eks", memory: DEFAULTS.memory.eks })).files[0]!.content).map((d) => d.toJS());
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.template.spec.containers[0].resources).toEqual({
      requests: { memory: "64Mi", cpu: "250m" },
      limits: { memory: "128Mi", cpu: "500m" },
    });
  });
});

describe("checking what to scaffold", () => {
  it("accepts every Fargate CPU and memory pair in the facts table, and only those", () => {
    for (const [cpu, memory] of fargatePairs) expect(checkSpec(base({ cpu, memory }), "en")).toEqual([]);
    expect(fargatePairs).toContainEqual([256, 2048]);
    expect(fargatePairs).toContainEqual([16384, 122880]);
    expect(fargatePairs).not.toContainEqual([256, 4096]);
  });

  it("lists the memory Fargate accepts for the CPU given", () => {
    expect(checkSpec(base({ cpu: 256, memory: 4096 }), "en")).toEqual([
      "Fargate does not accept 4096 MiB with 256 CPU units; with 256 CPU units use 512, 1024, 2048 MiB (Amazon ECS developer guide, as of 2025). Or use --launch-type ec2.",
    ]);
    expect(checkSpec(base({ cpu: 1024, memory: 1000 }), "en")[0]).toContain("use 2048, 3072, 4096, 5120, 6144, 7168, 8192 MiB");
    expect(checkSpec(base({ cpu: 4096, memory: 4096 }), "en")[0]).toContain("use 8192-30720 (in steps of 1024) MiB");
    expect(checkSpec(base({ cpu: 300 }), "en")[0]).toContain("use one of 256, 512, 1024, 2048, 4096, 8192, 16384");
  });

  it("lets EC2, and EKS on Fargate, take other sizes", () => {
    expect(checkSpec(base({ launchType: "ec2", cpu: 300, memory: 700 }), "en")).toEqual([]);
    expect(checkSpec(base({ platform: "eks", cpu: 300, memory: 700 }), "en")).toEqual([]);
  });

  it.each([
    ["eks", "My App", "is not a valid Kubernetes name"],
    ["eks", "app-", "is not a valid Kubernetes name"],
    ["eks", "a".repeat(64), "is not a valid Kubernetes name"],
    ["ecs", "my app", "is not a valid ECS task family"],
  ] as const)("rejects the %s name %j", (platform, name, message) => {
    expect(checkSpec(base({ platform, name, memory: 512 }), "en")[0]).toContain(message);
  });

  it("accepts names each platform allows", () => {
    expect(checkSpec(base({ platform: "ecs", name: "My_App-2" }), "en")).toEqual([]);
    expect(checkSpec(base({ platform: "eks", name: "web-2" }), "en")).toEqual([]);
  });

  it("rejects ports, replicas and images out of range", () => {
    expect(checkSpec(base({ port: 0, replicas: 0, image: "bad image" }), "en")).toEqual([
      '--image must be a container image such as "nginx:1.27" or "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0" (got "bad image").',
      "--port must be a whole number from 1 to 65535 (got 0).",
      "--replicas must be a whole number from 1 to 1000 (got 0).",
    ]);
  });
});
