// Environments: each has its own clusters, minimum instances, NAT gateways
// and load balancers, and runs a share of the production workload.
import type { Answers } from "../questions.js";
import { EPSILON } from "../rounding.js";

export interface Environment {
  name: string;
  /** The share of the production workload it runs: 1 for production. */
  share: number;
}

/** Names for `--environments N`: production first, then the usual others. */
const NAMES = ["prod", "stage", "dev"];

/** The environments the answers give: a count (each as large as production), a list with shares, or production alone. */
export function environmentsOf(answers: Answers): Environment[] {
  const given = answers.environments;
  if (given === undefined) return [{ name: NAMES[0]!, share: 1 }];
  if (typeof given === "number") return Array.from({ length: given }, (_, i) => ({ name: NAMES[i] ?? `env${i + 1}`, share: 1 }));
  return given.map((e) => ({ name: e.name, share: e.share }));
}

/**
 * A service's tasks in an environment: its replicas times the share, rounded
 * up, and at least one while it runs at all. The shorthand's one group stands
 * for `services` services, so it keeps one task for each (up to its replicas).
 */
export function replicasIn(replicas: number, share: number, services = 1): number {
  if (replicas === 0) return 0;
  return Math.max(Math.min(replicas, services), Math.ceil(replicas * share - EPSILON));
}
