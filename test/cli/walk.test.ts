// What the repository walk reads as text, and what it skips as not text.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkRepository } from "../../src/cli/input/walk.js";

function walked(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(join(tmpdir(), "ecs-or-eks-walk-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  const walk = walkRepository(root);
  const texts = Object.fromEntries([...walk.files].map((file) => [file.path, file.text]));
  return { texts, skipped: walk.skipped };
}

describe("the walk's reading of a file", () => {
  it("keeps a U+FFFD the file holds, drops a byte-order mark, and skips bytes that are not UTF-8", () => {
    const { texts, skipped } = walked({
      "replacement.yaml": "name: \uFFFD\n",
      "bom.yaml": "\uFEFFkind: Deployment\n",
      "latin1.yaml": Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a]),
    });
    expect(texts["replacement.yaml"]).toBe("name: \uFFFD\n");
    expect(texts["bom.yaml"]).toBe("kind: Deployment\n");
    expect(skipped).toEqual([{ file: "latin1.yaml", reason: "not-utf8" }]);
  });

  it("calls a file with a NUL in its first 8 KiB binary, and one with a NUL further on text", () => {
    const { texts, skipped } = walked({
      "early.yaml": Buffer.concat([Buffer.from("é".repeat(4000)), Buffer.from([0])]),
      "late.yaml": Buffer.concat([Buffer.from("é".repeat(4100)), Buffer.from([0])]),
    });
    expect(skipped).toEqual([{ file: "early.yaml", reason: "binary" }]);
    expect(texts["late.yaml"]).toHaveLength(4101);
  });
});
