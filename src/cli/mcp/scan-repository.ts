// The `scan_repository` tool: `ecs-or-eks scan --format json` for a folder
// the client shares. The folder must lie inside the client's roots (or, for
// a client without roots, the folder the server started in); the walk then
// never leaves it. The scanner loads only when the tool is called.
import { QUESTIONS } from "../../engine/questions.js";
import { t, type Lang } from "../../i18n/index.js";
import { forTerminal, jsonText } from "../output/escape.js";
import { scanReport } from "../render/scan-report.js";
import type { ScanResult } from "../../scan/evidence.js";
import { allowedRoots, insideRoots } from "./roots.js";
import type { CallContext, Output } from "./call.js";

/** Scans `args.path` (default: the first root), relative paths taken from the first root. */
export async function scanRepository(args: Readonly<Record<string, unknown>>, call: CallContext): Promise<Output> {
  const { lang } = call;
  const roots = await allowedRoots(call.roots, call.cwd, lang);
  const path = (args.path as string | undefined) ?? ".";
  insideRoots(path, roots, lang, "read");
  const { scanFolder } = await import("../input/scan-folder.js");
  // Named as given, as `scan DIR` names it in `root`; `helm template` is never run for a client.
  const result = await scanFolder(path, { cwd: roots[0]!, env: {} }, lang);
  return { structured: result as unknown as Record<string, unknown>, text: scanText(result, lang) };
}

/**
 * What the scan found, a line per answer with where it was found, the
 * answers to pass on to recommend, and the questions the repository left
 * open, so an agent that reads only text can go on.
 */
function scanText(result: ScanResult, lang: Lang): string {
  const report = scanReport(result, lang, (text) => forTerminal(text));
  const open = QUESTIONS.filter((q) => (q.required || "quick" in q) && !(q.key in result.answers)).map((q) => q.key);
  return [
    report.title,
    ...(report.nothing === undefined ? [] : [report.nothing]),
    ...report.answers.flatMap((row) => [`- ${row.label}: ${row.value} (${row.confidence})`, ...row.where.map((place) => `    ${place}`)]),
    ...report.notes,
    t(lang, "mcp.text.scanAnswers", { answers: jsonText(result.answers) }),
    ...(open.length === 0 ? [] : [t(lang, "mcp.text.scanOpen", { keys: open.join(", ") })]),
  ].join("\n");
}
