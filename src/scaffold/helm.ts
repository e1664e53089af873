import type { Scaffold, ScaffoldSpec } from "./spec.js";
import { eksNotes, gpuNodePool, kubernetesResources, placement, PROBES, SERVICE_PORT, serviceExposure, stringify, type ProbeTiming } from "./kubernetes.js";

// A minimal Helm chart that renders the same objects as the plain manifests.
// The templates are written as text: Helm's expressions are not YAML, and
// every value goes through `quote` or `int` so that an image such as "1.0"
// or "*ref" stays a string and a port stays a number.

export function helmChart(spec: ScaffoldSpec): Scaffold {
  const { nodeSelector, tolerations } = placement(spec);
  const { annotations, loadBalancerClass } = serviceExposure(spec);
  const values = {
    replicaCount: spec.replicas,
    image: spec.image,
    imagePullPolicy: "IfNotPresent",
    containerPort: spec.port,
    service: { type: "LoadBalancer", port: SERVICE_PORT, annotations, ...(loadBalancerClass ? { loadBalancerClass } : {}) },
    resources: kubernetesResources(spec),
    probePath: "/",
    nodeSelector,
    tolerations,
  };
  const chart = {
    apiVersion: "v2",
    name: spec.name,
    description: `${spec.name} on Amazon EKS (scaffolded by ecs-or-eks)`,
    type: "application",
    version: "0.1.0",
    appVersion: tagOf(spec.image),
  };
  const dir = spec.name;
  const files = [
    { path: `${dir}/Chart.yaml`, content: stringify(chart) },
    { path: `${dir}/values.yaml`, content: stringify(values) },
    { path: `${dir}/templates/_helpers.tpl`, content: helpers(spec.name) },
    { path: `${dir}/templates/deployment.yaml`, content: deploymentTemplate(spec.name) },
    { path: `${dir}/templates/service.yaml`, content: serviceTemplate(spec.name) },
  ];
  if (spec.gpu && spec.launchType === "auto-mode") {
    const pool = stringify(gpuNodePool("NAME")).replace("name: NAME", `name: {{ include "${spec.name}.fullname" . }}-gpu`);
    files.push({ path: `${dir}/templates/nodepool.yaml`, content: pool });
  }
  return { files, placeholders: [], notes: eksNotes(spec) };
}

// Objects are named CHART-RELEASE: the chart's name (checked to start with a
// letter) keeps the Service name a valid DNS-1035 label for any release name
// Helm accepts, with dots (allowed in release names) turned into dashes.
function helpers(chart: string): string {
  return `{{- define "${chart}.fullname" -}}
{{- if eq .Release.Name .Chart.Name -}}
{{- .Chart.Name -}}
{{- else -}}
{{- printf "%s-%s" .Chart.Name .Release.Name | replace "." "-" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "${chart}.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}
`;
}

function deploymentTemplate(chart: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "${chart}.fullname" . }}
  labels:
    {{- include "${chart}.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount | int }}
  selector:
    matchLabels:
      {{- include "${chart}.labels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "${chart}.labels" . | nindent 8 }}
    spec:
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name | quote }}
          image: {{ .Values.image | quote }}
          imagePullPolicy: {{ .Values.imagePullPolicy | quote }}
          ports:
            - containerPort: {{ .Values.containerPort | int }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
${probeTemplate("livenessProbe", PROBES.liveness)}${probeTemplate("readinessProbe", PROBES.readiness)}`;
}

/** A probe on the container's port, with the same timings as the plain manifests. */
function probeTemplate(name: string, timing: ProbeTiming): string {
  return `          ${name}:
            httpGet:
              path: {{ .Values.probePath | quote }}
              port: {{ .Values.containerPort | int }}
            initialDelaySeconds: ${timing.initialDelaySeconds}
            periodSeconds: ${timing.periodSeconds}
`;
}

function serviceTemplate(chart: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: {{ include "${chart}.fullname" . }}
  labels:
    {{- include "${chart}.labels" . | nindent 4 }}
  {{- with .Values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ .Values.service.type | quote }}
  {{- with .Values.service.loadBalancerClass }}
  loadBalancerClass: {{ . | quote }}
  {{- end }}
  selector:
    {{- include "${chart}.labels" . | nindent 4 }}
  ports:
    - protocol: TCP
      port: {{ .Values.service.port | int }}
      targetPort: {{ .Values.containerPort | int }}
`;
}

/** "nginx:1.27" -> "1.27"; a registry port ("host:5000/app") or a digest is not a tag. */
function tagOf(image: string): string {
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash && !image.includes("@") ? image.slice(colon + 1) : "latest";
}
