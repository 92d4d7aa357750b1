import { defineConfig } from "vitest/config";

/** One vitest run for the whole workspace: each package is a project with its own config. */
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "scripts/*/vitest.config.ts"],
  },
});
