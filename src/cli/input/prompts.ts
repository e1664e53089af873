// The questionnaire. Loaded only on the interactive path: the prompt library
// costs start-up time that a CI run must not pay.
import { checkbox, select } from "@inquirer/prompts";
import { isAsked, isPrompted, QUESTIONS, type AnswerKey, type Question } from "../../engine/questions.js";
import { joinList, t, tDynamic, useLanguage, type Lang } from "../../i18n/index.js";
import { colorEnabled } from "../terminal/color.js";
import { EXIT } from "../output/exit-codes.js";
import type { Io } from "../terminal/io.js";
import { untilDrawn, whileAsking, type PromptContext } from "./drawn.js";
import { pageSizeFor, themeFor, wrappedWhenDrawn } from "./prompt-theme.js";
import { toInteger, toNumber } from "./flags.js";
import { askTyped, type Parsed } from "./typed-prompt.js";

/**
 * Asks the given questions in table order, one prompt each, with progress
 * ("3/10") and a hint under each. Once the quick questions are answered (the
 * required ones, what runs today and the team's size), it offers to finish
 * with the defaults, going on by default. Then comes the review, where any
 * answer can be changed. Resolves to raw answers for
 * validation, leaving out what was left unknown; rejects with ExitPromptError
 * when the user presses Ctrl-C.
 */
export async function askAnswers(
  keys: readonly AnswerKey[],
  context: PromptContext,
  lang: Lang,
  color: boolean,
  end: ReviewEnd = "recommend",
  known?: Known,
  earlier: Readonly<Record<string, unknown>> = {},
): Promise<Record<string, unknown>> {
  // The estimate's detail (services, environments, pricing, ...) comes from flags and files, not the questionnaire.
  const questions = QUESTIONS.filter((q) => keys.includes(q.key) && isPrompted(q));
  const isQuick = (q: Question) => q.required || "quick" in q;
  return whileAsking(context, lang, (asking) => askAll(questions, isQuick, end, asking, lang, color, known, earlier));
}

/** Answers known before the questions (what `--from DIR` found), with where each was found: not asked, but shown in the review. */
export interface Known {
  readonly answers: Readonly<Record<string, unknown>>;
  readonly where: Readonly<Record<string, string>>;
}

/**
 * Every question, for a run given nothing at all (`ecs-or-eks` alone at a
 * terminal): what the main command would ask, asked before the rest of the
 * program loads. The answers go to the main command as if it had asked.
 * `shown` is called once, when the first question is on screen: the entry
 * then loads what the result needs, behind the question, not before it.
 */
export async function askFromStart(io: Io, lang: Lang, shown: () => void = () => {}): Promise<Record<string, unknown>> {
  await useLanguage(lang);
  let once: (() => void) | undefined = shown;
  const drawn = () => {
    once?.();
    once = undefined;
  };
  return askAnswers(
    QUESTIONS.map((q) => q.key),
    { input: io.stdin, output: io.stderr, drawn },
    lang,
    colorEnabled(io.stderr, io.env, true),
  );
}

