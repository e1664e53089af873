// What the engine has to say, as data: a message key of the catalogues in
// src/i18n and the values that fill it. The engine never words a sentence;
// src/explain/ does, in the reader's language, for the CLI and the library.

/** A value in a message: text as it is (an id, a file name), a number, or another message to word first. */
export type MessageValue = string | number | Message;

export type Message =
  /** A catalogue message: `key` names it, `vars` fill its `{placeholders}`. */
  | { readonly key: string; readonly vars?: Readonly<Record<string, MessageValue>> }
  /** Text that is the same in every language (a library's own wording). */
  | { readonly text: string };

export function msg(key: string, vars?: Readonly<Record<string, MessageValue>>): Message {
  return vars ? { key, vars } : { key };
}
