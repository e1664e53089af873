// Terraform's HCL, read into blocks, attributes and literal values with
// their lines. HCL parsers on npm are ports of HashiCorp's Go parser (WASM or
// GopherJS, 0.7 to 1.7 MB packed, about a second to load and to read a few
// kilobytes, and no line numbers), so the scanner reads the part of the
// language deploy files use here: blocks, attributes, strings, numbers,
// lists, objects, heredocs, calls and references. An expression it does not
// evaluate (a reference, an operator, a template) is kept as its text.
import { lineFinder, type Tree } from "./tree.js";

/** A block: `resource "aws_ecs_service" "api" { ... }`. */
export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly blocks: readonly Block[];
}

const EXPRESSION = Symbol("expression");

/** A value the reader does not evaluate: a reference (var.region), a call (jsonencode(...)), a template, an operation. */
export interface Expression {
  readonly [EXPRESSION]: true;
  readonly text: string;
  /** For a call, the function's name and its arguments, read as values. */
  readonly call?: string;
  readonly args?: readonly unknown[];
}

export function isExpression(value: unknown): value is Expression {
  return typeof value === "object" && value !== null && EXPRESSION in value;
}

/** A file's top-level blocks, and the tree that holds the lines of their attributes and values. */
export interface HclFile {
  readonly blocks: readonly Block[];
  readonly tree: Tree;
}

interface Token {
  readonly kind: "id" | "number" | "string" | "template" | "newline" | "punct" | "end";
  readonly text: string;
  readonly line: number;
}

const PUNCTUATION = ["...", "==", "!=", "<=", ">=", "&&", "||", "=>", "{", "}", "[", "]", "(", ")", "=", ",", ":", ".", "?", "!", "+", "-", "*", "/", "%", "<", ">"];

/** The tokens of an HCL text; comments are dropped, newlines kept (they end attributes). */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const lineAt = lineFinder(source);
  let i = 0;
  const push = (kind: Token["kind"], value: string, start: number) => tokens.push({ kind, text: value, line: lineAt(start) });
  while (i < source.length) {
    const char = source[i]!;
    const start = i;
    if (char === "\n") {
      push("newline", "\n", start);
      i++;
    } else if (char === " " || char === "\t" || char === "\r") i++;
    else if (char === "#" || (char === "/" && source[i + 1] === "/")) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    } else if (char === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (/[A-Za-z_]/.test(char)) {
      let end = i + 1;
      while (end < source.length && /[A-Za-z0-9_-]/.test(source[end]!)) end++;
      push("id", source.slice(i, end), start);
      i = end;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i, i + 64))!;
      push("number", match[0], start);
      i += match[0].length;
    } else if (char === '"') {
      const end = stringEnd(source, i + 1);
      const body = source.slice(i + 1, end);
      push(/[$%]\{/.test(body) ? "template" : "string", body, start);
      i = end + 1;
    } else if (char === "<" && source[i + 1] === "<" && /^<<-?[A-Za-z_]/.test(source.slice(i, i + 4))) {
      const match = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[^\n]*\n/.exec(source.slice(i, i + 256));
      if (!match) {
        push("punct", "<", start);
        i++;
        continue;
      }
      const bodyStart = i + match[0].length;
      const closing = new RegExp(`^[ \\t]*${match[1]}[ \\t]*$`, "m");
      const rest = source.slice(bodyStart);
      const found = closing.exec(rest);
      const body = found ? rest.slice(0, found.index) : rest;
      push(/[$%]\{/.test(body) ? "template" : "string", body, start);
      // The heredoc's lines are skipped; the newline after its closing word ends the attribute.
      i = found ? bodyStart + found.index + found[0].length : source.length;
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i)) ?? char;
      push("punct", punct, start);
      i += punct.length;
    }
  }
  tokens.push({ kind: "end", text: "", line: lineAt(source.length) });
  return tokens;
}

/** Where a quoted string ends: past escapes and the braces of ${...} interpolations, which may hold quotes of their own. */
function stringEnd(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const char = source[i]!;
    if (char === "\\") i++;
    else if ((char === "$" || char === "%") && source[i + 1] === "{") {
      depth++;
      i++;
    } else if (char === "}" && depth > 0) depth--;
    else if (char === '"' && depth === 0) return i;
    else if (char === '"' && depth > 0) i = stringEnd(source, i + 1);
    else if (char === "\n" && depth === 0) return i;
  }
  return source.length;
}

