import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A `redis-server` started by the tests, on 127.0.0.1 and a free port, with persistence off. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL if it lingers) and removes its folder. */
  stop(): Promise<void>;
}

/** The message shown when `redis-server` is not installed. */
export const MISSING_REDIS_MESSAGE =
  "redis-server is not installed, and the @org/auth-redis tests start a real one. " +
  "Run `bash scripts/ensure-redis.sh` from the repository root (installs Debian's redis-server with apt).";

/** Whether `redis-server` can be run. */
export function redisServerAvailable(): boolean {
  const probe = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

/** A port that was free a moment ago on 127.0.0.1 (bind to port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server --port <free port> --bind 127.0.0.1 --save "" --appendonly no` and waits until
 * it answers PING. Tries another port if the chosen one was taken in between.
 *
 * @param port - a fixed port (to restart a server on the same address), else a free one
 * @throws when `redis-server` is missing ({@link MISSING_REDIS_MESSAGE}) or does not come up
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  if (!redisServerAvailable()) throw new Error(MISSING_REDIS_MESSAGE);
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const chosen = port ?? (await freePort());
    const dir = mkdtempSync(join(tmpdir(), "auth-redis-"));
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(chosen),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--loglevel",
        "warning",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    try {
      await waitForPing(chosen, child);
      return {
        port: chosen,
        url: `redis://127.0.0.1:${chosen}`,
        stop: () => stopProcess(child).finally(() => rmSync(dir, { recursive: true, force: true })),
      };
    } catch (error) {
      lastError = error;
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
      if (port !== undefined && attempt >= 2) break;
    }
  }
  throw new Error(`redis-server did not start: ${String(lastError)}`);
}

/** Sends PING until the server answers +PONG (at most 200 tries, 25 ms apart) or exits. */
async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (exited) throw new Error(`redis-server exited (port ${port} taken?)`);
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server on port ${port} did not answer PING`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    const done = (ok: boolean) => {
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

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
