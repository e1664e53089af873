import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderText } from "../../src/cli/render/text.js";
import { peopleLines, wayName } from "../../src/cli/render/estimate.js";
import { meaningRows } from "../../src/cli/render/phrases.js";
import { t } from "../../src/i18n/index.js";
import { displayWidth } from "../../src/cli/render/layout.js";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { answersArbitrary } from "../helpers/arbitraries.js";
import { readFixture } from "../helpers/fixtures.js";
import { makeRule, makeRuleSet } from "../helpers/rules.js";
import { BUILT_IN_CALIBRATION } from "../../src/engine/calibration.js";

const plain = { lang: "en", color: false, width: 80, unicode: false } as const;
const closeCall = recommend(readFixture("answers/close-call.json"));

describe("the text result", () => {
  it("leads with the answer, then why, then what would change it, what it means and what to do next", () => {
    const text = renderText(closeCall, plain);
    const order = ["Recommendation:", "Scores", "Why (rules", "Launch type:", "What would change this", "What it means", "Next:"];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("says plainly when the call is close, with the margin in points, what decides it and what such a margin meant on published decisions", () => {
    const { close, clear } = BUILT_IN_CALIBRATION.bands;
    expect(renderText(closeCall, plain).replace(/\s+/g, " ")).toContain(
      `A close call: ECS leads by 1 point (ECS 3, EKS 2). What decides it: staying on AWS only. At a margin like this, ${close.agreed} of ${close.of} published decisions ended on the recommended platform.`,
    );
    const startup = recommend(readFixture("answers/startup-mvp.json"));
    expect(renderText(startup, plain).replace(/\s+/g, " ")).toContain(
      `A clear call: ECS leads by ${startup.margin} points (ECS ${startup.scores.ecs}, EKS 0). At a margin like this, all ${clear.of} published decisions ended on the recommended platform.`,
    );
  });

  it("calls a call leaning between the cuts, shows no percentage, and claims no count for rules of one's own", () => {
    const leaning = recommend({ kubernetesExperience: "proficient", cloudStrategy: "aws-first", budget: "moderate", microservices: 8 });
    expect(leaning.scores).toEqual({ ecs: 0, eks: 4 });
    const text = renderText(leaning, plain).replace(/\s+/g, " ");
    expect(text).toContain("Leaning: EKS leads by 4 points (ECS 0, EKS 4). At a margin like this,");
    expect(text.slice(0, text.indexOf("Scores"))).not.toMatch(/%|[Cc]onfidence/);
    const own = evaluate(leaning.answers, { rules: makeRuleSet([makeRule({ platform: "eks", weight: 4, when: { answer: "budget", in: ["moderate"] } })]) });
    expect(renderText(own, plain).replace(/\s+/g, " ")).toMatch(/Leaning: EKS leads by 4 points \(ECS 0, EKS 4\)\. Scores/);
  });

  it("draws the score chart with # off a terminal and blocks in one, scaled to the scores", () => {
    const hashes = renderText(closeCall, plain).split("\n").filter((line) => /^ {2}(ECS|EKS) {2}#/.test(line));
    expect(hashes).toHaveLength(2);
    const [ecs, eks] = hashes.map((line) => (line.match(/#/g) ?? []).length);
    expect(eks! / ecs!).toBeCloseTo(2 / 3, 1);
    expect(renderText(closeCall, { ...plain, unicode: true })).toMatch(/ECS {2}█+/);
  });

  it("fills the terminal's width and no more", () => {
    for (const width of [60, 100, 120]) {
      const lines = renderText(closeCall, { ...plain, width }).trimEnd().split("\n");
      expect(Math.max(...lines.map((line) => displayWidth(line)))).toBeLessThanOrEqual(width);
      expect(lines.some((line) => displayWidth(line) > width - 8)).toBe(true);
    }
  });

  it("explains the launch type: what it is, what the hard limits rule out, and what to know", () => {
    const text = renderText(recommend(readFixture("answers/ml-gpu.json")), plain);
    expect(text).toContain("Launch type: EKS Auto Mode\n  AWS runs the nodes (Karpenter-based)");
    expect(text).toMatch(/ {2}not Fargate +You need GPUs, and Fargate has none on ECS or EKS\./);
    expect(text).toMatch(/ {2}Auto Mode \+2 +Auto Mode spares you patching and node upgrades/);
    expect(text).toMatch(/ {2}note +Auto Mode's built-in node pools are on-demand C, M and R/);
  });

  it("labels a way of running no answer weighed for with its 0, in its own row of the launch section", () => {
    const text = renderText(recommend(readFixture("answers/startup-mvp.json")), plain);
    expect(text).toMatch(/\n {2}EC2 0 +None of your answers weighs for it, though it can run\n {23}this workload\.\n/);
    const korean = renderText(recommend(readFixture("answers/startup-mvp.json"), { lang: "ko" }), { ...plain, lang: "ko" });
    expect(korean).toMatch(/\n {2}EC2 0 +이 워크로드를 실행할 수 있지만/);
  });

  it("says when the hard limits leave one way of running, rather than calling it a tie", () => {
    const windows = recommend({ currentPlatform: "kubernetes", kubernetesExperience: "proficient", cloudStrategy: "aws-first", budget: "moderate", microservices: 25, requirements: ["windows"] });
    expect(windows).toMatchObject({ recommendation: "eks", launchType: "ec2", launchTypeRequired: true, launchTypeReasons: [] });
    const text = renderText(windows, plain).replace(/\s+/g, " ");
    expect(text).toContain("The limits above leave this as the only way to run your workloads.");
    expect(text).not.toContain("the tie goes to");
  });

  it("shows what else on AWS deserves a look, with its source", () => {
    const text = renderText(recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3, workload: "batch" }), plain);
    expect(text).toMatch(/Also consider\n {2}- For batch jobs, AWS Batch queues, schedules and runs them/);
    expect(text.indexOf("Also consider")).toBeGreaterThan(text.indexOf("What it means"));
  });

  it("gives the control-plane cost for the clusters answered, with its date", () => {
    const text = renderText(recommend({ ...readFixture("answers/close-call.json") as object, clusters: 3 }), plain);
    expect(text.replace(/\s+/g, " ")).toContain("EKS: USD 219.00 a month for 3 clusters (USD 0.10 per cluster-hour, as of 2025)");
    // Written as the cost estimate writes amounts, with thousands separated.
    expect(text.replace(/\s+/g, " ")).toContain("or USD 1,314.00 a month on a Kubernetes version in extended support");
  });

  it("prices what the team needs (Windows, GPUs) and rules out, in words, each way that cannot run it", () => {
    const base = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "moderate", microservices: 4 } as const;
    const flat = (answers: object) => renderText(recommend(answers), { ...plain, width: 100 }).replace(/\s+/g, " ");
    const windows = flat({ ...base, requirements: ["windows"] });
    expect(windows).toMatch(/EKS Auto Mode – – – – – Ruled out: You run Windows containers, and EKS Auto Mode nodes are Bottlerocket, Linux only\./);
    expect(windows).toMatch(/> ECS Fargate [\d,.]+ /);
    const gpu = flat({ ...base, requirements: ["gpu"] });
    expect(gpu).toMatch(/ECS Fargate – – – – – Ruled out: You need GPUs, and Fargate has none on ECS or EKS\./);
    expect(gpu).toMatch(/EKS EC2: \d+ × g\d\w*\.\w+/);
    // No rule id, and no row that prices what the team cannot run.
    for (const text of [windows, gpu, flat(base)]) expect(text).not.toMatch(/these rows|Ruled out: [a-z]+-[a-z-]+/);
  });

  it("says when no change of one or two answers would flip the call", () => {
    const strong = recommend({ kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 2, timeToMarket: "urgent", opsCapacity: "none" });
    expect(renderText(strong, plain)).toContain("No change of one or two answers would change this recommendation.");
  });

  it("never shows Korean in English output, and is all Korean prose in Korean", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        expect(renderText(evaluate(answers), plain)).not.toMatch(/[\uac00-\ud7af]/);
        const korean = renderText(evaluate(answers, { lang: "ko" }), { ...plain, lang: "ko" });
        expect(korean).toMatch(/^추천: /);
        expect(korean).not.toMatch(/Why|What would change|Recommendation/);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it("colours only when asked", () => {
    expect(renderText(closeCall, plain)).not.toMatch(/\u001b\[/);
    expect(renderText(closeCall, { ...plain, color: true })).toMatch(/\u001b\[/);
  });
});

describe("the people sentences", () => {
  // "What it means" and "What it costs" both speak of the people Kubernetes takes: one may say more, never the opposite.
  it.each(["en", "ko"] as const)("say the same share of one engineer, as a floor in both or in neither (%s)", (lang) => {
    const share = /(at least |최소 )?(\d+)[–~](\d+)%/;
    const floor = t(lang, "estimate.people.atLeast", { min: "" }).trim();
    let organisations = 0;
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = evaluate(answers, { lang });
        const row = meaningRows(result, lang).find(([label]) => label === t(lang, "means.people.label"));
        if (!row) return;
        // The cost section's people line for EKS on EC2: AWS's share it is built on, and the hours, a floor for an organisation.
        const estimate = result.costs.estimate;
        const people = peopleLines(estimate, lang);
        // EKS on EC2, when the workload leaves it open (ruled-out ways have no people line).
        const eks = estimate.options.filter((o) => o.excluded === undefined && o.platform === "eks" && o.launchType === "ec2").map((o) => wayName(lang, o));
        const line = people.lines.find((text) => eks.some((way) => text.startsWith(`${way}: `)));
        if (line === undefined) return;
        const [means, costs] = [share.exec(row[1])!, share.exec(line)!];
        expect([means[2], means[3]]).toEqual([costs[2], costs[3]]);
        const organisation = result.costs.kubernetesPeople!.scale === "organisation";
        expect([means[1] !== undefined, line.includes(`: ${floor} `), people.title === t(lang, "estimate.people.titleOrganisation")]).toEqual([organisation, organisation, organisation]);
        if (means[1]) organisations++;
        expect(row[1]).not.toMatch(/not a share of one engineer|한 명의 업무 시간 일부가 아니라/);
        // The upgrades a year the cost section counts are the ones this row names too: never two figures for one thing.
        const perYear = estimate.options.flatMap((o) => o.people.parts).find((part) => part.part === "upgrades")?.perYear;
        if (perYear !== undefined) expect(row[1]).toContain(lang === "en" ? `(${perYear} a year to follow every release` : `1년에 ${perYear}번(아래 인력 추정의 기준)`);
      }),
      { numRuns: 300, seed: 15 },
    );
    expect(organisations).toBeGreaterThan(10);
  });

  it.each(["en", "ko"] as const)("say where AWS runs the nodes that its share is a ceiling from none, so a lower floor than EKS on EC2 is explained (%s)", (lang) => {
    const result = recommend(readFixture("answers/close-call.json"), { lang });
    const { lines } = peopleLines(result.costs.estimate, lang);
    const lineOf = (launchType: string) => {
      const way = result.costs.estimate.options.find((o) => o.platform === "eks" && o.launchType === launchType)!;
      return lines.find((line) => line.startsWith(`${wayName(lang, way)}: `))!;
    };
    const [autoMode, ec2] = [lineOf("auto-mode"), lineOf("ec2")];
    const [autoLow, ec2Low] = [autoMode, ec2].map((line) => Number(/: (\d+)[–~]/.exec(line)![1]));
    expect(autoLow).toBeLessThan(ec2Low!);
    expect(autoMode).toContain(lang === "en" ? "none to 40% of one engineer" : "AWS가 노드를 운영하므로 0에서");
    expect(ec2).not.toContain(lang === "en" ? "none to" : "0에서");
  });
});
