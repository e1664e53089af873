import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { koSchemaDescriptions } from "../../src/i18n/schema.ko.js";
import { addCatalogue, joinConditions, langFromEnv, t } from "../../src/i18n/index.js";
import { ROOT } from "../helpers/fixtures.js";
import { QUESTIONS } from "../../src/engine/questions.js";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("give every message key in every language", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it("hold only messages the code looks up, by name or by a name built from a prefix", () => {
    const sources = readdirSync(`${ROOT}src`, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !/^i18n\/(en|ko)\.ts$/.test(file))
      .map((file) => readFileSync(`${ROOT}src/${file}`, "utf8"))
      .join("\n");
    // `estimate.count.${noun}.one`: the text before the first ${ is the prefix of every name it builds.
    const prefixes = [...sources.matchAll(/`([a-z][\w.-]*)\$\{/gi)].map((match) => match[1]!);
    const looked = (key: string) => sources.includes(`"${key}"`) || prefixes.some((prefix) => key.startsWith(prefix));
    expect(Object.keys(en).filter((key) => !looked(key))).toEqual([]);
  });

  it("use the same placeholders in every language", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, vars: placeholders(ko[key]) }).toEqual({ key, vars: placeholders(en[key]) });
    }
  });

  it("keep Korean out of English output", () => {
    for (const [key, text] of Object.entries(en)) expect({ key, korean: HANGUL.test(text) }).toEqual({ key, korean: false });
  });

  it("have a label and hint for every question and choice, and a phrase for every change", () => {
    const keys = QUESTIONS.flatMap((q) => [
      `q.${q.key}`,
      `q.${q.key}.hint`,
      // The workload answers are never a change to suggest: they need no change phrases.
      ...(q.kind === "integer" && !("estimate" in q) ? (["atLeast", "atMost", "between"] as const).map((form) => `count.${q.key}.${form}`) : []),
      ...(q.kind === "set" ? [`change.${q.key}.add`, `change.${q.key}.remove`] : []),
      ...(q.kind !== "choice" && q.kind !== "set"
        ? []
        : (q.choices as readonly string[]).flatMap((c: string) => [
            `choice.${q.key}.${c}`,
            `hint.${q.key}.${c}`,
            q.kind === "set" ? `item.${q.key}.${c}` : "estimate" in q ? "" : `change.${q.key}.${c}`,
          ])
          // "Don't know" is never suggested as a change, so it needs no phrase.
          .filter((key: string) => key !== "" && !("unknown" in q && key === `change.${q.key}.${q.unknown}`))),
    ]);
    for (const [lang, catalogue] of Object.entries({ en, ko })) {
      const missing = keys.filter((key) => !(key in catalogue));
      expect({ lang, missing }).toEqual({ lang, missing: [] });
    }
  });

  it("end every Korean change phrase in a conditional, so phrases can be joined", () => {
    for (const [key, text] of Object.entries(ko)) {
      if ((key.startsWith("change.") && key !== "change.none") || key.startsWith("count.")) expect({ key, text, ok: /면$/.test(text) }).toMatchObject({ ok: true });
    }
    expect(joinConditions("ko", ["예산이 넉넉하면", "Helm을 쓰지 않으면", "출시가 급하면"])).toBe(
      "예산이 넉넉하고 Helm을 쓰지 않고 출시가 급하면",
    );
    expect(joinConditions("en", ["a flexible budget", "Helm adopted", "rapid growth"])).toBe(
      "a flexible budget, Helm adopted and rapid growth",
    );
  });
});

// The Korean style guide's banned forms, read from the guide itself so the two cannot drift apart.
const GUIDE = readFileSync(`${ROOT}docs/korean-style.md`, "utf8");
const BANNED = [...GUIDE.slice(GUIDE.indexOf("<!-- banned:start -->"), GUIDE.indexOf("<!-- banned:end -->")).matchAll(/^- `([^`]+)`$/gm)].map((m) => m[1]!);

/** Every Korean string in the rules, comparison and facts files: each "ko" field, with where it is. */
function koreanInRules(): [where: string, text: string][] {
  const found: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
    else if (typeof value === "string" && path.endsWith(".ko")) found.push([path, value]);
  };
  for (const file of ["rules.json", "comparison.json", "facts.json"]) walk(JSON.parse(readFileSync(`${ROOT}rules/${file}`, "utf8")), file);
  // The guide's comparison table is quoted as the guide wrote it (`compare` says so): its words are the guide's, not ours.
  return found.filter(([where]) => !where.startsWith("comparison.json.rows"));
}

describe("Korean that reads as written by a Korean engineer (docs/korean-style.md)", () => {
  it("reads its list of banned forms from the guide", () => {
    expect(BANNED).toContain("은(는)");
    expect(BANNED).toContain("«");
    expect(BANNED.length).toBeGreaterThan(10);
  });

  it.each(BANNED)("uses no %j in the Korean messages or the rules' Korean text", (form) => {
    // Product names keep their English words: "EKS Provisioned Control Plane" is a service, not a term to translate.
    // Code between backticks is not Korean prose.
    const has = (text: string) => text.replace(/`[^`]*`/g, "").replaceAll("Provisioned Control Plane", "").includes(form);
    const inMessages = [...Object.entries(ko), ...Object.entries(koSchemaDescriptions).map(([key, text]) => [`schema ${key}`, text] as const)]
      .filter(([, text]) => has(text))
      .map(([key]) => key);
    const inRules = koreanInRules().filter(([, text]) => has(text)).map(([where]) => where);
    expect([...inMessages, ...inRules]).toEqual([]);
  });

  it("writes a range with ~, never a hyphen or a dash between two figures", () => {
    // A date (2026-12-06) is not a range; a value a user types (5k-20k) has a letter beside the hyphen.
    const range = /(?<![\w.-])\d[\d,.]*\s*(?:%|천|만|억)?\s*[-–—]\s*\d|\}\s*[-–—]\s*\{/;
    const has = (text: string) => range.test(text.replace(/`[^`]*`/g, "").replace(/\d{4}-\d{2}(?:-\d{2})?/g, "DATE"));
    expect(has("엔지니어 1-15명")).toBe(true);
    expect(has("20–40%")).toBe(true);
    expect(has("{low}-{high}%")).toBe(true);
    expect(has("2026-12-06 확인, 5k-20k, ap-northeast-2")).toBe(false);
    const inMessages = [...Object.entries(ko), ...Object.entries(koSchemaDescriptions)].filter(([, text]) => has(text)).map(([key]) => key);
    const inRules = koreanInRules().filter(([, text]) => has(text)).map(([where]) => where);
    expect([...inMessages, ...inRules]).toEqual([]);
  });

  it("puts the currency after the amount (월 365.00 USD), as every Korean cost line does", () => {
    const before = (text: string) => /USD(?:\s+\{|\s*\d)/.test(text);
    const inMessages = [...Object.entries(ko), ...Object.entries(koSchemaDescriptions)].filter(([, text]) => before(text)).map(([key]) => key);
    const inRules = koreanInRules().filter(([, text]) => before(text)).map(([where]) => where);
    expect([...inMessages, ...inRules]).toEqual([]);
  });

  it("numbers a follow-up question as English does (1.1), and says a cancelled run saved nothing", () => {
    addCatalogue("ko", ko);
    expect(t("ko", "prompt.followUp", { n: 1, sub: 1 })).toBe("1.1");
    expect(t("ko", "error.interrupted")).toBe("취소했습니다. 아무것도 저장하지 않았습니다.");
  });

  it("describes every answer in the Korean schema for a file, never with the prompts' keys to press", () => {
    for (const q of QUESTIONS) {
      const text = koSchemaDescriptions[q.key];
      expect({ key: q.key, described: typeof text === "string" && text.length > 0, keys: /스페이스|엔터|Space|Enter/.test(text) }).toEqual({ key: q.key, described: true, keys: false });
    }
  });

  it("picks the particle that fits a filled-in word, as it is read aloud", () => {
    addCatalogue("ko", ko);
    const need = (item: string) => t("ko", "change.requirements.add", { item });
    expect(need("GPU")).toBe("GPU가 필요하면");
    expect(need("DaemonSet")).toBe("DaemonSet이 필요하면");
    expect(need("Arm(Graviton)")).toBe("Arm(Graviton)이 필요하면");
    expect(need("Spot 용량")).toBe("Spot 용량이 필요하면");
    expect(need("Windows 컨테이너")).toBe("Windows 컨테이너가 필요하면");
    expect(t("ko", "adr.launch", { launchType: "AWS Fargate" })).toBe("AWS Fargate를 고른 이유:");
    expect(t("ko", "adr.contextText", { version: "1.0.0", rules: t("ko", "rules.builtInVersion", { version: "2026.11.2" }) })).toContain(
      "기본 규칙(버전 2026.11.2)을 바탕으로",
    );
  });

  it("picks the particle after an English word as Korean reads it aloud: every MCP tool's name, and words like them", () => {
    addCatalogue("ko", ko);
    const meant = (suggestion: string) => t("ko", "mcp.unknownToolSuggest", { name: '"x"', suggestion }).replace(/^.*"(\w+)"(을|를)[^"]*$/, "$1$2");
    // 리커멘드, 에스티메이트 코스츠, 퀘스천스, 컴페어, 스캔 리포지토리, 스캐폴드: no final consonant; 룰: ㄹ.
    expect(["recommend", "estimate_costs", "questions", "compare", "scan_repository", "scaffold", "explain_rule"].map(meant)).toEqual([
      "recommend를", "estimate_costs를", "questions를", "compare를", "scan_repository를", "scaffold를", "explain_rule을",
    ]);
    // Spelt out when in capitals; closed by m, n, ng, and by k, p, t after a short vowel; open after a consonant pair.
    expect(["SDK", "VM", "URL", "Helm", "Spring", "DaemonSet", "web", "test", "Deployment", "Pod", "Node", "engine", "Fargate"].map(meant)).toEqual([
      "SDK를", "VM을", "URL을", "Helm을", "Spring을", "DaemonSet을", "web을", "test를", "Deployment를", "Pod를", "Node를", "engine을", "Fargate를",
    ]);
  });

  it("leaves no slash pair unresolved in what it says", () => {
    addCatalogue("ko", ko);
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      const said = t("ko", key, Object.fromEntries(placeholders(ko[key]).map((name) => [name!, "값"])));
      expect({ key, said: /이\/가|을\/를|은\/는|과\/와|으로\/로|이어야\/여야/.test(said) }).toEqual({ key, said: false });
    }
  });
});

describe("the language from the environment", () => {
  it.each([
    [{ LANG: "ko_KR.UTF-8" }, "ko"],
    [{ LC_ALL: "ko_KR.UTF-8", LANG: "en_US.UTF-8" }, "ko"],
    [{ LC_ALL: "en_US.UTF-8", LANG: "ko_KR.UTF-8" }, "en"],
    [{ LC_MESSAGES: "ko", LANG: "C" }, "ko"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{ LANG: "kok_IN" }, "en"],
    [{}, "en"],
  ])("%j gives %s", (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });
});
