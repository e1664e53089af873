// After a result from the questionnaire: the offer to keep the answers in a
// file, the start of the CI story. Loaded only when the questionnaire ran.
import { lstatSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { InputError, OutputError } from "../../engine/errors.js";
import { t, type Lang } from "../../i18n/index.js";
import { assertCanWrite, writeAnswersFile } from "../output/write-file.js";
import { forTerminal } from "../output/escape.js";
import { ioReason, WRITE_REASONS } from "../output/io-reason.js";
import { rerunCommand } from "../render/reproduce.js";
import { wrap } from "../render/layout.js";
import type { Io } from "../terminal/io.js";
import { untilDrawn, whileAsking, type PromptContext } from "./drawn.js";
import { themeFor, widthOf } from "./prompt-theme.js";
import { askTyped, type Parsed } from "./typed-prompt.js";

/** The file suggested: answers.json in the current folder, the name `--answers` examples use. */
const SUGGESTED_FILE = "answers.json";

/** The longest path a file system takes (Linux's PATH_MAX); a longer one typed or pasted is refused unread. */
const MAX_PATH = 4096;

/**
 * What a yes or a no may be typed as, in either language: the words, and
 * the Hangul the y and n keys type when a Korean input method is on.
 */
const YES = new Set(["y", "yes", "예", "네", "ㅛ"]);
const NO = new Set(["n", "no", "아니요", "아니오", "ㅜ"]);

/**
 * Offers to save `answers`: to answers.json by default; a file that exists is
 * overwritten only when the user says so, else another name is asked for (an
 * empty one saves nothing). A name that cannot be written (a folder, a folder
 * that does not exist, a name too long, no permission) is explained and
 * asked for again: one slip after twenty questions must not lose them. Says
 * where it wrote, on stderr.
 */
export async function offerToSave(answers: Readonly<Record<string, unknown>>, io: Io, lang: Lang, color: boolean): Promise<void> {
  const context: PromptContext = { input: io.stdin, output: io.stderr };
  const written = await whileAsking(context, lang, (asking) => saveWhereChosen(answers, asking, io, lang, color));
  if (written === undefined) return;
  // Through a link, the file written is where the link leads: that is the path named.
  const wrote = t(lang, "save.wrote", { path: forTerminal(written.throughLink ?? resolve(io.cwd, written.path)), command: forTerminal(rerunCommand(io.env, written.typed, lang)) });
  context.output.write(`${wrap(wrote, widthOf(context.output)).join("\n")}\n`);
}

async function saveWhereChosen(
  answers: Readonly<Record<string, unknown>>,
  context: PromptContext,
  io: Io,
  lang: Lang,
  color: boolean,
): Promise<{ typed: string; path: string; throughLink?: string | undefined } | undefined> {
  const ask = <T,>(prompt: (context: PromptContext) => Promise<T>) => untilDrawn(context, (output) => prompt({ ...context, output }), true);
  const theme = (hint: string) => themeFor(hint, lang, color, context.output);
  const yesOrNo = (message: string, hint: string, fallback: boolean) =>
    ask((c) =>
      askTyped<boolean>(
        {
          message,
          fallback: fallback ? "(Y/n)" : "(y/N)",
          theme: theme(hint),
          maxLength: 16,
          tooLong: t(lang, "save.yesOrNo"),
          parse: (text) => {
            const word = text.toLowerCase();
            return word === "" ? { value: fallback } : YES.has(word) ? { value: true } : NO.has(word) ? { value: false } : { problem: t(lang, "save.yesOrNo") };
          },
          shown: (yes) => t(lang, yes ? "save.yes" : "save.no"),
        },
        c,
      ),
    );
  const fileName = (hint: string) =>
    ask((c) =>
      askTyped<string>(
        {
          message: t(lang, "save.another"),
          fallback: "",
          theme: theme(hint),
          maxLength: MAX_PATH,
          tooLong: t(lang, "save.pathTooLong", { max: MAX_PATH }),
          parse: (text): Parsed<string> => ({ value: text }),
          shown: (text) => forTerminal(text),
        },
        c,
      ),
    );

  if (!(await yesOrNo(t(lang, "save.offer", { file: SUGGESTED_FILE }), t(lang, "save.offer.hint"), true))) return undefined;
  let typed = SUGGESTED_FILE;
  for (;;) {
    const target = whereTo(typed, io.env, lang);
    let problem = typeof target === "object" ? target.problem : problemWith(target, io.cwd, lang);
    const overwrite = problem === "exists" && (await yesOrNo(t(lang, "save.overwrite", { file: forTerminal(typed) }), "", false));
    if (problem === "exists") problem = overwrite ? undefined : t(lang, "save.another.hint");
    if (problem === undefined && typeof target === "string") {
      try {
        // Without a yes to overwrite, a file that appeared since the check is refused, not replaced.
        const { throughLink } = writeAnswersFile(target, answers, io.cwd, overwrite, lang);
        return { typed, path: target, throughLink };
      } catch (error) {
        if (!(error instanceof InputError || error instanceof OutputError)) throw error;
        problem = error.message;
      }
    }
    typed = await fileName(problem ?? t(lang, "save.another.hint"));
    if (typed === "") return undefined;
  }
}

/**
 * The path a typed name means: ~/ is the home folder, as a shell would read
 * it (the prompt is no shell, and a folder named ~ is never what was meant);
 * ~user is refused, since only a shell knows other users' homes.
 */
function whereTo(typed: string, env: Io["env"], lang: Lang): string | { problem: string } {
  if (typed === "~" || typed.startsWith("~/")) return join(env.HOME || homedir(), typed.slice(1));
  if (typed.startsWith("~")) return { problem: t(lang, "save.otherHome", { file: forTerminal(typed) }) };
  return typed;
}

/**
 * Why `file` cannot simply be written: it exists (the user may overwrite it),
 * or a sentence saying what is in the way. The folder must exist already: a
 * typed name makes no folders, so a slip ("reprots/x.json") is caught here.
 */
function problemWith(file: string, cwd: string, lang: Lang): "exists" | string | undefined {
  try {
    assertCanWrite([file], cwd, true, lang);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  const full = resolve(cwd, file);
  const folder = dirname(full);
  if (!isFolder(folder)) return t(lang, "save.noFolder", { folder: forTerminal(isAbsolute(file) ? folder : dirname(file)) });
  // A link counts as there even when it leads nowhere: writing through it is the user's call.
  try {
    return lstatSync(full, { throwIfNoEntry: false }) === undefined ? undefined : "exists";
  } catch (error) {
    // A name the file system refuses (too long, a loop of links): say why, and ask again.
    return t(lang, "write.failed", { file: forTerminal(file), reason: ioReason(error, WRITE_REASONS, lang) });
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
