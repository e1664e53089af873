// The one table of questions. It drives the answers schema (and so the JSON
// Schema and the TypeScript type), the CLI flags, the prompts, the
// counterfactual search and the docs; nothing here is listed anywhere else.
//
// The order is the questionnaire's: what moves the decision most comes first.
// The questions marked `quick` are asked before the offer to finish with the
// defaults, so a person reaches a result in at most seven numbered prompts; the
// follow-ups about what runs today come with the question they follow, and
// only to a team they apply to.
import type { Arch, Os } from "./price-types.js";

export const QUESTIONS = [
  {
    key: "currentPlatform",
    flag: "current-platform",
    kind: "choice",
    choices: ["none", "ecs", "kubernetes", "openshift", "vms", "paas", "serverless", "other-orchestrator"],
    // From ECS toward Kubernetes: staying on ECS is one end, OpenShift (Kubernetes) the other.
    ranks: { ecs: 0, none: 1, vms: 1, paas: 1, serverless: 1, "other-orchestrator": 1, kubernetes: 2, openshift: 2 },
    // What the team runs today is a fact, not a choice: never suggested as a change.
    fact: true,
    required: false,
    default: "none",
    quick: true,
    description:
      "What the team, or the platform team it deploys through, runs in production today: none, ecs, kubernetes (any distribution or cloud), openshift, vms (EC2 or servers with no orchestrator), paas (Heroku, Elastic Beanstalk, App Runner, Render and the like), serverless (mostly Lambda) or other-orchestrator (Nomad, Swarm, Mesos, an in-house one).",
  },
  {
    key: "currentPlatformFit",
    flag: "current-platform-fit",
    kind: "choice",
    choices: ["content", "mixed", "leaving"],
    // How the team feels about what it runs today is a fact too: never suggested as a change.
    fact: true,
    required: false,
    default: "content",
    quick: true,
    // Asked only when something runs in production today.
    askedWhen: { answer: "currentPlatform", notIn: ["none"] },
    description:
      "How the team feels about what it runs today: content (it works for us), mixed, or leaving (we want off it); ignored when nothing runs today.",
  },
  {
    key: "platformUpkeep",
    flag: "platform-upkeep",
    kind: "choice",
    choices: ["none-dedicated", "one", "several"],
    fact: true,
    required: false,
    quick: true,
    // Asked only of a team that runs Kubernetes today: nobody else keeps clusters running.
    askedWhen: { answer: "currentPlatform", notIn: ["none", "ecs", "vms", "paas", "serverless", "other-orchestrator"] },
    description:
      "For a team that runs Kubernetes today: how many engineers keep the clusters running (upgrades, add-ons, certificates, operators), none-dedicated (a part of several people's time), one, or several; leave it out if unknown.",
  },
  {
    key: "kubernetesFeatures",
    flag: "kubernetes-features",
    kind: "choice",
    choices: ["none", "some"],
    fact: true,
    required: false,
    quick: true,
    // Asked only when someone's time goes into the clusters: only then does it change anything.
    askedWhen: { answer: "platformUpkeep", notIn: ["none-dedicated"] },
    description:
      "Whether the workloads use anything only Kubernetes offers: none, or some (operators or custom resources, a service mesh, custom schedulers, DaemonSets); leave it out if unknown.",
  },
  {
    key: "kubernetesExperience",
    flag: "kubernetes-experience",
    kind: "choice",
    choices: ["none", "basic", "proficient", "expert"],
    required: true,
    askDefault: "none",
    quick: true,
    description: "The team's Kubernetes skill.",
  },
  {
    key: "cloudStrategy",
    flag: "cloud-strategy",
    kind: "choice",
    choices: ["aws-only", "aws-first", "multi-cloud", "hybrid"],
    // aws-first is one step from aws-only; multi-cloud and hybrid are two.
    ranks: { "aws-only": 0, "aws-first": 1, "multi-cloud": 2, hybrid: 2 },
    required: true,
    askDefault: "aws-only",
    quick: true,
    description:
      "aws-only: AWS for good; aws-first: on AWS now, portability wanted; multi-cloud: several providers; hybrid: on premises too.",
  },
  {
    key: "engineers",
    flag: "engineers",
    kind: "integer",
    min: 1,
    max: 100000,
    // No default: an unknown team size fires no rule.
    required: false,
    quick: true,
    description: "Engineers who will build and run services on the platform; leave it out if unknown.",
  },
  {
    key: "microservices",
    flag: "microservices",
    kind: "integer",
    min: 1,
    max: 10000,
    required: true,
    askDefault: 5,
    quick: true,
    description: "How many services (deployable units) you will run.",
  },
  {
    key: "budget",
    flag: "budget",
    kind: "choice",
    choices: ["tight", "moderate", "flexible"],
    required: true,
    askDefault: "moderate",
    quick: true,
    description: "How much room the budget has for platform costs.",
  },
  {
    key: "opsCapacity",
    flag: "ops-capacity",
    kind: "choice",
    choices: ["none", "some", "dedicated"],
    required: false,
    default: "some",
    description: "People available to run the platform and its servers (drives Fargate, managed instances or your own EC2).",
  },
  {
    key: "internalPlatform",
    flag: "internal-platform",
    kind: "choice",
    choices: ["none", "planned", "in-place"],
    required: false,
    default: "none",
    description:
      "Whether a platform team gives app teams their own deploy tooling and hides the orchestrator from them: none, planned or in-place.",
  },
  {
    key: "requirements",
    flag: "requirements",
    kind: "set",
    choices: ["gpu", "privileged", "daemonsets", "windows", "arm", "spot", "isolation"],
    required: false,
    default: [],
    description:
      "Workload needs that rule some ways of running out: GPUs, privileged containers, DaemonSets, Windows containers, Arm (Graviton), Spot capacity, isolation (each task or pod in its own VM boundary, for compliance or multi-tenancy).",
  },
  {
    key: "workload",
    flag: "workload",
    kind: "choice",
    choices: ["services", "batch", "event-driven", "mixed", "game-servers"],
    // What the containers do is a fact about the work: never suggested as a change.
    fact: true,
    required: false,
    default: "services",
    description:
      "services: long-running; batch: jobs that start and finish; event-driven: short and spiky; mixed; game-servers: session-based dedicated game servers.",
  },
  {
    key: "scaling",
    flag: "scaling",
    kind: "choice",
    choices: ["steady", "daily-cycles", "bursts"],
    // The shape of the traffic is a fact too; left out, it fires no rule.
    fact: true,
    required: false,
    description:
      "How the load moves: steady; daily-cycles (peaks that follow the day or the week); bursts (several times the base within minutes: a sale, a push, a season's opening); leave it out if unknown.",
  },
  {
    key: "computeSpend",
    flag: "compute-spend",
    kind: "choice",
    choices: ["unknown", "under-5k", "5k-20k", "over-20k"],
    // Unknown sits in the middle: one step from either end.
    ranks: { "under-5k": 0, unknown: 1, "5k-20k": 1, "over-20k": 2 },
    // The value that means "don't know": it fires no rule and is never suggested as a change.
    unknown: "unknown",
    required: false,
    default: "unknown",
    description: "Container compute spend in USD a month.",
  },
  {
    key: "ecosystem",
    flag: "ecosystem",
    kind: "set",
    choices: ["helm", "service-mesh", "prometheus", "gitops", "operators"],
    required: false,
    default: [],
    description: "Kubernetes ecosystem tools you need.",
  },
  {
    key: "timeToMarket",
    flag: "time-to-market",
    kind: "choice",
    choices: ["urgent", "normal", "relaxed"],
    required: false,
    default: "normal",
    description: "How soon the first production deploy must happen.",
  },
  {
    key: "growth",
    flag: "growth",
    kind: "choice",
    choices: ["stable", "moderate", "rapid"],
    required: false,
    default: "moderate",
    description: "How fast the engineering team will grow (hiring) over the next two years; traffic growth alone does not change the choice.",
  },
  {
    key: "serviceCommunication",
    flag: "service-communication",
    kind: "choice",
    choices: ["simple", "complex"],
    required: false,
    default: "simple",
    description: "simple: few calls between services; complex: many, with retries, routing or mTLS.",
  },
  {
    key: "clusters",
    flag: "clusters",
    kind: "integer",
    min: 1,
    max: 1000,
    required: false,
    default: 1,
    description: "How many clusters you will run (for the control-plane cost).",
  },
  // The workload, for the cost estimate only: no rule may read these (rules
  // check refuses it), so they never move the recommendation or the search.
  {
    key: "vcpus",
    flag: "vcpus",
    kind: "number",
    min: 0.25,
    max: 100000,
    estimate: true,
    // A list of services gives every task its size: totals asked beside it (this, memoryGiB, tasks) would ask again for what it says.
    supersededBy: "services",
    required: false,
    description: "The vCPUs the containers use on average, in total across services and replicas (for the cost estimate; 0.5 a task when left out).",
  },
  {
    key: "memoryGiB",
    flag: "memory-gib",
    kind: "number",
    min: 0.5,
    max: 400000,
    estimate: true,
    supersededBy: "services",
    required: false,
    description: "The memory the containers use on average, in GiB, in total (for the cost estimate; 2 GiB a vCPU when left out).",
  },
  {
    key: "tasks",
    flag: "tasks",
    kind: "integer",
    min: 1,
    max: 1000000,
    estimate: true,
    supersededBy: "services",
    required: false,
    description: "How many tasks or pods run on average, in total (for the cost estimate; 2 per service when left out).",
  },
  {
    key: "services",
    // No flag of its own: --workload FILE reads a file of services (a value that is no workload choice).
    flag: "workload",
    kind: "services",
    max: 10000,
    estimate: true,
    prompt: false,
    required: false,
    description:
      "The workload as services, for the cost estimate: a list of { name, vcpu, memoryGiB, replicas, arch, os, gpu } (vcpu, memoryGiB and gpu per task or pod; arch x86 or arm; os linux or windows), from an answers file or --workload FILE. It wins over vcpus, memoryGiB and tasks, and microservices defaults to its length; a figure left out (or null, as scan --format json writes one not stated) takes 0.5 vCPU, 1 GiB or 2 replicas and is named as assumed; a scan's file, line, platform and platforms are set aside.",
  },
  {
    key: "environments",
    flag: "environments",
    kind: "environments",
    max: 20,
    estimate: true,
    prompt: false,
    required: false,
    description:
      "The environments, each with its own clusters, NAT gateways and load balancers (for the cost estimate): a count (each as large as production), or a list with each one's share of the production workload, prod:1,stage:0.25,dev:0.25 (in a file, [{ \"name\": \"prod\", \"share\": 1 }, ...]); production alone when left out.",
  },
  {
    key: "pricing",
    flag: "pricing",
    kind: "choice",
    choices: ["on-demand", "savings-1y", "savings-3y", "spot"],
    estimate: true,
    prompt: false,
    required: false,
    default: "on-demand",
    description:
      "The rates the cost estimate uses: on-demand; savings-1y or savings-3y (Compute Savings Plans, no upfront); spot (Fargate Spot on ECS, EC2 Spot for instances: for work that can be interrupted).",
  },
  {
    key: "loadBalancers",
    flag: "load-balancers",
    kind: "integer",
    min: 0,
    max: 100,
    estimate: true,
    prompt: false,
    required: false,
    description: "Application Load Balancers in each environment (for the cost estimate; one shared one when left out).",
  },
  {
    key: "natDataGiB",
    flag: "nat-data-gib",
    kind: "number",
    min: 0,
    max: 10000000,
    estimate: true,
    prompt: false,
    required: false,
    description: "GB a month through the NAT gateways in production, other environments by their share (for the cost estimate; 100 when left out).",
  },
  {
    key: "logGiBPerTask",
    flag: "log-gib-per-task",
    kind: "number",
    min: 0,
    max: 10000,
    estimate: true,
    prompt: false,
    required: false,
    description: "GB of logs each task or pod sends to CloudWatch Logs in a month, kept a month (for the cost estimate; 1 when left out).",
  },
  {
    key: "region",
    flag: "region",
    kind: "choice",
    choices: ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2"],
    estimate: true,
    required: false,
    default: "us-east-1",
    description: "The AWS Region whose prices the cost estimate uses.",
  },
  {
    key: "engineerCost",
    flag: "engineer-cost",
    kind: "integer",
    min: 1,
    max: 10000000,
    estimate: true,
    required: false,
    description: "The loaded cost of one engineer in USD a year, to put the Kubernetes share of engineer time in money; left out, it stays a share.",
  },
] as const;

