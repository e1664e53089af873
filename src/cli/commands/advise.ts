import { evaluate } from "../../engine/recommend.js";
import type { Lang } from "../../i18n/index.js";
import { EXIT } from "../errors-report.js";
import { gatherAnswers } from "../gather.js";
import { colorEnabled, outputWidth, type Io } from "../io.js";
import { checkLang, formatOf } from "../options.js";
import { renderText } from "../render-text.js";

const FORMATS = ["text", "json"] as const;

/** The main command: gather answers, recommend, render, and choose the exit code. */
export async function advise(options: Record<string, unknown>, io: Io, lang: Lang): Promise<number> {
  // Flag mistakes are reported before any prompt is shown.
  const format = formatOf(options, FORMATS, lang);
  checkLang(options, lang);
  const { answers } = await gatherAnswers(options, io, lang);
  const result = evaluate(answers, { lang });
  const color = colorEnabled(io.stdout, io.env, options.color as boolean | undefined);
  io.stdout.write(
    format === "json"
      ? `${JSON.stringify(result, null, 2)}\n`
      : renderText(result, { lang, color, width: outputWidth(io.stdout), unicode: io.stdout.isTTY === true }),
  );
  return EXIT.ok;
}
