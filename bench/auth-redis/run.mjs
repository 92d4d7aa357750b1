// Benchmark of @org/auth-redis: token requests per simulated hour across 4 processes with 299 s tokens
// (bol.com), with one shared Redis store versus one in-memory store per process (the baseline).
// Needs `pnpm build` (the dist of @org/auth and @org/auth-redis) and redis-server (started here on a
// free loopback port; `bash scripts/ensure-redis.sh` installs it).
//
// Time is simulated honestly: every process runs its source on an injected clock whose `now` is a
// virtual time the parent advances one second per tick, for 3600 ticks; all processes see the same
// virtual second, and a tick ends only when every process has settled its work (a refresh, and the
// Redis lock around it). Token requests go over real HTTP to a counting token endpoint on 127.0.0.1
// that issues `expires_in: 299`. Redis keeps its own (real-time) TTLs, which only garbage-collect:
// @org/auth judges a stored token by its issuedAt/expiresAt on the virtual clock.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { MISSING_REDIS_MESSAGE, redisServerAvailable, startRedisServer } from "./redis-server.mjs";

const PROCESSES = 4;
const SECONDS = 3600;
const CALLERS_PER_SECOND = 5;
const EXPIRES_IN = 299;
const START = Date.UTC(2026, 0, 1);

const root = new URL("../../", import.meta.url);
for (const dist of ["packages/auth/dist/index.js", "packages/auth-redis/dist/index.js"]) {
  if (!existsSync(new URL(dist, root))) {
    console.error(`auth-redis: ${dist} is missing; run \`pnpm build\` first (pnpm bench does).`);
    process.exit(1);
  }
}
if (!redisServerAvailable()) {
  console.error(`auth-redis: ${MISSING_REDIS_MESSAGE}`);
  process.exit(1);
}

/** A token endpoint on 127.0.0.1 that counts requests and issues 299 s tokens. */
async function startTokenServer() {
  let count = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      count++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: `tok-${count}`, token_type: "Bearer", expires_in: EXPIRES_IN }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    tokenUrl: `http://127.0.0.1:${server.address().port}/token`,
    count: () => count,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Runs one simulated hour with `PROCESSES` workers in `mode` ("redis" or "memory"). */
async function simulatedHour(mode, redisUrl) {
  const tokens = await startTokenServer();
  const workerScript = fileURLToPath(new URL("worker.mjs", import.meta.url));
  const config = {
    mode,
    redisUrl,
    tokenUrl: tokens.tokenUrl,
    prefix: `bench-${process.pid}-${mode}`,
    callers: CALLERS_PER_SECOND,
    start: START,
  };
  const workers = Array.from({ length: PROCESSES }, () =>
    fork(workerScript, [JSON.stringify(config)], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  const warnings = [];
  const next = (worker, type) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message.type === "warning") warnings.push(message.code);
        if (message.type !== type) return;
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        resolve(message);
      };
      const onExit = (code) => reject(new Error(`a worker exited (${code}) while waiting for ${type}`));
      worker.on("message", onMessage);
      worker.once("exit", onExit);
    });
  try {
    await Promise.all(workers.map((worker) => next(worker, "ready")));
    let coldStart = 0;
    let waitedOnRequest = 0;
    let waitedOnStore = 0;
    for (let second = 0; second < SECONDS; second++) {
      const now = START + second * 1000;
      const answers = workers.map((worker) => next(worker, "ticked"));
      for (const worker of workers) worker.send({ type: "tick", now });
      const ticked = await Promise.all(answers);
      if (second === 0) {
        coldStart = tokens.count();
        continue;
      }
      for (const answer of ticked) {
        waitedOnRequest += answer.waitedOnRequest;
        waitedOnStore += answer.waitedOnStore;
      }
    }
    return { requests: tokens.count(), coldStart, waitedOnRequest, waitedOnStore, warnings };
  } finally {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => {
            if (worker.exitCode !== null) return resolve();
            worker.once("exit", resolve);
            worker.send({ type: "stop" });
          }),
      ),
    );
    await tokens.close();
  }
}

console.log(`@org/auth-redis benchmark (node ${process.version})`);
const redis = await startRedisServer();
try {
  const shared = await simulatedHour("redis", redis.url);
  const baseline = await simulatedHour("memory", undefined);
  const callers = PROCESSES * CALLERS_PER_SECOND * SECONDS;
  console.log(
    `auth-redis: ${PROCESSES} processes, 1 simulated hour of ${EXPIRES_IN} s tokens, ${callers} callers: ` +
      `${shared.requests} token requests (shared Redis store; target <= 14, the same as one process) ` +
      `vs ${baseline.requests} (one in-memory store per process, the baseline)`,
  );
  console.log(
    `  cold start (${PROCESSES} processes at once): ${shared.coldStart} token request(s) shared vs ` +
      `${baseline.coldStart} baseline; after it, callers that waited on a token request: ` +
      `${shared.waitedOnRequest} shared, ${baseline.waitedOnRequest} baseline (target 0)`,
  );
  console.log(
    `  context: callers whose token was still usable but who waited on a store read (a Redis GET, in ` +
      `the refresh window): ${shared.waitedOnStore} of ${callers} shared, ${baseline.waitedOnStore} baseline; ` +
      `Redis warnings: ${shared.warnings.length}`,
  );
} finally {
  await redis.stop();
}