export type Question = (typeof QUESTIONS)[number];

/** One entry of the `services` answer: figures per task or pod; a figure left out takes the default and is named as assumed. */
export interface ServiceAnswer {
  name: string;
  vcpu?: number;
  memoryGiB?: number;
  replicas?: number;
  arch?: Arch;
  os?: Os;
  gpu?: number;
}

/** How many environments, each as large as production, or each named with its share of production. */
type EnvironmentsAnswer = number | { name: string; share: number }[];
export type AnswerKey = Question["key"];
export type ChoiceQuestion = Extract<Question, { kind: "choice" }>;
/** Questions the questionnaire asks: the others come from flags and files only. */
export type AskedQuestion = Exclude<Question, { prompt: false }>;
export type IntegerQuestion = Extract<Question, { kind: "integer" }>;


type ValueOf<Q> = Q extends { kind: "choice"; choices: readonly (infer C)[] }
  ? C
  : Q extends { kind: "set"; choices: readonly (infer C)[] }
    ? C[]
    : Q extends { kind: "services" }
      ? ServiceAnswer[]
      : Q extends { kind: "environments" }
        ? EnvironmentsAnswer
        : number;

type RequiredKey = Extract<Question, { required: true }>["key"];
type DefaultedKey = Extract<Question, { default: unknown }>["key"];
/** Answers that may stay unknown: no default, and absent fires no rule. */
type UnknownableKey = Exclude<AnswerKey, RequiredKey | DefaultedKey>;

