import { t, type Lang, type MessageKey } from "../../i18n/index.js";

/** Why a file could not be read or written, keyed by Node's error code. */
type Reasons = Readonly<Record<string, MessageKey>>;

// Reasons that mean the same whichever way the bytes were going.
const SHARED: Reasons = {
  ELOOP: "io.reason.loop",
  EIO: "io.reason.io",
  EBADF: "io.reason.badDescriptor",
  ENAMETOOLONG: "io.reason.nameTooLong",
  ENOTDIR: "input.notInFolder",
};

/** Reading: a missing file is the user's typo; ENXIO is a device with nothing behind it. */
export const READ_REASONS: Reasons = {
  ...SHARED,
  ENOENT: "input.noSuchFile",
  EISDIR: "input.isDirectory",
  EACCES: "input.permissionDenied",
  EPERM: "input.permissionDenied",
  ENXIO: "input.noDevice",
};

/** Writing: a missing file means a missing folder; ENXIO is a named pipe nobody reads. */
export const WRITE_REASONS: Reasons = {
  ...SHARED,
  ENOSPC: "write.reason.full",
  EACCES: "write.reason.permission",
  EPERM: "write.reason.permission",
  EROFS: "write.reason.readOnly",
  EDQUOT: "write.reason.quota",
  EISDIR: "write.reason.folder",
  ENOENT: "write.reason.noFolder",
  ENXIO: "io.reason.noReader",
  EAGAIN: "io.reason.pipeFull",
};

/** The reason in words rather than Node's "ELOOP: too many symbolic links…"; Node's text only for codes we have never met. */
export function ioReason(error: unknown, reasons: Reasons, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  const key = code === undefined || !Object.hasOwn(reasons, code) ? undefined : reasons[code];
  return key === undefined ? (error as Error).message : t(lang, key);
}
