// The one table of questions. It drives the answers schema (and so the JSON
// Schema and the TypeScript type), the CLI flags, the prompts, the
// counterfactual search and the docs; nothing here is listed anywhere else.

export const QUESTIONS = [
  {
    key: "kubernetesExperience",
    flag: "kubernetes-experience",
    kind: "choice",
    choices: ["none", "basic", "proficient", "expert"],
    required: true,
    askDefault: "none",
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
    description:
      "aws-only: AWS for good; aws-first: on AWS now, portability wanted; multi-cloud: several providers; hybrid: on premises too.",
  },
  {
    key: "budget",
    flag: "budget",
    kind: "choice",
    choices: ["tight", "moderate", "flexible"],
    required: true,
    askDefault: "moderate",
    description: "How much room the budget has for platform costs.",
  },
  {
    key: "microservices",
    flag: "microservices",
    kind: "integer",
    min: 1,
    max: 10000,
    required: true,
    askDefault: 5,
    description: "How many services (deployable units) you will run.",
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
    description: "Expected growth of traffic, services and teams.",
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
    key: "opsCapacity",
    flag: "ops-capacity",
    kind: "choice",
    choices: ["none", "some", "dedicated"],
    required: false,
    default: "some",
    description: "People available to run servers (drives Fargate vs EC2).",
  },
  {
    key: "requirements",
    flag: "requirements",
    kind: "set",
    choices: ["gpu", "privileged", "daemonsets"],
    required: false,
    default: [],
    description: "Workload needs that Fargate cannot meet.",
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
] as const;

export type Question = (typeof QUESTIONS)[number];
export type AnswerKey = Question["key"];
export type ChoiceQuestion = Extract<Question, { kind: "choice" }>;
export type SetQuestion = Extract<Question, { kind: "set" }>;
export type IntegerQuestion = Extract<Question, { kind: "integer" }>;

type ValueOf<Q> = Q extends { kind: "choice"; choices: readonly (infer C)[] }
  ? C
  : Q extends { kind: "set"; choices: readonly (infer C)[] }
    ? C[]
    : number;

/** Answers after validation, with every default filled in. */
export type Answers = { [Q in Question as Q["key"]]: ValueOf<Q> };

type RequiredKey = Extract<Question, { required: true }>["key"];
/** Answers as a user may write them: optional keys may be left out. */
export type AnswersInput = { [K in RequiredKey]: Answers[K] } & {
  [K in Exclude<AnswerKey, RequiredKey>]?: Answers[K];
};

export const ANSWER_KEYS: readonly AnswerKey[] = QUESTIONS.map((q) => q.key);

export function questionFor(key: AnswerKey): Question {
  return QUESTIONS.find((q) => q.key === key)!;
}

export function isAnswerKey(key: string): key is AnswerKey {
  return (ANSWER_KEYS as readonly string[]).includes(key);
}

/** The values a choice or set question allows, or undefined for integers. */
export function choicesOf(key: AnswerKey): readonly string[] | undefined {
  const q = questionFor(key);
  return q.kind === "integer" ? undefined : q.choices;
}

/** Position of a value on its question's scale, for "how much does a change ask". */
export function rankOf(q: ChoiceQuestion, value: string): number {
  if ("ranks" in q) return (q.ranks as Record<string, number>)[value] ?? 0;
  return (q.choices as readonly string[]).indexOf(value);
}