type ValueFor<K extends AnswerKey> = ValueOf<Extract<Question, { key: K }>>;

/** Answers after validation, with every default filled in; an unknown answer is left out. */
export type Answers = { [K in RequiredKey | DefaultedKey]: ValueFor<K> } & { [K in UnknownableKey]?: ValueFor<K> };

/** Answers as a user may write them: optional keys may be left out. */
export type AnswersInput = { [K in RequiredKey]: ValueFor<K> } & { [K in Exclude<AnswerKey, RequiredKey>]?: ValueFor<K> };

export const ANSWER_KEYS: readonly AnswerKey[] = QUESTIONS.map((q) => q.key);

function questionFor(key: AnswerKey): Question {
  return QUESTIONS.find((q) => q.key === key)!;
}

export function isAnswerKey(key: string): key is AnswerKey {
  return (ANSWER_KEYS as readonly string[]).includes(key);
}

/** A list answer holds each choice at most once; longer input is refused early, as absurd. */
export const MAX_SET_ITEMS = 32;

/**
 * Whether a question is asked, given the answers so far: one that follows
 * from an earlier answer is not when that answer (or its default) rules it
 * out, when that answer is unknown, or when it was not asked itself. One that
 * another answer supersedes (the workload's totals, once its services are
 * known) is not asked either.
 */
