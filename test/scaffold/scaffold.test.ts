import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkSpec, DEFAULTS, fargateMemoryFor, scaffold, sizeWarnings, type ScaffoldSpec } from "../../src/scaffold/index.js";
import { registryOf } from "../../src/scaffold/ecs.js";
import { FACTS } from "../../src/engine/facts.js";
import { LAUNCH_TYPES_FOR } from "../../src/engine/rule-types.js";
import { helmLint, helmTemplate, typecheckEcs, validateKubernetes, writeTree } from "../helpers/validators.js";

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
  gpu: false,
  windows: false,
  public: false,
  ...overrides,
});

/** Every valid Fargate pair from the facts table. */
const fargatePairs = FACTS.fargateTaskSizes.sizes.flatMap((size) => fargateMemoryFor(size.cpu)!.map((memory) => [size.cpu, memory] as const));

/** Every platform, launch type, Helm and GPU combination that can be asked for. */
const combinations: ScaffoldSpec[] = (["ecs", "eks"] as const).flatMap((platform) =>
  LAUNCH_TYPES_FOR[platform].flatMap((launchType) =>
    [false, true].flatMap((helm) =>
      [false, true]
        .filter((gpu) => !(gpu && launchType === "fargate") && !(helm && platform === "ecs"))
        // --public once per launch type and format, without a GPU: it only changes how the service is reached.
        .flatMap((gpu) => (gpu ? [false] : [false, true]).map((open) => base({ platform, launchType, helm, gpu, public: open, name: "web", memory: DEFAULTS.memory[platform] }))),
    ),
  ),
).concat(
  // Windows where it runs: ECS on Fargate and on EC2, EKS on EC2 nodes (Managed Instances, Auto Mode and EKS on Fargate are Linux only).
  base({ platform: "ecs", launchType: "fargate", windows: true, name: "web", cpu: 1024, memory: 2048 }),
  base({ platform: "ecs", launchType: "ec2", windows: true, name: "web", cpu: 1024, memory: 2048 }),
  ...[false, true].map((helm) => base({ platform: "eks", launchType: "ec2", helm, windows: true, name: "web", memory: DEFAULTS.memory.eks })),
);

const specArbitrary: fc.Arbitrary<ScaffoldSpec> = fc
  .record({
    combination: fc.constantFrom(...combinations),
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
    image: fc.constantFrom("nginx:latest", "nginx:1.27", "1.0", "*ref", "ghcr.io/acme/web@sha256:abc123", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2.0", "registry:5000/app"),
    port: fc.integer({ min: 1, max: 65535 }),
    pair: fc.constantFrom(...fargatePairs),
    replicas: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ pair, combination, ...rest }) => ({ ...combination, ...rest, cpu: pair[0], memory: pair[1] }));

const byPath = (spec: ScaffoldSpec) => Object.fromEntries(scaffold(spec).files.map((f) => [f.path, f.content]));

