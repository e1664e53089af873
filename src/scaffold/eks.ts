import { helmChart } from "./helm.js";
import { eksNotes, gpuNodePool, kubernetesResources, placement, PROBES, SERVICE_PORT, serviceExposure, stringify, type ProbeTiming } from "./kubernetes.js";
import type { Scaffold, ScaffoldSpec } from "./spec.js";

// The guide's §5.2 Deployment and Service, filled in from the spec and fitted
// to how the pods run: Auto Mode nodes, Fargate behind the AWS Load Balancer
// Controller, or EC2 nodes; GPUs requested and scheduled onto GPU nodes.

export function scaffoldEks(spec: ScaffoldSpec): Scaffold {
  return spec.helm ? helmChart(spec) : manifests(spec);
}

function manifests(spec: ScaffoldSpec): Scaffold {
  const labels = { app: spec.name };
  const { nodeSelector, tolerations } = placement(spec);
  const probe = (timing: ProbeTiming) => ({ httpGet: { path: "/", port: spec.port }, ...timing });
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: spec.name, labels },
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          ...(Object.keys(nodeSelector).length > 0 ? { nodeSelector } : {}),
          ...(tolerations.length > 0 ? { tolerations } : {}),
          containers: [
            {
              name: spec.name,
              image: spec.image,
              ports: [{ containerPort: spec.port }],
              resources: kubernetesResources(spec),
              livenessProbe: probe(PROBES.liveness),
              readinessProbe: probe(PROBES.readiness),
            },
          ],
        },
      },
    },
  };
  const { annotations, loadBalancerClass } = serviceExposure(spec);
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: spec.name, labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    spec: {
      ...(loadBalancerClass ? { loadBalancerClass } : {}),
      selector: labels,
      ports: [{ protocol: "TCP", port: SERVICE_PORT, targetPort: spec.port }],
      type: "LoadBalancer",
    },
  };
  const objects: unknown[] = [deployment, service];
  if (spec.gpu && spec.launchType === "auto-mode") objects.push(gpuNodePool(`${spec.name}-gpu`));
  const content = objects.map(stringify).join("---\n");
  return { files: [{ path: "kubernetes.yaml", content }], placeholders: [], notes: eksNotes(spec) };
}
