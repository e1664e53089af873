import type { Figure, Sign, SignAnswer } from "./evidence.js";

/** A sign that a deploy file states (high confidence). */
export function stated(answer: SignAnswer, value: string, file: string, line: number, detail: string): Sign {
  return { answer, value, at: { file, line }, detail: shortDetail(detail), stated: true };
}

/** A sign that only hints (low confidence alone, medium with others). */
export function hinted(answer: SignAnswer, value: string, file: string, line: number, detail: string): Sign {
  return { answer, value, at: { file, line }, detail: shortDetail(detail), stated: false };
}

export function figure(value: number | null, file: string, line: number): Figure {
  return { value, at: { file, line } };
}

/** What a line shows, cut to a length a report line can hold. */
function shortDetail(detail: string): string {
  const oneLine = detail.replace(/\s+/g, " ").trim();
  return oneLine.length <= 120 ? oneLine : `${oneLine.slice(0, 119)}…`;
}

/** An AWS Region's name (us-east-1, eu-central-2, us-gov-west-1, ap-southeast-7), and nothing else. */
export function isRegion(value: unknown): value is string {
  return typeof value === "string" && /^(us|eu|ap|sa|ca|me|af|il|mx|cn)-(gov-|iso-|isob-)?(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d{1,2}$/.test(value);
}

/** The words environments go by in folder and file names, each to one name: prod and production are one environment. */
const ENVIRONMENT_WORDS: Readonly<Record<string, string>> = {
  production: "production",
  prod: "production",
  prd: "production",
  live: "production",
  preprod: "preprod",
  staging: "staging",
  stage: "staging",
  stg: "staging",
  uat: "uat",
  qa: "qa",
  test: "test",
  testing: "test",
  integration: "integration",
  development: "development",
  dev: "development",
  sandbox: "sandbox",
};

/**
 * The environment a folder, a values file or a namespace names (overlays/prod,
 * values-production-eu.yaml) as the environment word it holds, so that two
 * spellings of one environment count once; undefined for a name holding none,
 * as overlays/arm or values-gpu.yaml are variants of a build, not environments.
 */
export function environmentName(name: string): string | undefined {
  const words = name.toLowerCase().replace(/pre[-_.]prod/g, "preprod").split(/[^a-z0-9]+/);
  const word = words.find((each) => Object.hasOwn(ENVIRONMENT_WORDS, each));
  return word === undefined ? undefined : ENVIRONMENT_WORDS[word]!;
}

/** EC2 instance types with GPUs (g4dn, g5, g6, p3, p4d, p5, ...) and with Graviton (m7g, c6gn, t4g, ...). */
export function isGpuInstance(type: string): boolean {
  return /^(g\d|p\d|gr\d)[a-z-]*\./.test(type);
}

export function isArmInstance(type: string): boolean {
  return /^[a-z]+\d+g[a-z]*\./.test(type) && !isGpuInstance(type);
}
