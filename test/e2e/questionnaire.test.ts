// The questionnaire as a person meets it, in a real pseudo-terminal drawn by a
// terminal emulator: the screen is read as it looks, at several widths.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { choicesOf, QUESTIONS } from "../../src/engine/questions.js";
import { en } from "../../src/i18n/en.js";
import { inTerminal, KEYS } from "../helpers/pty.js";
import { ASKED, opening, QUICK, quickPathToReview, say, TOTAL, type Lang } from "../helpers/questionnaire.js";
import { runBin } from "../helpers/run-bin.js";

const { down, enter } = KEYS;

/** The screen's lines run together, as a reader's eye follows a wrapped sentence. */
const flowed = (lines: readonly string[]) => lines.map((line) => line.trim()).join(" ");
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Every text is on screen whole: wrapped only between words, never inside one. */
function expectWhole(lines: readonly string[], texts: readonly string[]) {
  const screen = flowed(lines);
  for (const text of texts) expect(screen, `${JSON.stringify(text)} is cut or missing`).toContain(collapse(text));
}

/** How many lines begin with `start`: more than one means a stale copy was left on screen. */
const count = (lines: readonly string[], start: string) => lines.filter((line) => line.startsWith(start)).length;

const cwd = () => mkdtempSync(join(tmpdir(), "ecs-or-eks-questionnaire-"));

/** The lines of the command shown under "To get this result again:", joined back into one. */
function reproduced(lines: readonly string[], lang: Lang): string {
  const start = lines.indexOf(say(lang, "reproduce.title"));
  expect(start).toBeGreaterThan(0);
  const command: string[] = [];
  for (const line of lines.slice(start + 1)) {
    command.push(line.trim().replace(/ \\$/, ""));
    if (!line.endsWith("\\")) break;
  }
  return command.join(" ");
}

