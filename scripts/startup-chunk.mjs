// What the build does to the start-up chunk, so Node loads it faster: the
// functions a run calls are compiled with the file, and the file is ASCII.
//
// Eager functions: V8 compiles the functions a run calls when it compiles
// the file, so that Node's compile cache (Node 22 and later) keeps them too.
// V8 compiles a function lazily, on its first call, unless the function is
// an expression in parentheses, which it takes as a sign that the function
// runs at once. Node writes a module's code cache right after compiling the
// module, before any of it runs, so a lazily compiled function is compiled
// again on every run: for the start-up chunk, a seventh of a JSON run on
// Node 24. Here each function a typical run calls (V8's own coverage says
// which) is put in parentheses: an arrow or function expression as it
// stands, and a top-level `function f(...) {...}` as
// `var f = (function f(...) {...});`, moved to the top of the module, where
// the declaration's hoisting had put it, so that every call, even one made
// before the declaration's place in the text, finds the function. Nothing
// else changes; the file is parsed with TypeScript's parser, which reads
// esbuild's output as plain JavaScript. The functions no run calls stay lazy:
// compiling them up front would cost Node 20, which has no compile cache.
import ts from "typescript";

/**
 * The module's text with every function that starts at one of `called`
 * (offsets in the text, as V8's coverage gives them) made eager: arrows and
 * function expressions put in parentheses, top-level declarations (named,
 * with a body, not exported) turned into parenthesised expressions assigned
 * at the top. Declarations are only hoisted in a module without a static
 * import cycle through it: the caller builds chunks that import in one
 * direction only.
 */
export function eagerFunctions(text, called) {
  const source = ts.createSourceFile("chunk.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** Parentheses to insert, as [offset, "(" or ")"]. */
  const parentheses = [];
  const visit = (node) => {
    const expression = ts.isArrowFunction(node) || ts.isFunctionExpression(node);
    if (expression && !ts.isParenthesizedExpression(node.parent) && called.has(node.getStart(source))) parentheses.push([node.getStart(source), "("], [node.end, ")"]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // At one offset, a function that ends closes before the next one opens.
  parentheses.sort((a, b) => a[0] - b[0] || (a[1] === ")" ? -1 : 1));
  const slice = (from, to) => {
    let out = "";
    let at = from;
    for (const [offset, mark] of parentheses) {
      if (offset < from || offset > to || (offset === from && mark === ")") || (offset === to && mark === "(")) continue;
      out += text.slice(at, offset) + mark;
      at = offset;
    }
    return out + text.slice(at, to);
  };
  const hoisted = [];
  let rest = "";
  let at = 0;
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    // An exported declaration (`export function f`) keeps its form: esbuild lists exports at the end instead.
    if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const start = statement.getStart(source);
    if (!called.has(start)) continue;
    rest += slice(at, start);
    hoisted.push(`var ${statement.name.text}=(${slice(start, statement.end)});`);
    at = statement.end;
  }
  return { text: hoisted.join("") + rest + slice(at, text.length), functions: hoisted.length + parentheses.length / 2 };
}

/** Where every function of a module starts: all of them made eager, for a chunk most of which a run uses. */
export function everyFunction(text) {
  const source = ts.createSourceFile("chunk.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const starts = new Set();
  const visit = (node) => {
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) starts.add(node.getStart(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return starts;
}

/**
 * The text with every character outside ASCII written as a \uXXXX escape.
 * esbuild escapes strings but not regular expressions, and one Hangul
 * syllable in a pattern makes Node hold the whole 200 KB module as a
 * two-byte string, twice the memory, slower to scan. The escape means the
 * same in a string, a template, a pattern (with the u flag too: a pair of
 * surrogate escapes is one code point) and an identifier.
 */
export function asciiOnly(text) {
  // A backslash just before such a character would join the escape and change it; esbuild never writes one.
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error("build: a backslash before a non-ASCII character; cannot escape it safely");
  return text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
