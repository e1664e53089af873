import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSummary } from "../../src/cli/render/summary.js";
import { renderText } from "../../src/cli/render/text.js";
import { recommend } from "../../src/explain/recommend.js";
import { inTerminal, KEYS } from "../helpers/pty.js";
import { BIN } from "../helpers/run-bin.js";

const { down, enter } = KEYS;

describe("in a real terminal", () => {
  // 100 by 40: a laptop's terminal. When the offer to save is made, the answer must still be on screen.
  it.each([[[]], [["--details"]]])("runs the questionnaire, then prints the result below the last answer, every line intact, the answer on screen at the offer (%j)", async (extra) => {
    const rows = 40;
    const term = inTerminal(["--no-color", ...extra], { rows });
    await term.when("(1/22)", enter); // nothing in production yet
    await term.when("(2/22)", `${down}${down}${down}${enter}`); // expert
    await term.when("(3/22)", `${down}${down}${enter}`); // multi-cloud
    await term.when("(4/22)", `60${enter}`);
    await term.when("(5/22)", `40${enter}`);
    await term.when("(6/22)", enter);
    await term.when("finish now?", enter); // keep answering
    for (let n = 7; n <= 22; n++) await term.when(`(${n}/22)`, enter);
    await term.when("Your answers.", enter); // show the recommendation
    await term.when("Save your answers", `n${enter}`);
    expect(await term.exited).toBe(0);

    const screen = await term.screen();
    const result = recommend({ kubernetesExperience: "expert", cloudStrategy: "multi-cloud", engineers: 60, microservices: 40, budget: "moderate" });
    const options = { lang: "en", color: false, width: 100, unicode: true } as const;
    const lines = (text: string) => text.trimEnd().split("\n");
    const summary = lines(renderSummary(result, options));
    // --details prints the full report, then the summary again: the last thing read before the offer.
    const expected = extra.length > 0 ? [...lines(renderText(result, options)), "", ...summary] : summary;
    const lastAnswer = screen.findIndex((line) => line.startsWith("✔ (21/22)"));
    const start = screen.indexOf(expected[0]!, lastAnswer);
    expect(lastAnswer).toBeGreaterThanOrEqual(0);
    expect(start).toBeGreaterThan(lastAnswer);
    // The result is printed whole, nothing drawn over it; after it only the command that gives it again and the offer to save.
    const offer = screen.findIndex((line) => line.startsWith("✔ Save your answers"));
    expect(screen.slice(start, start + expected.length).map((line) => line.trimEnd())).toEqual(expected.map((line) => line.trimEnd()));
    expect(screen.slice(start + expected.length, offer)).toEqual([
      "",
      "To get this result again:",
      "  ecs-or-eks --kubernetes-experience expert --cloud-strategy multi-cloud --engineers 60 \\",
      "    --microservices 40 --budget moderate",
    ]);
    expect(summary[0]).toBe("Recommendation: Amazon EKS in Auto Mode");
    // The offer is the screen's last line; the summary's first is within the same screen.
    const headline = screen.lastIndexOf(summary[0]!, offer);
    expect(offer - headline).toBeLessThan(rows);
  });

  it("init: the last answer, then the whole \"Wrote\" line, nothing drawn over it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-init-pty-"));
    const term = inTerminal(["init", "--no-color"], { cwd: dir });
    for (let n = 1; n <= 6; n++) await term.when(`(${n}/22)`, enter);
    await term.when("finish now?", `${down}${enter}`);
    await term.when("Your answers.", enter); // write the file
    expect(await term.exited).toBe(0);
    const screen = await term.screen();
    const finish = screen.findIndex((line) => line.startsWith("✔ Your answers."));
    const wrote = screen.findIndex((line) => line.startsWith("Wrote "));
    expect(finish).toBeGreaterThan(0);
    expect(wrote).toBeGreaterThan(finish);
    expect(screen.slice(wrote).join("")).toBe("Wrote answers.json. Check it in, and run `ecs-or-eks --answers answers.json` (in CI with --expect).");
  });

  it("exits 130 quietly on Ctrl-C", async () => {
    const term = inTerminal([]);
    await term.when("(1/22)", KEYS.ctrlC);
    expect(await term.exited).toBe(130);
    const screen = (await term.screen()).join("\n");
    expect(screen).toContain("Cancelled; nothing was written.");
    expect(screen).not.toMatch(/ExitPromptError|at .*\.js:\d+/);
  });
});