describe.each([
  [40, "en"],
  [60, "en"],
  [100, "en"],
  [160, "en"],
  [40, "ko"],
  [60, "ko"],
] as const)("at %i columns (%s)", (cols, lang) => {
  it("draws each choice of a list whole, the long ones wrapped between words", async () => {
    // A question without choices is an error here, not a loop over nothing.
    const choices = choicesOf("currentPlatform")!;
    const term = inTerminal(["--no-color", "--lang", lang], { cols, cwd: cwd() });
    await term.when("(1/", "");
    // The cursor brings each choice into view, with its hint below the list.
    for (const [i, choice] of choices.entries()) {
      if (i > 0) term.child.stdin.write(down);
      await term.when(opening(say(lang, `hint.currentPlatform.${choice}`)), "");
      await term.screenWhen((lines) => expectWhole(lines, [say(lang, `choice.currentPlatform.${choice}`)]));
    }
    term.child.stdin.write(KEYS.ctrlC);
    expect(await term.exited).toBe(130);
  });

  it("shows a list of needs whole when it opens, and names an empty answer as the review does", async () => {
    const needs = QUESTIONS.find((q) => q.key === "requirements")!;
    const choices = choicesOf("requirements")!;
    const at = ASKED.indexOf(needs) + 1;
    const term = inTerminal(["--no-color", "--lang", lang], { cols, cwd: cwd() });
    for (let n = 1; n <= QUICK.length; n++) await term.when(`(${n}/${TOTAL})`, enter);
    await term.when(opening(say(lang, "prompt.finish", { n: TOTAL - QUICK.length })), enter);
    for (let n = QUICK.length + 1; n < at; n++) await term.when(`(${n}/${TOTAL})`, enter);
    await term.when(`(${at}/${TOTAL})`, "");
    await term.when("↑↓", "");
    // Every choice on screen as the list opens, a long one with the line it wraps onto.
    await term.screenWhen((lines) => {
      const open = lines.slice(lines.findIndex((line) => line.startsWith(`? (${at}/${TOTAL})`)));
      expectWhole(open, choices.map((choice) => say(lang, `choice.requirements.${choice}`)));
    });
    term.child.stdin.write(enter);
    await term.when(`(${at + 1}/${TOTAL})`, "");
    await term.screenWhen((lines) => expectWhole(lines, [`(${at}/${TOTAL}) ${say(lang, "q.requirements")} ${say(lang, "value.none")}`]));
    term.child.stdin.write(KEYS.ctrlC);
    expect(await term.exited).toBe(130);
  });

  it("draws every question, hint and choice whole, leaves no stale line, and ends with the command that gives the result again", async () => {
    const term = inTerminal(["--no-color", "--lang", lang], { cols, cwd: cwd() });
    for (let n = 1; n <= QUICK.length; n++) await term.when(`(${n}/${TOTAL})`, enter);
    await term.when(opening(say(lang, "prompt.finish", { n: TOTAL - QUICK.length })), "");
    // The open prompt: its question, hint and choices; above it, each answered question once.
    await term.screenWhen((atOffer) => {
      expectWhole(atOffer, [
        say(lang, "prompt.finish", { n: TOTAL - QUICK.length }),
        say(lang, "prompt.finish.hint", { ops: say(lang, "choice.opsCapacity.some").toLowerCase(), clusters: 1 }),
        say(lang, "prompt.finish.continue"),
        say(lang, "prompt.finish.stop"),
      ]);
      QUICK.forEach((q, i) => {
        expect(count(atOffer, `✔ (${i + 1}/${TOTAL})`)).toBe(1);
        expectWhole(atOffer, [`(${i + 1}/${TOTAL}) ${say(lang, `q.${q.key}`)}`]);
      });
      expect(count(atOffer, "? ")).toBe(1);
    });

    term.child.stdin.write(`${down}${enter}`);
    await term.when(opening(say(lang, "prompt.review")), "");
    await term.screenWhen((atReview) => {
      expectWhole(atReview, [
        say(lang, "prompt.review"),
        say(lang, "prompt.review.hint"),
        say(lang, "prompt.review.show"),
        `${say(lang, "label.kubernetesExperience")}: ${say(lang, "choice.kubernetesExperience.none")}`,
        `${say(lang, "label.budget")}: ${say(lang, "choice.budget.moderate")}`,
        `${say(lang, "label.engineers")}: ${say(lang, "value.unknown")}`,
      ]);
      expect(count(atReview, "? ")).toBe(1);
    });

    term.child.stdin.write(enter);
    await term.when(opening(say(lang, "save.offer", { file: "answers.json" })), `n${enter}`);
    expect(await term.exited).toBe(0);
    const end = await term.screen();
    for (let n = 1; n <= QUICK.length; n++) expect(count(end, `✔ (${n}/${TOTAL})`)).toBe(1);
    const command = reproduced(end, lang);
    expect(command).toBe(`ecs-or-eks --kubernetes-experience none --cloud-strategy aws-only --microservices 5 --budget moderate --lang ${lang}`);
    // The command is true: run as shown, it gives the same answers.
    const again = await runBin([...command.split(" ").slice(1), "--format", "json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({
      recommendation: "ecs",
      answers: { kubernetesExperience: "none", cloudStrategy: "aws-only", microservices: 5, budget: "moderate" },
    });
  });
});

