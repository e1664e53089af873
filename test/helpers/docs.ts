import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// The README and every page under docs/ show commands and what they print.
// A page's examples follow two conventions, so a test can run them all:
//
// - a file the examples read is given as "`answers.json`:", a blank line and
//   a fenced block holding it;
// - a ```console block holds "$ ecs-or-eks ARGS" lines, each followed by what
//   it prints (stdout, then stderr). Output that starts with a "..." line is
//   an excerpt: the section of the real output that starts at its first line
//   and runs to the next blank line. A command with no output under it, or
//   that goes through a shell (a pipe, a redirection, npx), is shown only.

/** The README, then every page under docs/ but the sources the rules cite (the guide and the facts). */
export function docPages(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : name.endsWith(".md") ? [path] : [];
      });
  return ["README.md", ...walk(join(root, "docs")).map((path) => relative(root, path)).filter((path) => !path.startsWith("docs/sources/"))];
}

/** The files a page's examples read: "`NAME`:" and the fenced block under it. */
export function pageFiles(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^`([\w.-]+)`:\n\n```\w*\n([\s\S]*?)^```$/gm)].map((m) => [m[1]!, m[2]!]));
}

export interface Example {
  /** The words after `$ ecs-or-eks`. */
  args: string[];
  /** What the page shows it prints, "..." line left out. */
  shown: string;
  excerpt: boolean;
  /** Where `shown` is in the page. */
  start: number;
  end: number;
}

/** Every command of the page's console blocks; `runnable` ones have output to check. */
export function pageCommands(text: string): { line: string; example?: Example }[] {
  const commands: { line: string; example?: Example }[] = [];
  for (const block of text.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    let at = block.index + "```console\n".length;
    const lines = block[1]!.split(/(?<=\n)/);
    for (let i = 0; i < lines.length; ) {
      let line = lines[i]!;
      at += line.length;
      i++;
      // A command that goes on over several lines, each ending in a backslash.
      while (line.trimEnd().endsWith("\\") && i < lines.length) {
        line = `${line.trimEnd().slice(0, -1)} ${lines[i]!.trim()}\n`;
        at += lines[i]!.length;
        i++;
      }
      if (!line.startsWith("$ ")) continue;
      const start = at;
      while (i < lines.length && !lines[i]!.startsWith("$ ")) at += lines[i++]!.length;
      const command = line.slice(2).replace(/\s+#.*$/, "").trim();
      const output = text.slice(start, at);
      const ours = /^ecs-or-eks( |$)/.test(command) && !/[|<>;&`]|\$\(/.test(command);
      if (!ours || output === "") {
        commands.push({ line: command });
        continue;
      }
      const excerpt = output.startsWith("...\n");
      commands.push({
        line: command,
        example: { args: words(command).slice(1), shown: excerpt ? output.slice(4) : output, excerpt, start: excerpt ? start + 4 : start, end: at },
      });
    }
  }
  return commands;
}

/** What an example should show, from what the command printed: all of it, or its section that starts where the excerpt does. */
export function expectedOutput(example: Example, printed: string): string {
  if (!example.excerpt) return printed;
  const first = example.shown.split("\n")[0]!;
  const from = printed.startsWith(`${first}\n`) ? 0 : printed.indexOf(`\n${first}\n`) + 1;
  if (from === 0 && !printed.startsWith(`${first}\n`)) return `(no line "${first}" in the output)\n`;
  const end = printed.indexOf("\n\n", from);
  return printed.slice(from, end < 0 ? undefined : end + 1);
}

/** Shell words, with single and double quotes. */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