async function askAll(
  questions: readonly Question[],
  isQuick: (q: Question) => boolean,
  end: ReviewEnd,
  context: PromptContext,
  lang: Lang,
  color: boolean,
  known?: Known,
  earlier: Readonly<Record<string, unknown>> = {},
): Promise<Record<string, unknown>> {
  // What is known already counts for the questions that follow from it (how the team feels about what it runs).
  const answers: Record<string, unknown> = { ...known?.answers };
  // Answers given before asking (a file, flags, a scan) decide those questions too: `--current-platform ecs` asks how the team feels about ECS.
  const applies = (q: Question) => isAsked(q, { ...earlier, ...answers });
  // A question that follows from an earlier answer (how the team feels about what it runs) is asked only once it
  // applies, and is numbered after the question it follows ("1.1", "1.2"): the count stays the same whatever the
  // answers. A follow-up whose question is not asked here (the answer came from a flag, a file or a scan) is a
  // question of its own, counted only if that answer makes it apply.
  const followsAsked = (q: Question) => "askedWhen" in q && questions.some((other) => other.key === q.askedWhen.answer);
  const open = () => questions.filter(applies);
  const total = questions.filter((q) => !followsAsked(q) && applies(q)).length;
  let n = 0;
  // The follow-ups asked since question n: "1.1", "1.2", and so on.
  let sub = 0;
  let asked = 0;
  let offered = false;
  for (const q of questions) {
    if (!applies(q)) continue;
    if (!offered && !isQuick(q)) {
      offered = true;
      const rest = open().length - asked;
      const finish = await untilDrawn(context, (output) => askToFinish(rest, { ...context, output }, lang, color));
      if (finish) break;
    }
    asked++;
    const followUp = followsAsked(q);
    sub = followUp ? sub + 1 : 0;
    if (!followUp) n++;
    const number = followUp ? t(lang, "prompt.followUp", { n, sub }) : String(n);
    const message = `(${number}/${total}) ${t(lang, `q.${q.key}`)}`;
    const value = await untilDrawn(context, (output) => askOne(q, message, undefined, { ...context, output }, lang, color), q.kind === "integer" || q.kind === "number");
    if (value !== undefined) answers[q.key] = value;
  }
  if (!known) return review(questions, answers, end, context, lang, color, earlier);
  // The review lists the known answers too, in the questions' order; those still as found say where.
  const reviewed = QUESTIONS.filter((q) => questions.includes(q) || q.key in known.answers);
  return review(reviewed, answers, end, context, lang, color, earlier, known);
}

const SHOW = "\u0000show";
/** The "Don't know" choice of a choice question that may stay unknown. */
const UNKNOWN = "\u0000unknown";

/** What the review's first choice leads to: the result, or (init) the answers file. */
export type ReviewEnd = "recommend" | "write";

/**
 * The review before the result: "Show the recommendation" first, then each
 * answer with its short name and current value (a default where it was not
 * asked). Choosing one asks that question again, with the current answer as
 * the default, and comes back here.
 */
async function review(
  questions: readonly Question[],
  answers: Record<string, unknown>,
  end: ReviewEnd,
  context: PromptContext,
  lang: Lang,
  color: boolean,
  earlier: Readonly<Record<string, unknown>>,
  known?: Known,
): Promise<Record<string, unknown>> {
  // "Services: 11, from kubernetes-manifests/*.yaml" while the answer is still the one found there.
  const found = (q: Question) =>
    known && q.key in known.answers && JSON.stringify(known.answers[q.key]) === JSON.stringify(answers[q.key]) && known.where[q.key] ? `, ${t(lang, "scan.from", { where: known.where[q.key]! })}` : "";
  const askReview = (drawing: PromptContext): Promise<string> => {
    // A choice wider than the terminal goes on under its own start, never cut by the prompt library, at whatever width it is drawn.
    const choices = questions.filter((q) => isAsked(q, { ...earlier, ...answers })).map((q) => {
      const text = `${t(lang, `label.${q.key}`)}: ${shownValue(q, currentOf(q, answers), lang)}${found(q)}`;
      // A scanned answer no question asks (the services' sizes) is shown, and says how to give another.
      const fixed = isPrompted(q) ? {} : { disabled: t(lang, "prompt.review.fromFile", { flag: `--${q.flag}` }) };
      return { value: q.key as string, name: wrappedWhenDrawn(text, drawing.output), short: text, ...fixed };
    });
    const show = t(lang, end === "write" ? "prompt.review.write" : "prompt.review.show");
    return select(
      {
        message: t(lang, "prompt.review"),
        theme: themeFor(t(lang, "prompt.review.hint"), lang, color, drawing.output),
        default: SHOW,
        // Every answer at once where the terminal is tall enough, leaving room for the question and its hint.
        pageSize: pageSizeFor([show, ...choices.map((choice) => choice.short)], drawing.output, 6),
        choices: [{ value: SHOW, name: show }, ...choices],
      },
      drawing,
    );
  };
  for (;;) {
    // Drawn afresh each time, with the answers as they now are.
    const chosen = await untilDrawn(context, (output) => askReview({ ...context, output }));
    const q = questions.find((question) => question.key === chosen);
    if (q === undefined) return answers;
    const ask = (question: Question, current: unknown) =>
      untilDrawn(context, (output) => askOne(question, t(lang, `q.${question.key}`), current, { ...context, output }, lang, color), question.kind === "integer" || question.kind === "number");
    const before = JSON.stringify(answers[q.key]);
    const value = await ask(q, currentOf(q, answers));
    if (value === undefined) delete answers[q.key];
    else answers[q.key] = value;
    if (JSON.stringify(answers[q.key]) === before) continue;
    // A changed answer voids what followed from it (how the team feels about what it runs, who keeps its clusters
    // running): each follow-up is asked again where it still applies, and dropped where it no longer does.
    const changed = new Set<string>([q.key]);
    for (const follow of questions) {
      if (!("askedWhen" in follow) || !changed.has(follow.askedWhen.answer)) continue;
      changed.add(follow.key);
      delete answers[follow.key];
      if (!isAsked(follow, { ...earlier, ...answers })) continue;
      const again = await ask(follow, currentOf(follow, answers));
      if (again !== undefined) answers[follow.key] = again;
    }
  }
}

