// What the scanner finds, as data: the shapes `scan` returns and the signals
// each reader of a kind of file gives the inference. No words here: the
// renderers word them (src/cli/render/scan-*.ts).
import type { Arch, Os } from "../engine/price-types.js";

/** One file of the repository: its path under the root, with "/" separators, and its text. */
export interface FileRecord {
  readonly path: string;
  readonly text: string;
}

// The values a field of the result may take, listed once: the types here and
// the JSON Schema of `scan --format json` (result-schema.ts) are made from them.

/** How sure the scan is: a deploy file states it, several hints agree, or a single hint. */
export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Where something was read: a file under the root and a line in it (1-based). */
interface Place {
  readonly file: string;
  readonly line: number;
}

/** One fact behind an answer: the value it supports, where it is written, and what the line shows. */
export interface Evidence {
  readonly answer: string;
  readonly value: string | number;
  readonly file: string;
  readonly line: number;
  /** What the line shows, as written there (a kind, a resource, a key and its value): no words of ours. */
  readonly detail: string;
  readonly confidence: Confidence;
}

/** Where a workload runs, by the file that declares it: what the currentPlatform answer takes, but none. */
export const PLATFORMS = ["ecs", "kubernetes", "openshift", "paas", "serverless", "vms", "other-orchestrator"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** One of the team's services, with the figures its files state; a figure not stated is null. */
export interface ScannedService {
  readonly name: string;
  readonly vcpu: number | null;
  readonly memoryGiB: number | null;
  readonly replicas: number | null;
  readonly arch: Arch | null;
  readonly os: Os | null;
  readonly gpu: number | null;
  /** Where it runs, by the file that declares it (null for a compose file, which names no platform). */
  readonly platform: Platform | null;
  /** Every platform the files deploy it to, `platform` among them: a repository may deploy one service to two. */
  readonly platforms: readonly Platform[];
  readonly file: string;
  readonly line: number;
}

/** What a stock image is for: such workloads are listed apart and not counted as the team's services. */
export const STOCK_ROLES = ["database", "cache", "queue", "search", "storage", "proxy", "monitoring", "tool"] as const;
export type StockRole = (typeof STOCK_ROLES)[number];

/** A workload that runs a stock image (a database, a cache, a queue): not one of the team's services. */
export interface OtherWorkload {
  readonly name: string;
  readonly image: string;
  readonly role: StockRole;
  readonly file: string;
  readonly line: number;
}

/** Why a file was not read, or read and refused. */
export const SKIP_REASONS = ["too-large", "binary", "not-utf8", "special-file", "link-outside", "link-loop", "link-broken", "unreadable", "alias-bomb", "too-deep", "invalid", "helm-failed"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface Skipped {
  readonly file: string;
  readonly reason: SkipReason;
  /** Where in the file, for a file read and refused, when the parser says. */
  readonly line?: number;
}

/** A figure as a file gives it: its value (null when templated and not resolved) and where it is written. */
export interface Figure {
  readonly value: number | null;
  readonly at: Place;
}

/** A workload a file declares, before the inference decides whose it is and joins it with the others. */
export interface Workload {
  readonly name: string;
  readonly platform: Platform | null;
  /** The image it runs, when one is named; undefined when the team builds it (compose `build:`). */
  readonly image?: string;
  readonly builds?: boolean;
  readonly vcpu?: Figure;
  readonly memoryGiB?: Figure;
  readonly replicas?: Figure;
  readonly arch?: Arch;
  readonly os?: Os;
  readonly gpu?: number;
  /**
   * The compose project that declares it (the file's top-level `name`, else its folder), with what it builds
   * (the build context and Dockerfile, resolved from the root): two stacks' `web` are two services, one web
   * in a base file and its override one.
   */
  readonly compose?: { readonly project: string; readonly builds?: string };
  /** A Procfile's process: on a PaaS only where a sign of Heroku's says so, else a process run locally, on no platform. */
  readonly procfile?: true;
  /** Where it is declared (the kind, the resource, the service's key). */
  readonly at: Place;
  /** How other files name it, for replicas stated elsewhere (an HPA, an ECS service): "Deployment/api", "family:api". */
  readonly ref?: string;
  /** Which source wins when two files declare the same name: deploy files over compose. */
  readonly rank: number;
}

/** A count of replicas stated apart from the workload (an HPA's minReplicas, an ECS service's desiredCount). */
interface ReplicasOf {
  readonly ref: string;
  readonly replicas: Figure;
  /** An HPA's floor wins over the workload's own count; an ECS service's count only fills a gap. */
  readonly wins: boolean;
  /** The service an ECS service names, when it is not its task definition's family. */
  readonly name?: string;
}

/** A sign of an answer, as one reader found it: `stated` when a deploy file says it, else a hint. */
export interface Sign {
  readonly answer: SignAnswer;
  readonly value: string;
  readonly at: Place;
  readonly detail: string;
  readonly stated: boolean;
  /**
   * Heroku's own files and deploy steps ("heroku"), and a Procfile ("procfile"), which foreman, honcho and
   * overmind read too: a Procfile states a PaaS only beside a sign of Heroku's.
   */
  readonly heroku?: "heroku" | "procfile";
}

export type SignAnswer = "currentPlatform" | "ecosystem" | "requirements" | "clusters" | "environments" | "region" | "kubernetesFeatures";

/** What one file (or one chart) says. */
export interface Findings {
  readonly signs: Sign[];
  readonly workloads: Workload[];
  readonly replicas: ReplicasOf[];
  readonly skipped: Skipped[];
}

export function emptyFindings(): Findings {
  return { signs: [], workloads: [], replicas: [], skipped: [] };
}

/** Adds what `more` found to `into`, item by item: a spread of a long list would overflow the stack. */
export function addFindings(into: Findings, more: Findings): void {
  for (const sign of more.signs) into.signs.push(sign);
  for (const workload of more.workloads) into.workloads.push(workload);
  for (const replicas of more.replicas) into.replicas.push(replicas);
  for (const skipped of more.skipped) into.skipped.push(skipped);
}

/** The answers a scan finds, in the order the evidence and the report list them. */
export const ANSWER_ORDER = ["currentPlatform", "microservices", "ecosystem", "requirements", "clusters", "region", "kubernetesFeatures"] as const;

/** The scan's result, as `scan --format json` prints it (scan.schema.json). */
export interface ScanResult {
  readonly schemaVersion: number;
  readonly root: string;
  /** Only keys the answers schema knows, each with a value it accepts: what `--from DIR` merges. */
  readonly answers: Record<string, unknown>;
  readonly evidence: Evidence[];
  readonly services: ScannedService[];
  readonly others: OtherWorkload[];
  readonly skipped: Skipped[];
}

/** Adds `item` to the list under `key`, in place: copying the list on each item would cost the square of a long one. */
export function appendTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const known = lists.get(key);
  if (known) known.push(item);
  else lists.set(key, [item]);
}
