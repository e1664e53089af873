import { dump } from "js-yaml";
import type { Scaffold, ScaffoldSpec } from "./spec.js";

// The guide's §5.2 Deployment and Service, filled in from the spec; or, when
// the team uses Helm, a minimal chart that renders the same two objects.

/** Kubernetes sizes from task-definition units; limits are twice the requests, as in the guide. */
export function kubernetesResources(spec: Pick<ScaffoldSpec, "cpu" | "memory">) {
  const millicores = Math.max(1, Math.round((spec.cpu * 1000) / 1024));
  return {
    requests: { cpu: `${millicores}m`, memory: `${spec.memory}Mi` },
    limits: { cpu: `${millicores * 2}m`, memory: `${spec.memory * 2}Mi` },
  };
}

/** YAML without anchors (shared label objects are written out each time, as people write them) or folding. */
const stringify = (value: unknown) => dump(value, { noRefs: true, lineWidth: -1 });

interface Shape {
  name: string;
  labels: Record<string, string>;
  replicas: number | string;
  image: string;
  port: number | string;
  servicePort: number | string;
  serviceType: string;
  resources: unknown;
  probePath: string;
  imagePullPolicy?: string;
}

/** A Kubernetes object named and labelled like the others. */
function manifest(apiVersion: string, kind: string, s: Shape, spec: object) {
  return { apiVersion, kind, metadata: { name: s.name, labels: s.labels }, spec };
}

function deployment(s: Shape) {
  const probe = (initialDelaySeconds: number, periodSeconds: number) => ({
    httpGet: { path: s.probePath, port: s.port },
    initialDelaySeconds,
    periodSeconds,
  });
  return manifest("apps/v1", "Deployment", s, {
    replicas: s.replicas,
    selector: { matchLabels: s.labels },
    template: {
      metadata: { labels: s.labels },
      spec: {
        containers: [
          {
            name: s.name,
            image: s.image,
            ...(s.imagePullPolicy ? { imagePullPolicy: s.imagePullPolicy } : {}),
            ports: [{ containerPort: s.port }],
            resources: s.resources,
            livenessProbe: probe(30, 10),
            readinessProbe: probe(5, 5),
          },
        ],
      },
    },
  });
}

function service(s: Shape) {
  return manifest("v1", "Service", s, {
    selector: s.labels,
    ports: [{ protocol: "TCP", port: s.servicePort, targetPort: s.port }],
    type: s.serviceType,
  });
}

export function scaffoldEks(spec: ScaffoldSpec): Scaffold {
  return spec.helm ? helmChart(spec) : manifests(spec);
}

function manifests(spec: ScaffoldSpec): Scaffold {
  const shape: Shape = {
    name: spec.name,
    labels: { app: spec.name },
    replicas: spec.replicas,
    image: spec.image,
    port: spec.port,
    servicePort: 80,
    serviceType: "LoadBalancer",
    resources: kubernetesResources(spec),
    probePath: "/",
  };
  const content = `${stringify(deployment(shape))}---\n${stringify(service(shape))}`;
  return { files: [{ path: "kubernetes.yaml", content }], placeholders: [] };
}

// Helm expressions cannot be built by a YAML writer, so the templates are
// written with stand-in plain scalars that are then swapped for `{{ ... }}`.
const expression = (path: string) => `HELM__${path}__HELM`;

function helmChart(spec: ScaffoldSpec): Scaffold {
  const values = {
    replicaCount: spec.replicas,
    image: spec.image,
    imagePullPolicy: "IfNotPresent",
    containerPort: spec.port,
    service: { type: "LoadBalancer", port: 80 },
    resources: kubernetesResources(spec),
    probePath: "/",
  };
  const chart = {
    apiVersion: "v2",
    name: spec.name,
    description: `${spec.name} on Amazon EKS (scaffolded by ecs-or-eks)`,
    type: "application",
    version: "0.1.0",
    appVersion: tagOf(spec.image),
  };
  const shape: Shape = {
    name: expression("Release.Name"),
    labels: { "app.kubernetes.io/name": expression("Chart.Name"), "app.kubernetes.io/instance": expression("Release.Name") },
    replicas: expression("Values.replicaCount"),
    image: expression("Values.image"),
    port: expression("Values.containerPort"),
    servicePort: expression("Values.service.port"),
    serviceType: expression("Values.service.type"),
    resources: {
      requests: { cpu: expression("Values.resources.requests.cpu"), memory: expression("Values.resources.requests.memory") },
      limits: { cpu: expression("Values.resources.limits.cpu"), memory: expression("Values.resources.limits.memory") },
    },
    probePath: expression("Values.probePath"),
    imagePullPolicy: expression("Values.imagePullPolicy"),
  };
  const template = (object: unknown) => stringify(object).replace(/HELM__([A-Za-z.]+)__HELM/g, "{{ .$1 }}");
  const dir = spec.name;
  return {
    files: [
      { path: `${dir}/Chart.yaml`, content: stringify(chart) },
      { path: `${dir}/values.yaml`, content: stringify(values) },
      { path: `${dir}/templates/deployment.yaml`, content: template(deployment(shape)) },
      { path: `${dir}/templates/service.yaml`, content: template(service(shape)) },
    ],
    placeholders: [],
  };
}

/** "nginx:1.27" -> "1.27"; a registry port ("host:5000/app") or a digest is not a tag. */
function tagOf(image: string): string {
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash && !image.includes("@") ? image.slice(colon + 1) : "latest";
}
