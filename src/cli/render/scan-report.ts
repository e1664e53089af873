// The scan's result as rows of words, shared by the text and Markdown
// renderers: each answer with its value, how sure the scan is, and where it
// was found. Every string from the repository passes through `shown` (the
// escaping of the format it goes to) here, in one place.
import { ANSWER_ORDER, type Confidence, type Evidence, type ScanResult } from "../../scan/evidence.js";
import { joinList, t, tDynamic, type Lang, type MessageKey } from "../../i18n/index.js";
import { shellWord } from "./reproduce.js";

interface AnswerRow {
  readonly label: string;
  readonly value: string;
  readonly confidence: string;
  /** Where it was found: up to three places, then how many more. */
  readonly where: readonly string[];
}

export interface ScanReport {
  readonly title: string;
  readonly answers: readonly AnswerRow[];
  readonly notes: readonly string[];
  readonly servicesTitle: string;
  readonly servicesHeader: readonly string[];
  readonly services: readonly (readonly string[])[];
  readonly othersTitle: string;
  readonly othersHeader: readonly string[];
  readonly others: readonly (readonly string[])[];
  readonly skippedTitle: string;
  readonly skippedHeader: readonly string[];
  readonly skipped: readonly (readonly string[])[];
  readonly next: string;
  readonly nothing: string | undefined;
}

const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
const SHOWN_PLACES = 3;

export function scanReport(result: ScanResult, lang: Lang, shown: (text: string) => string): ScanReport {
  const answers: AnswerRow[] = [];
  for (const key of ANSWER_ORDER) {
    const evidence = chosenEvidence(result, key);
    if (evidence.length === 0) continue;
    const confidence = evidence.reduce<Confidence>((best, entry) => (RANK[entry.confidence] < RANK[best] ? entry.confidence : best), "low");
    answers.push({
      label: key === "kubernetesFeatures" ? t(lang, "scan.kubernetesFeatures") : t(lang, `label.${key}` as MessageKey),
      value: valueText(result, key, evidence, lang, shown),
      confidence: t(lang, `scan.confidence.${confidence}`),
      where: places(evidence, lang, shown),
    });
  }
  const number = (value: number | null) => (value === null ? t(lang, "scan.notStated") : String(Math.round(value * 100) / 100));
  return {
    title: t(lang, "scan.title", { root: shown(result.root) }),
    answers,
    notes: [...otherPlatforms(result, lang), ...composeOnly(result, lang)],
    servicesTitle: t(lang, "scan.services", { count: result.services.length }),
    servicesHeader: t(lang, "scan.servicesHeader").split("|"),
    services: result.services.map((service) => [shown(service.name), number(service.vcpu), number(service.memoryGiB), number(service.replicas), shown(`${service.file}:${service.line}`)]),
    othersTitle: t(lang, "scan.others", { count: result.others.length }),
    others: result.others.map((other) => [shown(other.name), t(lang, `scan.role.${other.role}`), shown(other.image.replace(/@sha256:[0-9a-f]+$/, "")), shown(`${other.file}:${other.line}`)]),
    othersHeader: t(lang, "scan.othersHeader").split("|"),
    skippedTitle: t(lang, "scan.skipped", { count: result.skipped.length }),
    skippedHeader: t(lang, "scan.skippedHeader").split("|"),
    skipped: result.skipped.map((entry) => [shown(entry.line === undefined ? entry.file : `${entry.file}:${entry.line}`), t(lang, `scan.reason.${entry.reason}`)]),
    next: t(lang, "scan.next", { dir: shown(shellWord(result.root)) }),
    nothing: answers.length === 0 && result.services.length === 0 ? t(lang, "scan.nothing") : undefined,
  };
}

/** The evidence behind the value an answer took (every value of a list answer), or all of it where the answers schema does not take the value. */
function chosenEvidence(result: ScanResult, key: string): Evidence[] {
  const all = result.evidence.filter((entry) => entry.answer === key);
  const value = result.answers[key];
  if (key === "microservices" || key === "clusters" || value === undefined) return all.sort(byConfidence);
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  return all.filter((entry) => values.includes(String(entry.value))).sort(byConfidence);
}

function byConfidence(a: Evidence, b: Evidence): number {
  return RANK[a.confidence] - RANK[b.confidence];
}

function valueText(result: ScanResult, key: string, evidence: readonly Evidence[], lang: Lang, shown: (text: string) => string): string {
  const value = result.answers[key];
  const label = (item: string) => tDynamic(lang, `choice.${key}.${item}`, shown(item));
  if (key === "kubernetesFeatures") return t(lang, "scan.kubernetesFeatures.some");
  if (Array.isArray(value)) return value.map((item) => label(String(item))).join(", ");
  if (value !== undefined) return typeof value === "number" ? String(value) : label(String(value));
  // Found, but not a value the answers take (a Region the prices do not cover): shown as found.
  const found = [...new Set(evidence.map((entry) => String(entry.value)))];
  return found.map(shown).join(", ");
}

function places(evidence: readonly Evidence[], lang: Lang, shown: (text: string) => string): string[] {
  const lines = evidence.slice(0, SHOWN_PLACES).map((entry) => shown(`${entry.file}:${entry.line}  ${entry.detail}`));
  if (evidence.length > SHOWN_PLACES) lines.push(t(lang, "scan.more", { count: evidence.length - SHOWN_PLACES }));
  return lines;
}

/** "Also deploys to Amazon ECS (3 services)" for each platform but the answer that carries services; a service deployed to both counts on each. */
function otherPlatforms(result: ScanResult, lang: Lang): string[] {
  const counts = new Map<string, number>();
  for (const service of result.services) for (const platform of service.platforms) counts.set(platform, (counts.get(platform) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([platform]) => platform !== result.answers.currentPlatform)
    .map(([platform, count]) => t(lang, count === 1 ? "scan.alsoPlatform.one" : "scan.alsoPlatform.many", { platform: tDynamic(lang, `scan.alsoPlatform.name.${platform}`, platform), count }));
}

/**
 * Services found only in compose files leave what runs today unanswered, on
 * purpose: compose is how a laptop or one host runs them, not a production
 * platform. Said, so the missing answer reads as a choice and not a miss.
 */
function composeOnly(result: ScanResult, lang: Lang): string[] {
  return result.answers.currentPlatform === undefined && result.services.some((service) => service.platform === null) ? [t(lang, "scan.composeOnly")] : [];
}

/** Where an answer was found, in a few words: one place, a folder's files, or the first place and how many more. */
export function whereFound(evidence: readonly Evidence[], lang: Lang, shown: (text: string) => string): string {
  const sorted = [...evidence].sort(byConfidence);
  const files = [...new Set(sorted.map((entry) => entry.file))];
  if (files.length === 0) return "";
  if (files.length === 1) return shown(`${sorted[0]!.file}:${sorted[0]!.line}`);
  const folders = new Set(files.map((file) => file.slice(0, file.lastIndexOf("/") + 1)));
  const extensions = new Set(files.map((file) => /\.[^./]+$/.exec(file)?.[0] ?? ""));
  if (folders.size === 1 && extensions.size === 1) return shown(`${[...folders][0]}*${[...extensions][0]}`);
  return joinList(lang, [shown(`${sorted[0]!.file}:${sorted[0]!.line}`), t(lang, files.length === 2 ? "scan.files.one" : "scan.files.many", { count: files.length - 1 })]);
}

