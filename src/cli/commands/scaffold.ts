import { lstatSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError, UsageError } from "../../engine/errors.js";
import { pickLaunchType } from "../../engine/launch-type.js";
import { QUESTIONS, type Answers } from "../../engine/questions.js";
import type { RuleSet } from "../../engine/rule-set.js";
import { evaluateBrief } from "../../engine/evaluate.js";
import { localize, say } from "../../explain/words.js";
import { LAUNCH_TYPES, PLATFORMS, type LaunchType, type Platform } from "../../engine/rule-types.js";
import { joinList, t, tDynamic, type Lang } from "../../i18n/index.js";
import { checkSpec, DEFAULTS, WINDOWS_DEFAULTS, type Scaffold, type ScaffoldSpec } from "../../scaffold/spec.js";
import { EXIT } from "../output/exit-codes.js";
import { gatherAnswers } from "../input/gather.js";
import { answersFromFlags } from "../input/flags.js";
import { validateAnswers } from "../input/validate-answers.js";
import type { Io } from "../terminal/io.js";
import { writeOut } from "../output/write-out.js";
import { loadRules, refuseTwoStdinReaders } from "../input/load-rules.js";
import { callShort, optionName } from "../render/phrases.js";
import { oneOf, type ScaffoldOptions } from "../input/options.js";
import { linkNotes, writeFilesAtomically, type Written } from "../output/write-file.js";
import { forTerminal } from "../output/escape.js";

/**
 * `ecs-or-eks scaffold`: starter configuration for the recommended platform
 * (or --platform): an ECS task and service definition, Kubernetes manifests,
 * or a Helm chart. Prints to stdout, or writes into --out DIR.
 */
export async function scaffoldCommand(options: ScaffoldOptions, io: Io, lang: Lang): Promise<number> {
  checkScaffoldFlags(options, lang);
  refuseTwoStdinReaders(options, lang);
  const out = options.out;
  if (out !== undefined) checkOutFolder(out, io.cwd, lang);
  // The workload's figures and Region (no rule reads them) decide nothing: with --platform they ask for no other answer.
  const deciding = options.answers !== undefined || QUESTIONS.some((q) => !("estimate" in q) && options[q.key] !== undefined);
  const planned = await planScaffold(options, lang, {
    given: deciding,
    // With --platform, answers only refine the launch type: never ask for them.
    advice: async (platform) => {
      const rules = await loadRules(options.rules, io, lang);
      const { answers, given } = await gatherAnswers(platform === undefined ? options : { ...options, input: false }, io, lang);
      // As given, not the estimate's default: a Region nobody named stays a placeholder.
      return { rules, answers, region: "region" in given ? answers.region : undefined };
    },
    region: () => regionFromFlags(options, lang),
  });
  const { result } = planned;
  let written: Written[] = [];
  if (out === undefined) {
    await writeOut(io.stdout, result.files.length === 1 ? result.files[0]!.content : result.files.map((f) => `==> ${f.path} <==\n${f.content}`).join("\n"));
  } else {
    written = writeScaffold(result, out, io.cwd, options.force === true, lang);
  }
  io.stderr.write(`${scaffoldReport(planned, out, lang, linkNotes(written, lang)).join("\n")}\n`);
  return EXIT.ok;
}

/** The flags' own mistakes, before any file is read: sizes that are not numbers, a Helm chart for ECS. */
export function checkScaffoldFlags(options: ScaffoldOptions, lang: Lang): void {
  // A number out of range (-1, 1.5) is the spec's to refuse, naming the range; only what is no number at all is refused here.
  const notNumbers = (["port", "cpu", "memory", "replicas"] as const)
    .filter((flag) => options[flag] !== undefined && !/^\s*-?\d+(\.\d+)?\s*$/.test(String(options[flag])))
    .map((flag) => t(lang, "scaffold.notNumber", { flag: `--${flag}`, got: JSON.stringify(options[flag]) }));
  if (notNumbers.length > 0) throw new InputError(notNumbers);
  if (options.helm === true && options.platform === "ecs") throw new UsageError(t(lang, "scaffold.helmOnEcs"));
}

/** Where the answers come from, when there are any: the CLI gathers them, the MCP server has them already. */
export interface ScaffoldAnswers {
  /** Whether answers that decide the platform were given at all (--answers or an answer flag other than the estimate's). */
  given: boolean;
  /** The rules and the answers, for the advisor, with the Region if one was given; `platform` is --platform, when given. */
  advice: (platform: Platform | undefined) => Promise<{ rules: RuleSet; answers: Answers; region?: string | undefined }>;
  /** The Region given without answers that decide (`--region` beside --platform). */
  region?: () => Promise<string | undefined>;
}

