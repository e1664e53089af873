// The scan report's counted words agree with their numbers: one service on a
// second platform is "1 service", and one more file is "1 file".
import { describe, expect, it } from "vitest";
import { scanReport, whereFound } from "../../src/cli/render/scan-report.js";
import type { Evidence, ScanResult, ScannedService } from "../../src/scan/evidence.js";

function service(name: string, platform: ScannedService["platform"]): ScannedService {
  return { name, vcpu: null, memoryGiB: null, replicas: null, arch: null, os: null, gpu: null, platform, platforms: platform === null ? [] : [platform], file: `${name}.yaml`, line: 1 };
}

function result(services: ScannedService[]): ScanResult {
  return { schemaVersion: 1, root: ".", answers: { currentPlatform: "kubernetes" }, evidence: [], services, others: [], skipped: [] };
}

function evidence(file: string): Evidence {
  return { answer: "currentPlatform", value: "kubernetes", file, line: 2, detail: "kind: Deployment", confidence: "high" };
}

const plain = (text: string) => text;

describe("scan report counts", () => {
  it("says 1 service, not 1 services, for a second platform that carries one, and the plural for more", () => {
    expect(scanReport(result([service("a", "kubernetes"), service("b", "kubernetes"), service("c", "ecs")]), "en", plain).notes).toEqual(["Also deploys to Amazon ECS (1 service)."]);
    expect(scanReport(result([service("a", "kubernetes"), service("b", "kubernetes"), service("c", "ecs"), service("d", "paas"), service("e", "paas")]), "en", plain).notes).toContain(
      "Also deploys to a PaaS (2 services).",
    );
    expect(scanReport(result([service("a", "kubernetes"), service("c", "ecs")]), "ko", plain).notes).toEqual(["Amazon ECS에도 배포합니다 (서비스 1개)."]);
  });

  it("names each platform the way a sentence needs it, not as the question's choice reads", () => {
    const names = (lang: "en" | "ko") =>
      scanReport(result([service("a", "ecs"), service("b", "ecs"), ...(["paas", "serverless", "vms", "other-orchestrator"] as const).map((p) => service(p, p))]), lang, plain).notes;
    expect(names("en")).toEqual([
      "Also deploys to Amazon ECS (2 services).",
      "Also deploys to a PaaS (1 service).",
      "Also deploys to Lambda (1 service).",
      "Also deploys to servers with no orchestrator (1 service).",
      "Also deploys to another orchestrator (1 service).",
    ]);
    expect(names("ko")).toContain("오케스트레이터 없는 서버에도 배포합니다 (서비스 1개).");
  });

  it("says 1 file where one more file shows an answer, and the plural for more", () => {
    expect(whereFound([evidence("k8s/a.yaml"), evidence("chart/b.yaml")], "en", plain)).toBe("k8s/a.yaml:2 and 1 file");
    expect(whereFound([evidence("k8s/a.yaml"), evidence("chart/b.yaml"), evidence("ops/c.yml")], "en", plain)).toBe("k8s/a.yaml:2 and 2 files");
  });
});
