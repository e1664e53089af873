// After a result from the questionnaire: the offer to keep the answers in a
// file, the start of the CI story. Loaded only when the questionnaire ran.
import { confirm, input } from "@inquirer/prompts";
import { lstatSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { assertCanWrite, writeAnswersFile } from "../output/write-file.js";
import { untilDrawn, whileAsking, type PromptContext } from "./drawn.js";
import { themeFor, widthOf } from "./prompt-theme.js";
import { wrap } from "../render/layout.js";

/** The file suggested: answers.json in the current folder, the name `--answers` examples use. */
const SUGGESTED_FILE = "answers.json";

/**
 * Offers to save `answers`: to answers.json by default; a file that exists is
 * overwritten only when the user says so, else another name is asked for (an
 * empty one saves nothing). Says where it wrote, on stderr.
 */
export async function offerToSave(
  answers: Readonly<Record<string, unknown>>,
  context: PromptContext,
  cwd: string,
  lang: Lang,
  color: boolean,
): Promise<void> {
  const file = await whileAsking(context, (asking) => chooseFile(asking, cwd, lang, color));
  if (file === undefined) return;
  const written = writeAnswersFile(file, answers, cwd, true, lang);
  const wrote = t(lang, "save.wrote", { path: written.throughLink ?? resolve(cwd, file), file });
  context.output.write(`${wrap(wrote, widthOf(context.output)).join("\n")}\n`);
}

async function chooseFile(context: PromptContext, cwd: string, lang: Lang, color: boolean): Promise<string | undefined> {
  const ask = <T,>(prompt: (context: PromptContext) => Promise<T>) => untilDrawn(context, (output) => prompt({ ...context, output }));
  const theme = (hint: string) => themeFor(hint, lang, color, context.output);
  // A yes-or-no question in the run's language: the answer once given, and what a wrong key gets. The keys stay y and n.
  const yesOrNo = (message: string, hint: string, answer: boolean) => (c: PromptContext) =>
    confirm(
      {
        message,
        theme: { ...theme(hint), keywords: { yes: "yes", no: "no", error: () => t(lang, "save.yesOrNo") } },
        transformer: (yes) => t(lang, yes ? "save.yes" : "save.no"),
        default: answer,
      },
      c,
    );
  const save = await ask(yesOrNo(t(lang, "save.offer", { file: SUGGESTED_FILE }), t(lang, "save.offer.hint"), true));
  if (!save) return undefined;
  let file = SUGGESTED_FILE;
  for (;;) {
    const problem = problemWith(file, cwd, lang);
    if (problem === undefined) return file;
    if (problem === "exists" && (await ask(yesOrNo(t(lang, "save.overwrite", { file }), "", false)))) return file;
    const hint = problem === "exists" ? t(lang, "save.another.hint") : problem;
    file = (await ask((c) => input({ message: t(lang, "save.another"), theme: theme(hint) }, c))).trim();
    if (file === "") return undefined;
  }
}

/** Why `file` cannot simply be written: it exists (the user may overwrite it), or a sentence saying what is in the way. */
function problemWith(file: string, cwd: string, lang: Lang): "exists" | string | undefined {
  try {
    assertCanWrite([file], cwd, true, lang);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  // A link counts as there even when it leads nowhere: writing through it is the user's call.
  return lstatSync(resolve(cwd, file), { throwIfNoEntry: false }) === undefined ? undefined : "exists";
}
