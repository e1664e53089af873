// The cost page (docs/costs.md, and its Korean twin) shows real output: each
// console block is run, with the files the page shows, and its cost section
// must be what the block prints. Flags the page names must exist.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/fixtures.js";
import { runBin } from "../helpers/run-bin.js";

const PAGES = ["docs/costs.md", "docs/ko/costs.md"];

/** The files a page shows ("`name`:" and a fenced block), written to a folder the commands run in. */
function filesOf(page: string): string {
  const dir = mkdtempSync(join(tmpdir(), "costs-doc-"));
  for (const m of page.matchAll(/^`([\w.-]+)`:\n\n```\w+\n([\s\S]*?)```/gm)) writeFileSync(join(dir, m[1]!), m[2]!);
  return dir;
}

/** The cost section of a run's output: from its title to the first blank line. */
function costSection(stdout: string): string {
  const start = stdout.search(/^(What it costs \(estimate\)|비용 \(추정\))$/m);
  const rest = stdout.slice(start);
  return rest.slice(0, rest.indexOf("\n\n") + 1);
}

describe.each(PAGES)("%s", (path) => {
  const page = readFileSync(join(ROOT, path), "utf8");
  const examples = [...page.matchAll(/```console\n\$ ecs-or-eks (.+)\n\.\.\.\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!] as const);

  it("shows real examples, one for each new part of the estimate", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const shown = examples.map(([, output]) => output).join("\n");
    // The bill, the shared lines, a fleet, a ruled-out way in words, the people and an environment list are each shown at least once.
    for (const part of path.includes("/ko/") ? ["청구 합계", "공통 항목", "g6.2xlarge", "제외: GPU가", "인력", "환경:"] : ["Bill", "Shared lines", "g6.2xlarge", "Ruled out: You need GPUs", "People", "environments prod"]) {
      expect(shown).toContain(part);
    }
  });

  it.each(examples.map(([command, output]) => [command, output]))("prints what it shows for `ecs-or-eks %s`", async (command, output) => {
    const ran = await runBin(command.split(" "), { cwd: filesOf(page) });
    expect(ran.code).toBe(0);
    expect(costSection(ran.stdout)).toBe(output);
  });
});
