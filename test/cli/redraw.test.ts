import { describe, expect, it } from "vitest";
import { clearAfterResize, frameOf } from "../../src/cli/input/redraw.js";

// A frame as the prompt library writes it: the previous one erased (two lines), then the new one,
// then the cursor moved up to the line typed on (two lines under it) and to its column.
const FRAME = "\u001b[2B\u001b[2K\u001b[1A\u001b[2K\u001b[G? What is your cloud strategy?\n  Where it must run in the next few years.\n❯ AWS only\n  Hybrid\u001b[2A\u001b[3G";

describe("what a prompt last drew, for clearing it after a resize", () => {
  it("reads the frame's lines and where the cursor stands in it", () => {
    expect(frameOf(FRAME)).toEqual({
      lines: ["? What is your cloud strategy?", "  Where it must run in the next few years.", "❯ AWS only", "  Hybrid"],
      cursorLine: 1,
      cursorColumn: 2,
    });
  });

  it("ignores a write that draws no frame (the cursor moved along the typed line)", () => {
    expect(frameOf("\u001b[7G")).toBeUndefined();
  });

  it("goes up over every row the narrower terminal rewrapped the frame into, clears to the end, and comes back down", () => {
    const frame = frameOf(FRAME)!;
    // At 20 columns the 30-column first line takes two rows: the cursor's line starts three rows below the top.
    expect(clearAfterResize(frame, 20)).toBe("\u001b[2A\u001b[G\u001b[J\u001b[1B");
    expect(clearAfterResize(frame, 100)).toBe("\u001b[1A\u001b[G\u001b[J\u001b[1B");
  });
});
