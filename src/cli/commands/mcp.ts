// `ecs-or-eks mcp`: the tools, resources and prompt a coding agent calls,
// served over stdin and stdout by the Model Context Protocol SDK. Only
// protocol messages go to stdout; diagnostics go to stderr, one line each.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool as ListedTool } from "@modelcontextprotocol/sdk/types.js";
import { isUserError, OutputError } from "../../engine/errors.js";
import { LANGS, t, useLanguage, type Lang } from "../../i18n/index.js";
import { EXIT } from "../output/exit-codes.js";
import { forLogLine } from "../output/escape.js";
import { userErrorLines } from "../output/report-error.js";
import { VERSION } from "../package-info.js";
import type { Io } from "../terminal/io.js";
import type { Readable } from "node:stream";
import { inWholeLines } from "../mcp/lines.js";
import { answersOwed, sendInTurn, setAsideBadArguments } from "../mcp/transport-guards.js";
import { quoteValue } from "../../engine/quote-value.js";
import { registerPrompts, registerResources, citedDocuments } from "../mcp/resources.js";
import type { CallContext } from "../mcp/call.js";
import { argumentsExample } from "../mcp/arguments.js";
import { findTool, runTool, toolTable, type Tool } from "../mcp/tools.js";
import { answersSchemaIn, scanSchema } from "./schema.js";

/** Serves until stdin closes, then exits 0 once the calls under way have answered. */
export async function serveMcp(io: Io, lang: Lang): Promise<number> {
  // Any call may ask for either language.
  await Promise.all(LANGS.map((each) => useLanguage(each)));
  const server = new McpServer({ name: "ecs-or-eks", title: "ecs-or-eks", version: VERSION }, { instructions: t(lang, "mcp.instructions") });
  registerResources(server, lang);
  registerPrompts(server, lang);
  const tools = toolTable({ answers: await answersSchemaIn(lang), scan: await scanSchema() }, lang);
  const listed = tools.map((tool) => listing(tool, lang));
  const context: CallContext = {
    lang,
    cwd: io.cwd,
    roots: { supported: false, list: async () => (await server.server.listRoots()).roots },
    documents: citedDocuments,
  };
  // The tools are served by the SDK's Server itself, not McpServer.registerTool: that would check
  // arguments with zod first and answer a mistake in zod's words, where a call gets the CLI's.
  const low = server.server;
  low.registerCapabilities({ tools: {} });
  low.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
  // Set once connected (below): the calls whose arguments were not an object, taken aside at the transport.
  let badArguments: ReturnType<typeof setAsideBadArguments> | undefined;
  low.setRequestHandler(CallToolRequestSchema, (request, extra) => {
    const aside = badArguments?.take(extra.requestId);
    // An unknown tool is said first, as for any call; a known one is told what its arguments must be.
    const named = tools.find((tool) => tool.name === request.params.name);
    if (aside && named) return failed([`ecs-or-eks: ${t(lang, "mcp.argumentsNotObject", { tool: named.name, example: argumentsExample(named.arguments, named.required), got: quoteValue(aside.value) })}`]);
    const roots = { ...context.roots, supported: low.getClientCapabilities()?.roots !== undefined };
    return callTool(tools, request.params.name, request.params.arguments ?? {}, { ...context, roots }, io);
  });
  // A line that is not JSON-RPC, or a message the SDK refuses: one line on stderr, and the server goes on.
  low.onerror = (error) => io.stderr.write(`${forLogLine(`ecs-or-eks mcp: ${error.message}`)}\n`);
  // A client that went away mid-answer is no error: the server stops as it would when stdin closes.
  // Any other failure to write (a full disk behind a redirect) is the CLI's 74.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => process.exit(error.code === "EPIPE" ? EXIT.ok : EXIT.cannotWrite));
  const input = inWholeLines(io.stdin);
  // The client is done when stdin ends, or the transport gave up on it (a message past the SDK's 10 MiB).
  const closed = Promise.race([untilClosed(input), new Promise<void>((resolve) => (low.onclose = resolve))]);
  const transport = new StdioServerTransport(input, process.stdout);
  await server.connect(transport);
  badArguments = setAsideBadArguments(transport);
  sendInTurn(transport);
  const owed = answersOwed(transport);
  await closed;
  // Every request read is answered before the server closes: a call under way, and an answer still on its way out.
  await owed.allSent();
  await server.close();
  // A transport that gave up leaves stdin open, and an open stdin would keep the process waiting.
  io.stdin.destroy();
  return EXIT.ok;
}

/** Resolves when stdin has ended, every line of it passed on, or failed: the client is done. */
function untilClosed(stdin: Readable): Promise<void> {
  return new Promise((resolve) => {
    stdin.once("end", resolve);
    stdin.once("close", resolve);
    stdin.once("error", () => resolve());
  });
}

/** A tool as tools/list shows it: title and description in the server's language, schemas, and what it does to the world. */
function listing(tool: Tool, lang: Lang): ListedTool {
  return {
    name: tool.name,
    title: t(lang, `mcp.tool.${tool.name as "recommend"}.title`),
    description: t(lang, `mcp.tool.${tool.name as "recommend"}.description`),
    inputSchema: { type: "object", properties: tool.arguments, required: [...tool.required], additionalProperties: false },
    outputSchema: tool.output as ListedTool["outputSchema"],
    annotations: {
      title: t(lang, `mcp.tool.${tool.name as "recommend"}.title`),
      readOnlyHint: tool.readOnly,
      // Writing starter files may replace a file, with force: true.
      destructiveHint: !tool.readOnly,
      idempotentHint: true,
      openWorldHint: false,
    },
  };
}

/**
 * One tools/call: the result, or a tool error with the lines the CLI would
 * print for the same mistake, in the call's language when it names a known
 * one. A bug is a tool error too, and the server goes on.
 */
async function callTool(tools: readonly Tool[], name: string, args: Record<string, unknown>, context: CallContext, io: Io): Promise<CallToolResult> {
  const lang = (LANGS as readonly unknown[]).includes(args.lang) ? (args.lang as Lang) : context.lang;
  try {
    const { structured, text } = await runTool(findTool(tools, name, lang), args, context);
    return { content: [{ type: "text", text }], structuredContent: structured };
  } catch (error) {
    if (isUserError(error)) return failed(userErrorLines(error, lang));
    if (error instanceof OutputError) return failed([`ecs-or-eks: ${error.message}`]);
    const message = error instanceof Error ? error.message : String(error);
    const lines = [`ecs-or-eks: ${t(lang, "error.unexpected", { message })}`, t(lang, "error.report")];
    io.stderr.write(`${failed(lines).content.map((part) => (part as { text: string }).text).join("")}\n`);
    if (io.env.ECS_OR_EKS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return failed(lines);
  }
}

/** A tool error: the lines as the CLI writes them to stderr, escaped the same way. */
function failed(lines: readonly string[]): CallToolResult {
  return { content: [{ type: "text", text: lines.map(forLogLine).join("\n") }], isError: true };
}
