import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

export default defineConfig({
  define: {
    __ECS_OR_EKS_VERSION__: JSON.stringify(JSON.parse(readFileSync("package.json", "utf8")).version),
    __ECS_OR_EKS_BUNDLE__: "false",
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/languages.ts"],
    // The JSON report is where .ci/run reads vitest's own pass/fail counts.
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    // Generous: the suite must pass on a loaded two-core machine (beside a CPU hog), where a test that spawns the
    // CLI or drives a prompt can take many times as long as on a quiet one. Tests wait for what they read, so a
    // quick machine never waits this long; a hung test fails after it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
