// The common shape of deploy files' YAML (block maps and lists of plain or
// simply quoted scalars, one-line flow lists, literal blocks, comments),
// read straight from its lines, ten times faster than composing a YAML
// document. Anything else (an anchor, an alias, a tag, a merge key, a folded
// or multi-line scalar, an escape, nested flow, a directive, a syntax error)
// makes it give up and return undefined, and the `yaml` package reads the
// file instead; a test holds the two readings equal.
import { MAX_DEPTH, type Tree } from "./tree.js";

interface Line {
  readonly indent: number;
  /** The line without its indentation or trailing spaces (comments are cut where a value is read). */
  readonly text: string;
  readonly raw: string;
  readonly number: number;
}

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

/** The documents of a YAML text, or undefined when the text is not of the plain shape this reader takes. */
export function readBlockYaml(source: string): Tree[] | undefined {
  if (source.includes("\t") || source.includes("\r") || source.startsWith("%") || /(^|\n)%/.test(source) || source.includes("\uFEFF")) return undefined;
  const rawLines = source.split("\n");
  const documents: Line[][] = [[]];
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    if (/^---(\s*(#.*)?)?$/.test(raw)) {
      documents.push([]);
      continue;
    }
    if (/^---\s/.test(raw) || raw.startsWith("...")) return undefined;
    const text = raw.trimEnd();
    const indent = text.length - text.trimStart().length;
    documents.at(-1)!.push({ indent, text: text.slice(indent), raw, number: i + 1 });
  }
  try {
    return documents.flatMap((lines) => {
      const tree = readDocument(lines);
      return tree ? [tree] : [];
    });
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

function readDocument(all: readonly Line[]): Tree | undefined {
  const lines = all;
  const lineMaps = new WeakMap<object, Record<string | number, number>>();
  let at = 0;
  const isContent = (line: Line) => line.text !== "" && !line.text.startsWith("#");
  const skip = () => {
    while (at < lines.length && !isContent(lines[at]!)) at++;
  };
  const current = (): Line | undefined => {
    skip();
    return lines[at];
  };
  const isItem = (text: string) => text === "-" || text.startsWith("- ");

  const block = (indent: number, depth: number): unknown => {
    if (depth > MAX_DEPTH) giveUp();
    const line = current()!;
    return isItem(line.text) ? sequence(indent, depth) : map(indent, depth, undefined);
  };

  /** What follows a key or an item with nothing after it: a deeper block, a list at the key's own indent, or null. */
  const child = (indent: number, depth: number, listHere: boolean): unknown => {
    const next = current();
    if (next === undefined || next.indent < indent) return null;
    if (next.indent > indent) return block(next.indent, depth + 1);
    return listHere && isItem(next.text) ? sequence(indent, depth + 1) : null;
  };

  const map = (indent: number, depth: number, first: { key: string; rest: string; line: Line; column: number } | undefined): Record<string, unknown> => {
    const object: Record<string, unknown> = {};
    const keys: Record<string, number> = {};
    const take = (key: string, rest: string, line: Line) => {
      at++;
      const value = rest === "" ? child(indent, depth, true) : rest.startsWith("|") ? literal(rest, indent) : scalarAfter(rest, line, indent);
      // "__proto__" is a key like any other here, never the object's prototype.
      if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
      keys[key] = line.number;
    };
    if (first) take(first.key, first.rest, first.line);
    for (;;) {
      const line = current();
      if (line === undefined || line.indent < indent) break;
      if (line.indent > indent || isItem(line.text)) giveUp();
      const pair = splitPair(line.text);
      if (pair === undefined) giveUp();
      take(pair!.key, pair!.rest, line);
    }
    lineMaps.set(object, keys);
    return object;
  };

  const sequence = (indent: number, depth: number): unknown[] => {
    const items: unknown[] = [];
    const itemLines: Record<number, number> = {};
    for (;;) {
      const line = current();
      // A list under a key at the key's own indent ends at the next key.
      if (line === undefined || line.indent < indent || (line.indent === indent && !isItem(line.text))) break;
      if (line.indent > indent) giveUp();
      itemLines[items.length] = line.number;
      const after = line.text.slice(1).trimStart();
      const column = indent + (line.text.length - after.length);
      if (after === "" || after.startsWith("#")) {
        at++;
        items.push(child(indent, depth, false));
        continue;
      }
      if (isItem(after)) giveUp();
      const pair = splitPair(after);
      if (pair !== undefined) {
        // "- key: value": a map whose keys line up under the first one.
        items.push(map(column, depth + 1, { ...pair, line, column }));
        continue;
      }
      at++;
      items.push(after.startsWith("|") ? literal(after, indent) : scalarAfter(after, line, indent));
    }
    lineMaps.set(items, itemLines);
    return items;
  };

  /** A scalar written after a key or a dash; a deeper line after it would continue it, which this reader leaves to the parser. */
  const scalarAfter = (text: string, line: Line, indent: number): unknown => {
    const value = scalar(text, line.number, lineMaps);
    const next = current();
    if (next !== undefined && next.indent > indent) giveUp();
    return value;
  };

  /** A literal block (|, |-, |+): its lines as written, less their common indentation. */
  const literal = (header: string, indent: number): string => {
    const match = /^\|([+-]?)\s*(#.*)?$/.exec(header);
    if (!match) giveUp();
    const body: string[] = [];
    let blockIndent = -1;
    while (at < lines.length) {
      const next = lines[at]!;
      if (next.text === "") {
        body.push("");
        at++;
        continue;
      }
      if (next.indent <= indent) break;
      if (blockIndent < 0) blockIndent = next.indent;
      if (next.indent < blockIndent) giveUp();
      body.push(next.raw.slice(blockIndent));
      at++;
    }
    // Blank lines before the first content line would need their spaces counted: left to the parser.
    if (blockIndent < 0 || body[0] === "") giveUp();
    let end = body.length;
    while (end > 0 && body[end - 1] === "") end--;
    const content = body.slice(0, end).join("\n");
    if (match![1] === "-") return content;
    if (match![1] === "+") return `${content}\n${"\n".repeat(body.length - end)}`;
    return `${content}\n`;
  };

  const first = current();
  if (first === undefined) return undefined;
  if (first.indent !== 0 && !isItem(first.text) && splitPair(first.text) === undefined) giveUp();
  const root = block(first.indent, 0);
  if (current() !== undefined) giveUp();
  return { root, lines: lineMaps, line: first.number };
}

/** "key: rest" (rest may be empty), for a plain or simply quoted key; undefined for anything else. */
function splitPair(text: string): { key: string; rest: string } | undefined {
  let keyEnd: number;
  let key: string;
  if (text.startsWith('"') || text.startsWith("'")) {
    const quote = text[0]!;
    const close = text.indexOf(quote, 1);
    if (close < 0 || text.slice(1, close).includes("\\") || (quote === "'" && text[close + 1] === "'")) return undefined;
    key = text.slice(1, close);
    keyEnd = close + 1;
    if (text[keyEnd] !== ":" || (keyEnd + 1 < text.length && text[keyEnd + 1] !== " ")) return undefined;
  } else {
    if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^-[^\s-]/.test(text)) return undefined;
    const colon = text.search(/:( |$)/);
    if (colon <= 0) return undefined;
    const plain = text.slice(0, colon);
    if (/\s#/.test(plain) || /[\s]$/.test(plain)) return undefined;
    const value = resolvePlain(plain);
    // A key the parser would read as a number, a boolean or null is left to it.
    if (typeof value !== "string") return undefined;
    key = plain;
    keyEnd = colon;
  }
  const rest = text.slice(keyEnd + 1).trim();
  return { key, rest: rest.startsWith("#") ? "" : rest };
}

/** A scalar value: quoted, a one-line flow list or map that is empty or of plain scalars, or plain. */
function scalar(text: string, line: number, lineMaps: WeakMap<object, Record<string | number, number>>): unknown {
  const first = text[0]!;
  if (first === '"' || first === "'") {
    const close = quotedEnd(text);
    if (close < 0) giveUp();
    const after = text.slice(close + 1).trim();
    if (after !== "" && !after.startsWith("#")) giveUp();
    const body = text.slice(1, close);
    return first === "'" ? body.replace(/''/g, "'") : body;
  }
  if (first === "[") {
    const list = flowList(text);
    lineMaps.set(list, Object.fromEntries(list.map((_, index) => [index, line])));
    return list;
  }
  if (first === "{") {
    if (/^\{\s*\}$/.test(cutComment(text))) {
      const empty = {};
      lineMaps.set(empty, {});
      return empty;
    }
    giveUp();
  }
  if (/^[&*!|>%@`?]/.test(first) || (first === "-" && (text === "-" || text[1] === " "))) giveUp();
  const plain = cutComment(text);
  if (plain.includes(": ") || plain.endsWith(":") || plain.includes(" #")) giveUp();
  return resolvePlain(plain);
}

/** A one-line flow list of plain or quoted scalars ([a, "b", 'c']), with nothing but a comment after it. */
function flowList(text: string): unknown[] {
  const items: unknown[] = [];
  let i = 1;
  const space = () => {
    while (text[i] === " ") i++;
  };
  space();
  if (text[i] === "]") i++;
  else
    for (;;) {
      space();
      const start = i;
      let item: unknown;
      if (text[i] === '"' || text[i] === "'") {
        const close = quotedEnd(text.slice(i));
        if (close < 0) giveUp();
        const body = text.slice(i + 1, i + close);
        item = text[i] === "'" ? body.replace(/''/g, "'") : body;
        i += close + 1;
      } else {
        while (i < text.length && text[i] !== "," && text[i] !== "]") i++;
        const plain = text.slice(start, i).trim();
        if (plain === "" || /^[-:?!&*|>%@`#[\]{}"']/.test(plain) || /[:#]/.test(plain)) giveUp();
        item = resolvePlain(plain);
      }
      items.push(item);
      space();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        break;
      }
      giveUp();
    }
  const after = text.slice(i).trim();
  if (after !== "" && !after.startsWith("#")) giveUp();
  return items;
}

/** Where a quoted scalar closes; -1 when it does not on this line, or has an escape this reader leaves to the parser. */
function quotedEnd(text: string): number {
  const quote = text[0]!;
  for (let i = 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") return -1;
    if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

function cutComment(text: string): string {
  const hash = text.search(/\s#/);
  return (hash < 0 ? text : text.slice(0, hash)).trimEnd();
}

/** A plain scalar by YAML 1.2's core schema, as the parser resolves it. */
function resolvePlain(text: string): unknown {
  // Most plain scalars are names and words: one look at the first character settles them without a regular expression.
  const first = text.charCodeAt(0);
  const mayResolve = first <= 0x39 /* digits, + - . and below */ || first === 0x7e /* ~ */ || first === 0x6e /* n */ || first === 0x4e /* N */ || first === 0x74 /* t */ || first === 0x54 /* T */ || first === 0x66 /* f */ || first === 0x46 /* F */;
  if (!mayResolve && text !== "") return text;
  if (text === "" || text === "~" || text === "null" || text === "Null" || text === "NULL") return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}
