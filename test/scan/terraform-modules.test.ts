// Terraform modules as Terraform runs them: a local module called five
// times is five services, each named by its call and sized with its
// arguments; the community App Runner module is an App Runner service.
import { describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";

// As retail-store-sample-app 1a28474 writes terraform/lib/ecs/service/ecs.tf: one task definition and one service, named by var.service_name.
const serviceModule = {
  path: "lib/ecs/service/ecs.tf",
  text: [
    'variable "service_name" {}', // 1
    'variable "cpu" {', // 2
    "  default = 1024", // 3
    "}", // 4
    'resource "aws_ecs_task_definition" "this" {', // 5
    '  family                = "${var.service_name}"', // 6
    "  container_definitions = jsonencode([])", // 7
    "  cpu                   = var.cpu", // 8
    '  memory                = "2048"', // 9
    "}", // 10
    'resource "aws_ecs_service" "this" {', // 11
    "  name            = var.service_name", // 12
    "  task_definition = aws_ecs_task_definition.this.arn", // 13
    "  desired_count   = 2", // 14
    "}", // 15
    "",
  ].join("\n"),
};

const calls = {
  path: "lib/ecs/services.tf",
  text: [
    'variable "checkout_cpu" {}', // 1
    'module "carts_service" {', // 2
    '  source       = "./service"', // 3
    '  service_name = "carts"', // 4
    "  cpu          = 512", // 5
    "}", // 6
    'module "ui" {', // 7
    '  source = "./service"', // 8
    "}", // 9
    'module "checkout_service" {', // 10
    '  source       = "./service"', // 11
    '  service_name = "checkout"', // 12
    "  cpu          = var.checkout_cpu", // 13
    "}", // 14
    "",
  ].join("\n"),
};

const root = { path: "ecs/default/main.tf", text: 'module "retail_app_ecs" {\n  source = "../../lib/ecs"\n}\n' };

describe("Terraform modules", () => {
  it("counts each call of a local module as one service, named by its service_name or its label, sized with its arguments", async () => {
    const result = await scan([root, calls, serviceModule]);
    expect(result.answers).toMatchObject({ currentPlatform: "ecs", microservices: 3 });
    expect(result.services.map(({ name, vcpu, memoryGiB, replicas }) => ({ name, vcpu, memoryGiB, replicas }))).toEqual([
      // In the calls' order. The call's cpu = 512 wins over the variable's default; a call's cpu the files cannot tell is unknown, not the default.
      { name: "carts", vcpu: 0.5, memoryGiB: 2, replicas: 2 },
      { name: "ui", vcpu: 1, memoryGiB: 2, replicas: 2 },
      { name: "checkout", vcpu: null, memoryGiB: 2, replicas: 2 },
    ]);
    expect(result.services.find((service) => service.name === "carts")).toMatchObject({ file: "lib/ecs/service/ecs.tf", line: 8 });
    expect(result.services.some((service) => service.name === "this")).toBe(false);
  });

  it("reads a module no call reaches as it stands", async () => {
    const result = await scan([serviceModule]);
    expect(result.services.map((service) => service.name)).toEqual(["this"]);
  });

  it("reads the community App Runner module as an App Runner service, named by its service_name less an environment's prefix", async () => {
    // As retail-store-sample-app 1a28474 writes terraform/lib/apprunner/carts.tf.
    const text = [
      "# tflint-ignore: terraform_module_version", // 1
      'module "app_runner_carts" {', // 2
      '  source  = "terraform-aws-modules/app-runner/aws"', // 3
      '  version = "1.2.1"', // 4
      '  service_name = "${var.environment_name}-carts"', // 5
      "  instance_configuration = {", // 6
      "    cpu    = 1024", // 7
      "    memory = 2048", // 8
      "  }", // 9
      "}", // 10
      'module "app_runner_none" {', // 11
      '  source         = "terraform-aws-modules/app-runner/aws"', // 12
      "  create_service = false", // 13
      "}", // 14
      "",
    ].join("\n");
    const result = await scan([{ path: "apprunner/carts.tf", text }]);
    expect(result.answers).toMatchObject({ currentPlatform: "paas", microservices: 1 });
    expect(result.services).toEqual([expect.objectContaining({ name: "carts", vcpu: 1, memoryGiB: 2, platform: "paas", file: "apprunner/carts.tf", line: 7 })]);
  });

  it("stops at a loop of calls", async () => {
    const a = { path: "a/main.tf", text: 'module "b" {\n  source = "../b"\n}\n' };
    const b = { path: "b/main.tf", text: 'module "a" {\n  source = "../a"\n}\nresource "aws_ecs_cluster" "main" {\n  name = "main"\n}\n' };
    const result = await scan([a, b]);
    expect(result.answers.currentPlatform).toBe("ecs");
  });

  it("stops reading calls past ten times the largest file a scan reads, however many calls a module has", async () => {
    // A 1 MB module called 60 times would be 60 MB read again: the calls past 50 MB are not read.
    const big = { path: "modules/service/main.tf", text: `${"# padding\n".repeat(100_000)}${serviceModule.text}` };
    const many = { path: "main.tf", text: Array.from({ length: 60 }, (_, i) => `module "s${i}" {\n  source = "./modules/service"\n  service_name = "s${i}"\n}\n`).join("") };
    const result = await scan([many, big]);
    expect(result.services.length).toBeGreaterThan(40);
    expect(result.services.length).toBeLessThan(60);
  });
});
