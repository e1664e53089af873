// YAML (and JSON, which the same parser reads with positions) as trees with
// lines, by the `yaml` package. The scanner loads this module (and so the
// package) only when it meets the first file that needs it. Aliases are never expanded: an alias is the value its
// anchor already became, and what expanding every alias would cost is
// counted, so a "billion laughs" file is refused, not expanded.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, stringify, type Document, type Node as YamlNode, type Pair } from "yaml";
import type { SkipReason } from "./evidence.js";
import { lineFinder, MAX_DEPTH, type Tree } from "./tree.js";
import { readBlockYaml } from "./block-yaml.js";

/** What expanding every alias may cost, in values, before the file counts as an alias bomb. */
const MAX_EXPANDED = 1_000_000;

export type YamlReader = (source: string) => YamlOutcome;

export type YamlOutcome = { ok: true; docs: Tree[] } | { ok: false; reason: Extract<SkipReason, "alias-bomb" | "too-deep" | "invalid">; line?: number };

class Refused extends Error {
  constructor(
    readonly reason: "alias-bomb" | "too-deep",
    readonly line?: number,
  ) {
    super(reason);
  }
}

/**
 * YAML for people to read, as the scaffolds write it: no anchors (a shared
 * object is written out each time, as people write them) and no folded lines.
 * Here beside the reading so that the package is bundled once, in one place.
 */
export function writeYaml(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Every document of a YAML (or JSON) text, as trees; a file that cannot be read safely is refused with why. */
export function readYaml(source: string): YamlOutcome {
  // Most deploy files are plain block YAML, read from their lines; the parser reads the rest.
  const plain = readBlockYaml(source);
  return plain === undefined ? readWithParser(source) : { ok: true, docs: plain };
}

/** The documents as the `yaml` package composes them (the reference the plain reader is held to). */
export function readWithParser(source: string): YamlOutcome {
  // The parser composes nested flow collections by recursion: a file of a
  // million "[" must be refused before it reaches it.
  if (flowDepth(source) > MAX_DEPTH) return { ok: false, reason: "too-deep" };
  const lineAt = lineFinder(source);
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(source, { merge: true, uniqueKeys: false, prettyErrors: false, strict: false, stringKeys: false }) as Document.Parsed[];
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: "too-deep" };
    throw error;
  }
  if (!Array.isArray(documents)) return { ok: true, docs: [] };
  const docs: Tree[] = [];
  for (const document of documents) {
    const problem = document.errors[0];
    if (problem) return { ok: false, reason: "invalid", line: lineAt(problem.pos[0]) };
    if (document.contents === null) continue;
    try {
      docs.push(toTree(document, lineAt));
    } catch (error) {
      if (error instanceof Refused) return { ok: false, reason: error.reason, ...(error.line === undefined ? {} : { line: error.line }) };
      if (error instanceof RangeError) return { ok: false, reason: "too-deep" };
      throw error;
    }
  }
  return { ok: true, docs };
}

/** How deep flow collections ([ and {) nest, ignoring quoted text and comments. */
function flowDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let quote = "";
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quote) {
      if (char === quote) quote = "";
      else if (char === "\n" && quote !== '"' && quote !== "'") quote = "";
      continue;
    }
    if (char === "[" || char === "{") {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    else if ((char === '"' || char === "'") && depth > 0) quote = char;
    else if (char === "#" && (i === 0 || /\s/.test(source[i - 1]!))) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    }
  }
  return deepest;
}

/** CloudFormation's short forms (!Ref X, !Sub ...) as their long JSON forms, so templates read alike in YAML and JSON. */
function tagged(tag: string, value: unknown): unknown {
  const name = tag.slice(1);
  return { [name === "Ref" || name === "Condition" ? name : `Fn::${name}`]: value };
}

