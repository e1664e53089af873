import { t, type Lang } from "../../i18n/index.js";
import { displayWidth } from "./layout.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * How the tool was started, so that a command shown runs the same way:
 * `npm start --` in a clone (npm runs the start script), `npx ecs-or-eks`
 * under npx, else the name it has once installed (npm link, npm install -g).
 * npm says which in the environment it gives what it runs.
 */
function invocation(env: Env): string {
  if (env.npm_lifecycle_event === "start" && env.npm_package_name === "ecs-or-eks") return "npm start --";
  if (env.npm_command === "exec" || env.npm_lifecycle_event === "npx") return "npx ecs-or-eks";
  return "ecs-or-eks";
}

/** A word as a POSIX shell reads it back: as it is when it is plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * The language flag a command shown should carry: Korean is kept whether it
 * came from --lang or the locale, since the command may run where the locale
 * is C (CI, a server); English is what every locale but Korean gives.
 */
export function langFlag(lang: Lang): string[] {
  return lang === "en" ? [] : ["--lang", lang];
}

/** The command that gives the same result from an answers file, as this run was started. */
export function rerunCommand(env: Env, file: string, lang: Lang): string {
  return [invocation(env), "--answers", shellWord(file), ...langFlag(lang)].join(" ");
}

/** What besides the answers shapes a run's result, as its flags: each is given again where the command is shown. */
export interface RunFlags {
  from?: string | undefined;
  rules?: string | undefined;
  prices?: string | undefined;
  utilization?: string | undefined;
  /** --workload FILE, when the services came from a file. */
  workloadFile?: string | undefined;
  /** --lang as given, else the language the run spoke. */
  lang?: string | undefined;
}

/** The flags a command shown must repeat to give the same result. */
export function runFlags(flags: RunFlags, lang: Lang): string[] {
  return [
    ...(flags.workloadFile === undefined ? [] : ["--workload", flags.workloadFile]),
    ...(flags.from === undefined ? [] : ["--from", flags.from]),
    ...(flags.rules === undefined ? [] : ["--rules", flags.rules]),
    ...(flags.prices === undefined ? [] : ["--prices", flags.prices]),
    ...(flags.utilization === undefined ? [] : ["--utilization", flags.utilization]),
    ...(flags.lang === undefined ? langFlag(lang) : ["--lang", flags.lang]),
  ];
}

/**
 * A command as lines that paste into a shell whole: a flag and its value stay
 * together, each value quoted as the shell needs, and past `width` the command
 * goes on over several lines, each ending in a backslash.
 */
export function commandLines(head: string, args: readonly string[], width: number, indent = ""): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 2) words.push(args.slice(i, i + 2).map(shellWord).join(" "));
  const lines = [`${indent}${head}`];
  for (const word of words) {
    const last = lines.at(-1)!;
    if (displayWidth(`${last} ${word} \\`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`${indent}  ${word}`);
  }
  return lines.map((line, i) => (i < lines.length - 1 ? `${line} \\` : line));
}

/** The result's last lines after the questionnaire: the one command that gives the same result. */
export function renderReproduce(args: readonly string[], width: number, lang: Lang, env: Env): string {
  return `\n${t(lang, "reproduce.title")}\n${commandLines(invocation(env), args, width, "  ").join("\n")}\n`;
}