/** An answer as given, else the default it will take, else undefined (left unknown). */
function currentOf(q: Question, answers: Record<string, unknown>): unknown {
  if (q.key in answers) return answers[q.key];
  return "askDefault" in q ? q.askDefault : "default" in q ? q.default : undefined;
}

/** An answer as the prompts name it: the choice's label, the list of labels, the number, or, left out, "Don't know" (the choice that left it out) or "unknown" (a number left empty). */
function shownValue(q: Question, value: unknown, lang: Lang): string {
  const label = (choice: string) => tDynamic(lang, `choice.${q.key}.${choice}`, choice);
  if (value === undefined) return t(lang, q.kind === "choice" ? "choice.unknown" : "value.unknown");
  if (q.kind === "services") {
    // "5 (cart, catalog, checkout and 2 more)": the names say which, the count how many; sizes are in the result.
    const names = (value as readonly { name?: string }[]).map((service) => service.name || "?");
    const shown = names.length > 3 ? t(lang, "prompt.review.more", { names: names.slice(0, 3).join(", "), n: names.length - 3 }) : joinList(lang, names);
    return `${names.length} (${shown})`;
  }
  if (q.kind === "set") {
    const items = value as readonly string[];
    return items.length === 0 ? t(lang, "value.none") : items.map(label).join(", ");
  }
  return q.kind === "choice" ? label(String(value)) : String(value);
}

/** "6 more questions have defaults. Answer them, or finish now?"; going on is the default. */
async function askToFinish(rest: number, context: PromptContext, lang: Lang, color: boolean): Promise<boolean> {
  const choice = await select(
    {
      message: t(lang, "prompt.finish", { n: rest }),
      theme: themeFor(finishHint(lang), lang, color, context.output),
      default: "continue",
      choices: [
        { value: "continue", name: t(lang, "prompt.finish.continue") },
        { value: "finish", name: t(lang, "prompt.finish.stop") },
      ],
    },
    context,
  );
  return choice === "finish";
}

/** What finishing now does, with the defaults it names taken from the questions table. */
export function finishHint(lang: Lang): string {
  const ops = QUESTIONS.find((q) => q.key === "opsCapacity")!.default;
  const clusters = QUESTIONS.find((q) => q.key === "clusters")!.default;
  return t(lang, "prompt.finish.hint", { ops: tDynamic(lang, `choice.opsCapacity.${ops}`, ops).toLowerCase(), clusters });
}

