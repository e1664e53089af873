import { joinList, t, tDynamic, type Lang } from "../../i18n/index.js";
import type { FromRepository } from "../input/gather.js";
import { forMarkdown, forTerminal } from "../output/escape.js";
import { wrap } from "./layout.js";

/** The line under a result that names the answers taken from the repository (--from DIR). */
export function fromRepositoryLine(from: FromRepository, format: "text" | "markdown" | "adr", lang: Lang, width: number): string {
  const labels = from.keys.map((key) => tDynamic(lang, `label.${key}`, key));
  const shown = format === "text" ? forTerminal(from.root) : forMarkdown(from.root);
  const line = t(lang, "scan.fromRepository", { dir: shown, keys: labels.length === 0 ? t(lang, "value.none") : joinList(lang, labels) });
  return format === "text" ? `\n${wrap(line, width).join("\n")}\n` : `\n${line}\n`;
}
