// What a person types at the prompts, in a real pseudo-terminal: yes and no in
// either language, a file name that cannot be written (asked again, never the
// end of the run), ~/ for the home folder, Ctrl-D, numbers as flags take them,
// and a paste far larger than any answer.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { QUESTIONS } from "../../src/engine/questions.js";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { inTerminal, KEYS } from "../helpers/pty.js";

const { enter } = KEYS;
const ctrlD = "\u0004";
const TOTAL = QUESTIONS.filter((q) => !("askedWhen" in q)).length;

/** A folder holding an answers file with every required answer but the budget: one question, then the review. */
function folderWithPartialAnswers(): string {
  const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-typed-"));
  writeFileSync(join(dir, "partial.json"), JSON.stringify({ kubernetesExperience: "none", cloudStrategy: "aws-only", microservices: 3 }));
  return dir;
}

/** Runs to the save offer: the one question, the review, the result. */
async function toSaveOffer(lang: "en" | "ko", options: { cwd: string; env?: Record<string, string> }) {
  const term = inTerminal(["--answers", "partial.json", "--no-color", "--lang", lang], { cols: 100, ...options });
  await term.when("(1/1)", enter);
  await term.when(lang === "en" ? en["prompt.review"].slice(0, 12) : ko["prompt.review"].slice(0, 8), enter);
  await term.when(lang === "en" ? "Save your answers to answers.json?" : "답변을 answers.json에 저장할까요?", "");
  return term;
}

const screenText = async (term: ReturnType<typeof inTerminal>) => (await term.screen()).join("\n");

describe("the save offer in Korean", () => {
  it.each([
    ["ㅛ", true],
    ["예", true],
    ["네", true],
    ["y", true],
    ["ㅜ", false],
    ["아니요", false],
    ["아니오", false],
    ["n", false],
  ])("takes %j (the y and n keys under a Korean input method, and the words) as %s", async (typed, yes) => {
    const dir = folderWithPartialAnswers();
    const term = await toSaveOffer("ko", { cwd: dir });
    term.child.stdin.write(`${typed}${enter}`);
    expect(await term.exited).toBe(0);
    expect(existsSync(join(dir, "answers.json"))).toBe(yes);
    expect(await screenText(term)).toContain(`답변을 answers.json에 저장할까요? ${yes ? "예" : "아니요"}`);
  });

  it("asks its yes-or-no question with (y/N) on the question's line, and keeps Korean in the command to run again", async () => {
    const dir = folderWithPartialAnswers();
    writeFileSync(join(dir, "answers.json"), "mine\n");
    const term = await toSaveOffer("ko", { cwd: dir });
    term.child.stdin.write(enter);
    await term.when("덮어쓸까요? (y/N)", `ㅛ${enter}`);
    expect(await term.exited).toBe(0);
    const screen = (await screenText(term)).replace(/\s+/g, " ");
    expect(screen).toContain("answers.json 파일이 이미 있습니다. 덮어쓸까요? 예");
    expect(screen).toContain("`ecs-or-eks --answers answers.json --lang ko`");
    expect(JSON.parse(readFileSync(join(dir, "answers.json"), "utf8"))).toMatchObject({ budget: "moderate" });
  });
});

describe("a file name that cannot be written", () => {
  it("is explained and asked for again, whatever is wrong with it, until one can be", async () => {
    const dir = folderWithPartialAnswers();
    writeFileSync(join(dir, "answers.json"), "mine\n");
    mkdirSync(join(dir, "sub"));
    const home = mkdtempSync(join(tmpdir(), "ecs-or-eks-home-"));
    const term = await toSaveOffer("en", { cwd: dir, env: { HOME: home } });
    term.child.stdin.write(enter);
    await term.when("Overwrite it? (y/N)", enter);
    await term.when("Save them to which file?", `sub/${enter}`);
    await term.when("ends in a slash", `${"\u0015"}.${enter}`);
    await term.when("is a folder", `${"\u0015"}missing/x.json${enter}`);
    await term.when("The folder missing does not exist", `${"\u0015"}${"a".repeat(300)}.json${enter}`);
    await term.when("too long for the file system", `${"\u0015"}~nobody/x.json${enter}`);
    await term.when("only ~/ (your home folder) is understood here", `${"\u0015"}~/x.json${enter}`);
    expect(await term.exited).toBe(0);
    expect(JSON.parse(readFileSync(join(home, "x.json"), "utf8"))).toMatchObject({ budget: "moderate" });
    expect(existsSync(join(dir, "~"))).toBe(false);
    expect(existsSync(join(dir, "missing"))).toBe(false);
    expect(readFileSync(join(dir, "answers.json"), "utf8")).toBe("mine\n");
    expect((await screenText(term)).replace(/\s+/g, " ")).toContain(`Wrote your answers to ${join(home, "x.json")}. Run \`ecs-or-eks --answers '~/x.json'\``);
  });

  it("saves nothing when left empty, and the run still ends well", async () => {
    const dir = folderWithPartialAnswers();
    writeFileSync(join(dir, "answers.json"), "mine\n");
    const term = await toSaveOffer("en", { cwd: dir });
    term.child.stdin.write(enter);
    await term.when("Overwrite it? (y/N)", enter);
    await term.when("Save them to which file?", enter);
    expect(await term.exited).toBe(0);
    expect(readFileSync(join(dir, "answers.json"), "utf8")).toBe("mine\n");
  });
});

