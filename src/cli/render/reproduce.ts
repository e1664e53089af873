import { t, type Lang } from "../../i18n/index.js";
import { displayWidth } from "./layout.js";

/** The name the command has once installed (npm link, npm install -g, or a release through npx). */
const BIN_NAME = "ecs-or-eks";

/**
 * The result's last lines after the questionnaire: the one command that gives
 * the same result. Too wide for the terminal, it goes on over several lines,
 * each ending in a backslash, so it still pastes into a shell whole.
 */
export function renderReproduce(args: readonly string[], width: number, lang: Lang): string {
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 2) words.push(args.slice(i, i + 2).join(" "));
  const lines = [`  ${BIN_NAME}`];
  for (const word of words) {
    const last = lines.at(-1)!;
    if (displayWidth(`${last} ${word} \\`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`    ${word}`);
  }
  return `\n${t(lang, "reproduce.title")}\n${lines.join(" \\\n")}\n`;
}
