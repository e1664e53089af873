// The questionnaire as data, in one language: what an agent needs to ask a
// person the questions the way the prompts do (src/cli/input/prompts.ts), in
// the same order, with the same words, choices and hints.
import { QUESTIONS, hasDefault, isEstimateOnly, type AnswerKey } from "../engine/questions.js";
import { t, tDynamic, type Lang } from "../i18n/index.js";

interface QuestionChoice {
  value: string;
  label: string;
  /** What the choice means, where the questionnaire says more than its label. */
  hint?: string;
}

interface ExplainedQuestion {
  key: AnswerKey;
  /** The command line's flag for the same answer. */
  flag: string;
  kind: "choice" | "set" | "integer" | "number";
  question: string;
  hint: string;
  required: boolean;
  /** Asked before the offer to finish with the defaults. */
  quick: boolean;
  /** For the cost estimate only: no rule reads it. */
  estimateOnly: boolean;
  /** The value taken when the answer is left out; absent when leaving it out leaves it unknown. */
  default?: unknown;
  /** The value the questionnaire proposes for a required answer. */
  suggested?: unknown;
  choices?: QuestionChoice[];
  min?: number;
  max?: number;
  /** Asked only when that earlier answer is none of these values. */
  askedWhen?: { answer: AnswerKey; notIn: readonly string[] };
}

export interface QuestionsResult {
  schemaVersion: 1;
  lang: Lang;
  questions: ExplainedQuestion[];
}

/** Every question in the questionnaire's order, in `lang`. */
export function explainQuestions(lang: Lang): QuestionsResult {
  const questions = QUESTIONS.map((q): ExplainedQuestion => {
    const choice = (value: string): QuestionChoice => {
      const hint = tDynamic(lang, `hint.${q.key}.${value}`, "");
      return { value, label: tDynamic(lang, `choice.${q.key}.${value}`, value), ...(hint ? { hint } : {}) };
    };
    return {
      key: q.key,
      flag: `--${q.flag}`,
      kind: q.kind,
      question: t(lang, `q.${q.key}`),
      hint: t(lang, `q.${q.key}.hint`),
      required: q.required,
      quick: q.required || "quick" in q,
      estimateOnly: isEstimateOnly(q),
      ...(hasDefault(q) ? { default: q.default } : {}),
      ...("askDefault" in q ? { suggested: q.askDefault } : {}),
      ...(q.kind === "choice" || q.kind === "set" ? { choices: q.choices.map(choice) } : { min: q.min, max: q.max }),
      ...("askedWhen" in q ? { askedWhen: q.askedWhen } : {}),
    };
  });
  return { schemaVersion: 1, lang, questions };
}
