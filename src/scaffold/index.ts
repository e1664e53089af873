import { scaffoldEcs } from "./ecs.js";
import { scaffoldEks } from "./eks.js";
import type { Scaffold, ScaffoldSpec } from "./spec.js";

export { checkSpec, DEFAULTS, fargateMemoryFor, sizeWarnings } from "./spec.js";
export type { Scaffold, ScaffoldSpec } from "./spec.js";

/** Starter configuration for the spec: pure, the caller writes or prints it. */
export function scaffold(spec: ScaffoldSpec): Scaffold {
  return spec.platform === "ecs" ? scaffoldEcs(spec) : scaffoldEks(spec);
}
