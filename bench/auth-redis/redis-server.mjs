// Starts a throwaway redis-server on 127.0.0.1 and a free port (persistence off), for the benchmark.
// The tests have the same helper in TypeScript (packages/auth-redis/test/helpers/redis-server.ts).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const MISSING_REDIS_MESSAGE =
  "redis-server is not installed; this benchmark starts its own. " +
  "Run `bash scripts/ensure-redis.sh` from the repository root (installs Debian's redis-server with apt).";

export function redisServerAvailable() {
  const probe = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** @returns {Promise<{ url: string, stop(): Promise<void> }>} */
export async function startRedisServer() {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "auth-redis-bench-"));
    const child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
      { stdio: "ignore" },
    );
    let exited = false;
    child.once("exit", () => {
      exited = true;
    });
    for (let i = 0; i < 200 && !exited; i++) {
      if (await ping(port)) {
        return {
          url: `redis://127.0.0.1:${port}`,
          stop: () => stop(child).finally(() => rmSync(dir, { recursive: true, force: true })),
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error("redis-server did not start");
}
