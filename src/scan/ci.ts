// CI workflows that deploy: each step that deploys somewhere is a hint of
// where the team runs today, read from the text line by line (the steps'
// shell is text either way).
import { emptyFindings, type Findings, type Platform } from "./evidence.js";
import { hinted, isRegion } from "./signs.js";

const DEPLOYS: readonly (readonly [RegExp, Platform | "helm" | "gitops", "heroku"?])[] = [
  [/amazon-ecs-deploy-task-definition|aws-actions\/amazon-ecs-render-task-definition|aws ecs (update-service|deploy|register-task-definition)|ecs-deploy\b|\becspresso\b/, "ecs"],
  [/\bcopilot (svc |job |)deploy\b/, "ecs"],
  [/aws eks update-kubeconfig|\bkubectl (apply|rollout|set image)\b|\bkustomize build\b|azure\/k8s-deploy|\bskaffold (run|deploy)\b/, "kubernetes"],
  [/\bhelm (upgrade|install)\b|\bhelmfile\b/, "helm"],
  [/\bargocd app (sync|create)\b|\bflux (reconcile|bootstrap)\b/, "gitops"],
  [/\boc (apply|rollout|new-app|start-build)\b/, "openshift"],
  [/\bflyctl\b|superfly\/flyctl-actions|\bfly deploy\b/, "paas"],
  [/git push[^\n]*heroku|akhileshns\/heroku-deploy|\bheroku container:(push|release)\b|\bheroku (deploy|releases|ps:scale)\b/, "paas", "heroku"],
  [/\beb deploy\b|beanstalk-deploy|aws apprunner (start-deployment|update-service)|awslabs\/amazon-app-runner-deploy/, "paas"],
  [/\b(serverless|sls) deploy\b|\bsam deploy\b|aws lambda update-function-code|\bcdk deploy\b[^\n]*lambda/, "serverless"],
  [/\bdocker stack deploy\b|\bnomad job run\b/, "other-orchestrator"],
];

/** A login to ECR Public (the action's `registry-type: public`, the CLI's `ecr-public`), whose API answers in us-east-1 only. */
const ECR_PUBLIC = /registry-type:\s*["']?public\b|\becr-public\b/;

export function readCi(file: string, source: string): Findings {
  const findings = emptyFindings();
  const seen = new Set<string>();
  // A workflow that logs in to ECR Public must name us-east-1 for it, wherever the team runs: that Region there says nothing.
  const ecrPublic = ECR_PUBLIC.test(source);
  source.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith("#")) return;
    for (const [pattern, value, tool] of DEPLOYS) {
      const match = pattern.exec(line);
      const key = tool ?? value;
      if (!match || seen.has(key)) continue;
      seen.add(key);
      const answer = value === "helm" || value === "gitops" ? "ecosystem" : "currentPlatform";
      const sign = hinted(answer, value, file, index + 1, match[0]);
      findings.signs.push(tool === undefined ? sign : { ...sign, heroku: tool });
      if (value === "helm") findings.signs.push(hinted("currentPlatform", "kubernetes", file, index + 1, match[0]));
    }
    const region = /\b(?:aws-region|AWS_REGION|AWS_DEFAULT_REGION|region)\s*[:=]\s*["']?([a-z0-9-]+)["']?\s*$/.exec(line)?.[1];
    if (isRegion(region) && !seen.has(`region:${region}`) && !(ecrPublic && region === "us-east-1")) {
      seen.add(`region:${region}`);
      findings.signs.push(hinted("region", region, file, index + 1, line));
    }
  });
  return findings;
}