describe("the review before the result", () => {
  it.each(["en", "ko"] as const)("changes an answer and comes back, the question asked again with the answer as its default (%s, 60 columns)", async (lang) => {
    const term = inTerminal(["--no-color", "--lang", lang], { cols: 60, cwd: cwd() });
    await quickPathToReview(term, lang);
    // Down past "Show the recommendation" and what runs today, to the Kubernetes experience.
    term.child.stdin.write(`${down}${down}${enter}`);
    await term.when(opening(say(lang, "q.kubernetesExperience")), "");
    // Asked again with the current answer (none) as its default: the cursor is on it (waited for, as a screen
    // read at once may come before the rest of the prompt has arrived).
    await term.when(`❯ ${say(lang, "choice.kubernetesExperience.none")}`, "");
    await term.screenWhen((lines) => expect(lines).toContain(`❯ ${say(lang, "choice.kubernetesExperience.none")}`));
    term.child.stdin.write(`${down}${down}${down}${enter}`);
    await term.when(opening(say(lang, "prompt.review")), "");
    await term.when(`❯ ${say(lang, "prompt.review.show")}`, "");
    await term.screenWhen((back) => {
      expectWhole(back, [`${say(lang, "label.kubernetesExperience")}: ${say(lang, "choice.kubernetesExperience.expert")}`]);
      expect(count(back, "? ")).toBe(1);
      expect(count(back, `✔ (2/${TOTAL})`)).toBe(1);
      // The review's default is still the result.
      expect(back).toContain(`❯ ${say(lang, "prompt.review.show")}`);
    });
    term.child.stdin.write(enter);
    await term.when(opening(say(lang, "save.offer", { file: "answers.json" })), `n${enter}`);
    expect(await term.exited).toBe(0);
    const end = await term.screen();
    expect(reproduced(end, lang)).toBe(
      `ecs-or-eks --kubernetes-experience expert --cloud-strategy aws-only --microservices 5 --budget moderate --lang ${lang}`,
    );
  });

  it.each([
    ["en", []],
    ["ko", ["--lang", "ko"]],
  ] as const)("asks the same of `ecs-or-eks` alone, which asks before the engine loads, and ends the same way (%s)", async (lang, args) => {
    // No flag but the language: the entry asks the questions itself, and hands the answers to the main command.
    const term = inTerminal([...args], { cols: 80, cwd: cwd(), env: { NO_COLOR: "1", LANG: lang === "ko" ? "ko_KR.UTF-8" : "C.UTF-8" } });
    await quickPathToReview(term, lang);
    term.child.stdin.write(enter);
    // A key that is neither y nor n is refused in the run's language; the answer is then shown in it too.
    await term.when(opening(say(lang, "save.offer", { file: "answers.json" })), `x${enter}`);
    await term.when(say(lang, "save.yesOrNo"), `${KEYS.backspace}n${enter}`);
    expect(await term.exited).toBe(0);
    const end = await term.screen();
    expect(end.join("\n")).toContain(`✔ ${say(lang, "save.offer", { file: "answers.json" })} ${say(lang, "save.no")}`);
    expect(reproduced(end, lang)).toBe(`ecs-or-eks --kubernetes-experience none --cloud-strategy aws-only --microservices 5 --budget moderate${lang === "ko" ? " --lang ko" : ""}`);
  });

  it("ends `ecs-or-eks` alone with 130 on Ctrl-C at its first question, saying nothing was written", async () => {
    const term = inTerminal([], { cols: 80, cwd: cwd(), env: { NO_COLOR: "1" } });
    await term.when(`(1/${TOTAL})`, KEYS.ctrlC);
    expect(await term.exited).toBe(130);
    expect((await term.screen()).join("\n")).toContain(say("en", "error.interrupted"));
  });

  it("keeps the quick path to at most seven prompts before the review", async () => {
    const term = inTerminal(["--no-color"], { cols: 100, cwd: cwd() });
    await quickPathToReview(term, "en");
    const screen = await term.screen();
    const answered = screen.filter((line) => line.startsWith("✔ "));
    expect(answered.length).toBeLessThanOrEqual(7);
    term.child.kill();
  });

  it("exits 130 on Ctrl-C, as at any prompt", async () => {
    const term = inTerminal(["--no-color"], { cols: 100, cwd: cwd() });
    await quickPathToReview(term, "en");
    term.child.stdin.write(KEYS.ctrlC);
    expect(await term.exited).toBe(130);
    expect((await term.screen()).join("\n")).toContain("Cancelled; nothing was written.");
  });

  it("comes before init writes the file, its first choice writing it", async () => {
    const dir = cwd();
    const term = inTerminal(["init", "--no-color"], { cols: 60, cwd: dir });
    await quickPathToReview(term, "en");
    expect(await term.screen()).toContain(`❯ ${en["prompt.review.write"]}`);
    term.child.stdin.write(enter);
    expect(await term.exited).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "answers.json"), "utf8"))).toMatchObject({ kubernetesExperience: "none", budget: "moderate" });
  });
});

