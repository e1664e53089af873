// Type-to-find in a list prompt: the prompt library keeps every key typed in
// readline's line and, at each key, lowercases and measures the whole line, so
// a paste of 100 KB into a list cost time quadratic in its size. No choice is
// found by more than its first few hundred characters: keys past that, in one
// burst, are dropped before anyone hears them, and each key costs the same.

/** Longer than any choice's name, so what is dropped could never have found one. */
export const MAX_FIND = 256;

/** How long the list prompt waits after the last key before it forgets what was typed (@inquirer/select). */
const FORGETS_AFTER_MS = 700;

type Key = { ctrl?: boolean; meta?: boolean } | undefined;

/** A key that types a character (a letter, a digit, a Hangul syllable), as opposed to Enter, an arrow or Ctrl-C. */
function types(text: unknown, key: Key): boolean {
  return typeof text === "string" && text.length > 0 && key?.ctrl !== true && key?.meta !== true && !/[\u0000-\u001f\u007f]/.test(text);
}

/**
 * Drops the typed keys past `max` in a burst (keys less than FORGETS_AFTER_MS
 * apart, with no other key between) while a list prompt is open; returns what
 * puts the input back.
 */
export function capTypeToFind(input: NodeJS.ReadableStream, max = MAX_FIND): () => void {
  const emit = input.emit;
  const own = Object.hasOwn(input, "emit");
  let typed = 0;
  let last = 0;
  // Every listener (readline's line, the list's search, our own) hears keys through emit: a dropped key reaches none.
  const capped = function (this: NodeJS.ReadableStream, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "keypress") {
      const now = Date.now();
      if (now - last >= FORGETS_AFTER_MS) typed = 0;
      last = now;
      if (!types(args[0], args[1] as Key)) typed = 0;
      else if (++typed > max) return false;
    }
    return emit.call(this, event, ...args);
  };
  input.emit = capped as typeof input.emit;
  return () => {
    if (input.emit !== capped) return;
    if (own) input.emit = emit;
    else delete (input as { emit?: unknown }).emit;
  };
}
