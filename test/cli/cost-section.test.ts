import { describe, expect, it } from "vitest";
import { Chalk } from "chalk";
import { costSection } from "../../src/cli/render/cost-section.js";
import { displayWidth } from "../../src/cli/render/layout.js";
import { recommend } from "../../src/explain/recommend.js";
import type { Result } from "../../src/explain/result.js";

const team = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight" } as const;
const c = new Chalk({ level: 0 });

/** 100 services x 1,000 tasks of 4 vCPU and 16 GiB: every total has eight digits before the cents. */
const services = Array.from({ length: 100 }, (_, i) => ({ name: `s${i}`, vcpu: 4, memoryGiB: 16, replicas: 1000 }));
const huge = recommend({ ...team, services }, { lang: "en" });
const hugeKo = recommend({ ...team, services }, { lang: "ko" });

/** The table: its header and six rows, the line after the workload line up to the first line that is not a row. */
function table(result: Result, width: number, lang: "en" | "ko"): string[] {
  const lines = costSection(result, { lang, width, unicode: false }, c);
  const header = lines.findIndex((line) => /^ {4}\S/.test(line));
  return lines.slice(header, header + 7);
}

describe("the cost table", () => {
  it("has eight-digit totals to lay out", () => {
    expect(huge.costs.estimate.options.every((o) => (o.total ?? 0) >= 10_000_000)).toBe(true);
  });

  for (const [lang, result] of [
    ["en", huge],
    ["ko", hugeKo],
  ] as const) {
    it(`keeps its columns at 60 to 120 columns, by display width (${lang})`, () => {
      for (const width of [60, 72, 80, 100, 120]) {
        const rows = table(result, width, lang);
        expect(rows).toHaveLength(7);
        for (const row of rows) expect({ width, row, fits: displayWidth(row) <= width }).toMatchObject({ fits: true });
        // Every figure ends where its column's header ends: right-aligned, by display width (Hangul is two columns).
        const ends = (line: string) => [...line.matchAll(/\S+(?= {2}|$)/g)].map((m) => displayWidth(line.slice(0, m.index! + m[0].length)));
        const figures = rows.slice(1).map((row) => ends(row.replace(/#+$/, "").trimEnd()).slice(-2));
        for (const f of figures) expect(f).toEqual(figures[0]);
        // The total and the bill are never the columns that give way.
        expect(rows[0]).toMatch(lang === "en" ? /Total +Bill/ : /합계 +청구 합계/);
      }
    });
  }

  it("says which columns it left out when the width is short, and prints them all when it is not", () => {
    const narrow = costSection(huge, { lang: "en", width: 60, unicode: false }, c).join("\n");
    expect(narrow).toContain("Too narrow for every column");
    const wide = costSection(huge, { lang: "en", width: 120, unicode: false }, c).join("\n");
    expect(wide).not.toContain("Too narrow for every column");
    expect(wide).toMatch(/Compute +Fees +Control plane +Total +Bill/);
  });

  it("loses its bars before any column, at any width, in either language (Korean's wider headers drop a column sooner, never to make room for bars)", () => {
    for (const lang of ["en", "ko"] as const) {
      const result = recommend({ ...team, microservices: 3 }, { lang });
      const every = lang === "en" ? /Compute +Fees +Control plane +Total +Bill/ : /컴퓨팅 +관리 요금 +컨트롤 플레인 +합계 +청구 합계/;
      const widths = Array.from({ length: 41 }, (_, i) => 40 + 2 * i);
      const drawn = widths.filter((width) => table(result, width, lang).some((row) => /#+$/.test(row)));
      for (const width of drawn) expect({ lang, width, header: every.test(table(result, width, lang)[0]!) }).toEqual({ lang, width, header: true });
      expect(drawn).toContain(120);
    }
  });

  it("marks the recommended way once when the rows are too narrow for columns", () => {
    for (const lang of ["en", "ko"] as const) {
      const text = costSection(recommend({ ...team, microservices: 3 }, { lang }), { lang, width: 40, unicode: false }, c).join("\n");
      expect(text).toMatch(/^ {2}> ECS Fargate /m);
      expect(text).not.toContain("> >");
    }
  });

  it("names every limit that rules a way out, in words, never a rule id", () => {
    const gpu = recommend({ ...team, requirements: ["gpu", "windows"], microservices: 3 }, { lang: "en" });
    const text = costSection(gpu, { lang: "en", width: 80, unicode: false }, c).join("\n");
    expect(text).toContain("Ruled out: You need GPUs, and Fargate has none on ECS or EKS.");
    expect(text).not.toMatch(/no-gpu-on-fargate|no-windows-on/);
    // EKS on Fargate: both the GPU limit and the Windows one apply, and both are named.
    const eksFargate = gpu.costs.estimate.options.find((o) => o.platform === "eks" && o.launchType === "fargate")!;
    expect(eksFargate.excluded).toContain("GPUs");
    expect(eksFargate.excluded).toContain("Windows");
  });

  it("leaves ruled-out ways out of the break-even and the Arm list (review M16)", () => {
    const gpu = recommend({ ...team, requirements: ["gpu"], microservices: 3 }, { lang: "ko" });
    const text = costSection(gpu, { lang: "ko", width: 80, unicode: false }, c).join("\n");
    // The break-even names the way that is ruled out, not "its Fargate or its EC2".
    expect(text).toContain("ECS 손익분기점: 없음. 이 워크로드에서는 ECS Fargate가 제외됩니다.");
    expect(text).not.toContain("Arm(Graviton)에서는: ECS Fargate");
    // Nor does a ruled-out way get a people line: its row says why it has none.
    expect(text).not.toMatch(/^ {2}- EKS Fargate: /m);
    expect(text).toMatch(/^ {2}- EKS EC2: /m);
    // Ranges in Korean take ~ (docs/korean-style.md), the hours and AWS's share alike.
    expect(text).toMatch(/- EKS EC2: \d+~\d+\./);
    expect(text).not.toMatch(/\d–\d/);
  });

  it("adds up the shared lines even when every way is ruled out, and says a lone environment's NAT data once", () => {
    const none = recommend({ ...team, requirements: ["gpu", "windows"], microservices: 3 }, { lang: "en" });
    expect(none.costs.estimate.options.every((o) => o.excluded !== undefined)).toBe(true);
    const text = costSection(none, { lang: "en", width: 200, unicode: false }, c).join("\n");
    const lines = none.costs.estimate.shared.map((line) => line.usdPerMonth);
    const cents = Math.round(lines.reduce((sum, usd) => sum + usd * 100, 0));
    expect(cents).toBeGreaterThan(0);
    expect(text).toContain(`each Bill: USD ${(cents / 100).toFixed(2)} a month.`);
    expect(text).toContain("one NAT gateway in each of 2 zones, and 100 GB a month through them (--nat-data-gib)");
    // No people title with nothing under it.
    expect(text).not.toContain("People, engineer-hours");
    const three = recommend({ ...team, microservices: 3, environments: 3 }, { lang: "en" });
    expect(costSection(three, { lang: "en", width: 200, unicode: false }, c).join("\n")).toContain("per environment, and 100 GB a month through them in production, 300 GB in all");
  });

  it("calls the management fee column 관리 요금 and dates a bare year in words (review M9, M10)", () => {
    const small = recommend({ ...team, microservices: 3 }, { lang: "ko" });
    const text = costSection(small, { lang: "ko", width: 100, unicode: false }, c).join("\n");
    expect(text).toContain("관리 요금");
    expect(text).toMatch(/서울|버지니아/);
  });

  it("groups every count and amount by thousands, in the assumptions and shared lines too", () => {
    for (const lang of ["en", "ko"] as const) {
      const large = recommend({ ...team, microservices: 10000, tasks: 20000, environments: 3, natDataGiB: 25000 }, { lang });
      const text = costSection(large, { lang, width: 80, unicode: false }, c).join(" ");
      expect(text).toContain("20,000");
      expect(text).not.toMatch(/(^|[^\d.,])\d{4,}(?![\d-]|년)/);
    }
  });

  it("names the rates the figures are at: on demand when the prices have no rate of the scenario for any way", () => {
    // The built-in prices have no Savings Plans rates: every figure is on demand, and the heading says so.
    const fellBack = costSection(recommend({ ...team, microservices: 3, pricing: "savings-1y" }, { lang: "en" }), { lang: "en", width: 200, unicode: false }, c)[0]!;
    expect(fellBack).toContain("at on-demand prices, since these prices have no 1-year Compute Savings Plans rates for any way priced.");
    // Fargate Spot has a rate: the heading names Spot.
    const spot = costSection(recommend({ ...team, microservices: 3, pricing: "spot" }, { lang: "en" }), { lang: "en", width: 200, unicode: false }, c)[0]!;
    expect(spot).toContain("USD a month at Spot prices.");
  });

  it("lists the Arm figures with commas and says why EKS on Fargate has none (review L42)", () => {
    const answers = { ...team, microservices: 3 };
    const ko = costSection(recommend(answers, { lang: "ko" }), { lang: "ko", width: 400, unicode: false }, c).find((line) => line.includes("Arm(Graviton)에서는"))!;
    expect(ko).not.toContain(" 및 ");
    expect(ko).toMatch(/EKS Auto Mode [\d.,]+, EKS EC2 [\d.,]+\. EKS Fargate는 x86 파드만 실행하므로 Arm 금액이 없습니다\.$/);
    const en = costSection(recommend(answers, { lang: "en" }), { lang: "en", width: 400, unicode: false }, c).find((line) => line.includes("On Arm (Graviton)"))!;
    expect(en).toContain("EKS on Fargate runs x86 pods only, so it has no Arm figure.");
  });

  it("says 1 task, not 1 tasks (issue 28 item 25)", () => {
    const one = recommend({ ...team, microservices: 1, services: [{ name: "solo", replicas: 1 }] }, { lang: "en" });
    const text = costSection(one, { lang: "en", width: 80, unicode: false }, c).join(" ").replace(/\s+/g, " ");
    expect(text).toContain("1 service, 1 task,");
    expect(text).not.toMatch(/\b1 tasks\b/);
  });
});
