import type { Lang } from "../../i18n/index.js";
import type { ScanResult } from "../../scan/evidence.js";
import { FORMATS, formatOf, type ScanCommandOptions } from "../input/options.js";
import { scanFolder } from "../input/scan-folder.js";
import { jsonText } from "../output/escape.js";
import { EXIT } from "../output/exit-codes.js";
import { writeOut } from "../output/write-out.js";
import { colorEnabled } from "../terminal/color.js";
import type { Io } from "../terminal/io.js";
import { outputWidth } from "../terminal/width.js";

/** `ecs-or-eks scan [DIR]`: what the repository's deployment files show, with where each answer was found. */
export async function scanCommand(dir: string | undefined, options: ScanCommandOptions, io: Io, lang: Lang): Promise<number> {
  const format = formatOf(options, "scan", lang);
  const result = await scanFolder(dir ?? ".", io, lang, { helm: options.helm === true });
  await writeOut(io.stdout, await render(result, format, options, io, lang));
  return EXIT.ok;
}

async function render(result: ScanResult, format: (typeof FORMATS.scan)[number], options: ScanCommandOptions, io: Io, lang: Lang): Promise<string> {
  switch (format) {
    case "json":
      return `${jsonText(result, 2)}\n`;
    case "markdown":
      return (await import("../render/scan-markdown.js")).renderScanMarkdown(result, lang);
    case "text": {
      const color = colorEnabled(io.stdout, io.env, options.color);
      return (await import("../render/scan-text.js")).renderScanText(result, { lang, width: outputWidth(io.stdout), unicode: io.stdout.isTTY === true, color });
    }
  }
}

