import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { describe, expect, it } from "vitest";
import { packedBin } from "../helpers/mcp.js";

// The server as a client's process sees it: lines in, lines out, raw. Each
// test waits for the answers it reads, never for a fixed time.

const clearCut = { kubernetesExperience: "none", cloudStrategy: "aws-only", budget: "tight", microservices: 3 };
const initialize = { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } };
const call = (id: number, args: Record<string, unknown>, name = "recommend") => ({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

interface Server {
  child: ChildProcessWithoutNullStreams;
  send: (message: unknown) => void;
  /** Resolves with the answer to request `id`, once it is on stdout. */
  answer: (id: number) => Promise<Record<string, any>>;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(): Server {
  const child = spawn(process.execPath, [packedBin(), "mcp"], { env: { PATH: process.env.PATH ?? "", LANG: "C.UTF-8" }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiting = new Map<number, (answer: Record<string, any>) => void>();
  const answers = new Map<number, Record<string, any>>();
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split("\n").slice(0, -1);
    for (const line of lines) {
      const message = JSON.parse(line) as Record<string, any>;
      if (typeof message.id !== "number" || answers.has(message.id)) continue;
      answers.set(message.id, message);
      waiting.get(message.id)?.(message);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.on("error", () => {});
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    send: (message) => child.stdin.write(typeof message === "string" ? message : `${JSON.stringify(message)}\n`),
    answer: (id) => new Promise((resolve) => (answers.has(id) ? resolve(answers.get(id)!) : waiting.set(id, resolve))),
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}

/** Every line on stdout is a JSON-RPC message, and no stack trace is among them. */
function onlyProtocol(stdout: string): void {
  for (const line of stdout.split("\n").filter(Boolean)) expect(JSON.parse(line).jsonrpc).toBe("2.0");
  expect(stdout).not.toMatch(/\n\s+at /);
}

describe("the MCP server under a careless or hostile client", () => {
  it("reports malformed lines on stderr, one line each, and goes on answering", async () => {
    const server = start();
    server.send("this is not JSON\n");
    server.send('{"jsonrpc":"2.0","id":"x"\n');
    server.send("[1,2,3]\n");
    server.send('{"jsonrpc":"1.0","id":7,"method":"tools/list"}\n');
    server.send(initialize);
    server.send({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    expect((await server.answer(1)).result.tools.length).toBe(7);
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    onlyProtocol(server.stdout());
    expect(server.stderr()).not.toMatch(/\n\s+at /);
    expect(server.stderr()).toMatch(/^ecs-or-eks mcp: /);
  });

  it("answers a 10 MB request with the CLI's size limit, said of arguments (a call has no file), and the next call as usual", async () => {
    const server = start();
    server.send(initialize);
    server.send(call(1, { answers: { ...clearCut, budget: "x".repeat(10_000_000) } }));
    server.send(call(2, { answers: clearCut }));
    const big = await server.answer(1);
    expect(big.result.isError).toBe(true);
    expect(big.result.content[0].text).toBe("ecs-or-eks: the arguments are larger than 1 MiB, the most a call's arguments may be.\nfix: send the answers alone: they are a few short values and lists.");
    expect((await server.answer(2)).result.structuredContent.recommendation).toBe("ecs");
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    onlyProtocol(server.stdout());
  });

  it("closes the connection on a message past the SDK's 10 MiB, and exits 0 while stdin is still open", async () => {
    const server = start();
    server.send(initialize);
    await server.answer(0);
    server.send(call(1, { answers: { ...clearCut, budget: "x".repeat(11 * 1024 * 1024) } }));
    expect(await server.exited).toBe(0);
    onlyProtocol(server.stdout());
    expect(server.stderr()).toBe("ecs-or-eks mcp: ReadBuffer exceeded maximum size of 10485760 bytes\n");
  });

  it.each([["a string", '"x"', '"x"'], ["a list", "[1,2]", "[1,2]"], ["a number", "5", "5"], ["null", "null", "null"]])(
    "answers a call whose arguments are %s with a one-line tool error in the CLI's words, and goes on",
    async (_kind, raw, got) => {
      const server = start();
      server.send(initialize);
      server.send(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"recommend","arguments":${raw}}}\n`);
      server.send(call(2, { answers: clearCut }));
      const refused = await server.answer(1);
      expect(refused.error).toBeUndefined();
      expect(refused.result).toEqual({
        content: [{ type: "text", text: `ecs-or-eks: recommend: the arguments must be an object of named values, such as {"answers": {…}} (got ${got}).` }],
        isError: true,
      });
      expect((await server.answer(2)).result.structuredContent.recommendation).toBe("ecs");
      server.child.stdin.end();
      expect(await server.exited).toBe(0);
      expect(server.stderr()).toBe("");
    },
  );

  it.each([
    ["explain_rule", '{"id": "…"}'],
    ["scan_repository", '{"path": "…"}'],
    ["questions", '{"lang": "en"}'],
    ["scaffold", '{"answers": {…}}'],
  ])("shows %s's own arguments when they are not an object", async (name, example) => {
    const server = start();
    server.send(initialize);
    server.send(`{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"${name}","arguments":"x"}}\n`);
    expect((await server.answer(1)).result.content[0].text).toBe(`ecs-or-eks: ${name}: the arguments must be an object of named values, such as ${example} (got "x").`);
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
  });

  it("answers a call to an unknown tool whose arguments are not an object with the unknown tool", async () => {
    const server = start();
    server.send(initialize);
    server.send('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"recomend","arguments":"x"}}\n');
    expect((await server.answer(1)).result.content[0].text).toBe('ecs-or-eks: unknown tool "recomend". Did you mean "recommend"?');
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
  });

  it("answers 100 calls sent at once, each with its own result", async () => {
    const server = start();
    server.send(initialize);
    const ids = Array.from({ length: 100 }, (_, i) => i + 1);
    server.send(ids.map((id) => JSON.stringify(call(id, { answers: { ...clearCut, microservices: id } }))).join("\n") + "\n");
    const answers = await Promise.all(ids.map((id) => server.answer(id)));
    for (const [i, answer] of answers.entries()) expect(answer.result.structuredContent.answers.microservices).toBe(ids[i]);
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    onlyProtocol(server.stdout());
    // Answers wait for the pipe one at a time: one 'drain' listener per answer had Node warn of a leak past ten.
    expect(server.stderr()).toBe("");
  });

  it("answers the calls under way, then exits 0, when stdin closes", async () => {
    const server = start();
    server.send(initialize);
    await server.answer(0);
    server.send(call(1, { answers: clearCut }));
    server.child.stdin.end();
    expect((await server.answer(1)).result.structuredContent.recommendation).toBe("ecs");
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe("");
  });

  it("answers what was sent just before stdin closed, a tool error and a resource read among them, before it exits", async () => {
    // A handler is done before the SDK writes its answer: closing on the handlers alone dropped the quick answers.
    for (let round = 0; round < 5; round++) {
      const server = start();
      server.send(initialize);
      server.send(call(1, { answers: { ...clearCut, budget: "huge" } }));
      server.send(call(2, {}));
      server.send({ jsonrpc: "2.0", id: 3, method: "resources/read", params: { uri: "ecs-or-eks://rules" } });
      server.child.stdin.end();
      expect(await server.exited).toBe(0);
      if (!server.child.stdout.readableEnded) await new Promise((resolve) => server.child.stdout.once("end", resolve));
      // Read once the server is gone: an answer it dropped is missing here, not waited for.
      const answered = new Map(server.stdout().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>).map((m) => [m.id, m]));
      expect([answered.get(1)?.result?.isError, answered.get(2)?.result?.isError, answered.get(3)?.result?.contents?.length > 0]).toEqual([true, true, true]);
    }
  });

  it("exits 0 when the client goes away in the middle of a call", async () => {
    const server = start();
    server.send(initialize);
    await server.answer(0);
    server.send(call(1, { answers: clearCut }, "estimate_costs"));
    server.child.stdout.destroy();
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    expect(server.stderr()).not.toMatch(/\n\s+at /);
  });
});
