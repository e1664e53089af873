// One of esbuild's split ES modules, as CommonJS (scripts/build.mjs writes
// the command's files so: Node 20 starts CommonJS without its ES module
// loader). esbuild converts the module; this file then gives the exports
// that cannot change (top-level functions no code assigns to) as plain
// values. esbuild gives every export as a getter, and reads it through a
// second getter on module.exports: a call from one chunk into another went
// through two getters, which cost --batch 3% on Node 20 and Node 24. An
// export that can change (a `let`, a value set by a lazy initialiser) keeps
// its getter, so the importing chunk sees it change, as an ES module would.
import { transform } from "esbuild";
import ts from "typescript";

/**
 * The ES module `text` as CommonJS: an import() becomes a require() in a
 * promise, import.meta.url the file's URL. `options` are esbuild's target and
 * minify. The list of export names Node reads to import the file from an ES
 * module (the library's entry does) stays at the end.
 */
export async function commonJsModule(text, { target, minify }) {
  const { code } = await transform(text, {
    format: "cjs",
    platform: "node",
    target,
    supported: { "dynamic-import": false },
    // import.meta.url, where a file reads what ships beside it (the help, the schema) or finds a built-in module.
    define: { "import.meta.url": "__importMetaUrl" },
    banner: text.includes("import.meta") ? 'var __importMetaUrl=require("node:url").pathToFileURL(__filename).href;' : "",
    logLevel: "warning",
  });
  const { code: plain, names } = plainExports(code);
  // Minifying drops the list as dead code (`0 && ...`), so it goes back after.
  const body = minify ? (await transform(plain, { format: "cjs", platform: "node", target, minify: true, treeShaking: true, logLevel: "warning" })).code : plain;
  return names.length === 0 ? body : `${body.trimEnd()}\n0&&(module.exports={${names.join(",")}});\n`;
}

/**
 * esbuild's CommonJS with the exports bound to a top-level function that no
 * code assigns to as plain properties (a function declaration is hoisted, so
 * it has its value before any code runs), and module.exports the exports
 * object itself, not a copy made of getters. Returns the code without the
 * list of export names, and the names.
 */
function plainExports(code) {
  const source = ts.createSourceFile("module.cjs", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const functions = new Set(source.statements.filter((node) => ts.isFunctionDeclaration(node) && node.name).map((node) => node.name.text));
  const assigned = assignedNames(source);
  const edits = [];
  let names = [];
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    // __export(x_exports, { name: () => binding, ... })
    if (ts.isCallExpression(expression) && isIdentifier(expression.expression, "__export")) {
      const [target, all] = expression.arguments;
      if (!target || !ts.isIdentifier(target) || !all || !ts.isObjectLiteralExpression(all)) throw new Error("build: an __export call esbuild did not write");
      const getters = [];
      const values = [];
      for (const property of all.properties) {
        const binding = ts.isPropertyAssignment(property) && ts.isArrowFunction(property.initializer) && ts.isIdentifier(property.initializer.body) ? property.initializer.body.text : undefined;
        const key = property.name.getText(source);
        if (binding !== undefined && functions.has(binding) && !assigned.has(binding)) values.push(`${target.text}[${JSON.stringify(key.replace(/^["']|["']$/g, ""))}] = ${binding};`);
        else getters.push(property.getText(source));
      }
      edits.push([statement.getStart(source), statement.end, `__export(${target.text}, { ${getters.join(", ")} });\n${values.join("\n")}`]);
    }
    // module.exports = __toCommonJS(x_exports);
    if (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      expression.left.getText(source) === "module.exports" &&
      ts.isCallExpression(expression.right) &&
      isIdentifier(expression.right.expression, "__toCommonJS")
    ) {
      edits.push([statement.getStart(source), statement.end, `module.exports = __defProp(${expression.right.arguments[0].getText(source)}, "__esModule", { value: true });`]);
    }
    // 0 && (module.exports = { a, b });
    if (ts.isBinaryExpression(expression) && expression.left.getText(source) === "0" && expression.getText(source).includes("module.exports")) {
      const list = expression.right.getText(source).match(/\{([^}]*)\}/);
      names = list ? list[1].split(",").map((name) => name.trim()).filter(Boolean) : [];
      edits.push([statement.getFullStart(), statement.end, ""]);
    }
  }
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return { code: out, names };
}

function isIdentifier(node, name) {
  return ts.isIdentifier(node) && node.text === name;
}

/** Every name some code assigns to, in any scope (a name shadowed in an inner scope counts too: it errs towards a getter). */
function assignedNames(source) {
  const names = new Set();
  const targets = (node) => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else ts.forEachChild(node, targets);
  };
  const visit = (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) targets(node.left);
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator)) targets(node.operand);
    if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) targets(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}
