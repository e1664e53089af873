// Which files may be deploy files, by name (and, for JSON, by its first
// bytes), and which reader each one goes to. The walker asks the first
// question before it reads anything; the scanner the second.

/** Folders no deploy file lives in: dependencies, tools' caches and build output. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  "node_modules",
  "vendor",
  ".git",
  ".hg",
  ".svn",
  ".terraform",
  ".terragrunt-cache",
  ".serverless",
  ".aws-sam",
  "bower_components",
  "__pycache__",
  ".venv",
  "venv",
  ".tox",
  ".gradle",
  ".next",
  ".nuxt",
  ".idea",
]);

/** YAML files that are never deploy files: lock files, linters', docs' and editors' settings. */
const NOT_DEPLOY_YAML = /^(pnpm-lock\.yaml|\.pre-commit-config\.ya?ml|\.pre-commit-hooks\.ya?ml|mkdocs\.ya?ml|\.golangci\.ya?ml|codecov\.ya?ml|\.codecov\.ya?ml|\.readthedocs\.ya?ml|\.goreleaser\.ya?ml|dependabot\.ya?ml|\.yarnrc\.yml|pubspec\.yaml|pubspec\.lock|_config\.yml|crowdin\.ya?ml|\.markdownlint.*|(openapi|swagger)[^/]*\.ya?ml|environment\.ya?ml|\.clang-.*|\.yamllint.*|\.prettierrc.*|\.eslintrc.*|\.stylelintrc.*|labeler\.ya?ml|release-drafter\.ya?ml|FUNDING\.yml|stale\.yml|config\.yml)$/;

const DOCKERFILE = /^(Dockerfile|Containerfile)([.-].+)?$|\.(Dockerfile|dockerfile)$/;
const CI_FILES = /^(\.gitlab-ci\.ya?ml|bitbucket-pipelines\.ya?ml|buildspec\.ya?ml|azure-pipelines\.ya?ml|cloudbuild\.ya?ml|\.drone\.ya?ml|\.travis\.ya?ml|Jenkinsfile|codemagic\.ya?ml|appveyor\.ya?ml)$/;

/** What a file's name says: read it, read its first bytes to decide, or leave it. */
export function byName(path: string): "read" | "sniff" | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  // By extension first: a walk asks this of every file, and most are source code.
  switch (dot < 0 ? "" : base.slice(dot + 1).toLowerCase()) {
    case "yaml":
    case "yml":
      if (path.includes("/ISSUE_TEMPLATE/")) return undefined;
      // A workflow, GitHub's config.yml among them, is always read; other names on the list never are.
      if (isWorkflow(path)) return "read";
      return NOT_DEPLOY_YAML.test(base) ? undefined : "read";
    case "tf":
    case "tfvars":
      return "read";
    case "json":
      if (base === "app.json" || base === "Dockerrun.aws.json" || base.endsWith(".template.json")) return "read";
      return /^(package(-lock)?|tsconfig.*|composer(\.lock)?|\.eslintrc|jsconfig|angular|nx|lerna|turbo|renovate|tslint|\.babelrc|manifest|deno)\.json$/.test(base) ? undefined : "sniff";
    case "config":
      return /(^|\/)\.ebextensions\/[^/]+\.config$/.test(path) ? "read" : undefined;
    case "toml":
      return base === "fly.toml" ? "read" : undefined;
  }
  if (base === "Procfile" || base === "Jenkinsfile") return "read";
  return DOCKERFILE.test(base) ? "read" : undefined;
}

/** Keys an ECS, CloudFormation or Kubernetes JSON file holds near its top. */
const DEPLOY_JSON_KEYS = /"(containerDefinitions|taskDefinition|serviceName|AWSTemplateFormatVersion|Resources|apiVersion)"\s*:/;

/** Whether a JSON file's first bytes say it may be a deploy file. */
export function bySniff(head: string): boolean {
  return DEPLOY_JSON_KEYS.test(head);
}

function isWorkflow(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /(^|\/)\.circleci\/config\.ya?ml$/.test(path) || CI_FILES.test(path.slice(path.lastIndexOf("/") + 1));
}

export type Reader =
  | "dockerfile"
  | "procfile"
  | "fly"
  | "ci"
  | "terraform"
  | "beanstalk"
  | "app-json"
  | "yaml"
  | "json";

/** The reader a file goes to, by its name; YAML and JSON are told apart by content afterwards (see scan.ts). */
export function readerOf(path: string): Reader | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (DOCKERFILE.test(base)) return "dockerfile";
  if (base === "Procfile") return "procfile";
  if (base === "fly.toml") return "fly";
  if (isWorkflow(path) || base === "Jenkinsfile") return "ci";
  if (/\.(tf|tfvars)$/.test(base)) return "terraform";
  if (/(^|\/)\.ebextensions\/[^/]+\.config$/.test(path) || base === "Dockerrun.aws.json") return "beanstalk";
  if (base === "app.json") return "app-json";
  if (/\.ya?ml$/i.test(base)) return "yaml";
  if (base.endsWith(".json")) return "json";
  return undefined;
}

/** The YAML reader a file goes to, by name first, then by what it holds. */
export type YamlReader = "compose" | "copilot" | "serverless" | "render" | "apprunner" | "heroku" | "kustomize" | "cloudformation" | "kubernetes" | "ecs";

export function yamlReaderOf(path: string, source: string): YamlReader | undefined {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (/^(docker-)?compose([.-][^/]+)?\.ya?ml$/.test(base)) return "compose";
  if (/(^|\/)copilot\/([^/]+\/)+manifest\.ya?ml$/.test(path)) return "copilot";
  if (/^serverless\.ya?ml$/.test(base)) return "serverless";
  if (/^render\.ya?ml$/.test(base)) return "render";
  if (/^apprunner\.ya?ml$/.test(base)) return "apprunner";
  if (/^heroku\.ya?ml$/.test(base)) return "heroku";
  if (/^kustomization\.ya?ml$/.test(base)) return "kustomize";
  return contentReaderOf(source);
}

/** CloudFormation, Kubernetes or an ECS task definition, by a look at the text before it is parsed. */
export function contentReaderOf(source: string): "cloudformation" | "kubernetes" | "ecs" | undefined {
  if (/AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::/.test(source)) return "cloudformation";
  if (/(^|\n)\s*["']?apiVersion["']?\s*:/.test(source) && /(^|\n)\s*["']?kind["']?\s*:/.test(source)) return "kubernetes";
  if (/["']?containerDefinitions["']?\s*:|["']?serviceName["']?\s*:/.test(source)) return "ecs";
  return undefined;
}