describe("Ctrl-D (end of input)", () => {
  it.each([
    ["a list", (term: ReturnType<typeof inTerminal>) => term.when(`(1/${TOTAL})`, ctrlD)],
    ["a number field", async (term: ReturnType<typeof inTerminal>) => {
      for (let n = 1; n <= 3; n++) await term.when(`(${n}/${TOTAL})`, enter);
      await term.when(`(4/${TOTAL})`, `12${ctrlD}`);
    }],
  ])("at %s ends the run with 130 and one line saying nothing was written", async (_where, reach) => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-typed-"));
    const term = inTerminal(["--no-color"], { cols: 100, cwd: dir });
    await reach(term);
    expect(await term.exited).toBe(130);
    const screen = await term.screen();
    expect(screen.filter((line) => line.includes(en["error.endOfInput"]))).toHaveLength(1);
  });

  it("at the save offer ends the run with 130, the result already printed and nothing saved", async () => {
    const dir = folderWithPartialAnswers();
    const term = await toSaveOffer("en", { cwd: dir });
    term.child.stdin.write(ctrlD);
    expect(await term.exited).toBe(130);
    expect(await screenText(term)).toContain(en["error.endOfInput"]);
    expect(existsSync(join(dir, "answers.json"))).toBe(false);
  });
});

describe("a number typed at a prompt", () => {
  it("takes 3.0 as 3, as a flag or a file does, shows the default on the question's line and the typing under the hint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-typed-"));
    const term = inTerminal(["--no-color", "--format", "json"], { cols: 100, cwd: dir });
    for (let n = 1; n <= 3; n++) await term.when(`(${n}/${TOTAL})`, enter);
    await term.when(`(4/${TOTAL})`, enter);
    await term.when(`(5/${TOTAL}) ${en["q.microservices"]} (default: 5)`, "3.0");
    await term.when("3.0", "");
    const open = await term.screen();
    const question = open.findIndex((line) => line.startsWith(`? (5/${TOTAL})`));
    expect(open.slice(question, question + 3)).toEqual([`? (5/${TOTAL}) ${en["q.microservices"]} (default: 5)`, `  ${en["q.microservices.hint"]}`, "  › 3.0"]);
    term.child.stdin.write(enter);
    await term.when(`✔ (5/${TOTAL}) ${en["q.microservices"]} 3`, "");
    term.child.kill();
  });

  it("takes a paste of 100 KB into a list in time linear in its size: type-to-find still finds, Enter still chooses", async () => {
    const term = inTerminal(["--no-color"], { cols: 100 });
    // Nothing matches a run of z: the default stays chosen. Every key of the paste is read before Enter is.
    await term.when(`(1/${TOTAL})`, `${"z".repeat(100_000)}${enter}`);
    await term.when(`✔ (1/${TOTAL}) ${en["q.currentPlatform"]} ${en["choice.currentPlatform.none"]}`, "");
    // A paste that starts with a choice's name finds it, however long the rest.
    await term.when(`(2/${TOTAL})`, `Pro${"z".repeat(100_000)}${enter}`);
    await term.when(`✔ (2/${TOTAL}) ${en["q.kubernetesExperience"]} ${en["choice.kubernetesExperience.proficient"]}`, KEYS.ctrlC);
    expect(await term.exited).toBe(130);
  });

  it("takes a paste of 100 KB in time linear in its size, refuses it, and still hears Ctrl-C", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-typed-"));
    const term = inTerminal(["--no-color"], { cols: 100, cwd: dir });
    for (let n = 1; n <= 3; n++) await term.when(`(${n}/${TOTAL})`, enter);
    await term.when(`(4/${TOTAL})`, "1".repeat(100_000));
    // Cut as soon as it is too long to be a count: the line ends in "…" and the reason is under it.
    const fix = en["prompt.integerOrEmpty"].replace("{min}", "1").replace("{max}", "100000");
    const refused = en["prompt.numberTooLong"].replace("{max}", "32").replace("{fix}", fix);
    await term.when(`${"1".repeat(32)}…`, "");
    await term.when(refused.slice(0, 20), enter);
    // Enter clears it, to be typed again, with the reason still under it.
    await term.when(refused.slice(0, 20), "");
    const screen = await term.screen();
    const input = screen.lastIndexOf("  ›");
    expect(input).toBeGreaterThan(0);
    // The reason may wrap at the terminal's edge; read as one line, it is the whole sentence.
    expect(screen.slice(input + 1).join(" ").replace(/\s+/g, " ")).toBe(`> ${refused}`);
    term.child.stdin.write(KEYS.ctrlC);
    expect(await term.exited).toBe(130);
  });
});
