import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RECOMMENDED_REDIS_OPTIONS, type RedisStoreWarning, redisTokenStore } from "../src/index.js";

const redisUrl = inject("redisUrl");
let a: Redis;
let b: Redis;
beforeAll(() => {
  // Two clients, as two processes would have.
  a = new Redis(redisUrl, { ...RECOMMENDED_REDIS_OPTIONS });
  b = new Redis(redisUrl, { ...RECOMMENDED_REDIS_OPTIONS });
});
afterAll(async () => {
  await Promise.all([a.quit(), b.quit()]);
});

const uniquePrefix = () => `lk-${randomBytes(6).toString("hex")}`;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Resolves once `check` returns true (polled every 5 ms, at most 2000 times). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("condition never became true");
}

describe("the Redis lock", () => {
  it("is exclusive across clients: the second holder runs only after the first released", async () => {
    const prefix = uniquePrefix();
    const storeA = redisTokenStore({ redis: a, prefix });
    const storeB = redisTokenStore({ redis: b, prefix });
    const events: string[] = [];
    const aMayFinish = deferred();
    const aIn = deferred();

    const first = storeA.lock("k", async () => {
      events.push("a:start");
      aIn.resolve();
      await aMayFinish.promise;
      events.push("a:end");
    });
    await aIn.promise;
    expect(await a.exists(`${prefix}:lock:k`)).toBe(1);
    const second = storeB.lock("k", async () => {
      events.push("b:start");
      return "b";
    });
    // Give B room to try (and fail) a few times; not an assertion on time.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(["a:start"]);
    aMayFinish.resolve();

    await first;
    expect(await second).toBe("b");
    expect(events).toEqual(["a:start", "a:end", "b:start"]);
    expect(await a.exists(`${prefix}:lock:k`)).toBe(0);
  });

  it("is released when the function throws, and the error reaches the caller", async () => {
    const prefix = uniquePrefix();
    const store = redisTokenStore({ redis: a, prefix });
    await expect(
      store.lock("k", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await a.exists(`${prefix}:lock:k`)).toBe(0);
  });

  it("stores the lock as <prefix>:lock:<key> with a PX TTL of lockTtlMs", async () => {
    const prefix = uniquePrefix();
    const store = redisTokenStore({ redis: a, prefix, lockTtlMs: 5_000 });
    const ttl = await store.lock("k", () => a.pttl(`${prefix}:lock:k`));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });

  it('after acquireTimeoutMs: fallback "direct" runs the function without the lock and warns AUTH_REDIS_LOCK_TIMEOUT', async () => {
    const prefix = uniquePrefix();
    const warnings: RedisStoreWarning[] = [];
    const release = deferred();
    const aIn = deferred();
    const holder = redisTokenStore({ redis: a, prefix }).lock("k", async () => {
      aIn.resolve();
      await release.promise;
    });
    await aIn.promise;

    const waiter = redisTokenStore({
      redis: b,
      prefix,
      acquireTimeoutMs: 50,
      onWarning: (w) => warnings.push(w),
    });
    expect(await waiter.lock("k", async () => "ran")).toBe("ran");
    expect(warnings).toMatchObject([
      { code: "AUTH_REDIS_LOCK_TIMEOUT", operation: "lock", fallback: "direct" },
    ]);

    const failing = redisTokenStore({
      redis: b,
      prefix,
      acquireTimeoutMs: 50,
      fallback: "fail",
      onWarning: () => {},
    });
    let ran = false;
    await expect(
      failing.lock("k", async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ name: "AuthRedisError", code: "AUTH_REDIS_LOCK_TIMEOUT" });
    expect(ran).toBe(false);

    release.resolve();
    await holder;
  });

  it("is not extended: a holder past lockTtlMs loses it, cannot delete its successor's lock, and warns AUTH_REDIS_LOCK_LOST", async () => {
    const prefix = uniquePrefix();
    const lockKey = `${prefix}:lock:k`;
    const warnings: RedisStoreWarning[] = [];
    const slow = redisTokenStore({ redis: a, prefix, lockTtlMs: 100, onWarning: (w) => warnings.push(w) });
    const next = redisTokenStore({ redis: b, prefix, lockTtlMs: 10_000, acquireTimeoutMs: 10_000 });
    const bIn = deferred();
    const bMayFinish = deferred();

    const first = slow.lock("k", async () => {
      const second = next.lock("k", async () => {
        bIn.resolve();
        await bMayFinish.promise;
      });
      await bIn.promise; // B got the lock: A's expired
      return { second }; // wrapped: returning the promise itself would wait for it
    });
    const { second } = await first;
    // A has released (compare-and-delete): B's lock is still there.
    expect(await a.exists(lockKey)).toBe(1);
    expect(warnings).toMatchObject([{ code: "AUTH_REDIS_LOCK_LOST", operation: "unlock" }]);
    bMayFinish.resolve();
    await second;
    expect(await a.exists(lockKey)).toBe(0);
  });

  it("lets a waiter take over after the lock of a holder that never releases expires", async () => {
    const prefix = uniquePrefix();
    const lockKey = `${prefix}:lock:k`;
    // A holder that died: its lock is there and nobody will delete it.
    await a.set(lockKey, "dead-owner", "PX", 300);
    const store = redisTokenStore({ redis: b, prefix, acquireTimeoutMs: 10_000 });
    expect(await store.lock("k", async () => b.get(lockKey))).not.toBe("dead-owner");
    await until(async () => (await a.exists(lockKey)) === 0);
  });
});
