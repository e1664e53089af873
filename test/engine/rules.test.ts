import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Condition } from "../../src/engine/conditions.js";
import { BUILT_IN_RULES } from "../../src/engine/builtin.js";
import { QUESTIONS } from "../../src/engine/questions.js";
import { evaluate } from "../../src/explain/result.js";
import { recommend } from "../../src/explain/recommend.js";
import { parseRules } from "../../src/explain/rules.js";
import { toRulesFile } from "../../src/engine/rule-set.js";
import { fixturePath, readFixture, ROOT } from "../helpers/fixtures.js";

const problemsOf = (name: string, lang: "en" | "ko" = "en") => {
  const outcome = parseRules(readFixture(`rules/${name}`), { file: name, lang, base: BUILT_IN_RULES });
  return outcome.ok ? [] : outcome.problems;
};

describe("a broken rules file is a clear error naming the file, the rule and the field", () => {
  it.each([
    ["negative", "weight", "must be a number above 0 and at most 1000 (got -1)"],
    ["zero", "weight", "must be a number above 0 and at most 1000 (got 0)"],
    ["text-weight", "weight", 'must be a number (got "3")'],
    ["infinite", "weight", "must be a number above 0 and at most 1000 (got Infinity)"],
    ["huge", "weight", "must be a number above 0 and at most 1000 (got 1e+308)"],
  ])("rejects the weight of rule %s", (id, field, message) => {
    expect(problemsOf("broken-weights.json")).toContainEqual(expect.stringMatching(new RegExp(`^broken-weights\\.json: rule "${id}" \\(rules\\[\\d\\]\\), field "${field}": ${escape(message)}`)));
  });

  it.each([
    ["typo-key", "when.answer", 'Did you mean "kubernetesExperience"?'],
    ["bad-value", "when.in", '"cheap" is not a value of "budget"; it takes tight, moderate, flexible.'],
    ["wrong-operator", "when.atLeast", '"atLeast" does not apply to "budget"; use in.'],
    ["two-operators", "when", "a condition needs exactly one operator"],
    ["nested", "when.all[0].includes", '"istio" is not a value of "ecosystem"'],
  ])("rejects the condition of rule %s", (id, field, message) => {
    expect(problemsOf("bad-conditions.json")).toContainEqual(expect.stringContaining(`rule "${id}"`));
    const line = problemsOf("bad-conditions.json").find((p) => p.includes(`rule "${id}"`))!;
    expect(line).toContain(`field "${field}"`);
    expect(line).toContain(message);
  });

  it("lists every problem of every rule at once, not just the first", () => {
    const problems = problemsOf("bad-shape.json");
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rule "no-text" (rules[2]), field "text": is required.'),
        expect.stringContaining('field "platform": must be one of ecs, eks (got "aks")'),
        expect.stringContaining('field "wieght": "wieght" is not a known field.'),
        expect.stringContaining('rule "Bad Id" (rules[5]), field "id": must be lowercase letters'),
        expect.stringContaining('the id "first" is already used by rules[0]'),
        expect.stringContaining('the source "guide.when-eksx" is not in "sources". Did you mean "guide.when-eks"?'),
      ]),
    );
  });

  it("says what is wrong in Korean too", () => {
    expect(problemsOf("bad-shape.json", "ko")).toContainEqual(
      'bad-shape.json: 규칙 "no-text" (rules[2]), 필드 "text": 필수 항목입니다.',
    );
  });

  it("refuses a file that is not a rules object", () => {
    const outcome = parseRules([1, 2], { file: "list.json" });
    expect(outcome).toEqual({ ok: false, problems: [expect.stringMatching(/^list\.json: a rules file must be a JSON object/)] });
  });
});

