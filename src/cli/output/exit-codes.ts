// The exit codes: part of the interface. The code returns them, the help
// lists them (help.exitCodes), and the README's table is tested against them.

/** 128 + the signal's number, as shells report a process that a signal ended. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export type Signal = keyof typeof SIGNAL_EXIT;

export const EXIT = {
  ok: 0,
  /** --expect named another platform than the answers give. */
  gateFailed: 1,
  usage: 2,
  /** A bug: no input may ever reach it. */
  bug: 70,
  /** A file or stream could not be written (sysexits' EX_IOERR). */
  cannotWrite: 74,
  interrupted: SIGNAL_EXIT.SIGINT,
} as const;

/** The placeholders of help.exitCodes, filled from the table. */
export function exitCodeVars(): Record<string, number | string> {
  return {
    ok: EXIT.ok,
    gateFailed: EXIT.gateFailed,
    usage: EXIT.usage,
    cannotWrite: EXIT.cannotWrite,
    signals: Object.values(SIGNAL_EXIT).join("/"),
    bug: EXIT.bug,
  };
}