/** What a scaffold run makes: the spec, the files, how the platform was chosen and what deserves a second look. */
export interface PlannedScaffold {
  spec: ScaffoldSpec;
  result: Scaffold;
  why: string;
  warnings: readonly string[];
}

/** The spec from the flags and the advisor, checked, and the files for it: everything but printing or writing them. */
export async function planScaffold(options: ScaffoldOptions, lang: Lang, source: ScaffoldAnswers): Promise<PlannedScaffold> {
  const chosen = await choosePlatform(options, lang, source);
  const windowsTask = chosen.windows && chosen.platform === "ecs";
  const number = (flag: "port" | "cpu" | "memory" | "replicas", fallback: number) => (options[flag] === undefined ? fallback : Number(options[flag]));
  const spec: ScaffoldSpec = {
    platform: chosen.platform,
    launchType: chosen.launchType,
    helm: chosen.helm,
    gpu: chosen.gpu,
    windows: chosen.windows,
    name: typeof options.name === "string" ? options.name : DEFAULTS.name,
    image: typeof options.image === "string" ? options.image : DEFAULTS.image,
    port: number("port", DEFAULTS.port),
    // An ECS Windows task starts at Fargate's smallest Windows size, on any way of running.
    cpu: number("cpu", windowsTask ? WINDOWS_DEFAULTS.cpu : DEFAULTS.cpu),
    memory: number("memory", windowsTask ? WINDOWS_DEFAULTS.memory : DEFAULTS.memory[chosen.platform]),
    replicas: number("replicas", DEFAULTS.replicas),
    public: options.public === true,
    region: chosen.region,
  };
  const problems = checkSpec(spec, lang);
  if (problems.length > 0) throw new InputError(problems);
  // The default image listens on its own port: another port without an image would fail every health check.
  if (options.image === undefined && spec.port !== DEFAULTS.port) {
    throw new UsageError(t(lang, "scaffold.portNeedsImage", { port: spec.port, image: DEFAULTS.image, imagePort: DEFAULTS.port }));
  }
  // The generators (and the YAML writer) load only for this command.
  const { scaffold, sizeWarnings } = await import("../../scaffold/index.js");
  return { spec, result: scaffold(spec), why: chosen.why, warnings: sizeWarnings(spec, lang) };
}

/** The files into the folder `out`, all or none, never through a linked folder under it, never over a file without `force`. */
export function writeScaffold(result: Scaffold, out: string, cwd: string, force: boolean, lang: Lang): Written[] {
  refuseLinkedFolders(out, result.files.map((file) => file.path), cwd, lang);
  return writeFilesAtomically(
    result.files.map((file) => ({ path: join(out, file.path), content: file.content })),
    cwd,
    force,
    lang,
    out,
  );
}

interface Chosen {
  platform: Platform;
  launchType: LaunchType;
  helm: boolean;
  gpu: boolean;
  /** Windows containers, from the answers (no flag asks for them). */
  windows: boolean;
  /** How the platform was chosen, for the report. */
  why: string;
  /** The Region given (--region, or in the answers), for the logs. */
  region: string | undefined;
}

/** The Region from --region, checked as every answer flag is (the other flags given are checked too, and refused alike). */
async function regionFromFlags(options: ScaffoldOptions, lang: Lang): Promise<string | undefined> {
  const flags = answersFromFlags(options, lang);
  const outcome = await validateAnswers(flags.raw, { lang, where: (key) => flags.where.get(key) ?? key });
  // Only the values are checked here: the answers that decide the platform are not needed.
  if (!outcome.ok && outcome.problems.length > 0) throw new InputError(outcome.problems);
  return typeof flags.raw.region === "string" ? flags.raw.region : undefined;
}

