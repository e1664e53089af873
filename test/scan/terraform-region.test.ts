// The Region evidence cites where the Region is written: the provider's
// line, or the default of the variable (or the local) the provider names,
// and no Region where the files cannot tell one.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

async function regionEvidence(files: { path: string; text: string }[]) {
  const result = await scan(files);
  return { region: result.answers.region, evidence: result.evidence.filter((entry) => entry.answer === "region").map(({ value, file, line, detail }) => ({ value, file, line, detail })) };
}

describe("the AWS provider's Region", () => {
  it("cites a variable's default, on its line with its value, where the provider names the variable", async () => {
    const found = await regionEvidence([
      { path: "infra/main.tf", text: 'provider "aws" {\n  region = var.region\n}\n' },
      { path: "infra/variables.tf", text: 'variable "region" {\n  type    = string\n  default = "eu-west-1"\n}\n' },
    ]);
    expect(found).toEqual({ region: "eu-west-1", evidence: [{ value: "eu-west-1", file: "infra/variables.tf", line: 3, detail: 'default = "eu-west-1"' }] });
  });

  it("cites a .tfvars value over the default, and a Region written in place on the provider's line", async () => {
    const found = await regionEvidence([
      { path: "a/main.tf", text: 'provider "aws" {\n  region = var.region\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n' },
      { path: "a/prod.tfvars", text: 'region = "eu-central-1"\n' },
      { path: "b/main.tf", text: 'provider "aws" {\n  alias  = "b"\n  region = "eu-west-1"\n}\n' },
    ]);
    expect(found.evidence).toEqual([
      { value: "eu-central-1", file: "a/prod.tfvars", line: 1, detail: 'region = "eu-central-1"' },
      { value: "eu-west-1", file: "b/main.tf", line: 3, detail: 'region = "eu-west-1"' },
    ]);
  });

  it("cites a call's argument where a module's provider takes its Region from the call", async () => {
    const found = await regionEvidence([
      { path: "live/main.tf", text: 'module "app" {\n  source = "../modules/app"\n  region = "ap-northeast-2"\n}\n' },
      { path: "modules/app/main.tf", text: 'variable "region" {}\nprovider "aws" {\n  region = var.region\n}\n' },
    ]);
    expect(found.evidence).toEqual([{ value: "ap-northeast-2", file: "live/main.tf", line: 3, detail: 'region = "ap-northeast-2"' }]);
  });

  it("gives no Region, and no evidence, where the variable has no default the files hold", async () => {
    const found = await regionEvidence([{ path: "main.tf", text: 'variable "region" {}\nprovider "aws" {\n  region = var.region\n}\n' }]);
    expect(found).toEqual({ region: undefined, evidence: [] });
  });
});