export function isAsked(q: Question, answers: Readonly<Record<string, unknown>>): boolean {
  if ("supersededBy" in q && answers[q.supersededBy] !== undefined) return false;
  if (!("askedWhen" in q)) return true;
  const { answer, notIn } = q.askedWhen;
  const earlier = QUESTIONS.find((other) => other.key === answer)!;
  const value = answers[answer] ?? ("default" in earlier ? earlier.default : undefined);
  return value !== undefined && !(notIn as readonly unknown[]).includes(value) && isAsked(earlier, answers);
}

/** Whether a question has a default. Required questions have none, and the rest without one may be left unknown. */
export function hasDefault(q: Question): q is Extract<Question, { default: unknown }> {
  return "default" in q;
}

/** The values a choice or set question allows, or undefined for numbers. */
export function choicesOf(key: AnswerKey): readonly string[] | undefined {
  const q = questionFor(key);
  return q.kind === "choice" || q.kind === "set" ? q.choices : undefined;
}

/** Whether it has a flag of its own: `services` comes from a file (--workload FILE, or an answers file). */
export function hasFlag(q: Question): q is Exclude<Question, { kind: "services" }> {
  return q.kind !== "services";
}

/** Whether the questionnaire asks it: the cost estimate's detail comes from flags and files only. */
export function isPrompted(q: Question): q is AskedQuestion {
  return !("prompt" in q);
}

/** Answers that only feed the cost estimate: no rule reads them. */
export function isEstimateOnly(q: Question): boolean {
  return "estimate" in q;
}

/** Position of a value on its question's scale, for "how much does a change ask". */
export function rankOf(q: ChoiceQuestion, value: string): number {
  if ("ranks" in q) return (q.ranks as Record<string, number>)[value] ?? 0;
  return (q.choices as readonly string[]).indexOf(value);
}
