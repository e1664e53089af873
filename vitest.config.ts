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
    testTimeout: 20_000,
  },
});
