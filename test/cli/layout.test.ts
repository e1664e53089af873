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

describe("figures and their units", () => {
  // Every width at which a break could fall inside the amount: the figure and its unit always share a line.
  const together = (text: string, pieces: readonly string[], widths: readonly number[]) => {
    for (const width of widths) {
      const lines = wrap(text, width);
      expect(lines.join(" ")).toBe(text);
      for (const piece of pieces) expect({ width, piece, whole: lines.some((line) => line.includes(piece)) }).toEqual({ width, piece, whole: true });
    }
  };

  it("never breaks between a figure and its unit, in English or Korean", () => {
    together("The price is 0.04048 5 / vCPU an hour for 2 vCPU and 4 GiB.", ["5 / vCPU", "2 vCPU", "4 GiB."], [12, 14, 16, 18, 20, 24]);
    together("워크로드: 서비스 2개, 태스크 4개, 2 vCPU, 4 GiB (가정한 값)", ["2 vCPU,", "4 GiB"], [10, 12, 14, 16, 20, 24, 30]);
    together("파드마다 256 MiB를 더합니다. 트래픽이 없을 때 월 44.80 USD입니다.", ["256 MiB를", "44.80 USD입니다."], [16, 18, 20, 24]);
    together("ECS Fargate: vCPU 0.5개와 2 GB, 파드 6개", ["vCPU 0.5개와", "2 GB,"], [12, 14, 16, 20]);
  });

  it("never breaks inside an amount written USD first", () => {
    together("EKS: USD 73.00 a month for each cluster, plus USD 1,234.56 for extended support", ["USD 73.00", "USD 1,234.56"], [12, 14, 16, 20, 24, 30]);
  });

  it("still breaks an amount wider than the line, and between words that are not one", () => {
    expect(wrap("USD 1,234.56", 8)).toEqual(["USD", "1,234.56"]);
    expect(wrap("AWS CLI / CloudFormation", 14)).toEqual(["AWS CLI /", "CloudFormation"]);
    expect(wrap("EKS 73.00 a month", 9)).toEqual(["EKS 73.00", "a month"]);
  });
});
