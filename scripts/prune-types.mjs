// tsc emits a .d.ts for every module the library's entry touches at build
// time; keep only those its public types actually reach, so the package
// ships no types for internals (nor the message catalogues).
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve("dist/types");
const entry = join(root, "src/index.d.ts");
const keep = new Set();
const visit = (file) => {
  if (keep.has(file)) return;
  keep.add(file);
  const text = readFileSync(file, "utf8");
  for (const [, spec] of text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)\.js["']/g)) {
    visit(resolve(dirname(file), `${spec}.d.ts`));
  }
};
visit(entry);

const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!keep.has(path)) {
      rmSync(path);
    }
  }
};
walk(root);
console.error(`types: kept ${keep.size} declaration files`);
