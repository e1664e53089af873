// Sizes as deploy files write them, in vCPU and GiB. Anything that is not a
// plain figure (a template, a variable) is null: the scanner never guesses.

/** Six decimals: enough for 1m of CPU or 1 KiB of memory, and no floating-point noise in JSON. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function positive(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? round(value) : null;
}

const KUBERNETES_SUFFIXES: Record<string, number> = {
  "": 1,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  m: 1e-3,
};

/** A Kubernetes CPU quantity ("500m", "0.5", 2) in vCPU. */
export function kubernetesCpu(value: unknown): number | null {
  if (typeof value === "number") return positive(value);
  if (typeof value !== "string") return null;
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)(m?)\s*$/.exec(value);
  return match ? positive(Number(match[1]) * (match[2] === "m" ? 1e-3 : 1)) : null;
}

/** A Kubernetes memory quantity ("512Mi", "1G", "1e9", 1073741824) in GiB. */
export function kubernetesMemory(value: unknown): number | null {
  if (typeof value === "number") return positive(value / 2 ** 30);
  if (typeof value !== "string") return null;
  const match = /^\s*(\d+(?:\.\d+)?(?:[eE]\d+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T|m)?\s*$/.exec(value);
  if (!match) return null;
  return positive((Number(match[1]) * KUBERNETES_SUFFIXES[match[2] ?? ""]!) / 2 ** 30);
}

/** Docker's byte sizes ("512m", "1g", "1024k", "512MB", a plain count of bytes) in GiB. */
export function dockerMemory(value: unknown): number | null {
  if (typeof value === "number") return positive(value / 2 ** 30);
  if (typeof value !== "string") return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([bkmg]?)i?b?\s*$/i.exec(value);
  if (!match) return null;
  const unit = { "": 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[match[2]!.toLowerCase()]!;
  return positive((Number(match[1]) * unit) / 2 ** 30);
}

/** A count of CPUs as a decimal ("0.5", 2). */
export function decimalCpus(value: unknown): number | null {
  if (typeof value === "number") return positive(value);
  if (typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value)) return positive(Number(value));
  return null;
}

/** ECS CPU: units (1024 to a vCPU, as a number or "256") or "1 vCPU". */
export function ecsCpu(value: unknown): number | null {
  if (typeof value === "number") return positive(value / 1024);
  if (typeof value !== "string") return null;
  const vcpu = /^\s*(\d+(?:\.\d+)?)\s*vcpus?\s*$/i.exec(value);
  if (vcpu) return positive(Number(vcpu[1]));
  return /^\s*\d+\s*$/.test(value) ? positive(Number(value) / 1024) : null;
}

/** ECS memory: MiB (a number or "512") or "2 GB" (AWS's GB are GiB here). */
export function ecsMemory(value: unknown): number | null {
  if (typeof value === "number") return positive(value / 1024);
  if (typeof value !== "string") return null;
  const gb = /^\s*(\d+(?:\.\d+)?)\s*gb\s*$/i.exec(value);
  if (gb) return positive(Number(gb[1]));
  return /^\s*\d+\s*$/.test(value) ? positive(Number(value) / 1024) : null;
}

/** A count of replicas or tasks: a whole number, 0 or more. */
export function count(value: unknown): number | null {
  const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= 0 ? number : null;
}

/** Sums figures where at least one is stated; null when none is. */
export function sum(values: readonly (number | null)[]): number | null {
  const stated = values.filter((value): value is number => value !== null);
  return stated.length === 0 ? null : round(stated.reduce((total, value) => total + value, 0));
}