function toTree(document: Document.Parsed, lineAt: (offset: number) => number): Tree {
  const lines = new WeakMap<object, Record<string | number, number>>();
  // What each anchored node became, and what expanding it would cost.
  const made = new Map<YamlNode, { value: unknown; size: number }>();
  let expanded = 0;
  const lineOfNode = (node: YamlNode | null | undefined, fallback: number) => (node?.range ? lineAt(node.range[0]) : fallback);

  const convert = (node: unknown, depth: number, line: number): { value: unknown; size: number } => {
    if (depth > MAX_DEPTH) throw new Refused("too-deep", line);
    const yamlNode = node as YamlNode & { source?: string; items?: unknown[]; tag?: string; value?: unknown; anchor?: string };
    if (node === null || node === undefined) return { value: null, size: 1 };
    if (isAlias(node)) {
      const target = node.resolve(document) as YamlNode | undefined;
      const known = target ? made.get(target) : undefined;
      if (!known) return { value: null, size: 1 };
      expanded += known.size;
      if (expanded > MAX_EXPANDED) throw new Refused("alias-bomb", lineOfNode(yamlNode, line));
      return known;
    }
    let result: { value: unknown; size: number };
    const scalar = isScalar(node);
    if (isMap(node)) result = convertMap(yamlNode.items as Pair[], depth, line);
    else if (isSeq(node)) {
      const items: unknown[] = [];
      const itemLines: Record<number, number> = {};
      let size = 1;
      (yamlNode.items ?? []).forEach((item, index) => {
        const itemLine = lineOfNode(item as YamlNode, line);
        itemLines[index] = itemLine;
        const converted = convert(item, depth + 1, itemLine);
        items.push(converted.value);
        size += converted.size;
      });
      lines.set(items, itemLines);
      result = { value: items, size };
    } else {
      const tag = yamlNode.tag;
      const value = yamlNode.value;
      result = { value: tag && tag.startsWith("!") && !tag.startsWith("!!") ? tagged(tag, value) : value, size: 1 };
    }
    if (yamlNode.anchor) made.set(yamlNode, result);
    const tag = yamlNode.tag;
    if (tag && tag.startsWith("!") && !tag.startsWith("!!") && !scalar) result = { value: tagged(tag, result.value), size: result.size };
    return result;
  };

  const convertMap = (pairs: readonly Pair[], depth: number, line: number): { value: unknown; size: number } => {
    const map: Record<string, unknown> = {};
    const keyLines: Record<string, number> = {};
    const merged: Record<string, unknown>[] = [];
    let size = 1;
    for (const pair of pairs) {
      const keyNode = pair.key as (YamlNode & { value?: unknown }) | null;
      const key = keyNode === null ? "" : String(keyNode.value ?? (keyNode as { source?: string }).source ?? "");
      const keyLine = lineOfNode(keyNode, line);
      const converted = convert(pair.value, depth + 1, keyLine);
      size += converted.size;
      if (key === "<<") {
        for (const source of Array.isArray(converted.value) ? converted.value : [converted.value]) {
          if (typeof source === "object" && source !== null && !Array.isArray(source)) merged.push(source as Record<string, unknown>);
        }
        continue;
      }
      // A key named like an object's own machinery is kept as data, never as its prototype.
      Object.defineProperty(map, key, { value: converted.value, enumerable: true, writable: true, configurable: true });
      keyLines[key] = keyLine;
    }
    // Merged keys fill what the map does not set itself, the first merge first, each with the line it is written on.
    for (const source of merged) {
      const sourceLines = lines.get(source) ?? {};
      for (const [key, value] of Object.entries(source)) {
        if (Object.prototype.hasOwnProperty.call(map, key)) continue;
        Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
        keyLines[key] = sourceLines[key] ?? line;
        size++;
      }
      expanded += Object.keys(source).length;
      if (expanded > MAX_EXPANDED) throw new Refused("alias-bomb", line);
    }
    lines.set(map, keyLines);
    return { value: map, size };
  };

  const start = lineOfNode(document.contents as YamlNode, 1);
  return { root: convert(document.contents, 0, start).value, lines, line: start };
}
