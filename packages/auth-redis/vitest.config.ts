import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "auth-redis",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Starts a real redis-server on a free loopback port for this project and stops it afterwards.
    globalSetup: ["./test/global-setup.ts"],
    // The multi-process tests spawn node processes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
