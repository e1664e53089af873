// A Procfile is Heroku's, and foreman's, honcho's and overmind's too: it
// states a PaaS only beside a sign of Heroku's.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

const procfile = { path: "Procfile", text: "web: gunicorn app:app\nworker: celery -A app worker\n" };
const dockerfile = { path: "Dockerfile", text: "FROM python:3.12-slim\nCOPY . .\n" };
const deployment =
  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: example/api:1\n          resources:\n            requests:\n              cpu: 250m\n";

function paasEvidence(result: Awaited<ReturnType<typeof scan>>) {
  return result.evidence.filter((entry) => entry.answer === "currentPlatform" && entry.value === "paas").map(({ file, line, detail, confidence }) => ({ file, line, detail, confidence }));
}

describe("a Procfile", () => {
  it("beside a Dockerfile alone hints at a PaaS, with low confidence", async () => {
    const result = await scan([procfile, dockerfile]);
    expect(result.answers.currentPlatform).toBe("paas");
    expect(paasEvidence(result)).toEqual([{ file: "Procfile", line: 1, detail: "web:", confidence: "low" }]);
    expect(result.services.map((service) => [service.name, service.platform])).toEqual([
      ["web", null],
      ["worker", null],
    ]);
  });

  it("does not outweigh a deploy file of another platform, however many processes it lists", async () => {
    const result = await scan([procfile, dockerfile, { path: "k8s/api.yaml", text: deployment }]);
    expect(result.answers.currentPlatform).toBe("kubernetes");
    expect(paasEvidence(result)).toEqual([{ file: "Procfile", line: 1, detail: "web:", confidence: "low" }]);
  });

  it.each([
    ["heroku.yml", { path: "heroku.yml", text: "build:\n  docker:\n    web: Dockerfile\n" }],
    ["app.json", { path: "app.json", text: '{\n  "name": "app",\n  "environments": { "test": {} }\n}\n' }],
    ["a git push to Heroku in CI", { path: ".github/workflows/deploy.yml", text: "on: push\njobs:\n  deploy:\n    steps:\n      - run: git push heroku main\n" }],
  ])("states a PaaS, with high confidence, beside %s", async (_, sign) => {
    const result = await scan([procfile, dockerfile, { path: "k8s/api.yaml", text: deployment }, sign]);
    expect(paasEvidence(result)).toContainEqual({ file: "Procfile", line: 1, detail: "web:", confidence: "high" });
    expect(result.services.find((service) => service.name === "web")?.platform).toBe("paas");
    // Two processes on Heroku against one Deployment: the PaaS carries more.
    expect(result.answers.currentPlatform).toBe("paas");
  });
});