describe("signals at a prompt", () => {
  /**
   * Runs the questionnaire in a pseudo-terminal, sends `signal` to the
   * process while the first prompt is open, then prints the exit code and the
   * terminal's modes as `stty` sees them.
   */
  async function killAtPrompt(signal: string, args = "--no-color") {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-signal-"));
    const pidFile = join(dir, "pid");
    // The CLI runs in the foreground, where a person's terminal puts it; a background job sends the signal.
    const script = [
      "stty cols 100 rows 40",
      `sh -c 'echo $$ > ${pidFile}; exec "${process.execPath}" "${BIN}" ${args}'`,
      "echo EXIT=$?",
      "stty -a",
    ].join("\n");
    const term = inTerminal([], { shell: script });
    // Sent once the first question is on screen, not after a guessed delay: on a loaded machine the prompt takes longer to open.
    await term.when("(1/", "");
    process.kill(Number(readFileSync(pidFile, "utf8").trim()), `SIG${signal}` as NodeJS.Signals);
    expect(await term.exited).toBe(0);
    // The cursor hidden while the prompt drew is shown again.
    expect(term.raw().lastIndexOf("\u001b[?25h")).toBeGreaterThan(term.raw().lastIndexOf("\u001b[?25l"));
    return (await term.screen()).join("\n");
  }

  it.each([
    ["INT", 130],
    ["TERM", 143],
    ["HUP", 129],
    // Every other signal that ends a process and can be caught (issue 18): 128 + its number on Linux.
    ["QUIT", 131],
    ["ABRT", 134],
    ["USR2", 140],
    ["ALRM", 142],
  ])("SIG%s puts the terminal back (echo, line mode, cursor) and exits %i", async (signal, code) => {
    const screen = await killAtPrompt(signal);
    expect(screen).toContain("(1/22)");
    expect(screen).toContain("Cancelled; nothing was written.");
    expect(screen).toContain(`EXIT=${code}`);
    const modes = screen.slice(screen.indexOf(`EXIT=${code}`));
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(modes).toMatch(/(^|\s)echo(\s|$)/m);
    expect(screen).not.toMatch(/ExitPromptError|AbortPromptError|at .*\.js:\d+/);
  });

  it("ends `ecs-or-eks` alone, whose entry asks before the rest loads, the same way: SIGTERM at its first question exits 143", async () => {
    const screen = await killAtPrompt("TERM", "");
    expect(screen).toContain("Cancelled; nothing was written.");
    expect(screen).toContain("EXIT=143");
    expect(screen.slice(screen.indexOf("EXIT=143"))).toMatch(/(^|\s)echo(\s|$)/m);
  });

  it("leaves SIGPROF to the profiler: under node --cpu-prof the questionnaire goes on, and the profile is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-or-eks-profile-"));
    // V8's sampler sends SIGPROF every millisecond while it profiles; caught as a signal that ends the run, it cancelled the first question.
    const script = ["stty cols 100 rows 40", `"${process.execPath}" --cpu-prof --cpu-prof-dir "${dir}" "${BIN}" --no-color`, "echo EXIT=$?"].join("\n");
    const term = inTerminal([], { shell: script });
    await term.when("(1/", enter);
    await term.when("(2/", KEYS.ctrlC);
    expect(await term.exited).toBe(0);
    const screen = (await term.screen()).join("\n");
    expect(screen).toContain("EXIT=130");
    expect(readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))).toHaveLength(1);
  });
});
