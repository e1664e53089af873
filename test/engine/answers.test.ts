import { describe, expect, it } from "vitest";
import { parseAnswers } from "../../src/explain/answers.js";
import { InputError } from "../../src/engine/errors.js";
import { recommend } from "../../src/explain/recommend.js";

const required = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 };
const problems = (raw: unknown) => {
  const outcome = parseAnswers(raw);
  return outcome.ok ? [] : outcome.problems;
};

describe("answers", () => {
  it("fills in the documented neutral defaults", () => {
    const outcome = parseAnswers(required);
    expect(outcome).toEqual({
      ok: true,
      answers: {
        currentPlatform: "none",
        currentPlatformFit: "content",
        ...required,
        opsCapacity: "some",
        internalPlatform: "none",
        requirements: [],
        workload: "services",
        computeSpend: "unknown",
        ecosystem: [],
        timeToMarket: "normal",
        growth: "moderate",
        serviceCommunication: "simple",
        clusters: 1,
        // The estimate's pricing and Region; the workload itself stays unknown and is assumed from the services.
        pricing: "on-demand",
        region: "us-east-1",
      },
    });
  });

  it("leaves the team's size out when it is not given: unknown, not a default", () => {
    const outcome = parseAnswers(required);
    expect(outcome.ok && "engineers" in outcome.answers).toBe(false);
    const given = parseAnswers({ ...required, engineers: 40 });
    expect(given.ok && given.answers.engineers).toBe(40);
  });

  it.each([
    ["currentPlatform", "rancher", '"currentPlatform" must be one of none, ecs, kubernetes, openshift, vms, paas, serverless, other-orchestrator (got "rancher").'],
    ["engineers", 0, '"engineers" must be a whole number from 1 to 100000 (got 0); leave it out if unknown.'],
    ["engineers", 2.5, '"engineers" must be a whole number from 1 to 100000 (got 2.5); leave it out if unknown.'],
    ["engineers", "ten", '"engineers" must be a whole number from 1 to 100000 (got "ten"); leave it out if unknown.'],
    ["computeSpend", "20k", '"computeSpend" must be one of unknown, under-5k, 5k-20k, over-20k (got "20k"). Did you mean "5k-20k"?'],
    ["budget", "tigth", '"budget" must be one of tight, moderate, flexible (got "tigth"). Did you mean "tight"?'],
    ["ecosystem", ["helm", "gitopps"], '"ecosystem" may only list helm, service-mesh, prometheus, gitops, operators (got ["helm","gitopps"]). For "gitopps", did you mean "gitops"?'],
    ["workload", "cron", '"workload" must be one of services, batch, event-driven, mixed, game-servers (got "cron").'],
    ["requirements", ["linux"], '"requirements" may only list gpu, privileged, daemonsets, windows, arm, spot, isolation (got ["linux"]).'],
  ])("rejects a bad %s (%j) and lists what it takes", (key, value, message) => {
    expect(problems({ ...required, [key]: value })).toEqual([message]);
  });

  it("refuses answers nested deeper than the documented limit, without overflowing the stack", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(problems({ ...required, budget: deep })).toEqual([
      "the answers nest deeper than 64 levels; an answers file is an object of values and lists.",
    ]);
  });

  it("accepts a $schema key for editors and leaves it out of the answers", () => {
    const outcome = parseAnswers({ $schema: "./answers.schema.json", ...required });
    expect(outcome.ok && "$schema" in outcome.answers).toBe(false);
  });

  it("orders and de-duplicates lists, so the same answers give the same bytes", () => {
    const outcome = parseAnswers({ ...required, ecosystem: ["gitops", "helm", "gitops"] });
    expect(outcome.ok && outcome.answers.ecosystem).toEqual(["helm", "gitops"]);
  });

  it("rejects a misspelt key and suggests the right one", () => {
    expect(problems({ ...required, kubernetes_experience: "none" })).toEqual([
      '"kubernetes_experience" is not a known answer. Did you mean "kubernetesExperience"?',
    ]);
    expect(problems({ ...required, bugdet: "x" })).toEqual(['"bugdet" is not a known answer. Did you mean "budget"?']);
  });

  it("names an unknown field inside a service as the service's, once, not as an unknown answer", () => {
    // "vcpus" is an answer too: read as one, it had been "not a known answer. Did you mean "vcpus"?".
    expect(problems({ ...required, services: [{ name: "a", vcpu: 1, vcpus: 2 }] })).toEqual([
      '"services"[0]: "vcpus" is not a field of a service (name, vcpu, memoryGiB, replicas, arch, os, gpu, file, line, platform, platforms).',
    ]);
    expect(problems({ ...required, environments: [{ name: "prod", share: 1, x: 1 }] })).toHaveLength(1);
    expect(problems({ ...required, environments: [{ name: "prod", share: 1, x: 1 }] })[0]).toMatch(/^"environments" must be/);
  });

  it("takes a scan's services as they are: provenance set aside, a null figure as one left out", () => {
    const scanned = { name: "a", vcpu: null, memoryGiB: 2, replicas: null, arch: null, os: null, gpu: null, platform: null, platforms: ["ecs"], file: "compose.yaml", line: 3 };
    const outcome = parseAnswers({ ...required, services: [scanned] });
    expect(outcome.ok && outcome.answers.services).toEqual([{ name: "a", memoryGiB: 2 }]);
    // The same result as the figures left out, the assumed ones named as assumed.
    expect(recommend({ ...required, services: [scanned] })).toEqual(recommend({ ...required, services: [{ name: "a", memoryGiB: 2 }] }));
    expect(problems({ ...required, services: [{ ...scanned, line: "3" }] })).toEqual([expect.stringMatching(/^"services"\[0\]\.line must say where the service was found/)]);
  });

  it("names every unknown field of a service at once", () => {
    expect(problems({ ...required, services: [{ name: "a", cpu: 1, mem: 2 }] })).toEqual([
      '"services"[0]: "cpu", "mem" are not fields of a service (name, vcpu, memoryGiB, replicas, arch, os, gpu, file, line, platform, platforms).',
    ]);
  });

  it("lists the known answers when nothing is close", () => {
    expect(problems({ ...required, colour: "blue" })[0]).toMatch(/^"colour" is not a known answer\. Known answers: currentPlatform, currentPlatformFit, platformUpkeep, kubernetesFeatures, kubernetesExperience, cloudStrategy/);
  });

  it("names several unknown keys in one problem and lists the known answers once", () => {
    const known = "Known answers: currentPlatform, currentPlatformFit";
    const found = problems({ ...required, root: ".", others: [], bugdet: "x" });
    expect(found).toHaveLength(2);
    expect(found[0]).toBe('"bugdet" is not a known answer. Did you mean "budget"?');
    expect(found[1]).toMatch(/^"root", "others" are not known answers\. Known answers: currentPlatform, currentPlatformFit/);
    expect(found.join("\n").split(known)).toHaveLength(2);
    const labelled = parseAnswers({ ...required, root: ".", others: [] }, { label: "stdin", lang: "ko" });
    expect(labelled.ok ? [] : labelled.problems).toEqual([expect.stringMatching(/^stdin: "root", "others": 알 수 없는 답변입니다\. 사용할 수 있는 답변: currentPlatform,/)]);
  });

  it("names at most twenty unknown keys and counts the rest", () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`zz${i}`, 1]));
    const [problem] = problems({ ...required, ...many });
    expect(problem).toMatch(/^"zz0", .*"zz19" and 5 more are not known answers\./);
  });

  it("lists the choices when a value is not one of them", () => {
    expect(problems({ ...required, budget: "cheap" })).toEqual(['"budget" must be one of tight, moderate, flexible (got "cheap").']);
    expect(problems({ ...required, ecosystem: ["istio"] })).toEqual([
      '"ecosystem" may only list helm, service-mesh, prometheus, gitops, operators (got ["istio"]).',
    ]);
    expect(problems({ ...required, ecosystem: "helm" })).toEqual(['"ecosystem" must be a list such as ["helm"] (got "helm").']);
  });

  it.each([1.5, 0, 10001, -3, "12", null])("rejects %j microservices with the allowed range", (value) => {
    expect(problems({ ...required, microservices: value })).toEqual([
      `"microservices" must be a whole number from 1 to 10000 (got ${JSON.stringify(value)}).`,
    ]);
  });

  it("rejects a __proto__ key instead of letting it touch the prototype", () => {
    expect(problems(JSON.parse(`{"__proto__": {"budget": "tight"}, ${JSON.stringify(required).slice(1)}`))).toEqual([
      '"__proto__" is not allowed as an answer name.',
    ]);
  });

  it("rejects a value that is not an object", () => {
    expect(problems([required])).toEqual(['the answers must be a JSON object such as {"budget": "tight"} (got a list).']);
    expect(problems("none")).toEqual(['the answers must be a JSON object such as {"budget": "tight"} (got a string).']);
  });

  it("reports missing required answers apart from wrong ones", () => {
    const outcome = parseAnswers({ budget: "cheap" });
    expect(outcome).toMatchObject({ ok: false, missing: ["kubernetesExperience", "cloudStrategy", "microservices"] });
    expect(outcome.ok || outcome.problems).toEqual(['"budget" must be one of tight, moderate, flexible (got "cheap").']);
  });

  it("names where each answer came from", () => {
    const outcome = parseAnswers({ ...required, budget: "cheap" }, { where: (key) => `answers.json: "${key}"` });
    expect(outcome.ok || outcome.problems[0]).toMatch(/^answers\.json: "budget" must be one of/);
  });

  it("explains problems in Korean", () => {
    const outcome = parseAnswers({ ...required, budget: "cheap" }, { lang: "ko" });
    expect(outcome.ok || outcome.problems[0]).toBe('"budget" 값은 다음 중 하나여야 합니다: tight, moderate, flexible (입력: "cheap").');
  });

  it("makes recommend() throw an InputError listing every problem", () => {
    expect(() => recommend({ budget: "cheap" })).toThrow(InputError);
    try {
      recommend({ budget: "cheap" });
    } catch (error) {
      expect((error as InputError).problems).toEqual([
        '"budget" must be one of tight, moderate, flexible (got "cheap").',
        'missing required answers: "kubernetesExperience", "cloudStrategy", "microservices".',
      ]);
    }
  });
});