/** The platform from --platform or from the advisor; the launch type from --launch-type, the advisor, or the platform's first. */
async function choosePlatform(options: ScaffoldOptions, lang: Lang, source: ScaffoldAnswers): Promise<Chosen> {
  const platform = flagOneOf(options.platform, PLATFORMS, "--platform", lang);
  const launchFlag = flagOneOf(options.launchType, LAUNCH_TYPES, "--launch-type", lang);
  const helmFlag = options.helm === true;
  const gpuFlag = options.gpu === true;
  if (platform !== undefined && !source.given) {
    const launchType = launchFlag ?? (gpuFlag ? (platform === "ecs" ? "managed-instances" : "auto-mode") : "fargate");
    const region = await source.region?.();
    return { platform, launchType, helm: helmFlag && platform === "eks", gpu: gpuFlag, windows: false, why: t(lang, "scaffold.chosenByFlag"), region };
  }
  const { rules, answers, region } = await source.advice(platform);
  // The decision alone: scaffolding needs neither its prose nor what would change it.
  const result = evaluateBrief(answers, { rules });
  const target = platform ?? result.recommendation;
  // The advisor's way of running for the platform scaffolded, which --platform may have changed.
  const advised = pickLaunchType(rules, answers, target);
  // A launch type forced by flag must still meet the workload's needs: the rules' limits, then the workload's own
  // (a task larger than Fargate's largest size, a GPU service), as the advisor and the estimate rule them out.
  if (launchFlag !== undefined) {
    const limit = advised.limits.find((l) => l.excludes.includes(launchFlag));
    const own = advised.workloadLimits.find((l) => l.launchType === launchFlag);
    const reason = limit ? localize(limit.text, lang) : own?.reasons.map((r) => say(lang, r)).join(" ");
    if (reason !== undefined) {
      const others = joinList(lang, Object.keys(advised.scores), "or");
      throw new UsageError(t(lang, "scaffold.launchTypeExcluded", { launchType: launchFlag, reason, others }));
    }
  }
  const why =
    platform === undefined
      ? t(lang, "scaffold.chosenByAnswers", { call: callShort(lang, result.confidenceLabel, result.margin) })
      : t(lang, "scaffold.chosenByFlag");
  return {
    platform: target,
    launchType: launchFlag ?? advised.launchType,
    helm: target === "eks" && (helmFlag || answers.ecosystem.includes("helm")),
    gpu: gpuFlag || answers.requirements.includes("gpu"),
    windows: answers.requirements.includes("windows"),
    why,
    region,
  };
}

/** The report on stderr (the text a client of the MCP server shows): what was made and why, what was written, notes, warnings, placeholders. */
export function scaffoldReport({ spec, result, why, warnings }: PlannedScaffold, out: string | undefined, lang: Lang, notes: readonly string[] = []): string[] {
  const lines = [t(lang, "scaffold.for", { what: optionName(lang, spec.platform, spec.launchType), why })];
  if (out !== undefined) lines.push(...result.files.map((f) => t(lang, "scaffold.wrote", { file: forTerminal(join(out, f.path)) })), ...notes);
  if (spec.helm) lines.push(t(lang, "scaffold.helmNote", { name: spec.name, dir: forTerminal(join(out ?? ".", spec.name)) }));
  for (const { key, ...vars } of result.notes) lines.push(t(lang, key, vars));
  lines.push(...warnings.map((warning) => t(lang, "scaffold.warning", { warning })));
  if (result.placeholders.length > 0) {
    lines.push(t(lang, "scaffold.placeholders"));
    const width = Math.max(...result.placeholders.map((token) => token.length));
    for (const token of result.placeholders) {
      lines.push(`  ${token.padEnd(width)}  ${tDynamic(lang, `placeholder.${token.slice(1, -1)}`, "")}`);
    }
  }
  return lines;
}

/** --out names a folder: not empty, not a file (a missing folder is created). */
export function checkOutFolder(out: string, cwd: string, lang: Lang): void {
  if (out === "") throw new UsageError(t(lang, "write.emptyPath", { flag: "--out" }));
  let isFile = false;
  try {
    isFile = !statSync(resolve(cwd, out)).isDirectory();
  } catch {
    // Missing (or a dangling link): created, or reported, when the files are written.
  }
  if (isFile) throw new UsageError(t(lang, "write.outIsFile", { out }));
}

/**
 * No folder under --out is followed when it is a symbolic link: a link such
 * as sample-app/templates -> /elsewhere would send the chart's files out of
 * the folder the user named. --out itself may be a link; it was named.
 */
function refuseLinkedFolders(out: string, files: readonly string[], cwd: string, lang: Lang): void {
  const folders = new Set(files.flatMap((file) => file.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  for (const folder of folders) {
    let linked = false;
    try {
      linked = lstatSync(resolve(cwd, out, folder)).isSymbolicLink();
    } catch {
      // Missing: created as a real folder when the files are written.
    }
    if (linked) throw new UsageError(t(lang, "scaffold.linkedFolder", { folder: join(out, folder) }), t(lang, "scaffold.linkedFolderHint"));
  }
}

function flagOneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, lang: Lang): T | undefined {
  return oneOf(value, allowed, (got) => t(lang, "scaffold.badChoice", { flag, choices: allowed.join(", "), got }), lang);
}
