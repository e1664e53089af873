// The cost estimate's two list answers, `services` and `environments`,
// checked without zod: the quick check accepts exactly what the answers
// schema does (a property test holds them to it), and a refused value gets
// one message naming the entry and the field.
import { msg, type Message } from "./message.js";
import { ARCHES, OSES } from "./price-types.js";
import { quoteValue } from "./quote-value.js";

/** The largest figures a service may give: a task no instance type holds is refused later, with the largest size there is. */
export const MAX_SERVICE = { name: 100, vcpu: 192, memoryGiB: 24576, replicas: 100000, gpu: 64 } as const;
/** An environment's name: a word for a flag, a table and a file. */
export const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/** Keys named in one problem before "and N more": the line stays readable whatever the input holds. */
export const LISTED_KEYS = 20;

const SERVICE_FIGURES = ["vcpu", "memoryGiB", "replicas", "arch", "os", "gpu"] as const;
/**
 * Where `scan --format json` found a service: a scan's services are this
 * answer as they are (issue 25), so these are taken and set aside, as is a
 * figure the files do not state (null), which takes the default like one left out.
 */
const SERVICE_PROVENANCE = ["file", "line", "platform", "platforms"] as const;
const SERVICE_FIELDS = ["name", ...SERVICE_FIGURES, ...SERVICE_PROVENANCE] as const;

export function uniqueNames(list: readonly { name: string }[]): boolean {
  return new Set(list.map((entry) => entry.name)).size === list.length;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const positive = (value: unknown, max: number) => typeof value === "number" && Number.isFinite(value) && value > 0 && value <= max;
const whole = (value: unknown, min: number, max: number) => typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max;

/** The first problem with a `services` value, or undefined when it is valid. */
export function servicesProblem(value: unknown, where: string, max: number): Message | undefined {
  if (!Array.isArray(value)) return msg("answers.services.notList", { where, got: quoteValue(value) });
  if (value.length === 0) return msg("answers.services.empty", { where });
  if (value.length > max) return msg("answers.services.tooMany", { where, max, count: value.length });
  const seen = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    const at = `${where}[${i}]`;
    if (!isRecord(entry)) return msg("answers.services.notObject", { where: at, got: quoteValue(entry) });
    // Every unknown field at once, as the top level lists every unknown answer.
    const unknown = Object.keys(entry).filter((key) => !(SERVICE_FIELDS as readonly string[]).includes(key));
    if (unknown.length > 0) {
      const field = unknown.slice(0, LISTED_KEYS).map((key) => quoteValue(key)).join(", ");
      return msg(unknown.length === 1 ? "answers.services.unknownField" : "answers.services.unknownFields", { where: at, field, fields: SERVICE_FIELDS.join(", ") });
    }
    const provenance = provenanceProblem(entry, at);
    if (provenance) return provenance;
    const { name } = entry;
    if (typeof name !== "string" || name.length === 0 || name.length > MAX_SERVICE.name) return msg("answers.services.badName", { where: at, max: MAX_SERVICE.name, got: quoteValue(name) });
    const first = seen.get(name);
    if (first !== undefined) return msg("answers.services.duplicate", { where, name: quoteValue(name), first, second: i });
    seen.set(name, i);
    const field = (ok: boolean, message: () => Message) => (ok ? undefined : message());
    // null is "not stated", as a scan writes it: the same as left out.
    const figures = stated(entry);
    const problem =
      field(figures.vcpu === undefined || positive(figures.vcpu, MAX_SERVICE.vcpu), () => msg("answers.services.badNumber", { where: `${at}.vcpu`, max: MAX_SERVICE.vcpu, got: quoteValue(figures.vcpu) })) ??
      field(figures.memoryGiB === undefined || positive(figures.memoryGiB, MAX_SERVICE.memoryGiB), () => msg("answers.services.badNumber", { where: `${at}.memoryGiB`, max: MAX_SERVICE.memoryGiB, got: quoteValue(figures.memoryGiB) })) ??
      field(figures.replicas === undefined || whole(figures.replicas, 0, MAX_SERVICE.replicas), () => msg("answers.services.badInteger", { where: `${at}.replicas`, max: MAX_SERVICE.replicas, got: quoteValue(figures.replicas) })) ??
      field(figures.gpu === undefined || whole(figures.gpu, 0, MAX_SERVICE.gpu), () => msg("answers.services.badInteger", { where: `${at}.gpu`, max: MAX_SERVICE.gpu, got: quoteValue(figures.gpu) })) ??
      field(figures.arch === undefined || (ARCHES as readonly unknown[]).includes(figures.arch), () => msg("answers.services.badChoice", { where: `${at}.arch`, choices: ARCHES.join(", "), got: quoteValue(figures.arch) })) ??
      field(figures.os === undefined || (OSES as readonly unknown[]).includes(figures.os), () => msg("answers.services.badChoice", { where: `${at}.os`, choices: OSES.join(", "), got: quoteValue(figures.os) }));
    if (problem) return problem;
  }
  return undefined;
}

