import { describe, expect, it } from "vitest";
import { renderText } from "../../src/cli/render-text.js";
import { recommend } from "../../src/engine/recommend.js";
import { inTerminal, KEYS } from "../helpers/pty.js";

const { down, enter } = KEYS;

describe("in a real terminal", () => {
  it("runs the questionnaire, then prints the whole result below the last answer, every line intact", async () => {
    const term = inTerminal(["--no-color"]);
    await term.when("(1/15)", enter); // nothing in production yet
    await term.when("(2/15)", `${down}${down}${down}${enter}`); // expert
    await term.when("(3/15)", `${down}${down}${enter}`); // multi-cloud
    await term.when("(4/15)", `60${enter}`);
    await term.when("(5/15)", `40${enter}`);
    await term.when("(6/15)", enter);
    await term.when("finish now?", enter); // keep answering
    for (let n = 7; n <= 15; n++) await term.when(`(${n}/15)`, enter);
    expect(await term.exited).toBe(0);

    const screen = await term.screen();
    const expected = renderText(
      recommend({ kubernetesExperience: "expert", cloudStrategy: "multi-cloud", engineers: 60, microservices: 40, budget: "moderate" }),
      { lang: "en", color: false, width: 100, unicode: true },
    )
      .trimEnd()
      .split("\n");
    const lastAnswer = screen.findIndex((line) => line.startsWith("✔ (15/15)"));
    const start = screen.indexOf(expected[0]!);
    expect(lastAnswer).toBeGreaterThanOrEqual(0);
    expect(start).toBeGreaterThan(lastAnswer);
    // The result is printed whole and nothing is drawn over it or after it.
    expect(screen.slice(start).map((line) => line.trimEnd())).toEqual(expected.map((line) => line.trimEnd()));
    expect(expected[0]).toBe("Recommendation: Amazon EKS in Auto Mode");
  });

  it("exits 130 quietly on Ctrl-C", async () => {
    const term = inTerminal([]);
    await term.when("(1/15)", KEYS.ctrlC);
    expect(await term.exited).toBe(130);
    const screen = (await term.screen()).join("\n");
    expect(screen).toContain("Cancelled; nothing was written.");
    expect(screen).not.toMatch(/ExitPromptError|at .*\.js:\d+/);
  });
});
