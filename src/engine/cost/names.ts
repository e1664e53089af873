// Lists of names as one message: the services a reason is about, or the
// ways it names, kept to one line however long the list.
import { msg, type Message, type MessageValue } from "../message.js";

/** Up to three names, then how many more: a list of 10,000 services stays one line. */
export function servicesList(names: readonly string[]): Message {
  return listMessage(names.map((name) => (name === "" ? msg("estimate.shorthandTask") : name)));
}

/** "a", "a and b", "a, b and c", or "a, b, c and 7 more". */
export function listMessage(items: readonly MessageValue[]): Message {
  const shown = items.slice(0, 3);
  return msg(items.length > 3 ? "estimate.namesMore" : `estimate.names${shown.length}`, { a: shown[0] ?? "", b: shown[1] ?? "", c: shown[2] ?? "", more: items.length - 3 });
}