/** What the guide's examples promise of every Deployment and Service, whatever renders them. */
function checkKubernetes(objects: Manifest[], spec: ScaffoldSpec, name = spec.name) {
  const deployment = objects.find((o) => o.kind === "Deployment")!;
  const service = objects.find((o) => o.kind === "Service")!;
  expect(deployment.metadata.name).toBe(name);
  expect(service.metadata.name).toBe(name);
  expect(deployment.spec.replicas).toBe(spec.replicas);
  expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
  expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
  const [container] = deployment.spec.template.spec.containers;
  expect(container.image).toBe(spec.image);
  expect(container.ports).toEqual([{ containerPort: spec.port }]);
  expect(service.spec.ports[0]).toEqual({ protocol: "TCP", port: 80, targetPort: spec.port });
  const millicores = Math.round((spec.cpu * 1000) / 1024);
  expect(container.resources.requests).toEqual({ cpu: `${millicores}m`, memory: `${spec.memory}Mi` });
  expect(container.resources.limits).toMatchObject({ cpu: `${millicores * 2}m`, memory: `${spec.memory * 2}Mi` });
  // A GPU is asked for, and the pod is scheduled onto GPU nodes, exactly when the workload needs one.
  expect(container.resources.limits["nvidia.com/gpu"]).toBe(spec.gpu ? 1 : undefined);
  const pod = deployment.spec.template.spec;
  expect(pod.tolerations?.some((t: Manifest) => t.key === "nvidia.com/gpu") ?? false).toBe(spec.gpu);
  // Windows pods ask for Windows nodes, and only they do.
  expect(pod.nodeSelector?.["kubernetes.io/os"]).toBe(spec.windows ? "windows" : undefined);
  if (spec.launchType === "auto-mode") {
    expect(pod.nodeSelector["eks.amazonaws.com/compute-type"]).toBe("auto");
    expect(service.spec.loadBalancerClass).toBe("eks.amazonaws.com/nlb");
    expect(objects.some((o) => o.kind === "NodePool")).toBe(spec.gpu);
  }
  if (spec.launchType !== "auto-mode") {
    // A plain LoadBalancer Service cannot reach Fargate pods, and on EC2 the in-tree controller is the legacy one:
    // the AWS Load Balancer Controller's NLB targets the pods' IPs, on both.
    expect(service.metadata.annotations).toMatchObject({
      "service.beta.kubernetes.io/aws-load-balancer-type": "external",
      "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
    });
  }
  // Internal unless --public: a first deploy puts nothing on the internet by surprise.
  const annotations = service.metadata.annotations ?? {};
  const scheme = annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"];
  const internal = scheme === "internal" || annotations["service.beta.kubernetes.io/aws-load-balancer-internal"] === "true";
  expect(internal).toBe(!spec.public);
  if (spec.public && scheme !== undefined) expect(scheme).toBe("internet-facing");
  for (const probe of [container.livenessProbe, container.readinessProbe]) {
    expect(probe.httpGet.port).toBe(spec.port);
    expect(probe.periodSeconds).toBeGreaterThan(0);
  }
}

