import type { Redis } from "ioredis";

/**
 * What the store needs of an ioredis client. A structural `Pick` of ioredis's `Redis`, so a client
 * from another installed copy of ioredis 6 fits as well.
 */
export type RedisClient = Pick<Redis, "status" | "get" | "set" | "del" | "eval" | "connect" | "once">;

/** Runs one Redis call within the store's time bound. */
export type BoundedCall = <T>(run: () => Promise<T>) => Promise<T>;

/**
 * Makes {@link BoundedCall}s for `redis`: each call waits for the connection to be ready and for the
 * reply within `timeoutMs` in total, and rejects instead of hanging:
 * - `ready`: the command is sent;
 * - `connecting` / `connect` (first connection, or a reconnection under way): waits for `ready`;
 * - `wait` (`lazyConnect` not yet connected): starts connecting, then waits for `ready`;
 * - `reconnecting`, `close`, `end`: rejects at once, without sending (so nothing is queued in an
 *   offline queue that would run later).
 *
 * A call that timed out may still reach Redis later (when the client queued it); its result is
 * ignored. ioredis's own `commandTimeout` frees such commands; see `RECOMMENDED_REDIS_OPTIONS`.
 *
 * @param redis - the client
 * @param timeoutMs - the bound of each call
 */
export function createBoundedCall(redis: RedisClient, timeoutMs: number): BoundedCall {
  let readyWait: Promise<void> | undefined;
  const whenReady = (): Promise<void> => {
    readyWait ??= new Promise<void>((resolve) => {
      redis.once("ready", () => {
        readyWait = undefined;
        resolve();
      });
    });
    return readyWait;
  };

  return async <T>(run: () => Promise<T>): Promise<T> => {
    const deadline = performance.now() + timeoutMs;
    const status = redis.status;
    if (status !== "ready") {
      if (status === "wait") {
        redis.connect().catch(() => undefined);
      } else if (status !== "connecting" && status !== "connect") {
        throw unavailableError(`the Redis connection is ${status}`, "ERR_REDIS_NOT_READY");
      }
      await withDeadline(whenReady(), deadline, `the Redis connection was not ready within ${timeoutMs} ms`);
      if (redis.status !== "ready") {
        throw unavailableError(`the Redis connection is ${redis.status}`, "ERR_REDIS_NOT_READY");
      }
    }
    return withDeadline(run(), deadline, `Redis did not answer within ${timeoutMs} ms`);
  };
}

/**
 * Resolves or rejects like `promise`, or rejects with a timeout error at `deadline`
 * (`performance.now()` time). A late rejection of `promise` is handled.
 */
function withDeadline<T>(promise: Promise<T>, deadline: number, message: string): Promise<T> {
  const remaining = deadline - performance.now();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(unavailableError(message, "ETIMEDOUT")), Math.max(0, remaining));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function unavailableError(message: string, code: string): Error {
  const error = new Error(message);
  error.name = "RedisUnavailableError";
  return Object.assign(error, { code });
}
