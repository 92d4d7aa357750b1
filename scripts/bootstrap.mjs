#!/usr/bin/env node
// Sets up a fresh clone and runs the main job: the pinned pnpm (package.json#packageManager),
// redis-server for the Redis store's tests, dependencies from the lockfile, generated clients, builds, and the Borderbolt example against
// its local simulator. Needs only Node 20+ and npm; no network beyond the package registries.
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const [, wanted] = /^pnpm@(\d+\.\d+\.\d+)/.exec(packageManager) ?? [];
const run = (command) => {
  console.log(`\n$ ${command}`);
  execSync(command, { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
};

let installed = "";
try {
  installed = execSync("pnpm --version", { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
} catch {}
// corepack is not usable on every machine we run on; npm always is.
if (installed !== wanted) run(`npm install --global pnpm@${wanted}`);

// The Redis-backed token store is tested against a real redis-server (installed with apt if missing).
run("bash scripts/ensure-redis.sh");
run("pnpm install --frozen-lockfile");
run("pnpm generate");
run("pnpm build");
run("pnpm example");
