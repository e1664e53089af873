import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

// The requests a client has sent and not yet had answered, counted at the
// transport: a handler's promise settles before the SDK writes its answer, so
// closing the server when the handlers are done (as on stdin's end) dropped
// the answers still to be written, a tool error's among them.

type Id = string | number;

/** Counts what `transport` owes; call once the server is connected, as connecting sets its handlers. */
export function answersOwed(transport: Transport): { allSent(): Promise<void> } {
  const owed = new Set<Id>();
  let settle: (() => void) | undefined;
  const paid = (id: Id) => {
    owed.delete(id);
    if (owed.size === 0) settle?.();
  };
  const receive = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ("method" in message && "id" in message) owed.add(message.id);
    // A request the client cancels gets no answer.
    else if ("method" in message && message.method === "notifications/cancelled") paid((message.params as { requestId: Id }).requestId);
    receive?.(message, extra);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message: JSONRPCMessage, options) => {
    try {
      await send(message, options);
    } finally {
      if (!("method" in message) && "id" in message && message.id !== undefined) paid(message.id);
    }
  };
  // A transport that closed (it gave up on the client) answers nothing more: nothing is owed.
  const closed = transport.onclose;
  transport.onclose = () => {
    owed.clear();
    settle?.();
    closed?.();
  };
  return {
    allSent: () => (owed.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (settle = resolve))),
  };
}