describe("scaffolded configuration that real tools accept", () => {
  it("ECS: every launch type, with and without a GPU, type-checks against the AWS SDK's own input types", () => {
    const ecs = combinations.filter((spec) => spec.platform === "ecs");
    typecheckEcs(ecs.map((spec) => ({ name: `${spec.launchType} gpu=${spec.gpu} windows=${spec.windows}`, taskDefinition: byPath(spec)["task-definition.json"]!, service: byPath(spec)["service.json"]! })));
    // And the compiler is really checking: a misspelt field fails.
    const broken = byPath(ecs[0]!)["task-definition.json"]!.replace('"networkMode"', '"networkMod"');
    expect(() => typecheckEcs([{ name: "broken", taskDefinition: broken, service: "{}" }])).toThrow(/networkMod/);
  });

  it("ECS: keeps the promises a deploy relies on, for every launch type", () => {
    for (const spec of combinations.filter((s) => s.platform === "ecs")) {
      const task = JSON.parse(byPath(spec)["task-definition.json"]!);
      const service = JSON.parse(byPath(spec)["service.json"]!);
      const compatibility = { fargate: "FARGATE", ec2: "EC2", "managed-instances": "MANAGED_INSTANCES" }[spec.launchType as "fargate"];
      expect(task.requiresCompatibilities).toEqual([compatibility]);
      expect(task.networkMode).toBe("awsvpc");
      const [container] = task.containerDefinitions;
      expect(container.resourceRequirements).toEqual(spec.gpu ? [{ type: "GPU", value: "1" }] : undefined);
      // A task without a runtime platform runs on Linux: a Windows one names its Windows Server.
      expect(task.runtimePlatform).toEqual(spec.windows ? { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" } : undefined);
      expect(scaffold(spec).notes.some((note) => note.key === "scaffold.note.ecsWindows")).toBe(spec.windows);
      // The standard execution role cannot create log groups; the report says to create it.
      expect(container.logConfiguration.options).not.toHaveProperty("awslogs-create-group");
      expect(service.healthCheckGracePeriodSeconds).toBeGreaterThan(0);
      expect(service.platformVersion).toBe(spec.launchType === "fargate" ? "LATEST" : undefined);
      if (spec.launchType === "managed-instances") {
        // Managed Instances are reached through a capacity provider, and then a launch type must be left out.
        expect(service).not.toHaveProperty("launchType");
        expect(service.capacityProviderStrategy).toEqual([{ capacityProvider: "<MANAGED_INSTANCES_CAPACITY_PROVIDER>", weight: 1 }]);
      } else expect(service.launchType).toBe(compatibility);
      expect(scaffold(spec).placeholders).toContain("<TARGET_GROUP_ARN>");
    }
  });

  it("Kubernetes: every manifest validates against the Kubernetes API schemas and keeps the guide's promises", () => {
    fc.assert(
      fc.property(specArbitrary.filter((spec) => spec.platform === "eks" && !spec.helm), (spec) => {
        const objects = validateKubernetes(byPath(spec)["kubernetes.yaml"]!);
        checkKubernetes(objects, spec);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("Helm: every chart passes `helm lint --strict` and renders valid objects with a real helm, for awkward release names and images too", () => {
    const charts = combinations.filter((spec) => spec.helm);
    const awkward = [
      ...charts,
      base({ platform: "eks", launchType: "auto-mode", helm: true, name: "web", image: "1.0", port: 8080 }),
      base({ platform: "eks", launchType: "ec2", helm: true, name: "web", image: "*ref", memory: 64 }),
    ];
    for (const spec of awkward) {
      const dir = writeTree(scaffold(spec).files);
      const chartDir = join(dir, spec.name);
      expect(helmLint(chartDir)).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
      for (const release of ["web", "shop", "web.v2", "1st-release"]) {
        const objects = validateKubernetes(helmTemplate(release, chartDir));
        const name = release === spec.name ? spec.name : `${spec.name}-${release.replace(/\./g, "-")}`;
        checkKubernetes(objects, spec, name);
        expect(objects.find((o) => o.kind === "Service")!.metadata.name).toMatch(/^[a-z]([-a-z0-9]*[a-z0-9])?$/);
      }
    }
  });

  it("Helm: values stay strings where Kubernetes wants strings (an image of 1.0 is not a number)", () => {
    const values = parse(byPath(base({ platform: "eks", helm: true, image: "1.0", name: "web" }))["web/values.yaml"]!);
    expect(values.image).toBe("1.0");
  });

  it("follows the guide's examples by default", () => {
    const task = JSON.parse(scaffold(base()).files[0]!.content);
    expect(task).toMatchObject({ requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", networkMode: "awsvpc" });
    expect(task.containerDefinitions[0]).toMatchObject({ image: "nginx:latest", portMappings: [{ containerPort: 80 }] });
    const [deployment] = validateKubernetes(scaffold(base({ platform: "eks", launchType: "ec2", memory: DEFAULTS.memory.eks })).files[0]!.content);
    expect(deployment!.spec.replicas).toBe(3);
    expect(deployment!.spec.template.spec.containers[0].resources).toEqual({
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

  it("lets EC2, Managed Instances and EKS on Fargate take other sizes", () => {
    expect(checkSpec(base({ launchType: "ec2", cpu: 300, memory: 700 }), "en")).toEqual([]);
    expect(checkSpec(base({ launchType: "managed-instances", cpu: 300, memory: 700 }), "en")).toEqual([]);
    expect(checkSpec(base({ platform: "eks", cpu: 300, memory: 700 }), "en")).toEqual([]);
  });

  it.each([
    ["eks", "My App", "is not a valid Kubernetes Service name"],
    ["eks", "app-", "is not a valid Kubernetes Service name"],
    ["eks", "1app", "is not a valid Kubernetes Service name"],
    ["eks", "a".repeat(64), "is not a valid Kubernetes Service name"],
    ["ecs", "my app", "is not a valid ECS task family"],
  ] as const)("rejects the %s name %j", (platform, name, message) => {
    expect(checkSpec(base({ platform, name, memory: 512 }), "en")[0]).toContain(message);
  });

  it("accepts names each platform allows", () => {
    expect(checkSpec(base({ platform: "ecs", name: "My_App-2" }), "en")).toEqual([]);
    expect(checkSpec(base({ platform: "ecs", name: "1app" }), "en")).toEqual([]);
    expect(checkSpec(base({ platform: "eks", name: "web-2" }), "en")).toEqual([]);
  });

  it("runs a Windows task on Fargate at the Windows sizes only (1, 2 or 4 vCPU)", () => {
    const windows = (cpu: number, memory: number) => checkSpec(base({ windows: true, cpu, memory }), "en");
    expect(windows(1024, 2048)).toEqual([]);
    expect(windows(4096, 8192)).toEqual([]);
    expect(windows(512, 1024)).toEqual(["Fargate runs a Windows task at 1024, 2048, 4096 CPU units only, not 512; use --cpu 1024, 2048 or 4096 (the answers ask for Windows)."]);
    expect(windows(8192, 16384)).toHaveLength(1);
    // On EC2 the instance decides.
    expect(checkSpec(base({ windows: true, launchType: "ec2", cpu: 512, memory: 1024 }), "en")).toEqual([]);
  });

  it("never pairs a GPU with Fargate, or a launch type with the wrong platform", () => {
    expect(checkSpec(base({ gpu: true }), "en")).toEqual([expect.stringContaining("a GPU workload cannot run on Fargate")]);
    expect(checkSpec(base({ launchType: "auto-mode" }), "en")).toEqual([
      "--launch-type auto-mode does not run on ECS; use one of fargate, managed-instances, ec2.",
    ]);
    expect(checkSpec(base({ platform: "eks", launchType: "managed-instances", memory: 64 }), "en")[0]).toContain("does not run on EKS");
  });

  it("rejects ports, replicas and images out of range", () => {
    expect(checkSpec(base({ port: 0, replicas: 0, image: "bad image" }), "en")).toEqual([
      '--image must be a container image such as "nginx:1.27" or "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0" (got "bad image").',
      "--port must be a whole number from 1 to 65535 (got 0).",
      "--replicas must be a whole number from 1 to 1000 (got 0).",
    ]);
  });

  it("warns about sizes out of all reason, and only those", () => {
    expect(sizeWarnings(base({ platform: "eks", cpu: 196608, memory: 512 }), "en")).toEqual([expect.stringContaining("asks for 192 vCPUs")]);
    expect(sizeWarnings(base({ platform: "eks", memory: 6 }), "en")).toEqual([expect.stringContaining("--memory 6 MiB is very little")]);
    expect(sizeWarnings(base(), "en")).toEqual([]);
    expect(sizeWarnings(base({ platform: "eks", memory: 64 }), "en")).toEqual([]);
  });
});

describe("where the image comes from, for the ECS note on pulling it", () => {
  it.each([
    ["nginx:latest", "Docker Hub"],
    ["acme/web:1.0", "Docker Hub"],
    ["ghcr.io/acme/web@sha256:abc123", "ghcr.io"],
    ["public.ecr.aws/nginx/nginx:1.27", "public.ecr.aws"],
    ["localhost:5000/app", "localhost:5000"],
    ["123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2.0", "ecr"],
    ["123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app", "ecr"],
  ])("%s comes from %s", (image, registry) => {
    expect(registryOf(image)).toBe(registry);
  });

  it("offers VPC endpoints for ECR only for an image in ECR", () => {
    const spec = { ...DEFAULTS, platform: "ecs", launchType: "fargate", memory: DEFAULTS.memory.ecs, helm: false, gpu: false, windows: false, public: false } as const;
    const keys = (image: string) => scaffold({ ...spec, image }).notes.map((note) => note.key);
    expect(keys("nginx:latest")).toContain("scaffold.note.noPublicIpRegistry");
    expect(keys("nginx:latest")).not.toContain("scaffold.note.noPublicIp");
    expect(keys("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2.0")).toContain("scaffold.note.noPublicIp");
  });
});

describe("the EKS cluster's upgrade policy", () => {
  // The API, CloudFormation, CDK and Terraform default to EXTENDED: a cluster left on a version past standard support
  // is billed for extended support rather than upgraded (EKS user guide, "View current cluster upgrade policy").
  it("is named in the notes of every EKS scaffold, and of no ECS one", () => {
    const notesFor = (platform: "ecs" | "eks", launchType: ScaffoldSpec["launchType"], helm: boolean) =>
      scaffold({ ...DEFAULTS, platform, launchType, memory: DEFAULTS.memory[platform], helm, gpu: false, windows: false, public: false }).notes.map((note) => note.key);
    for (const launchType of LAUNCH_TYPES_FOR.eks) for (const helm of [false, true]) expect(notesFor("eks", launchType, helm)).toContain("scaffold.note.upgradePolicy");
    for (const launchType of LAUNCH_TYPES_FOR.ecs) expect(notesFor("ecs", launchType, false)).not.toContain("scaffold.note.upgradePolicy");
  });
});
