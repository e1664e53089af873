import { UsageError } from "../../engine/errors.js";
import { QUESTIONS } from "../../engine/questions.js";
import { t, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import { gatherAnswers } from "../input/gather.js";
import type { Io } from "../terminal/io.js";
import type { InitOptions } from "../input/options.js";
import { assertCanWrite, linkNotes, writeAnswersFile } from "../output/write-file.js";
import { forTerminal } from "../output/escape.js";

/** `ecs-or-eks init`: the questionnaire (or flags), written as an answers file for CI. */
export async function init(options: InitOptions, io: Io, lang: Lang): Promise<number> {
  const out = (options.out) ?? "answers.json";
  if (out === "") throw new UsageError(t(lang, "write.emptyPath", { flag: "--out" }));
  const force = options.force === true;
  assertCanWrite([out], io.cwd, force, lang);
  const { answers } = await gatherAnswers(options, io, lang, "write");
  // Every answer is written, defaults included: the file documents the whole decision.
  // An answer left unknown (the team's size) stays out rather than being written as a guess.
  const written = QUESTIONS.filter((q) => answers[q.key] !== undefined).map((q) => [q.key, answers[q.key]]);
  const wrote = writeAnswersFile(out, Object.fromEntries(written), io.cwd, force, lang);
  for (const note of linkNotes([wrote], lang)) io.stderr.write(`${note}\n`);
  const { rerunCommand } = await import("../render/reproduce.js");
  io.stderr.write(`${t(lang, "init.wrote", { file: forTerminal(out), command: forTerminal(rerunCommand(io.env, out, lang)) })}\n`);
  return EXIT.ok;
}
