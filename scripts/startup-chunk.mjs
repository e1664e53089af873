// What the build does to the start-up chunk, so Node loads it faster: the
// functions a run calls are compiled with the file, and the file is ASCII.
//
// Eager functions: V8 compiles the functions a run calls when it compiles
// the file, so that Node's compile cache (Node 22 and later) keeps them too.
// V8 compiles a function lazily, on its first call, unless the function is
// an expression in parentheses, which it takes as a sign that the function
// runs at once. Node writes a module's code cache right after compiling the
// module, before any of it runs, so a lazily compiled function is compiled
// again on every run: for the start-up chunk, a tenth of a JSON run on
// Node 24. Here each top-level `function f(...) {...}` that a run calls becomes
// `var f = (function f(...) {...});`, moved to the top of the module, where
// the declaration's hoisting had put it: every call, even one made before
// the declaration's place in the text, finds the function. Nothing else
// changes; the file is parsed with TypeScript's parser, which reads
// esbuild's output as plain JavaScript. Only the functions that typical runs
// call are made eager (V8's own coverage says which): compiling the others
// up front would cost Node 20, which has no compile cache, on every run.
import ts from "typescript";

/**
 * The module's text with the top-level function declarations (named, with a
 * body) that start at one of `called` (offsets in the text, as V8's coverage
 * gives them) turned into parenthesised function expressions assigned at its
 * top. Declarations are only hoisted in a module without a static import
 * cycle through it: the caller builds chunks that import in one direction only.
 */
export function eagerTopLevelFunctions(text, called) {
  const source = ts.createSourceFile("chunk.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const hoisted = [];
  let rest = "";
  let at = 0;
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.body) continue;
    // An exported declaration (`export function f`) keeps its form: esbuild lists exports at the end instead.
    if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const start = statement.getStart(source);
    if (!called.has(start)) continue;
    rest += text.slice(at, start);
    hoisted.push(`var ${statement.name.text}=(${text.slice(start, statement.end)});`);
    at = statement.end;
  }
  return { text: hoisted.join("") + rest + text.slice(at), functions: hoisted.length };
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
