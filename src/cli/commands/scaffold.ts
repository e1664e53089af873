import { join } from "node:path";
import { InputError, UsageError } from "../../engine/errors.js";
import { pickLaunchType } from "../../engine/launch-type.js";
import { QUESTIONS } from "../../engine/questions.js";
import { evaluate } from "../../engine/recommend.js";
import { LAUNCH_TYPES, PLATFORMS, type LaunchType, type Platform } from "../../engine/rule-types.js";
import { t, tDynamic, type Lang } from "../../i18n/index.js";
import { checkSpec, DEFAULTS, type Scaffold, type ScaffoldSpec } from "../../scaffold/spec.js";
import { EXIT } from "../errors-report.js";
import { gatherAnswers } from "../gather.js";
import type { Io } from "../io.js";
import { loadRules } from "../load-rules.js";
import { optionName } from "../summary-lines.js";
import { checkLang } from "../options.js";
import { assertCanWrite, writeNewFile } from "../write-file.js";

type Options = Record<string, unknown>;

/**
 * `ecs-or-eks scaffold`: starter configuration for the recommended platform
 * (or --platform): an ECS task and service definition, Kubernetes manifests,
 * or a Helm chart. Prints to stdout, or writes into --out DIR.
 */
export async function scaffoldCommand(options: Options, io: Io, lang: Lang): Promise<number> {
  checkLang(options, lang);
  const notNumbers = (["port", "cpu", "memory", "replicas"] as const)
    .filter((flag) => options[flag] !== undefined && !/^\s*\d+\s*$/.test(String(options[flag])))
    .map((flag) => t(lang, "scaffold.notNumber", { flag: `--${flag}`, got: JSON.stringify(options[flag]) }));
  if (notNumbers.length > 0) throw new InputError(notNumbers);
  const chosen = await choosePlatform(options, io, lang);
  const number = (flag: string, fallback: number) => (options[flag] === undefined ? fallback : Number(options[flag]));
  const spec: ScaffoldSpec = {
    ...chosen,
    name: typeof options.name === "string" ? options.name : DEFAULTS.name,
    image: typeof options.image === "string" ? options.image : DEFAULTS.image,
    port: number("port", DEFAULTS.port),
    cpu: number("cpu", DEFAULTS.cpu),
    memory: number("memory", DEFAULTS.memory[chosen.platform]),
    replicas: number("replicas", DEFAULTS.replicas),
  };
  const problems = checkSpec(spec, lang);
  if (problems.length > 0) throw new InputError(problems);

  // The generators (and the YAML writer) load only for this command.
  const { scaffold } = await import("../../scaffold/index.js");
  const result = scaffold(spec);
  const out = options.out as string | undefined;
  if (out === undefined) {
    io.stdout.write(result.files.length === 1 ? result.files[0]!.content : result.files.map((f) => `==> ${f.path} <==\n${f.content}`).join("\n"));
  } else {
    const paths = result.files.map((file) => join(out, file.path));
    // Refused before anything is written, so a refused run leaves no half-written scaffold.
    assertCanWrite(paths, io.cwd, options.force === true, lang);
    result.files.forEach((file, i) => writeNewFile(paths[i]!, file.content, io.cwd, options.force === true, lang));
  }
  io.stderr.write(report(spec, result, out, chosen.why, lang));
  return EXIT.ok;
}

interface Chosen {
  platform: Platform;
  launchType: LaunchType;
  helm: boolean;
  /** How the platform was chosen, for the report. */
  why: string;
}

/** The platform from --platform or from the advisor; the launch type from --launch-type, the advisor, or Fargate. */
async function choosePlatform(options: Options, io: Io, lang: Lang): Promise<Chosen> {
  const platform = oneOf(options.platform, PLATFORMS, "--platform", lang);
  const launchFlag = oneOf(options.launchType, LAUNCH_TYPES, "--launch-type", lang);
  const helmFlag = options.helm === true;
  const hasAnswers = options.answers !== undefined || QUESTIONS.some((q) => typeof options[q.key] === "string");
  if (platform !== undefined && !hasAnswers) {
    return { platform, launchType: launchFlag ?? "fargate", helm: helmFlag && platform === "eks", why: t(lang, "scaffold.chosenByFlag") };
  }
  const rules = await loadRules(options.rules as string | undefined, io, lang);
  // With --platform, answers only refine the launch type: never ask for them.
  const { answers } = await gatherAnswers(platform === undefined ? options : { ...options, input: false }, io, lang);
  const result = evaluate(answers, { rules, lang });
  const target = platform ?? result.recommendation;
  const launchType = launchFlag ?? (target === result.recommendation ? result.launchType : pickLaunchType(rules, answers, target).launchType);
  const why =
    platform === undefined
      ? t(lang, "scaffold.chosenByAnswers", { percent: Math.round(result.confidence * 100) })
      : t(lang, "scaffold.chosenByFlag");
  return { platform: target, launchType, helm: target === "eks" && (helmFlag || answers.ecosystem.includes("helm")), why };
}

function report(spec: ScaffoldSpec, result: Scaffold, out: string | undefined, why: string, lang: Lang): string {
  const what = optionName(lang, spec.platform, spec.launchType);
  const lines = [t(lang, "scaffold.for", { what, why })];
  if (out !== undefined) lines.push(...result.files.map((f) => t(lang, "scaffold.wrote", { file: join(out, f.path) })));
  if (spec.helm) lines.push(t(lang, "scaffold.helmNote", { name: spec.name, dir: join(out ?? ".", spec.name) }));
  if (spec.platform === "eks" && spec.launchType === "fargate") lines.push(t(lang, "scaffold.eksFargateNote"));
  if (result.placeholders.length > 0) {
    lines.push(t(lang, "scaffold.placeholders"));
    const width = Math.max(...result.placeholders.map((token) => token.length));
    for (const token of result.placeholders) {
      lines.push(`  ${token.padEnd(width)}  ${tDynamic(lang, `placeholder.${token.slice(1, -1)}`, "")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string, lang: Lang): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t(lang, "scaffold.badChoice", { flag, choices: allowed.join(", "), got: String(value) }));
}
