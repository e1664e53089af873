import type { Scaffold, ScaffoldSpec } from "./spec.js";

// The guide's §5.1 task definition, filled in from the spec, plus a service
// definition for `aws ecs create-service --cli-input-json`.

export const ECS_PLACEHOLDERS = ["<AWS_ACCOUNT_ID>", "<AWS_REGION>", "<CLUSTER_NAME>", "<SUBNET_ID>", "<SECURITY_GROUP_ID>", "<TARGET_GROUP_ARN>"];

export function scaffoldEcs(spec: ScaffoldSpec): Scaffold {
  const compatibility = spec.launchType === "fargate" ? "FARGATE" : "EC2";
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
        logConfiguration: {
          logDriver: "awslogs",
          options: {
            "awslogs-group": `/ecs/${spec.name}`,
            "awslogs-region": "<AWS_REGION>",
            "awslogs-stream-prefix": "ecs",
            "awslogs-create-group": "true",
          },
        },
      },
    ],
    networkMode: "awsvpc",
    requiresCompatibilities: [compatibility],
    executionRoleArn: "arn:aws:iam::<AWS_ACCOUNT_ID>:role/ecsTaskExecutionRole",
    cpu: String(spec.cpu),
    memory: String(spec.memory),
  };
  const service = {
    cluster: "<CLUSTER_NAME>",
    serviceName: spec.name,
    taskDefinition: spec.name,
    desiredCount: spec.replicas,
    launchType: compatibility,
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
  };
  return {
    files: [
      { path: "task-definition.json", content: `${JSON.stringify(taskDefinition, null, 2)}\n` },
      { path: "service.json", content: `${JSON.stringify(service, null, 2)}\n` },
    ],
    placeholders: ECS_PLACEHOLDERS,
  };
}
