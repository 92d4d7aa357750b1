import { randomUUID } from "node:crypto";
import type { BoundedCall, RedisClient } from "./bounded-call.js";

/** First pause between two attempts to take a held lock; it doubles up to {@link RETRY_MAX_MS}. */
const RETRY_MIN_MS = 10;
/** Longest pause between two attempts. */
const RETRY_MAX_MS = 100;

/**
 * Deletes the lock only when it still holds our owner value (compare-and-delete), so a holder whose
 * lock expired never deletes the lock another process has taken since.
 */
const RELEASE_SCRIPT = `if redis.call("get", KEYS[1]) == ARGV[1] then
  return redis.call("del", KEYS[1])
end
return 0`;

/** A held lock. */
export interface HeldLock {
  /**
   * Releases the lock if it is still ours.
   * @returns `false` when the lock had already expired or been taken over
   */
  release(): Promise<boolean>;
}

/** Options of {@link acquireLock}. */
export interface AcquireLockOptions {
  readonly redis: RedisClient;
  readonly call: BoundedCall;
  /** The lock's Redis key. */
  readonly key: string;
  /** The lock's lifetime (`PX`); it is never extended. */
  readonly ttlMs: number;
  /** How long to keep trying while another holder has it. */
  readonly acquireTimeoutMs: number;
}

/**
 * Takes a Redis lock: `SET key <random owner> NX PX ttl`, retried with a growing, jittered pause
 * (10 ms to 100 ms) while another process holds it. The lock is not auto-extended: a holder that
 * dies stops blocking others after `ttlMs` at most.
 *
 * @returns the held lock, or `undefined` when it was still taken after `acquireTimeoutMs`
 * @throws whatever the bounded Redis call throws (Redis unavailable)
 */
export async function acquireLock(options: AcquireLockOptions): Promise<HeldLock | undefined> {
  const { redis, call, key, ttlMs, acquireTimeoutMs } = options;
  const owner = randomUUID();
  const deadline = performance.now() + acquireTimeoutMs;
  let pause = RETRY_MIN_MS;
  for (;;) {
    const reply = await call(() => redis.set(key, owner, "PX", ttlMs, "NX"));
    if (reply === "OK") {
      return {
        async release() {
          const deleted = await call(() => redis.eval(RELEASE_SCRIPT, 1, key, owner));
          return Number(deleted) === 1;
        },
      };
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) return undefined;
    const jittered = pause / 2 + Math.random() * (pause / 2);
    await new Promise<void>((resolve) => setTimeout(resolve, Math.min(remaining, jittered)));
    pause = Math.min(pause * 2, RETRY_MAX_MS);
  }
}