describe("overrides of the built-in rules", () => {
  it("changes weights, disables rules and adds new ones, keeping the rest", () => {
    const outcome = parseRules(readFixture("rules/team-overrides.json"), { file: "team.json", base: BUILT_IN_RULES });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const ids = outcome.ruleSet.rules.map((r) => r.id);
    expect(ids).not.toContain("eks-hiring");
    expect(ids).toContain("team-has-eks-platform");
    expect(outcome.ruleSet.rules.find((r) => r.id === "ecs-aws-only")!.weight).toBe(5);
    expect(outcome.ruleSet.rules).toHaveLength(BUILT_IN_RULES.rules.length);
    expect(outcome.ruleSet.launchTypeRules).toHaveLength(BUILT_IN_RULES.launchTypeRules.length);
  });

  it("reports unknown ids with a suggestion, clashes and contradictions", () => {
    const problems = problemsOf("broken-overrides.json");
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('field "weights.ecs-aws-onyl": there is no built-in rule "ecs-aws-onyl". Did you mean "ecs-aws-only"?'),
        expect.stringContaining('field "weights.eks-helm": must be a number above 0 and at most 1000 (got -2)'),
        expect.stringContaining('"eks-helm" is both re-weighted and disabled'),
        expect.stringContaining('field "disable[0]": there is no built-in rule "no-such-rule"'),
        expect.stringContaining('the id "ecs-aws-only" is already a built-in rule'),
      ]),
    );
  });
});

