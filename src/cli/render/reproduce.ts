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

/**
 * The result's last lines after the questionnaire: the one command that gives
 * the same result. Too wide for the terminal, it goes on over several lines,
 * each ending in a backslash, so it still pastes into a shell whole.
 */
export function renderReproduce(args: readonly string[], width: number, lang: Lang, env: Env): string {
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 2) words.push(args.slice(i, i + 2).map(shellWord).join(" "));
  const lines = [`  ${invocation(env)}`];
  for (const word of words) {
    const last = lines.at(-1)!;
    if (displayWidth(`${last} ${word} \\`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`    ${word}`);
  }
  return `\n${t(lang, "reproduce.title")}\n${lines.join(" \\\n")}\n`;
}