/** One question; `current` (an answer being changed) is its default, else the question's own. */
async function askOne(q: Question, message: string, current: unknown, context: PromptContext, lang: Lang, color: boolean): Promise<unknown> {
  const theme = themeFor(t(lang, `q.${q.key}.hint`), lang, color, context.output);
  const label = (value: string) => tDynamic(lang, `choice.${q.key}.${value}`, value);
  // As in the review: a choice wider than the terminal goes on under its own start, never cut by the terminal.
  // The answer shown once chosen stays on one line.
  const named = (value: string) => ({ value, name: wrappedWhenDrawn(label(value), context.output), short: label(value) });
  const hint = (value: string) => tDynamic(lang, `hint.${q.key}.${value}`, "");
  // Every choice whole where the terminal is tall enough; the rest of the screen holds the question, its hint,
  // the chosen choice's hint and the keys, each of them up to three lines at the narrowest.
  const pageSize = (labels: readonly string[]) => pageSizeFor(labels, context.output, 12);
  const fallback = current !== undefined ? current : "askDefault" in q ? q.askDefault : "default" in q ? q.default : undefined;
  switch (q.kind) {
    case "choice": {
      // A choice with no default may stay unknown: "Don't know", last and chosen by default, leaves it out.
      const unknownable = !q.required && !("askDefault" in q) && !("default" in q);
      const choices = q.choices.map((value) => ({ ...named(value), description: hint(value) }));
      const dontKnow = { value: UNKNOWN, name: t(lang, "choice.unknown"), short: t(lang, "choice.unknown"), description: t(lang, "hint.unknown") };
      const chosen: string = await select(
        {
          message,
          theme,
          default: (fallback ?? (unknownable ? UNKNOWN : undefined)) as string | undefined,
          pageSize: pageSize([...q.choices.map(label), ...(unknownable ? [dontKnow.short] : [])]),
          choices: unknownable ? [...choices, dontKnow] : choices,
        },
        context,
      );
      return chosen === UNKNOWN ? undefined : chosen;
    }
    case "set": {
      const checked = Array.isArray(current) ? (current as readonly string[]) : [];
      return checkbox(
        {
          message,
          // Once submitted, named as the review names it: "none" rather than nothing after the question.
          theme: { ...theme, style: { ...theme.style, renderSelectedChoices: (chosen: readonly { value: string }[]) => shownValue(q, chosen.map((c) => c.value), lang) } },
          pageSize: pageSize(q.choices.map(label)),
          choices: q.choices.map((value) => ({ ...named(value), description: hint(value), checked: checked.includes(value) })),
        },
        context,
      );
    }
    case "number":
    case "integer": {
      // A count with no default may stay unknown: an empty answer leaves it out.
      const unknownable = !("askDefault" in q) && !("default" in q);
      const wrong = t(lang, `prompt.${q.kind}${unknownable ? "OrEmpty" : ""}`, { min: q.min, max: q.max });
      // The rule a flag or a file follows: 3.0 is 3 where a whole number is asked for.
      const parse = (text: string): Parsed<number | undefined> => {
        if (text === "") return unknownable ? { value: undefined } : fallback === undefined ? { problem: wrong } : { value: Number(fallback) };
        const value = q.kind === "integer" ? toInteger(text, q.min, q.max) : toNumber(text);
        return typeof value === "number" && value >= q.min && value <= q.max ? { value } : { problem: wrong };
      };
      return askTyped(
        {
          message,
          fallback: fallback === undefined ? "" : t(lang, "prompt.default", { value: String(fallback) }),
          theme,
          maxLength: MAX_TYPED,
          tooLong: t(lang, "prompt.numberTooLong", { max: MAX_TYPED, fix: wrong }),
          parse,
          shown: (value) => (value === undefined ? t(lang, "value.unknown") : String(value)),
        },
        context,
      );
    }
  }
}

/** A number's longest sensible spelling ("100000.000000"); anything longer is refused unread, however much was pasted. */
const MAX_TYPED = 32;

/**
 * A run whose own files went while its questions were open (entry.ts): said,
 * and its exit code, by this module, loaded before them, as the rest of the
 * program, which would say it, may be gone.
 */
export function reportChangedOnDisk(stderr: NodeJS.WritableStream, lang: Lang): number {
  stderr.write(`${t(lang, "error.changedOnDisk")}\n`);
  return EXIT.changedOnDisk;
}
