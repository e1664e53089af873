import { Ajv2020 } from "ajv/dist/2020.js";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUESTIONS } from "../../src/engine/questions.js";
import { fixturePath, ROOT } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

const printed = await runBin(["schema"]);
const schema = JSON.parse(printed.stdout);
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

/** Every ```json block in the README that is an answers file. */
function readmeAnswers(): unknown[] {
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  return [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((block) => block.includes('"kubernetesExperience"') && !block.includes('"when"'))
    .map((block) => JSON.parse(block));
}

describe("the answers schema", () => {
  it("is printed by `ecs-or-eks schema` as a JSON Schema with descriptions and defaults", () => {
    expect(printed.code).toBe(0);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual(["$schema", "id", ...QUESTIONS.map((q) => q.key)]);
    // The count is required unless a list of services stands in for it (the next tests).
    expect(schema.required).toEqual(QUESTIONS.filter((q) => q.required && q.key !== "microservices").map((q) => q.key));
    expect(schema.anyOf.map((branch: { required: string[] }) => branch.required)).toEqual([["microservices"], ["services"]]);
    for (const q of QUESTIONS) {
      expect(schema.properties[q.key].description).toBe(q.description);
      // An answer that may stay unknown (the team's size) has no default.
      if (!q.required) expect(schema.properties[q.key].default).toEqual("default" in q ? q.default : undefined);
    }
    expect(schema.additionalProperties).toBe(false);
  });

  it("accepts a --batch line's id, a string or a number, as the CLI does, and nothing else there", () => {
    const line = { id: "search", kubernetesExperience: "expert", cloudStrategy: "multi-cloud", budget: "flexible", microservices: 40 };
    expect(validate(line)).toBe(true);
    expect(validate({ ...line, id: 7 })).toBe(true);
    expect(validate({ ...line, id: [1] })).toBe(false);
    expect(schema.properties.id.description).toContain("not used in the decision");
  });

  it("accepts a scan's services as the services answer, as the CLI does", async () => {
    const scanned = await runBin(["scan", fixturePath("scan/retail-store-sample-app"), "--format", "json"]);
    const services = JSON.parse(scanned.stdout).services;
    expect(services.length).toBeGreaterThan(0);
    const answers = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: services.length, services };
    expect(validate(answers)).toBe(true);
    const ran = await runBin(["--json"], { input: JSON.stringify(answers) });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout).answers.services).toHaveLength(services.length);
  });

  it("accepts services without microservices, which the CLI counts from the list, and refuses neither", async () => {
    const base = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight" };
    const services = [{ name: "web" }, { name: "api" }, { name: "worker" }];
    const both = { ...base, microservices: 3, services };
    const listOnly = { ...base, services };
    for (const answers of [both, listOnly]) {
      expect({ answers, errors: validate(answers) ? null : validate.errors }).toEqual({ answers, errors: null });
      const ran = await runBin(["--json"], { input: JSON.stringify(answers) });
      expect(ran.stderr).toBe("");
      expect(JSON.parse(ran.stdout).answers.microservices).toBe(3);
    }
    // Neither the count nor a list (an empty list counts nothing): the editor and the CLI both refuse it.
    for (const answers of [base, { ...base, services: [] }]) {
      expect(validate(answers)).toBe(false);
      expect((await runBin(["--json"], { input: JSON.stringify(answers) })).code).toBe(2);
    }
  });

  it("is the same file that ships in the package for editors", () => {
    expect(readFileSync(`${ROOT}dist/answers.schema.json`, "utf8")).toBe(printed.stdout);
  });

  it("accepts every answers example in the README and the test fixtures", () => {
    const examples = [
      ...readmeAnswers(),
      ...readdirSync(fixturePath("answers")).map((name) => JSON.parse(readFileSync(fixturePath(`answers/${name}`), "utf8"))),
    ];
    expect(examples.length).toBeGreaterThan(6);
    for (const example of examples) expect({ example, errors: validate(example) ? null : validate.errors }).toEqual({ example, errors: null });
  });

  it.each([
    ["a misspelt key", { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3, grwoth: "rapid" }],
    ["a value outside its choices", { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "cheap", microservices: 3 }],
    ["a non-integer count", { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 2.5 }],
    ["a count out of range", { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 0 }],
    ["a missing required answer", { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight" }],
    ["an unknown ecosystem tool", { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3, ecosystem: ["istio"] }],
  ])("rejects %s, as the CLI does", async (_name, answers) => {
    expect(validate(answers)).toBe(false);
    expect((await runBin(["--json"], { input: JSON.stringify(answers) })).code).toBe(2);
  });
});
