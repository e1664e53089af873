import { constants } from "node:os";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { EXIT, SIGNAL_EXIT } from "../../src/cli/output/exit-codes.js";
import { reportError } from "../../src/cli/output/report-error.js";
import { colorEnabled } from "../../src/cli/terminal/color.js";
import { InputError } from "../../src/engine/errors.js";

function report(error: unknown, debug = false) {
  let text = "";
  const code = reportError(error, (chunk) => (text += chunk), "en", debug);
  return { code, text };
}

describe("turning errors into exit codes, in one place", () => {
  it("is 2 for bad input, with every problem and the fix last", () => {
    expect(report(new InputError(["a.json: one.", "a.json: two."], "do this."))).toEqual({
      code: EXIT.usage,
      text: "ecs-or-eks: a.json: one.\necs-or-eks: a.json: two.\nfix: do this.\n",
    });
  });

  it("is 2 for a usage error, 0 for help and version", () => {
    expect(report(new CommanderError(1, "commander.unknownOption", "error: unknown option '--x'")).code).toBe(2);
    expect(report(new CommanderError(0, "commander.helpDisplayed", "(outputHelp)"))).toEqual({ code: 0, text: "" });
    expect(report(new CommanderError(0, "commander.version", "1.0.0"))).toEqual({ code: 0, text: "" });
  });

  it("is 74 with one line to run it again when a module of the package is gone from disk, not a bug to report", async () => {
    const gone = await import(/* @vite-ignore */ `${"./no-such-chunk"}-${Date.now()}.js`).catch((error: unknown) => error);
    const line = "ecs-or-eks changed on disk while it ran (upgraded or removed); run it again.\n";
    expect(report(gone)).toEqual({ code: 74, text: line });
    // A newer build's chunk that lacks what the older code imports from it.
    expect(report(new SyntaxError("The requested module './chunk-A.js' does not provide an export named 'x'"))).toEqual({ code: 74, text: line });
    expect(report(new SyntaxError("Unexpected token")).code).toBe(EXIT.bug);
  });

  it("is 130 with one quiet line when the user presses Ctrl-C", () => {
    const interrupted = Object.assign(new Error("User force closed the prompt with SIGINT"), { name: "ExitPromptError" });
    expect(report(interrupted)).toEqual({ code: 130, text: "\nCancelled; nothing was written.\n" });
  });

  it("is 128 + N when the prompt library reports a signal before our own handler does", () => {
    const aborted = Object.assign(new Error("User force closed the prompt with null SIGABRT"), { name: "ExitPromptError" });
    expect(report(aborted)).toEqual({ code: SIGNAL_EXIT.SIGABRT, text: "\nCancelled; nothing was written.\n" });
    const hangUp = Object.assign(new Error("User force closed the prompt with 0 SIGHUP"), { name: "ExitPromptError" });
    expect(report(hangUp).code).toBe(129);
    // Linux delivers SIGABRT under its other name too, and the prompt library may answer that one first.
    const iot = Object.assign(new Error("User force closed the prompt with null SIGIOT"), { name: "ExitPromptError" });
    expect(report(iot).code).toBe(constants.signals.SIGIOT === undefined ? 130 : SIGNAL_EXIT.SIGABRT);
  });

  it("is 70 for a bug: a short line and a request to report it, the stack only when asked", () => {
    const plain = report(new TypeError("x is undefined"));
    expect(plain.code).toBe(EXIT.bug);
    expect(plain.text).toMatch(/^ecs-or-eks: unexpected error: x is undefined\nThis is a bug in ecs-or-eks\. Please report it/);
    expect(plain.text).not.toMatch(/\n\s+at /);
    expect(report(new TypeError("x is undefined"), true).text).toMatch(/\n\s+at /);
  });
});

describe("colour", () => {
  const tty = { isTTY: true };
  it.each([
    [tty, {}, undefined, true],
    [{ isTTY: false }, {}, undefined, false],
    [tty, { NO_COLOR: "1" }, undefined, false],
    [tty, { NO_COLOR: "" }, undefined, true],
    [tty, { TERM: "dumb" }, undefined, false],
    [tty, {}, false, false],
    [{ isTTY: false }, { FORCE_COLOR: "1" }, undefined, true],
    [tty, { FORCE_COLOR: "0" }, undefined, false],
    [{ isTTY: false }, { FORCE_COLOR: "1", NO_COLOR: "1" }, undefined, false],
  ])("for %j with %j and --color=%s is %s", (stream, env, flag, expected) => {
    expect(colorEnabled(stream, env, flag)).toBe(expected);
  });
});
