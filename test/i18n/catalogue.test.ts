import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { ko } from "../../src/i18n/ko.js";
import { joinConditions, langFromEnv } from "../../src/i18n/index.js";
import { QUESTIONS } from "../../src/engine/questions.js";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("give every message key in every language", () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
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
      ...(q.kind === "integer" || q.kind === "number"
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
