// The one table of questions. It drives the answers schema (and so the JSON
// Schema and the TypeScript type), the CLI flags, the prompts, the
// counterfactual search and the docs; nothing here is listed anywhere else.
//
// The order is the questionnaire's: what moves the decision most comes first.
// The questions marked `quick` are asked before the offer to finish with the
// defaults, so a person reaches a result in at most seven numbered prompts; the
// follow-ups about what runs today come with the question they follow, and
// only to a team they apply to.

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
    required: false,
    description: "How many tasks or pods run on average, in total (for the cost estimate; 2 per service when left out).",
  },
  {
    key: "region",
    flag: "region",
    kind: "choice",
    choices: ["us-east-1", "ap-northeast-2"],
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
export type AnswerKey = Question["key"];
export type ChoiceQuestion = Extract<Question, { kind: "choice" }>;
export type IntegerQuestion = Extract<Question, { kind: "integer" }>;


type ValueOf<Q> = Q extends { kind: "choice"; choices: readonly (infer C)[] }
  ? C
  : Q extends { kind: "set"; choices: readonly (infer C)[] }
    ? C[]
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
 * out, when that answer is unknown, or when it was not asked itself.
 */
export function isAsked(q: Question, answers: Readonly<Record<string, unknown>>): boolean {
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
  return q.kind === "integer" || q.kind === "number" ? undefined : q.choices;
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
