import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { Module } from "node:module";
import { fileURLToPath } from "node:url";
import { compileFunction } from "node:vm";
import { LANGS, langArgument, langOf } from "../i18n/lang.js";
import { processIo } from "./terminal/io.js";
import { isTerminal, stdoutOutput } from "./terminal/streams.js";

/** What bin/ecs-or-eks.cjs calls: run with the real process, then set the exit code. */
export async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const instant = instantOutput(argv, process.env);
  if (instant !== undefined) {
    stdoutOutput().write(instant);
    return;
  }
  // After the instant answers, which load too little to gain from it.
  keepCompiledCode(new URL("../.cache/compile", import.meta.url), new URL(".", import.meta.url));
  const io = processIo();
  // `ecs-or-eks` alone at a terminal is the questionnaire, and nothing of such a run can fail before it: the
  // questions come first, and the rest of the program (the engine, the rules, the prices) loads once they are
  // answered. The answers, or why there are none (Ctrl-C), go to the main command, which reports either.
  const asking = questionnaireAlone(argv) ? import("./input/prompts.js").then((prompts) => prompts.askFromStart(io, langOf(argv, io.env))) : undefined;
  await asking?.catch(() => {});
  const { runCli } = await import("./program.js");
  process.exitCode = await runCli(argv, io, asking);
}

/** The questionnaire and nothing else: no argument but a language that exists, at a terminal. */
function questionnaireAlone(argv: readonly string[]): boolean {
  if (!onlyLanguage(argv) || !isTerminal(0)) return false;
  const lang = langArgument(argv);
  return lang === undefined || (LANGS as readonly string[]).includes(lang);
}

/**
 * Keeps the compiled code of what a run loads between runs, in `directory`
 * (.cache/compile beside the package, where npx keeps it). Node 22.1 and
 * later do it themselves (module.enableCompileCache). Node 20 has no such
 * API, and compiling the start-up chunks there is about a twentieth of a
 * JSON run, so the bundle keeps its own cache for its CommonJS files (those
 * under `bundle`; scripts/build.mjs). The v8-compile-cache package does the
 * same for every module of a program, hashing each file's content on every
 * run; the bundle's files are named by their content instead.
 * NODE_COMPILE_CACHE, when set, decides instead; NODE_DISABLE_COMPILE_CACHE
 * turns either off, and so does V8's coverage (NODE_V8_COVERAGE), which the
 * build reads by offset in the files.
 */
function keepCompiledCode(directory: URL, bundle: URL): void {
  const { env } = process;
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return;
  const node = Module as unknown as CompileCacheApi;
  if (node.enableCompileCache) {
    if (node.enableCompileCache(fileURLToPath(directory)).status === node.constants?.compileCacheStatus?.FAILED) node.enableCompileCache();
    return;
  }
  if (!env.NODE_V8_COVERAGE) compileWithCache(fileURLToPath(directory), fileURLToPath(bundle));
}

/** node:module's compile cache (Node 22.1 and later), which the Node 20 types do not know. */
interface CompileCacheApi {
  enableCompileCache?: (directory?: string) => { status: number };
  constants?: { compileCacheStatus?: { FAILED: number } };
}

/** What CommonJS calls to run a file's text: Node's own, not in its types. */
interface CompilingModule {
  _compile?: (this: Module, content: string, filename: string) => unknown;
}

/** A compiled file, with what V8 says of its cached data. */
type CompiledFile = ReturnType<typeof compileFunction> & { cachedData?: Buffer; cachedDataRejected?: boolean };

/** The cached data in `file`, if there is any. */
function cached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Whole or not at all: a run reading the file while another writes it must never see half of it. */
function writeWhole(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, data);
  try {
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

const PARAMETERS = ["exports", "require", "module", "__filename", "__dirname"];

/**
 * From now on, the CommonJS files under `bundle` compile with the code V8
 * cached for them in `directory`, or cache it: what Node's CommonJS loader
 * does, plus the cached data. A file's cache is named by the package's
 * version, the file's name (the chunks' names carry a hash of their content;
 * the build clears the cache), its length and Node's version, and V8 checks
 * it again (its version, flags and the text's length) and ignores it when
 * it does not fit. Any failure to read or write a cache only costs the time.
 */
function compileWithCache(directory: string, bundle: string): void {
  const prototype = Module.prototype as unknown as CompilingModule;
  const compile = prototype._compile;
  if (typeof compile !== "function") return;
  let made = false;
  prototype._compile = function (this: Module, content: string, filename: string) {
    if (!filename.startsWith(bundle)) return compile.call(this, content, filename);
    // node:path would be a chunk of its own here; fs takes "/" on every system.
    const name = filename.slice(bundle.length).replace(/[\\/]/g, "-");
    const cache = `${directory}/${__ECS_OR_EKS_VERSION__}-${name}-${content.length}-${process.version}-${process.arch}`;
    const cachedData = cached(cache);
    let compiled: CompiledFile = compileFunction(content, PARAMETERS, { filename, cachedData, produceCachedData: !cachedData });
    // Made for another build or another V8: compiled again, with data that fits.
    if (cachedData && compiled.cachedDataRejected) compiled = compileFunction(content, PARAMETERS, { filename, produceCachedData: true });
    const fresh = compiled.cachedData;
    if (fresh) {
      try {
        if (!made) mkdirSync(directory, { recursive: true });
        made = true;
        writeWhole(cache, fresh);
      } catch {
        // A read-only install: every run compiles, as it would without a cache.
      }
    }
    return compiled.call(this.exports, this.exports, Module.createRequire(filename), this, filename, (this as Module & { path: string }).path);
  };
}

/**
 * --version, and the top-level --help when it is not going to a terminal,
 * without loading the parser or anything else. The help text is what the
 * parser itself printed at build time (scripts/build.mjs), at the width it
 * uses off a terminal (80 columns); at a terminal it is drawn to fit, as usual.
 * ECS_OR_EKS_NO_FAST_PATH=1 turns this off (the build uses it to draw the text).
 */
function instantOutput(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  if (env.ECS_OR_EKS_NO_FAST_PATH) return undefined;
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return `${__ECS_OR_EKS_VERSION__}\n`;
  const rest = argv.filter((arg) => arg !== "--help" && arg !== "-h");
  if (argv.length - rest.length !== 1 || !onlyLanguage(rest) || isTerminal(1)) return undefined;
  try {
    return readFileSync(new URL(`help.${langOf(argv, env)}.txt`, import.meta.url), "utf8");
  } catch {
    return undefined;
  }
}

/** No arguments but, at most, the language: `--lang ko` or `--lang=ko`. */
function onlyLanguage(args: readonly string[]): boolean {
  return args.length === 0 || (args.length === 2 && args[0] === "--lang") || (args.length === 1 && args[0]!.startsWith("--lang="));
}
