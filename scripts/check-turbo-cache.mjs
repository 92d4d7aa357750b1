#!/usr/bin/env node
// Proves the generate pipeline's caching: a second `turbo run generate` is a full cache hit, and
// touching one spec folder regenerates only the client package built from it.
// Usage: node scripts/check-turbo-cache.mjs [provider]   (default: borderbolt)
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const provider = process.argv[2] ?? "borderbolt";
const root = new URL("..", import.meta.url).pathname;
const runsDir = join(root, ".turbo", "runs");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

/** Runs `turbo run generate --summarize` and returns each task's cache status by package. */
function generate() {
  rmSync(runsDir, { recursive: true, force: true });
  execFileSync("pnpm", ["exec", "turbo", "run", "generate", "--summarize", "--output-logs=errors-only"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const [file] = readdirSync(runsDir).filter((name) => name.endsWith(".json"));
  const summary = JSON.parse(readFileSync(join(runsDir, file), "utf8"));
  return Object.fromEntries(summary.tasks.map((task) => [task.package, task.cache.status]));
}

function expect(condition, message) {
  if (!condition) {
    console.error(`turbo cache check FAILED: ${message}`);
    process.exit(1);
  }
  console.log(`ok - ${message}`);
}

const target = `@org/${provider}-client`;
const specFile = join(root, "specs", provider, "openapi.yaml");

generate(); // warm the cache (a miss on a clean clone)
const warm = generate();
expect(Object.keys(warm).includes(target), `${target} has a generate task`);
expect(
  Object.values(warm).every((status) => status === "HIT"),
  `second \`pnpm generate\` is a full cache hit (${JSON.stringify(warm)})`,
);

const original = readFileSync(specFile);
try {
  writeFileSync(specFile, `${original}\n# touched by check-turbo-cache\n`);
  const touched = generate();
  expect(touched[target] === "MISS", `touching specs/${provider}/ regenerates ${target}`);
  const others = Object.entries(touched).filter(([name]) => name !== target);
  expect(
    others.every(([, status]) => status === "HIT"),
    `no other package regenerates (${others.map(([name, status]) => `${name}: ${status}`).join(", ") || "none"})`,
  );
} finally {
  writeFileSync(specFile, original);
}
const restored = generate();
expect(restored[target] === "HIT", "restoring the spec is a cache hit again");