describe("keeping the answers", () => {
  it("offers answers.json in the current folder and says where it wrote", async () => {
    const dir = cwd();
    const term = inTerminal(["--no-color"], { cols: 100, cwd: dir });
    await quickPathToReview(term, "en");
    term.child.stdin.write(enter);
    await term.when("Save your answers to answers.json?", enter);
    expect(await term.exited).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "answers.json"), "utf8"))).toMatchObject({ kubernetesExperience: "none", microservices: 5 });
    expectWhole(await term.screen(), [`Wrote your answers to ${join(dir, "answers.json")}. Run \`ecs-or-eks --answers answers.json\``]);
  });

  it("never overwrites a file without asking: no by default, then another name", async () => {
    const dir = cwd();
    writeFileSync(join(dir, "answers.json"), "mine\n");
    const term = inTerminal(["--no-color"], { cols: 100, cwd: dir });
    await quickPathToReview(term, "en");
    term.child.stdin.write(enter);
    await term.when("Save your answers to answers.json?", enter);
    await term.when("answers.json already exists. Overwrite it?", enter);
    await term.when("Save them to which file?", `team.json${enter}`);
    expect(await term.exited).toBe(0);
    expect(readFileSync(join(dir, "answers.json"), "utf8")).toBe("mine\n");
    expect(JSON.parse(readFileSync(join(dir, "team.json"), "utf8"))).toMatchObject({ budget: "moderate" });
  });

  it("asks nothing off a terminal, and --save says what it wrote, on stderr", async () => {
    const dir = cwd();
    const flags = ["--kubernetes-experience", "none", "--cloud-strategy", "aws-only", "--microservices", "5", "--budget", "tight"];
    const plain = await runBin(flags, { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe("");
    expect(plain.stdout).not.toContain("To get this result again");
    const saved = await runBin([...flags, "--save", "kept.json"], { cwd: dir });
    expect(saved.code).toBe(0);
    expect(saved.stderr.replace(/\s+/g, " ")).toContain(`Wrote your answers to ${join(dir, "kept.json")}.`);
    expect(existsSync(join(dir, "kept.json"))).toBe(true);
  });
});

describe("a resize while a prompt is open", () => {
  it.each([
    [100, 50],
    [60, 140],
  ])("redraws the open list at the new width, %i to %i columns, without stale lines", async (from, to) => {
    const term = inTerminal(["--no-color"], { cols: from, cwd: cwd() });
    await term.when(`(1/${TOTAL})`, enter);
    await term.when(`(2/${TOTAL})`, enter);
    await term.when(`(3/${TOTAL})`, "");
    term.resize(to);
    await term.when(`(3/${TOTAL})`, "");
    await term.when("↑↓", "");
    await term.screenWhen((screen) => {
      const open = screen.slice(screen.findIndex((line) => line.startsWith(`? (3/${TOTAL})`)));
      expect(count(screen, `? (3/${TOTAL})`)).toBe(1);
      expect(open.every((line) => line.length <= to)).toBe(true);
      expectWhole(open, [`(3/${TOTAL}) ${en["q.cloudStrategy"]}`, en["q.cloudStrategy.hint"]]);
    });
    term.child.kill();
  });

  it("rewraps the review's choices for the new width, 160 to 40 columns, never cutting a word", async () => {
    // The prompt library breaks a line at the last column; a choice wrapped for 160 columns would be cut mid-word at 40.
    const term = inTerminal(["--no-color"], { cols: 160, cwd: cwd() });
    await quickPathToReview(term, "en");
    await term.when("↑↓", "");
    term.resize(40);
    await term.when(opening(say("en", "prompt.review")), "");
    await term.when("↑↓", "");
    await term.screenWhen((screen) => {
      const open = screen.slice(screen.findIndex((line) => line.startsWith(`? ${opening(say("en", "prompt.review"))}`)));
      expect(count(screen, `? ${opening(say("en", "prompt.review"))}`)).toBe(1);
      expect(open.every((line) => line.length <= 40)).toBe(true);
      expectWhole(open, [
        `${en["label.serviceCommunication"]}: ${en["choice.serviceCommunication.simple"]}`,
        `${en["label.currentPlatform"]}: ${en["choice.currentPlatform.none"]}`,
      ]);
    });
    term.child.kill();
  });

  it("still finds a choice by the first letters typed", async () => {
    const term = inTerminal(["--no-color"], { cols: 100, cwd: cwd() });
    await term.when(`(1/${TOTAL})`, "");
    await term.when("↑↓", "open");
    await term.when(`❯ ${en["choice.currentPlatform.openshift"]}`, "");
    term.child.kill();
  });

  it("redraws an open number field, keeping what was typed", async () => {
    const term = inTerminal(["--no-color"], { cols: 100, cwd: cwd() });
    for (let n = 1; n <= 3; n++) await term.when(`(${n}/${TOTAL})`, enter);
    await term.when(`(4/${TOTAL})`, "12");
    await term.when("12", "");
    term.resize(45);
    await term.when(`(4/${TOTAL})`, "");
    await term.when("12", enter);
    await term.when(`(5/${TOTAL})`, "");
    const screen = await term.screen();
    expect(count(screen, `? (4/${TOTAL})`)).toBe(0);
    expect(count(screen, `✔ (4/${TOTAL})`)).toBe(1);
    expectWhole(screen, [`(4/${TOTAL}) ${en["q.engineers"]} 12`]);
    term.child.kill();
  });
});
