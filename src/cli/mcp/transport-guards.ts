// What the SDK's stdio transport does that a client should never see, mended
// at the transport, where the messages pass: each wrapper is set once the
// server is connected, as connecting sets the transport's handlers.
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

type Id = string | number;

/**
 * The `arguments` of tools/call requests that are not an object (a string, a
 * list, a number, null), each taken aside by request id. The SDK refuses such
 * a call before any handler runs, with its validator's report over many lines
 * as a protocol error; taken aside, the call reaches the tool handler without
 * them, and the handler answers a tool error in the CLI's words, as for any
 * other bad argument. Call once the server is connected, as connecting sets
 * the transport's handlers.
 */
export function setAsideBadArguments(transport: Transport): { take(id: Id): { value: unknown } | undefined } {
  const aside = new Map<Id, unknown>();
  const receive = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ("method" in message && message.method === "tools/call" && "id" in message && isObject(message.params) && "arguments" in message.params && !isObject(message.params.arguments)) {
      const { arguments: value, ...params } = message.params;
      aside.set(message.id, value);
      receive?.({ ...message, params } as JSONRPCMessage, extra);
      return;
    }
    receive?.(message, extra);
  };
  return {
    take(id) {
      if (!aside.has(id)) return undefined;
      const value = aside.get(id);
      aside.delete(id);
      return { value };
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Answers written one at a time. The transport's send waits for stdout to
 * drain with a 'drain' listener of its own whenever the pipe is full, so a
 * client that sends eleven calls and reads slowly put eleven listeners on
 * process.stdout, and Node printed MaxListenersExceededWarning on stderr;
 * in turn, at most one answer waits for the pipe, and the rest wait behind it,
 * in the order they were ready.
 */
export function sendInTurn(transport: Transport): void {
  const send = transport.send.bind(transport);
  let last: Promise<void> = Promise.resolve();
  transport.send = (message, options) => {
    const turn = last.then(() => send(message, options));
    // A send that failed fails its own caller, not the answers behind it.
    last = turn.catch(() => {});
    return turn;
  };
}

/**
 * The requests a client has sent and not yet had answered, counted at the
 * transport: a handler's promise settles before the SDK writes its answer, so
 * closing the server when the handlers are done (as on stdin's end) dropped
 * the answers still to be written, a tool error's among them.
 */
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
