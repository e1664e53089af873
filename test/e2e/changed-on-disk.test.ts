// The package upgraded or removed while `ecs-or-eks` alone has its questions
// open: the built CLI in a copy of the package, in a real pseudo-terminal,
// with the copy's files taken away under it, as `npm install -g` or a cleared
// npx cache would.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inTerminal, KEYS } from "../helpers/pty.js";
import { opening, quickPathToReview, say, TOTAL, type Lang } from "../helpers/questionnaire.js";
import { ROOT } from "../helpers/fixtures.js";

/** What a user's installed package holds (the library's types aside), in a folder of its own. */
function packageCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-copy-"));
  for (const part of ["bin", "dist", "package.json"]) cpSync(join(ROOT, part), join(dir, part), { recursive: true, filter: (path) => !path.includes(`${join("dist", "types")}`) });
  return dir;
}

/** Every file of the copy's dist/, by name. */
function distFiles(dir: string): string[] {
  return readdirSync(join(dir, "dist"), { recursive: true, encoding: "utf8" }).filter((name) => statSync(join(dir, "dist", name)).isFile());
}

/**
 * The files a run reads, told by their access times: each set to the epoch
 * first, a read moves it on (relatime and strictatime both do, as the access
 * time is then older than the change).
 */
function markUnread(dir: string): void {
  for (const name of distFiles(dir)) utimesSync(join(dir, "dist", name), 0, statSync(join(dir, "dist", name)).mtime);
}
const readSoFar = (dir: string) => distFiles(dir).filter((name) => statSync(join(dir, "dist", name)).atimeMs > 0);

/** The questionnaire of the copy's CLI, given nothing but the language, at a terminal. */
function questionnaireOf(dir: string, lang: Lang) {
  const args = lang === "ko" ? " --lang ko" : "";
  return inTerminal([], { cols: 100, cwd: mkdtempSync(join(tmpdir(), "ecs-or-eks-cwd-")), env: { NO_COLOR: "1" }, shell: `stty cols 100 rows 60; exec '${process.execPath}' '${join(dir, "bin", "ecs-or-eks.js")}'${args}` });
}

async function waitFor(check: () => string[], what: string): Promise<void> {
  const start = Date.now();
  for (let missing = check(); missing.length > 0; missing = check()) {
    // As generous as the pseudo-terminal's own waits: a loaded machine is slow, a broken run never gets there.
    if (Date.now() - start > 60_000) throw new Error(`${what}: ${missing.join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a questionnaire whose package changes on disk while it is open", () => {
  it("loads what the result needs behind the first question, so the result comes even with the package gone", async () => {
    // A whole run first, to learn which files a questionnaire and its result read.
    const reference = packageCopy();
    markUnread(reference);
    const whole = questionnaireOf(reference, "en");
    await quickPathToReview(whole, "en");
    whole.child.stdin.write(KEYS.enter);
    await whole.when(opening(say("en", "save.offer", { file: "answers.json" })), `n${KEYS.enter}`);
    expect(await whole.exited).toBe(0);
    const needed = readSoFar(reference);
    expect(needed.some((name) => name.startsWith("chunks/summary-"))).toBe(true);

    const dir = packageCopy();
    markUnread(dir);
    const term = questionnaireOf(dir, "en");
    await term.screenWhen((lines) => expect(lines.join("\n")).toContain(`(1/${TOTAL})`));
    // With only the first question answered by nobody, every file the whole run read is read.
    await waitFor(() => needed.filter((name) => !readSoFar(dir).includes(name)), "never read while the first question was open");
    rmSync(join(dir, "dist"), { recursive: true });
    await quickPathToReview(term, "en");
    term.child.stdin.write(KEYS.enter);
    await term.when(opening(say("en", "save.offer", { file: "answers.json" })), KEYS.enter);
    expect(await term.exited).toBe(0);
    const screen = (await term.screen()).join("\n");
    expect(screen).toContain("Recommendation: Amazon ECS");
    expect(screen).toContain("Wrote your answers to");
  });

  it.each(["en", "ko"] as const)("says in one line that it changed and to run it again, and exits 74, when what the result needs is gone (%s)", async (lang) => {
    const dir = packageCopy();
    // The summary's renderer gone, as a newer version's chunks have other names.
    for (const name of distFiles(dir).filter((file) => file.startsWith("chunks/summary-"))) rmSync(join(dir, "dist", name));
    const term = questionnaireOf(dir, lang);
    await quickPathToReview(term, lang);
    term.child.stdin.write(KEYS.enter);
    expect(await term.exited).toBe(74);
    const screen = await term.screen();
    const after = screen.slice(screen.findIndex((line) => line.includes(say(lang, "prompt.review.show"))) + 1).filter((line) => line.trim() !== "");
    expect(after).toEqual([say(lang, "error.changedOnDisk")]);
  });
});
