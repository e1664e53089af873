// Every piece of evidence quotes the line it cites: what its detail shows is
// written on that line (or, for what a file's name shows, in its path), in
// every worked repository, so a reader who opens the file at the line finds it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkRepository } from "../../src/cli/input/walk.js";
import { scan } from "../../src/scan/scan.js";
import { fixturePath } from "../helpers/fixtures.js";

/** Text as a line shows it, less what quoting and spacing vary: quotes, brackets, and runs of spaces. */
function normal(text: string): string {
  return text.replace(/["'[\]]/g, "").replace(/\s+/g, " ").trim();
}

const root = fixturePath("scan");
const repositories = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe("evidence quotes the line it cites", () => {
  it.each(repositories)("in %s", async (name) => {
    const dir = join(root, name);
    const walk = walkRepository(dir);
    const result = await scan(walk.files, { root: name, skipped: walk.skipped });
    const misquoted: string[] = [];
    for (const entry of result.evidence) {
      // The services' count names the services a file declares, each on a line of its own: no quote of one line.
      if (entry.answer === "microservices") continue;
      const line = normal(readFileSync(join(dir, entry.file), "utf8").split("\n")[entry.line - 1] ?? "");
      const quoted = entry.detail.split(", ").map(normal);
      const shown = quoted.every((part) => line.includes(part)) || entry.file.endsWith(entry.detail) || entry.file.includes(`${entry.detail}/`);
      if (!shown) misquoted.push(`${entry.file}:${entry.line} "${entry.detail}" (the line: "${line}")`);
    }
    expect(misquoted).toEqual([]);
  });
});

describe("evidence cites the line that shows its value", () => {
  it("cites an OpenShift API group on the apiVersion line, a kind on the kind line", async () => {
    const route = "kind: Route\napiVersion: route.openshift.io/v1\nmetadata:\n  name: web\n";
    const result = await scan([{ path: "route.yaml", text: route }]);
    expect(result.evidence.filter((entry) => entry.answer === "currentPlatform").map(({ value, line, detail }) => ({ value, line, detail }))).toEqual([{ value: "openshift", line: 2, detail: "apiVersion: route.openshift.io/v1" }]);
  });

  it("cites a node group's Spot capacity and AMI where the variable they name is given its value", async () => {
    const main = 'resource "aws_eks_node_group" "spot" {\n  capacity_type = var.capacity_type\n  ami_type      = "AL2023_ARM_64_STANDARD"\n}\n';
    const variables = 'variable "capacity_type" {\n  default = "SPOT"\n}\n';
    const result = await scan([
      { path: "eks/main.tf", text: main },
      { path: "eks/variables.tf", text: variables },
    ]);
    const requirements = result.evidence.filter((entry) => entry.answer === "requirements").map(({ value, file, line, detail }) => `${value} ${file}:${line} ${detail}`);
    expect(requirements).toEqual(["arm eks/main.tf:3 ami_type = AL2023_ARM_64_STANDARD", "spot eks/variables.tf:2 default = SPOT"]);
  });
});
