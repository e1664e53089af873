import type { Message } from "./message.js";

// Errors a user can meet are values with a message and, where there is one, a fix.
// The CLI turns them into exit code 2 in one place; anything else is a bug.

export class InputError extends Error {
  override readonly name: string = "InputError";
  readonly problems: readonly string[];
  readonly hint: string | undefined;
  /** Every problem is shown (rules check), not the first few. */
  readonly listAll: boolean;

  constructor(problems: string | readonly string[], hint?: string, options: { listAll?: boolean } = {}) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.join("\n"));
    this.problems = list;
    this.hint = hint;
    this.listAll = options.listAll === true;
  }
}

export class UsageError extends InputError {
  override readonly name: string = "UsageError";
}

export function isUserError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/**
 * A file or stream that could not be written (a full disk, a closed
 * terminal): exit code 74, the sysexits I/O error, so CI never reads it as
 * "the decision changed".
 */
export class OutputError extends Error {
  override readonly name: string = "OutputError";
}

/** A run stopped by a signal (at a prompt, or between batch lines): exit 128 + the signal's number. */
export class Interrupted extends Error {
  override readonly name: string = "Interrupted";
  constructor(
    readonly signal: string,
    readonly exitCode: number,
    /** What was done before the signal, when not "nothing was written". */
    readonly note?: string,
  ) {
    super(signal);
  }
}

/**
 * A workload the estimate cannot price (a task no instance type holds): bad
 * input, raised by the pure engine as a message the explain layer words.
 */
export class EstimateError extends Error {
  override readonly name: string = "EstimateError";
  constructor(
    readonly problem: Message,
    /** The fix, where it is not the usual one (a smaller task). */
    readonly hint?: Message,
  ) {
    super("key" in problem ? problem.key : "estimate");
  }
}
