// Starts a throwaway Verdaccio registry on a free loopback port, storage in a temp folder.
// Verdaccio 6 needs Node 22+, so it runs on Node 24 from the registry's `node` package; its
// `node-fetch@cjs` dist-tag is pinned to the version it stands for (2.7.0) because not every
// registry mirror carries that tag.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const VERDACCIO_VERSION = "6.10.4";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The registry npm is configured with here: packages other than @org/* are proxied from it. */
function upstreamRegistry() {
  return execFileSync("npm", ["config", "get", "registry"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
}

/** Installs Verdaccio into `toolsDir` once (kept between runs). */
function ensureInstalled(toolsDir) {
  const bin = join(toolsDir, "node_modules/verdaccio/bin/verdaccio");
  if (existsSync(bin)) return bin;
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(
    join(toolsDir, "package.json"),
    JSON.stringify({ private: true, overrides: { "node-fetch": "2.7.0" } }),
  );
  execFileSync(
    "npm",
    // Verdaccio declares Node 22+ and runs on Node 24 below: the repository's engine-strict must not apply.
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      "--engine-strict=false",
      `verdaccio@${VERDACCIO_VERSION}`,
    ],
    {
      cwd: toolsDir,
      stdio: "inherit",
    },
  );
  return bin;
}

/** @returns `{ url, stop() }` once the registry answers `/-/ping`. */
export async function startVerdaccio({ toolsDir, storageDir }) {
  const bin = ensureInstalled(toolsDir);
  const port = await freePort();
  mkdirSync(storageDir, { recursive: true });
  const config = join(storageDir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(storageDir, "storage")}`,
      "uplinks:",
      "  npmjs:",
      `    url: ${upstreamRegistry()}`,
      "packages:",
      '  "@org/*":',
      "    access: $all",
      "    publish: $anonymous",
      '  "**":',
      "    access: $all",
      "    proxy: npmjs",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const child = spawn(
    "npx",
    ["-y", "-p", "node@24", "-c", `node ${bin} --config ${config} --listen 127.0.0.1:${port}`],
    { stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with code ${child.exitCode}`);
    const up = await fetch(`${url}-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, stop: () => process.kill(-child.pid, "SIGTERM") };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.kill(-child.pid, "SIGTERM");
  throw new Error("verdaccio did not answer /-/ping within 60 s");
}
