import type { Scaffold, ScaffoldNote, ScaffoldSpec } from "./spec.js";

// The guide's §5.1 task definition, filled in from the spec, plus a service
// definition for `aws ecs create-service --cli-input-json`. Field names follow
// the AWS SDK's ECS model (RegisterTaskDefinition and CreateService inputs);
// the tests type-check every combination against it.

const COMPATIBILITY = { fargate: "FARGATE", ec2: "EC2", "managed-instances": "MANAGED_INSTANCES" } as const;

/** Time for a task to start before the load balancer's health checks count against it. */
const HEALTH_CHECK_GRACE_SECONDS = 60;

export function scaffoldEcs(spec: ScaffoldSpec): Scaffold {
  const launchType = spec.launchType as keyof typeof COMPATIBILITY;
  const compatibility = COMPATIBILITY[launchType];
  const logGroup = `/ecs/${spec.name}`;
  const taskDefinition = {
    family: spec.name,
    containerDefinitions: [
      {
        name: spec.name,
        image: spec.image,
        cpu: spec.cpu,
        memory: spec.memory,
        essential: true,
        portMappings: [{ containerPort: spec.port, protocol: "tcp" }],
        // GPUs are reserved per container; Fargate has none, so the spec never asks for one there.
        ...(spec.gpu ? { resourceRequirements: [{ type: "GPU", value: "1" }] } : {}),
        logConfiguration: {
          logDriver: "awslogs",
          // No awslogs-create-group: the standard execution role may not create log groups.
          options: { "awslogs-group": logGroup, "awslogs-region": spec.region ?? "<AWS_REGION>", "awslogs-stream-prefix": "ecs" },
        },
      },
    ],
    networkMode: "awsvpc",
    requiresCompatibilities: [compatibility],
    executionRoleArn: "arn:aws:iam::<AWS_ACCOUNT_ID>:role/ecsTaskExecutionRole",
    cpu: String(spec.cpu),
    memory: String(spec.memory),
    // Without it a task runs on Linux; Windows Server 2022 Core runs on Fargate and on the ECS-optimized Windows AMIs.
    ...(spec.windows ? { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" } } : {}),
  };
  const service = {
    cluster: "<CLUSTER_NAME>",
    serviceName: spec.name,
    taskDefinition: spec.name,
    desiredCount: spec.replicas,
    // Managed Instances are reached through their capacity provider; a launch type must then be left out.
    ...(launchType === "managed-instances"
      ? { capacityProviderStrategy: [{ capacityProvider: "<MANAGED_INSTANCES_CAPACITY_PROVIDER>", weight: 1 }] }
      : { launchType: compatibility }),
    ...(launchType === "fargate" ? { platformVersion: "LATEST" } : {}),
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: true },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ["<SUBNET_ID>"],
        securityGroups: ["<SECURITY_GROUP_ID>"],
        assignPublicIp: "DISABLED",
      },
    },
    loadBalancers: [{ targetGroupArn: "<TARGET_GROUP_ARN>", containerName: spec.name, containerPort: spec.port }],
    healthCheckGracePeriodSeconds: HEALTH_CHECK_GRACE_SECONDS,
  };
  const files = [
    { path: "task-definition.json", content: `${JSON.stringify(taskDefinition, null, 2)}\n` },
    { path: "service.json", content: `${JSON.stringify(service, null, 2)}\n` },
  ];
  const notes: ScaffoldNote[] = [{ key: "scaffold.note.logGroup", group: logGroup }];
  if (launchType === "managed-instances") notes.push({ key: "scaffold.note.managedInstances" });
  if (spec.windows) notes.push({ key: "scaffold.note.ecsWindows" });
  if (spec.gpu) notes.push(launchType === "managed-instances" ? { key: "scaffold.note.managedInstancesGpu" } : { key: "scaffold.note.ecsGpu" });
  // The tasks get no public IP, behind a load balancer that is internal unless --public asks otherwise.
  // Without one, the image comes through a NAT gateway or, from ECR only, through VPC endpoints.
  const registry = registryOf(spec.image);
  notes.push(
    { key: "scaffold.note.ecsLoadBalancer", scheme: spec.public ? "internet-facing" : "internal" },
    registry === "ecr" ? { key: "scaffold.note.noPublicIp" } : { key: "scaffold.note.noPublicIpRegistry", image: spec.image, registry },
  );
  return { files, placeholders: placeholdersIn(files), notes };
}

/**
 * Where an image is pulled from: "ecr" for a private ECR repository (which
 * VPC endpoints reach), else the registry's host, or Docker Hub for a name
 * without one (nginx:latest, acme/web), as Docker and containerd read it.
 */
export function registryOf(image: string): string {
  const first = image.split("/")[0]!;
  const hasHost = image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  if (!hasHost) return "Docker Hub";
  return /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(first) ? "ecr" : first;
}

/** The <PLACEHOLDER> tokens in the files, in order of first use. */
function placeholdersIn(files: readonly { content: string }[]): string[] {
  return [...new Set(files.flatMap((file) => file.content.match(/<[A-Z0-9_]+>/g) ?? []))];
}
