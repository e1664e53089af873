// CloudFormation and SAM templates (YAML or JSON, and CDK's cdk.out): ECS
// task definitions and services, EKS clusters and node groups, Lambda
// functions, App Runner and Beanstalk. `!Ref Parameter` is read as the
// parameter's default, on the line that references it.
import { emptyFindings, type Findings } from "./evidence.js";
import { readCapacity, readService, readTaskDefinition } from "./ecs.js";
import { hinted, isArmInstance, isGpuInstance, stated } from "./signs.js";
import { get, isObject, lineOf, list, text, type Obj, type Tree } from "./tree.js";

/** Whether a parsed document is a CloudFormation template. */
export function isTemplate(root: unknown): boolean {
  if (!isObject(root)) return false;
  if (root.AWSTemplateFormatVersion !== undefined) return true;
  const resources = root.Resources;
  return isObject(resources) && Object.values(resources).some((resource) => typeof get(resource, "Type") === "string" && String(get(resource, "Type")).startsWith("AWS::"));
}

export function readCloudFormation(file: string, tree: Tree): Findings {
  const findings = emptyFindings();
  const root = tree.root as Obj;
  const resources = root.Resources;
  if (!isObject(resources)) return findings;
  const parameters = isObject(root.Parameters) ? root.Parameters : {};
  replaceParameters(resources, parameters);
  const families = new Map<string, string>();
  for (const [id, resource] of Object.entries(resources)) {
    if (get(resource, "Type") === "AWS::ECS::TaskDefinition") families.set(id, text(get(resource, "Properties", "Family")) ?? id);
  }
  if (root.Transform === "AWS::Serverless-2016-10-31" || list(root.Transform).includes("AWS::Serverless-2016-10-31")) {
    findings.signs.push(stated("currentPlatform", "serverless", file, lineOf(tree, root, "Transform"), "Transform: AWS::Serverless-2016-10-31"));
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    const type = text(resource.Type);
    const line = lineOf(tree, resources, id);
    const properties = isObject(resource.Properties) ? resource.Properties : {};
    // Cited on the resource's Type line, which names what it is.
    const typeLine = lineOf(tree, resource, "Type", line);
    const detail = `Type: ${type ?? ""}`;
    switch (type) {
      case "AWS::ECS::TaskDefinition":
        readTaskDefinition(file, tree, properties, "pascal", findings, families.get(id), line, { line: typeLine, detail });
        break;
      case "AWS::ECS::Service": {
        const ref = get(properties, "TaskDefinition", "Ref");
        readService(file, tree, { ...withLines(tree, properties), serviceName: text(properties.ServiceName) ?? id } as Obj, "pascal", findings, typeof ref === "string" ? families.get(ref) : undefined, { line: typeLine, detail });
        break;
      }
      case "AWS::ECS::Cluster":
        findings.signs.push(stated("currentPlatform", "ecs", file, typeLine, detail));
        for (const provider of list(properties.CapacityProviders)) {
          if (String(provider).includes("SPOT")) findings.signs.push(stated("requirements", "spot", file, lineOf(tree, properties, "CapacityProviders", line), `CapacityProviders: ${String(provider)}`));
        }
        readCapacity(file, tree, { capacityProviderStrategy: properties.DefaultCapacityProviderStrategy }, "camel", findings);
        break;
      case "AWS::ECS::ClusterCapacityProviderAssociations":
        readCapacity(file, tree, { CapacityProviderStrategy: properties.DefaultCapacityProviderStrategy }, "pascal", findings);
        break;
      case "AWS::EKS::Cluster":
        findings.signs.push(stated("currentPlatform", "kubernetes", file, typeLine, detail));
        findings.signs.push(stated("clusters", text(properties.Name) ?? id, file, typeLine, detail));
        break;
      case "AWS::EKS::Nodegroup":
        readNodegroup(file, tree, properties, typeLine, findings);
        break;
      case "AWS::Serverless::Function":
      case "AWS::Lambda::Function":
        findings.signs.push(stated("currentPlatform", "serverless", file, typeLine, detail));
        break;
      case "AWS::AppRunner::Service":
      case "AWS::ElasticBeanstalk::Environment":
        findings.signs.push(stated("currentPlatform", "paas", file, typeLine, detail));
        break;
      case "AWS::EC2::Instance":
        findings.signs.push(hinted("currentPlatform", "vms", file, typeLine, detail));
        break;
    }
  }
  return findings;
}

/** The same object, for reading with an extra key: its lines stay those of the original. */
function withLines(tree: Tree, properties: Obj): Obj {
  const copy = { ...properties };
  const lines = tree.lines.get(properties);
  if (lines) tree.lines.set(copy, lines);
  return copy;
}

/** `{ Ref: Parameter }` replaced, in place, by the parameter's default: the line stays the one that references it. */
function replaceParameters(value: unknown, parameters: Obj): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null) continue;
    const entries = Array.isArray(item) ? item.map((child, index) => [index, child] as const) : Object.entries(item);
    for (const [key, child] of entries) {
      const ref = isObject(child) && Object.keys(child).length === 1 ? child.Ref : undefined;
      const fallback = typeof ref === "string" ? get(parameters, ref, "Default") : undefined;
      if (fallback !== undefined) (item as Record<string | number, unknown>)[key] = fallback;
      else stack.push(child);
    }
  }
}

function readNodegroup(file: string, tree: Tree, properties: Obj, line: number, findings: Findings): void {
  findings.signs.push(stated("currentPlatform", "kubernetes", file, line, "Type: AWS::EKS::Nodegroup"));
  if (properties.CapacityType === "SPOT") findings.signs.push(stated("requirements", "spot", file, lineOf(tree, properties, "CapacityType"), "CapacityType: SPOT"));
  const ami = text(properties.AmiType) ?? "";
  if (ami.startsWith("WINDOWS")) findings.signs.push(stated("requirements", "windows", file, lineOf(tree, properties, "AmiType"), `AmiType: ${ami}`));
  if (/ARM/.test(ami)) findings.signs.push(stated("requirements", "arm", file, lineOf(tree, properties, "AmiType"), `AmiType: ${ami}`));
  if (/GPU|NVIDIA|NEURON/.test(ami)) findings.signs.push(stated("requirements", "gpu", file, lineOf(tree, properties, "AmiType"), `AmiType: ${ami}`));
  for (const type of list(properties.InstanceTypes).filter((each): each is string => typeof each === "string")) {
    if (isGpuInstance(type)) findings.signs.push(stated("requirements", "gpu", file, lineOf(tree, properties, "InstanceTypes"), `InstanceTypes: ${type}`));
    if (isArmInstance(type)) findings.signs.push(stated("requirements", "arm", file, lineOf(tree, properties, "InstanceTypes"), `InstanceTypes: ${type}`));
  }
}