function unescape(body: string): string {
  return body.replace(/\\(["\\nrt])/g, (_, char: string) => ({ n: "\n", r: "\r", t: "\t" })[char] ?? char);
}

/** Nesting past this is refused: no Terraform file nests so deep. */
const MAX_DEPTH = 200;

export class HclTooDeep extends Error {}

/** Reads an HCL text; what it cannot make out is skipped to the end of its line, never thrown. */
export function readHcl(source: string): HclFile {
  const tokens = tokenize(source);
  const lines = new WeakMap<object, Record<string | number, number>>();
  let at = 0;
  const peek = (offset = 0) => tokens[Math.min(at + offset, tokens.length - 1)]!;
  const next = () => tokens[Math.min(at++, tokens.length - 1)]!;
  const skipNewlines = () => {
    while (peek().kind === "newline") at++;
  };
  const isPunct = (token: Token, text: string) => token.kind === "punct" && token.text === text;

  /** Skips a bracketed stretch from its opening token, for what the reader keeps as text. */
  const skipBalanced = () => {
    let depth = 0;
    do {
      const token = next();
      if (token.kind === "end") return;
      if (token.kind === "punct" && "([{".includes(token.text)) depth++;
      if (token.kind === "punct" && ")]}".includes(token.text)) depth--;
    } while (depth > 0);
  };

  const textBetween = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .filter((token) => token.kind !== "newline")
      .map((token) => (token.kind === "string" || token.kind === "template" ? `"${token.text}"` : token.text))
      .join("");

  const expression = (depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new HclTooDeep();
    const from = at;
    const value = primary(depth);
    // Anything after the first value (an operator, a conditional) makes it an expression kept as text.
    const following = peek();
    if (following.kind === "end" || following.kind === "newline" || (following.kind === "punct" && [",", ")", "]", "}", ":", "="].includes(following.text))) return value;
    while (true) {
      const token = peek();
      if (token.kind === "end" || token.kind === "newline" || (token.kind === "punct" && ",)]}".includes(token.text))) break;
      if (token.kind === "punct" && "([{".includes(token.text)) skipBalanced();
      else at++;
    }
    return { [EXPRESSION]: true, text: textBetween(from, at) } satisfies Expression;
  };

  const primary = (depth: number): unknown => {
    const token = next();
    if (token.kind === "number") return Number(token.text);
    if (token.kind === "string") return unescape(token.text);
    if (token.kind === "template") return { [EXPRESSION]: true, text: `"${token.text}"` } satisfies Expression;
    if (isPunct(token, "-") && peek().kind === "number") return -Number(next().text);
    if (isPunct(token, "[")) return listValue(depth);
    if (isPunct(token, "{")) return objectValue(depth);
    if (isPunct(token, "(")) {
      const inner = expression(depth + 1);
      skipNewlines();
      if (isPunct(peek(), ")")) at++;
      return inner;
    }
    if (token.kind === "id") {
      if (token.text === "true" || token.text === "false") return token.text === "true";
      if (token.text === "null") return null;
      if (isPunct(peek(), "(")) {
        at++;
        const args: unknown[] = [];
        collection(")", () => {
          if (isPunct(peek(), "...")) at++;
          else args.push(expression(depth + 1));
        });
        return { [EXPRESSION]: true, text: `${token.text}(...)`, call: token.text, args } satisfies Expression;
      }
      // A reference with its attributes and indexes: var.region, module.vpc.private_subnets[0].
      let reference = token.text;
      for (;;) {
        if (isPunct(peek(), ".") && (peek(1).kind === "id" || peek(1).kind === "number" || isPunct(peek(1), "*"))) {
          at++;
          reference += `.${next().text}`;
        } else if (isPunct(peek(), "[")) {
          const from = at;
          skipBalanced();
          reference += textBetween(from, at);
        } else break;
      }
      return { [EXPRESSION]: true, text: reference } satisfies Expression;
    }
    return { [EXPRESSION]: true, text: token.text } satisfies Expression;
  };

  /** The items of a list or an object up to its closing bracket, each read by `item`; a `for` expression instead is kept as text. */
  const collection = (close: "]" | "}" | ")", item: () => void): Expression | undefined => {
    skipNewlines();
    if (peek().kind === "id" && peek().text === "for") {
      at--;
      const from = at;
      skipBalanced();
      return { [EXPRESSION]: true, text: textBetween(from, at) };
    }
    for (;;) {
      skipNewlines();
      const token = peek();
      if (token.kind === "end") break;
      if (isPunct(token, close)) {
        at++;
        break;
      }
      if (isPunct(token, ",")) {
        at++;
        continue;
      }
      const before = at;
      item();
      if (at === before) at++;
    }
    return undefined;
  };

  const listValue = (depth: number): unknown => {
    const items: unknown[] = [];
    const itemLines: Record<number, number> = {};
    const comprehension = collection("]", () => {
      itemLines[items.length] = peek().line;
      items.push(expression(depth + 1));
    });
    if (comprehension) return comprehension;
    lines.set(items, itemLines);
    return items;
  };

  const objectValue = (depth: number): unknown => {
    const object: Record<string, unknown> = {};
    const keyLines: Record<string, number> = {};
    const comprehension = collection("}", () => {
      const keyToken = next();
      let key: string;
      if (keyToken.kind === "id" || keyToken.kind === "string" || keyToken.kind === "number") key = keyToken.kind === "string" ? unescape(keyToken.text) : keyToken.text;
      else if (isPunct(keyToken, "(")) {
        at--;
        const from = at;
        skipBalanced();
        key = textBetween(from, at);
      } else key = keyToken.text;
      if (isPunct(peek(), "=") || isPunct(peek(), ":")) at++;
      else {
        // Not a key = value pair: skipped to the line's end.
        while (peek().kind !== "newline" && peek().kind !== "end" && !isPunct(peek(), "}")) at++;
        return;
      }
      Object.defineProperty(object, key, { value: expression(depth + 1), enumerable: true, writable: true, configurable: true });
      keyLines[key] = keyToken.line;
    });
    if (comprehension) return comprehension;
    lines.set(object, keyLines);
    return object;
  };

  /** A body's attributes and blocks, up to its closing brace (or the end of the file, for the top level). */
  const blockBody = (type: string, labels: readonly string[], line: number, depth: number): Block => {
    if (depth > MAX_DEPTH) throw new HclTooDeep();
    const attributes: Record<string, unknown> = {};
    const attributeLines: Record<string, number> = {};
    const blocks: Block[] = [];
    for (;;) {
      skipNewlines();
      const token = peek();
      if (token.kind === "end") break;
      if (isPunct(token, "}")) {
        at++;
        break;
      }
      at++;
      if (token.kind !== "id") continue;
      if (isPunct(peek(), "=")) {
        at++;
        Object.defineProperty(attributes, token.text, { value: expression(depth + 1), enumerable: true, writable: true, configurable: true });
        attributeLines[token.text] = token.line;
        continue;
      }
      const nestedLabels: string[] = [];
      while (peek().kind === "string" || peek().kind === "id" || peek().kind === "template") nestedLabels.push(next().text);
      if (isPunct(peek(), "{")) {
        at++;
        blocks.push(blockBody(token.text, nestedLabels, token.line, depth + 1));
      } else while (peek().kind !== "newline" && peek().kind !== "end") at++;
    }
    lines.set(attributes, attributeLines);
    return { type, labels, line, attributes, blocks };
  };

  const lineOf = (attributes: object, name: string) => lines.get(attributes)?.[name] ?? 1;
  const top = blockBody("", [], 1, 0);
  // Attributes at the top level (a .tfvars file) are kept as blocks of their own name, "=".
  const assignments = Object.entries(top.attributes).map(([name, value]): Block => {
    const attributes = { [name]: value };
    lines.set(attributes, { [name]: lineOf(top.attributes, name) });
    return { type: "=", labels: [name], line: lineOf(top.attributes, name), attributes, blocks: [] };
  });
  const blocks = [...top.blocks, ...assignments];
  return { blocks, tree: { root: blocks, lines, line: 1 } };
}
