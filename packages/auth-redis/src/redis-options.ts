import type { RedisOptions } from "ioredis";

/** The ioredis options {@link RECOMMENDED_REDIS_OPTIONS} sets. */
export type RecommendedRedisOptions = Readonly<
  Required<
    Pick<
      RedisOptions,
      | "enableOfflineQueue"
      | "commandTimeout"
      | "maxRetriesPerRequest"
      | "connectTimeout"
      | "autoResendUnfulfilledCommands"
    >
  >
>;

/**
 * ioredis options that keep a token store from ever waiting long on Redis. Spread them into the
 * client's options (the store bounds its own calls either way, with `commandTimeoutMs`):
 *
 * - `enableOfflineQueue: false`: while disconnected, commands fail at once instead of queueing (a
 *   queued lock `SET` could run minutes later);
 * - `commandTimeout: 1000`: ioredis rejects a command that got no reply within 1 s and forgets it;
 * - `maxRetriesPerRequest: 1`: a command in flight when the connection drops is retried once at most;
 * - `connectTimeout: 2000`: a connection attempt to a silent host gives up after 2 s (default 10 s);
 * - `autoResendUnfulfilledCommands: false`: nothing is re-sent after a reconnect.
 *
 * Reconnection itself (`retryStrategy`) keeps ioredis's default: it goes on reconnecting with backoff,
 * and the store uses Redis again as soon as the client is `ready`.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * import { RECOMMENDED_REDIS_OPTIONS, redisTokenStore } from "@org/auth-redis";
 *
 * const redis = new Redis(process.env.REDIS_URL!, { ...RECOMMENDED_REDIS_OPTIONS });
 * redis.on("error", (error) => log.warn({ code: error.code }, "redis"));
 * const store = redisTokenStore({ redis });
 * ```
 */
export const RECOMMENDED_REDIS_OPTIONS: RecommendedRedisOptions = Object.freeze({
  enableOfflineQueue: false,
  commandTimeout: 1_000,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  autoResendUnfulfilledCommands: false,
});
