import { describe, expect, it } from "vitest";
import { bar, displayWidth, hang, padEnd, padStart, wrap } from "../../src/cli/render/layout.js";

describe("text layout", () => {
  it("wraps by display width, counting Hangul as two columns", () => {
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
    const korean = wrap("팀의 Kubernetes 전문 지식이 부족합니다", 16);
    for (const line of korean) expect(displayWidth(line)).toBeLessThanOrEqual(16);
    expect(korean.join(" ")).toBe("팀의 Kubernetes 전문 지식이 부족합니다");
  });

  it("pads to a display width on either side, Hangul and colour codes counted as they show", () => {
    expect(padEnd("월", 4)).toBe("월  ");
    expect(padStart("월", 4)).toBe("  월");
    expect(padStart("\u001b[1m1,234.50\u001b[22m", 10)).toBe("  \u001b[1m1,234.50\u001b[22m");
    expect(padStart("too wide", 3)).toBe("too wide");
  });

  it("cuts a word longer than the line", () => {
    expect(wrap("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  it("hangs continuation lines under the first", () => {
    expect(hang("  - ", "alpha beta gamma delta epsilon zeta eta theta iota kappa", 24)).toBe(
      "  - alpha beta gamma\n    delta epsilon zeta\n    eta theta iota kappa",
    );
  });

  it("draws bars to scale: blocks in a terminal, # elsewhere", () => {
    expect(bar(5, 10, 10, false)).toBe("#####");
    expect(bar(5, 10, 10, true)).toBe("█████");
    expect(bar(1, 8, 1, true)).toBe("▏");
    expect(bar(0, 10, 10, true)).toBe("");
    expect(displayWidth(bar(10, 10, 37, true))).toBe(37);
  });
});

describe("Korean wrapping", () => {
  it("breaks only between words (at spaces), never inside one, counting Hangul as two columns", () => {
    const text = "기본값은 ECS와 EKS 중 어느 쪽에도 근거를 더하지 않습니다. 다만 컨테이너 실행 방식과 비용에는 반영됩니다.";
    for (const width of [12, 20, 30, 41]) {
      const lines = wrap(text, width);
      expect(lines.join(" ")).toBe(text);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });
});