describe("the built-in rules", () => {
  const guide = readFileSync(`${ROOT}docs/sources/guide.ko.md`, "utf8");
  const facts = readFileSync(`${ROOT}docs/sources/FACTS.md`, "utf8");
  const all = [
    ...BUILT_IN_RULES.rules,
    ...BUILT_IN_RULES.launchTypeRules,
    ...BUILT_IN_RULES.launchTypeLimits,
    ...BUILT_IN_RULES.launchTypeNotes,
    ...BUILT_IN_RULES.alsoConsider,
    ...BUILT_IN_RULES.answerNotes,
  ];

  it("say the cost section puts people in money only as it does: with --engineer-cost", () => {
    const money = all.filter((rule) => /in money/.test(rule.text.en) || /금액으로/.test(rule.text.ko ?? ""));
    expect(money.length).toBeGreaterThan(0);
    for (const rule of money) expect([rule.id, rule.text.en.includes("--engineer-cost"), (rule.text.ko ?? "").includes("--engineer-cost")]).toEqual([rule.id, true, true]);
  });

  it("say of the team only what its answer means: a dedicated team runs the platform and its servers, and a PaaS or serverless team has had its servers run for it", () => {
    const team = { kubernetesExperience: "basic", cloudStrategy: "aws-only", budget: "moderate", microservices: 5 } as const;
    // The question: "Who is available to run the platform and its servers?"; "A dedicated team".
    const dedicated = recommend({ ...team, opsCapacity: "dedicated", cloudStrategy: "multi-cloud", kubernetesExperience: "expert" });
    expect(dedicated.reasons.map((r) => r.ruleId)).toContain("eks-platform-team");
    const texts = (result: ReturnType<typeof evaluate>) => [...result.reasons, ...result.launchTypeReasons].map((r) => r.text);
    const saysDedicated = texts(dedicated).filter((x) => /dedicated/.test(x));
    expect(saysDedicated.length).toBeGreaterThan(0);
    for (const text of saysDedicated) expect(text).toContain("dedicated to running your platform and its servers");
    // A PaaS (Heroku, Elastic Beanstalk, App Runner, Render) ran servers for the team; nothing says the team never had any.
    for (const currentPlatform of ["paas", "serverless"] as const) {
      const said = texts(recommend({ ...team, currentPlatform })).join(" ");
      expect(said).toContain("runs the servers for you");
      expect(said).not.toMatch(/never had servers/);
    }
  });

  it("validate, and survive a round trip through `rules --format json`", () => {
    const again = parseRules(JSON.parse(JSON.stringify(toRulesFile(BUILT_IN_RULES))), { file: "again.json" });
    expect(again.ok && toRulesFile(again.ruleSet)).toEqual(toRulesFile(BUILT_IN_RULES));
  });

  it.each(all.map((r) => [r.id, r] as const))("%s quotes a line that is really in its source", (_id, rule) => {
    expect(typeof rule.source).toBe("object");
    const source = rule.source as { ref: string; quote?: string };
    expect(source.quote).toBeTruthy();
    const document = source.ref.startsWith("guide.") ? guide : facts;
    expect(document).toContain(source.quote);
  });

  it.each(all.map((r) => [r.id, r] as const))("%s speaks English and Korean, and its English has no Korean", (_id, rule) => {
    expect(rule.text.ko).toBeTruthy();
    expect(rule.text.en).not.toMatch(/[\uac00-\ud7af]/);
  });

  it.each(BUILT_IN_RULES.rules.map((r) => [r.id, r] as const))("%s names its reason in a few words, in both languages", (_id, rule) => {
    expect(rule.label?.en).toBeTruthy();
    expect(rule.label?.ko).toMatch(/[\uac00-\ud7af]/);
    expect(rule.label!.en.length).toBeLessThan(45);
    // Labels are joined into comma lists ("What decides it: a, b and c"): a comma of their own would split one in two.
    expect(`${rule.label!.en}${rule.label!.ko}`).not.toMatch(/[,、]/);
  });

  it("weigh every answer a team can give, or say in a note why it weighs nothing", () => {
    // The (answer, value) pairs a list of rules reads in its conditions.
    const read = (rules: readonly { when: Condition }[]) => {
      const pairs = new Set<string>();
      const visit = (c: Condition) => {
        if ("all" in c) return c.all.forEach(visit);
        if ("any" in c) return c.any.forEach(visit);
        if ("none" in c) return c.none.forEach(visit);
        const values = "in" in c ? c.in : "includes" in c ? [c.includes] : "includesAny" in c ? c.includesAny : [];
        for (const value of values) pairs.add(`${c.answer}=${value}`);
      };
      rules.forEach((rule) => visit(rule.when));
      return pairs;
    };
    const weighed = read([...BUILT_IN_RULES.rules, ...BUILT_IN_RULES.launchTypeRules, ...BUILT_IN_RULES.launchTypeLimits, ...BUILT_IN_RULES.launchTypeNotes]);
    const explained = read(BUILT_IN_RULES.answerNotes);
    const silent = QUESTIONS.flatMap((q) => {
      // The workload and price answers feed only the cost estimate: no rule may read them.
      if (q.kind === "integer" || q.kind === "number" || "estimate" in q) return [];
      const fallback = "default" in q ? q.default : "askDefault" in q ? q.askDefault : undefined;
      // A default is neutral by design; "don't know" fires nothing by design.
      const values = (q.choices as readonly string[]).filter((value) => value !== fallback && !("unknown" in q && value === q.unknown));
      return values.map((value) => `${q.key}=${value}`).filter((pair) => !weighed.has(pair) && !explained.has(pair));
    });
    expect(silent).toEqual([]);
  });

  it("never point anyone to App Runner, which is closed to new customers", () => {
    expect(JSON.stringify(toRulesFile(BUILT_IN_RULES))).not.toMatch(/App Runner/i);
  });

  it("never fire on an optional answer's default: the defaults are neutral", () => {
    const defaults = Object.fromEntries(QUESTIONS.filter((q) => !q.required).map((q) => [q.key, (q as { default: unknown }).default]));
    const optionalOnly = BUILT_IN_RULES.rules.filter((rule) => rule.keys.every((key) => key in defaults));
    expect(optionalOnly.length).toBeGreaterThan(5);
    for (const rule of optionalOnly) expect({ id: rule.id, fires: rule.test(defaults as never) }).toEqual({ id: rule.id, fires: false });
  });

  it("cover every answer that can move the decision", () => {
    const used = new Set(all.flatMap((rule) => rule.keys));
    const unused = QUESTIONS.map((q) => q.key).filter((key) => !used.has(key));
    // clusters only prices the control plane; the workload only prices the estimate.
    expect(unused).toEqual(["clusters", "vcpus", "memoryGiB", "tasks", "services", "environments", "pricing", "loadBalancers", "natDataGiB", "logGiBPerTask", "region", "engineerCost"]);
  });

  it("name the built-in rule set and its version in the result", () => {
    const result = evaluate({ ...BUILT_IN_RULES_ANSWERS });
    expect(result.ruleSet).toEqual({ source: "built-in", version: BUILT_IN_RULES.version });
  });

  it("are the file in rules/, one source of truth", () => {
    const file = JSON.parse(readFileSync(fixturePath("../../rules/rules.json"), "utf8"));
    expect(toRulesFile(BUILT_IN_RULES)).toEqual(file);
  });
});

const BUILT_IN_RULES_ANSWERS = {
  currentPlatform: "none",
      currentPlatformFit: "content",
      internalPlatform: "none",
  workload: "services",
  computeSpend: "unknown",
  kubernetesExperience: "none",
  cloudStrategy: "aws-only",
  budget: "tight",
  microservices: 3,
  ecosystem: [],
  timeToMarket: "normal",
  growth: "moderate",
  serviceCommunication: "simple",
  opsCapacity: "some",
  requirements: [],
  clusters: 1,
  pricing: "on-demand",
  region: "us-east-1",
} as const satisfies Parameters<typeof evaluate>[0];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
