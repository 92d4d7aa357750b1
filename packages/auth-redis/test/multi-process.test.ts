import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type CountingTokenServer, startCountingTokenServer } from "./helpers/token-server.js";
import { startWorker, type Worker } from "./helpers/workers.js";

const redisUrl = inject("redisUrl");
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(redisUrl);
});
afterAll(async () => {
  await redis.quit();
});

const uniquePrefix = () => `mp-${randomBytes(6).toString("hex")}`;
const credentials = () => ({
  clientId: "mp-client",
  clientSecret: `secret-${randomBytes(16).toString("hex")}`,
});

async function stopAll(workers: Worker[]): Promise<void> {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
  }
  await Promise.all(workers.map((worker) => worker.exited));
}

describe("several processes sharing one Redis store", () => {
  let server: CountingTokenServer;
  beforeAll(async () => {
    server = await startCountingTokenServer(299);
  });
  afterAll(async () => {
    await server.close();
  });

  it("4 processes × 250 concurrent cold getToken() calls make exactly one token request", async () => {
    const prefix = uniquePrefix();
    const before = server.count();
    const creds = credentials();
    const workers = Array.from({ length: 4 }, () =>
      startWorker({ redisUrl, tokenUrl: server.tokenUrl, prefix, calls: 250, ...creds }),
    );
    try {
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();
      const results = await Promise.all(workers.map((worker) => worker.done));

      expect(server.count() - before).toBe(1);
      const issued = server.issued.at(-1);
      for (const result of results) {
        expect(result.tokens).toEqual([issued]);
        expect(result.warnings).toEqual([]);
      }
      // One token key with a TTL, no lock left behind, and no secret anywhere.
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/:token:org-auth:v1:[0-9a-f]{64}$/);
      expect(await redis.pttl(keys[0] as string)).toBeGreaterThan(0);
      expect(await redis.get(keys[0] as string)).not.toContain(creds.clientSecret);
    } finally {
      await stopAll(workers);
    }
  });
});

describe("a lock holder that dies", () => {
  let server: CountingTokenServer;
  beforeAll(async () => {
    server = await startCountingTokenServer(299);
  });
  afterAll(async () => {
    await server.close();
  });

  it("is SIGKILLed mid-request; the others take the lock after its TTL and make one more request", async () => {
    const prefix = uniquePrefix();
    const creds = credentials();
    const release = server.gate();
    const workers = Array.from({ length: 3 }, () =>
      startWorker({
        redisUrl,
        tokenUrl: server.tokenUrl,
        prefix,
        calls: 50,
        lockTtlMs: 1_500,
        acquireTimeoutMs: 60_000,
        ...creds,
      }),
    );
    try {
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();

      // The first request is held open by the token server; whoever sent it holds the lock.
      const holder = await Promise.race(workers.map((worker) => worker.fetching.then(() => worker)));
      await server.waitForCount(1);
      const lockKeys = await redis.keys(`${prefix}:lock:*`);
      expect(lockKeys).toHaveLength(1);
      expect(await redis.pttl(lockKeys[0] as string)).toBeGreaterThan(0);

      holder.child.kill("SIGKILL");
      expect(await holder.exited).toBe("SIGKILL");
      release();

      const survivors = workers.filter((worker) => worker !== holder);
      const results = await Promise.all(survivors.map((worker) => worker.done));
      expect(server.count()).toBe(2);
      const second = server.issued[1];
      for (const result of results) expect(result.tokens).toEqual([second]);
    } finally {
      release();
      await stopAll(workers);
    }
  });
});
