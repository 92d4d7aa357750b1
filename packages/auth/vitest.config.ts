import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "auth",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
