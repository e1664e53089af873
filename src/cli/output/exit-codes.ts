// The exit codes: part of the interface. The code returns them, the help
// lists them (help.exitCodes), and the README's table is tested against them.

import { constants } from "node:os";

/** The signals the help and README name: hang-up, Ctrl-C and kill's default, the same number everywhere. */
const NAMED_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

// Not SIGPROF: profilers sample with it (V8's own, under node --cpu-prof), and catching it would end the run.
const OTHER_SIGNALS = ["SIGQUIT", "SIGABRT", "SIGUSR2", "SIGALRM", "SIGVTALRM", "SIGXCPU", "SIGXFSZ", "SIGTRAP"] as const;

/**
 * 128 + the signal's number, as shells report a process that a signal ended:
 * every signal that ends a process by default and that a program may catch
 * (SIGKILL and SIGSTOP cannot be; SIGUSR1 is Node's debugger; SIGSEGV and its
 * kind are not safe to resume after). Numbers are the platform's own.
 */
export const SIGNAL_EXIT = {
  ...NAMED_SIGNALS,
  // A platform without one of these (Windows) simply has no entry for it.
  ...Object.fromEntries(OTHER_SIGNALS.flatMap((name) => {
    const code = signalExitCode(name);
    return code === undefined ? [] : [[name, code]];
  })),
} as Readonly<Record<Signal, number>>;

/** 128 + the number this platform gives the signal of that name (any of its names: SIGIOT is SIGABRT), if it has one. */
export function signalExitCode(name: string): number | undefined {
  const number = (constants.signals as Record<string, number | undefined>)[name];
  return number === undefined ? undefined : 128 + number;
}

export type Signal = keyof typeof NAMED_SIGNALS | (typeof OTHER_SIGNALS)[number];

export const EXIT = {
  ok: 0,
  /** --expect named another platform than the answers give. */
  gateFailed: 1,
  usage: 2,
  /** A bug: no input may ever reach it. */
  bug: 70,
  /** A file or stream could not be written (sysexits' EX_IOERR). */
  cannotWrite: 74,
  /**
   * The tool's own files could not be read: upgraded or removed while it ran.
   * An input/output error too (EX_IOERR), and the README's 74; not 2, as
   * nothing the user gave is wrong, nor 70, as no fix to the code would help.
   */
  changedOnDisk: 74,
  interrupted: SIGNAL_EXIT.SIGINT,
} as const;

/** The placeholders of help.exitCodes, filled from the table. */
export function exitCodeVars(): Record<string, number | string> {
  return {
    ok: EXIT.ok,
    gateFailed: EXIT.gateFailed,
    usage: EXIT.usage,
    cannotWrite: EXIT.cannotWrite,
    signals: Object.values(NAMED_SIGNALS).join("/"),
    bug: EXIT.bug,
  };
}
