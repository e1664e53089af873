import { writeYaml } from "../scan/yaml.js";
import type { ScaffoldNote, ScaffoldSpec } from "./spec.js";

// What the plain manifests and the Helm chart share: sizes, where pods run,
// how the Service reaches them, and what they need around them.

const GPU_RESOURCE = "nvidia.com/gpu";

/** The guide's probe timings: liveness after 30 s every 10 s, readiness after 5 s every 5 s. */
export const PROBES = {
  liveness: { initialDelaySeconds: 30, periodSeconds: 10 },
  readiness: { initialDelaySeconds: 5, periodSeconds: 5 },
} as const;
export type ProbeTiming = (typeof PROBES)[keyof typeof PROBES];

/** The port the Service listens on, whatever the container's. */
export const SERVICE_PORT = 80;

/** Kubernetes sizes from task-definition units; limits are twice the requests, as in the guide. */
export function kubernetesResources(spec: Pick<ScaffoldSpec, "cpu" | "memory" | "gpu">) {
  const millicores = Math.max(1, Math.round((spec.cpu * 1000) / 1024));
  return {
    requests: { cpu: `${millicores}m`, memory: `${spec.memory}Mi` },
    limits: { cpu: `${millicores * 2}m`, memory: `${spec.memory * 2}Mi`, ...(spec.gpu ? { [GPU_RESOURCE]: 1 } : {}) },
  };
}

/** YAML without anchors (shared label objects are written out each time, as people write them) or folding. */
export const stringify = writeYaml;

/** Where the pods may run and what they tolerate: Auto Mode nodes, GPU nodes, Windows nodes. */
export function placement(spec: ScaffoldSpec) {
  const autoMode = spec.launchType === "auto-mode";
  const nodeSelector = {
    ...(autoMode ? { "eks.amazonaws.com/compute-type": "auto" } : {}),
    ...(autoMode && spec.gpu ? { "eks.amazonaws.com/instance-gpu-manufacturer": "nvidia" } : {}),
    // A cluster with Windows nodes still runs its system pods on Linux ones: the pods must ask for Windows.
    ...(spec.windows ? { "kubernetes.io/os": "windows" } : {}),
  };
  // GPU nodes are tainted so that only pods asking for a GPU land there.
  const tolerations = spec.gpu ? [{ key: GPU_RESOURCE, operator: "Exists", effect: "NoSchedule" }] : [];
  return { nodeSelector, tolerations };
}

/**
 * How the Service reaches the pods: an NLB with IP targets where nodes are not
 * yours to reach. Internal (reachable from the VPC only) unless `public`: a
 * first deploy must not put a service on the internet by surprise.
 */
export function serviceExposure(spec: ScaffoldSpec) {
  const ipTargets = {
    "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
    "service.beta.kubernetes.io/aws-load-balancer-scheme": spec.public ? "internet-facing" : "internal",
  };
  // Auto Mode runs its own load balancing; elsewhere the AWS Load Balancer Controller's NLB reaches the pods' IPs:
  // Fargate pods have no node to target, and on EC2 it replaces the in-tree controller, whose "internal"
  // annotation the controller's documentation lists as deprecated in favour of the scheme.
  return spec.launchType === "auto-mode"
    ? { annotations: ipTargets, loadBalancerClass: "eks.amazonaws.com/nlb" }
    : { annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "external", ...ipTargets }, loadBalancerClass: undefined };
}

/** Notes on what the files need around them. */
export function eksNotes(spec: ScaffoldSpec): ScaffoldNote[] {
  const notes: ScaffoldNote[] = [];
  if (spec.launchType === "fargate") notes.push({ key: "scaffold.note.eksFargate" });
  if (spec.windows) notes.push({ key: "scaffold.note.eksWindows" });
  if (spec.launchType !== "auto-mode") notes.push({ key: "scaffold.note.loadBalancerController" });
  if (spec.gpu) notes.push(spec.launchType === "auto-mode" ? { key: "scaffold.note.autoModeGpu" } : { key: "scaffold.note.gpuNodes" });
  if (spec.helm) notes.push({ key: "scaffold.note.helmNames" });
  if (!spec.public) notes.push({ key: "scaffold.note.internal" });
  // Every EKS scaffold: the default upgrade policy turns a cluster left on an old version into a sixfold control-plane bill.
  notes.push({ key: "scaffold.note.upgradePolicy" });
  return notes;
}

/** An Auto Mode NodePool of NVIDIA GPU instances, tainted for GPU pods only. */
export function gpuNodePool(name: string) {
  return {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name },
    spec: {
      template: {
        spec: {
          nodeClassRef: { group: "eks.amazonaws.com", kind: "NodeClass", name: "default" },
          requirements: [{ key: "eks.amazonaws.com/instance-gpu-manufacturer", operator: "In", values: ["nvidia"] }],
          taints: [{ key: GPU_RESOURCE, effect: "NoSchedule" }],
        },
      },
    },
  };
}