/** A service with its figures as given: provenance set aside, and a null figure (not stated) left out. */
function stated(entry: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (isFigure(key, value)) out[key] = value;
  return out;
}

/** A field the estimate takes: neither provenance nor a figure not stated (null). */
function isFigure(key: string, value: unknown): boolean {
  return value !== null && !(SERVICE_PROVENANCE as readonly string[]).includes(key);
}

/** The services as the estimate takes them (each as `stated` gives it); a list with nothing to set aside is returned as it is. */
export function statedServices<T>(list: readonly T[]): T[] {
  const plain = (entry: T) => Object.entries(entry as Record<string, unknown>).every(([key, value]) => isFigure(key, value));
  return list.every(plain) ? (list as T[]) : list.map((entry) => stated(entry as Record<string, unknown>) as T);
}

/** Provenance a scan gives, checked for its kind only: a file, a line, platforms. */
function provenanceProblem(entry: Record<string, unknown>, at: string): Message | undefined {
  const ok = {
    file: (v: unknown) => typeof v === "string",
    line: (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0,
    platform: (v: unknown) => v === null || typeof v === "string",
    platforms: (v: unknown) => Array.isArray(v) && v.length <= 64 && v.every((p) => typeof p === "string"),
  } as const;
  for (const key of SERVICE_PROVENANCE) {
    if (entry[key] !== undefined && !ok[key](entry[key])) return msg("answers.services.badProvenance", { where: `${at}.${key}`, got: quoteValue(entry[key]) });
  }
  return undefined;
}

/** The first problem with an `environments` value (a count, or a list of names and shares), or undefined when it is valid. */
export function environmentsProblem(value: unknown, where: string, max: number): Message | undefined {
  const bad = msg("answers.environments.bad", { where, max, got: quoteValue(value) });
  if (typeof value === "number") return whole(value, 1, max) ? undefined : bad;
  if (!Array.isArray(value) || value.length === 0 || value.length > max) return bad;
  for (const entry of value) {
    if (!isRecord(entry) || Object.keys(entry).some((key) => key !== "name" && key !== "share")) return bad;
    if (typeof entry.name !== "string" || !ENVIRONMENT_NAME.test(entry.name) || !positive(entry.share, 1)) return bad;
  }
  return uniqueNames(value as { name: string }[]) ? undefined : bad;
}

/**
 * `--environments 3` or `--environments prod:1,stage:0.25`: a count, or the
 * list of names and shares; anything else stays the text typed, so the
 * message quotes it.
 */
export function parseEnvironments(text: string): number | { name: string; share: number }[] | string {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const items = trimmed.split(",").map((item) => /^\s*([^:\s]+)\s*:\s*(\d+(?:\.\d+)?|\.\d+)\s*$/.exec(item));
  if (items.some((item) => item === null)) return text;
  return items.map((item) => ({ name: item![1]!, share: Number(item![2]) }));
}
