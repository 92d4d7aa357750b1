import { AuthConfigError, type StoredToken, type TokenStore } from "@org/auth";
import { type BoundedCall, createBoundedCall, type RedisClient } from "./bounded-call.js";
import { createValueCipher, ENCRYPTED_PREFIX, toKeyObject, type ValueCipher } from "./encryption.js";
import {
  AUTH_REDIS_CODES,
  type AuthRedisCode,
  AuthRedisError,
  type RedisStoreFallback,
  type RedisStoreOperation,
  type RedisStoreWarning,
  summarizeError,
} from "./errors.js";
import { acquireLock } from "./redis-lock.js";
import { parseStoredToken, serializeStoredToken } from "./stored-token-codec.js";

/** Options of {@link redisTokenStore}. */
export interface RedisTokenStoreOptions {
  /**
   * An ioredis 6 client (standalone or Sentinel). The store never closes it. Create it with
   * `RECOMMENDED_REDIS_OPTIONS` and give it an `error` listener.
   */
  redis: RedisClient;
  /**
   * Namespace of the store's keys: tokens live under `<prefix>:token:<key>`, locks under
   * `<prefix>:lock:<key>`, where `<key>` is `@org/auth`'s cache key (`org-auth:v1:<sha256>`).
   * @default "org-auth"
   */
  prefix?: string | undefined;
  /**
   * Lifetime of the refresh lock, in ms (`SET … NX PX`). Never extended: a holder that dies blocks the
   * others for this long at most. Keep it above your slowest token request; a holder that runs past
   * it loses exclusivity, so a second process may fetch a token too (warning `AUTH_REDIS_LOCK_LOST`).
   * @default 10000
   */
  lockTtlMs?: number | undefined;
  /**
   * How long a process waits for a lock another process holds, in ms. Then it goes on without the lock
   * (`fallback: "direct"`, warning `AUTH_REDIS_LOCK_TIMEOUT`) or fails (`"fail"`). Keep it above
   * `lockTtlMs`, so waiters outlive the lock of a holder that died.
   * @default lockTtlMs + 5000
   */
  acquireTimeoutMs?: number | undefined;
  /**
   * Bound of every single Redis call the store makes (waiting for the connection to be ready
   * included), in ms. A call that takes longer counts as Redis unavailable.
   * @default 1000
   */
  commandTimeoutMs?: number | undefined;
  /**
   * What to do when Redis is unavailable: `"direct"` goes on without it (a read is a miss, a write is
   * skipped, the lock is skipped, so tokens are fetched directly and kept in the source's memory), and
   * warns; `"fail"` throws {@link AuthRedisError} `AUTH_REDIS_UNAVAILABLE` (so `getToken()` rejects).
   * @default "direct"
   */
  fallback?: RedisStoreFallback | undefined;
  /**
   * Receives warnings. `AUTH_REDIS_UNAVAILABLE` is reported once per outage (again only after a Redis
   * call has succeeded since). A throwing listener is ignored.
   * @default `process.emitWarning(message, { type: "AuthRedisWarning", code })`
   */
  onWarning?: ((warning: RedisStoreWarning) => void) | undefined;
  /**
   * Encrypts values at rest with AES-256-GCM: 32 bytes, as a `Uint8Array`/`Buffer` or a base64
   * string. With a key, values that are not encrypted with it are ignored (treated as misses).
   */
  encryptionKey?: Uint8Array | string | undefined;
}

/** The redacted view of a {@link RedisTokenStore} (`toJSON()`, `util.inspect()`). */
export interface RedisTokenStoreView {
  readonly prefix: string;
  readonly lockTtlMs: number;
  readonly acquireTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly fallback: RedisStoreFallback;
  readonly encryption: "aes-256-gcm" | "none";
  /** The client's connection status (`ready`, `reconnecting`, …). */
  readonly connection: string;
}

/** A {@link TokenStore} in Redis, with a cross-process lock. */
export interface RedisTokenStore extends TokenStore {
  /**
   * Runs `fn` while holding the Redis lock `<prefix>:lock:<key>`, so one process at a time refreshes a
   * token; see {@link redisTokenStore} for what happens when the lock is busy or Redis is down.
   */
  lock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** @returns the redacted view: settings and connection status, no token, no key, no client */
  toJSON(): RedisTokenStoreView;
}

const OPTION_KEYS = new Set([
  "redis",
  "prefix",
  "lockTtlMs",
  "acquireTimeoutMs",
  "commandTimeoutMs",
  "fallback",
  "onWarning",
  "encryptionKey",
]);

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * A {@link TokenStore} in Redis (ioredis), to share `@org/auth` tokens between processes:
 *
 * - `get`/`set`/`delete` use `<prefix>:token:<key>`; values are stored with their TTL (`PX`), hold
 *   only the `StoredToken` fields (never a client secret), and are encrypted with AES-256-GCM when
 *   `encryptionKey` is given (the Redis key is bound in as associated data).
 * - `lock` is a Redis lock (`SET <prefix>:lock:<key> <random> NX PX lockTtlMs`, released by a
 *   compare-and-delete script), so N processes with a cold cache make one token request: the others
 *   wait, then re-read the store.
 * - Every Redis call is bounded by `commandTimeoutMs`; when Redis is unavailable, the store goes on
 *   without it (`fallback: "direct"`, with an `AUTH_REDIS_UNAVAILABLE` warning) or throws
 *   {@link AuthRedisError} (`"fail"`). It never hangs a caller beyond its bounds.
 *
 * @param options - the ioredis client and settings
 * @returns the store; pass it as `store` to `clientCredentials()` or `authorizationCode()`
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the option (never its value)
 * @example
 * ```ts
 * import { clientCredentials } from "@org/auth";
 * import { RECOMMENDED_REDIS_OPTIONS, redisTokenStore } from "@org/auth-redis";
 * import { Redis } from "ioredis";
 *
 * const redis = new Redis(process.env.REDIS_URL!, { ...RECOMMENDED_REDIS_OPTIONS });
 * redis.on("error", () => {}); // the store reports outages through onWarning
 * const store = redisTokenStore({ redis, onWarning: (w) => log.warn(w, w.message) });
 * const bol = clientCredentials({ tokenUrl, clientId, clientSecret, style: { kind: "basic-query" }, store });
 * ```
 */
export function redisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  const config = validateOptions(options);
  const { redis, prefix, lockTtlMs, acquireTimeoutMs, commandTimeoutMs, fallback, onWarning, cipher } =
    config;
  const call: BoundedCall = createBoundedCall(redis, commandTimeoutMs);
  /** An `AUTH_REDIS_UNAVAILABLE` warning went out and no Redis call has succeeded since. */
  let inOutage = false;

  const tokenKey = (key: string): string => `${prefix}:token:${checkKey(key)}`;
  const lockKey = (key: string): string => `${prefix}:lock:${checkKey(key)}`;

  const warn = (warning: RedisStoreWarning): void => {
    try {
      onWarning(warning);
    } catch {
      // A failing listener must not break token handling.
    }
  };

  const succeeded = (): void => {
    inOutage = false;
  };

  /** Reports a failed Redis call; returns when the fallback is `direct`, throws when it is `fail`. */
  const unavailable = (
    operation: RedisStoreOperation,
    key: string,
    error: unknown,
    secrets: ReadonlyArray<string | undefined> = [],
  ): void => {
    const cause = summarizeError(error, secrets);
    const message =
      fallback === "direct"
        ? `Redis is unavailable (${operation}); going on without it: tokens are fetched directly`
        : `Redis is unavailable (${operation})`;
    if (!inOutage) {
      inOutage = true;
      warn({ code: AUTH_REDIS_CODES.UNAVAILABLE, operation, message, fallback, key, cause });
    }
    if (fallback === "fail") {
      throw new AuthRedisError(message, { code: AUTH_REDIS_CODES.UNAVAILABLE, operation, cause });
    }
  };

  const warnAbout = (code: AuthRedisCode, operation: RedisStoreOperation, key: string, message: string) =>
    warn({ code, operation, message, fallback, key });

  const decode = (key: string, raw: string): StoredToken | undefined => {
    let text: string | undefined = raw;
    if (cipher !== undefined) {
      text = cipher.decrypt(raw, key);
      if (text === undefined) {
        warnAbout(
          AUTH_REDIS_CODES.VALUE_INVALID,
          "get",
          key,
          raw.startsWith(ENCRYPTED_PREFIX)
            ? "a stored value did not decrypt (another encryption key, or changed); ignored"
            : "a stored value is not encrypted although encryptionKey is set; ignored",
        );
        return undefined;
      }
    } else if (raw.startsWith(ENCRYPTED_PREFIX)) {
      warnAbout(
        AUTH_REDIS_CODES.VALUE_INVALID,
        "get",
        key,
        "a stored value is encrypted but this store has no encryptionKey; ignored",
      );
      return undefined;
    }
    const value = parseStoredToken(text);
    if (value === undefined) {
      warnAbout(AUTH_REDIS_CODES.VALUE_INVALID, "get", key, "a stored value is not a token record; ignored");
    }
    return value;
  };

  const view = (): RedisTokenStoreView => ({
    prefix,
    lockTtlMs,
    acquireTimeoutMs,
    commandTimeoutMs,
    fallback,
    encryption: cipher === undefined ? "none" : "aes-256-gcm",
    connection: String(redis.status),
  });

  const store: RedisTokenStore & { [inspectSymbol]: (...args: InspectArgs) => string } = {
    async get(key) {
      const redisKey = tokenKey(key);
      let raw: string | null;
      try {
        raw = await call(() => redis.get(redisKey));
      } catch (error) {
        unavailable("get", redisKey, error);
        return undefined;
      }
      succeeded();
      return raw === null ? undefined : decode(redisKey, raw);
    },

    async set(key, value, ttlMs) {
      const redisKey = tokenKey(key);
      if (typeof ttlMs !== "number" || Number.isNaN(ttlMs))
        throw new TypeError("set(): ttlMs must be a number");
      const text = serializeStoredToken(value);
      const payload = cipher === undefined ? text : cipher.encrypt(text, redisKey);
      const px = Math.min(Math.floor(ttlMs), Number.MAX_SAFE_INTEGER);
      try {
        // A token that is already expired is not kept (PX must be at least 1).
        if (px < 1) await call(() => redis.del(redisKey));
        else await call(() => redis.set(redisKey, payload, "PX", px));
      } catch (error) {
        unavailable("set", redisKey, error, [value.accessToken, value.idToken, payload]);
        return;
      }
      succeeded();
    },

    async delete(key) {
      const redisKey = tokenKey(key);
      try {
        await call(() => redis.del(redisKey));
      } catch (error) {
        unavailable("delete", redisKey, error);
        return;
      }
      succeeded();
    },

    async lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const redisKey = lockKey(key);
      let held: Awaited<ReturnType<typeof acquireLock>>;
      try {
        held = await acquireLock({ redis, call, key: redisKey, ttlMs: lockTtlMs, acquireTimeoutMs });
      } catch (error) {
        unavailable("lock", redisKey, error);
        return fn();
      }
      succeeded();
      if (held === undefined) {
        const message = `the refresh lock was still held by another process after ${acquireTimeoutMs} ms`;
        warn({
          code: AUTH_REDIS_CODES.LOCK_TIMEOUT,
          operation: "lock",
          message: fallback === "direct" ? `${message}; going on without it` : message,
          fallback,
          key: redisKey,
        });
        if (fallback === "fail") {
          throw new AuthRedisError(message, { code: AUTH_REDIS_CODES.LOCK_TIMEOUT, operation: "lock" });
        }
        return fn();
      }
      try {
        return await fn();
      } finally {
        await held.release().then(
          (released) => {
            succeeded();
            if (!released) {
              warnAbout(
                AUTH_REDIS_CODES.LOCK_LOST,
                "unlock",
                redisKey,
                `the refresh lock expired before it was released (held longer than lockTtlMs = ${lockTtlMs} ms); another process may have fetched a token too`,
              );
            }
          },
          (error: unknown) => {
            // The lock expires by itself after lockTtlMs; the token is already stored.
            try {
              unavailable("unlock", redisKey, error);
            } catch {
              // With fallback "fail", a failed release must not fail a caller that has its token.
            }
          },
        );
      }
    },

    toJSON: view,

    [inspectSymbol](_depth, inspectOptions, inspect) {
      const body = inspect
        ? inspect(view(), { ...inspectOptions, customInspect: true })
        : JSON.stringify(view());
      return `RedisTokenStore ${body}`;
    },
  };
  return store;
}

type InspectArgs = [
  depth: number,
  options: Record<string, unknown>,
  inspect?: (value: unknown, options?: Record<string, unknown>) => string,
];

interface Config {
  readonly redis: RedisClient;
  readonly prefix: string;
  readonly lockTtlMs: number;
  readonly acquireTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly fallback: RedisStoreFallback;
  readonly onWarning: (warning: RedisStoreWarning) => void;
  readonly cipher: ValueCipher | undefined;
}

function validateOptions(options: RedisTokenStoreOptions): Config {
  if (typeof options !== "object" || options === null) {
    throw new AuthConfigError("options", "must be an object with at least `redis`");
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_KEYS.has(name)) throw new AuthConfigError(name, "is not an option of redisTokenStore()");
  }
  const redis = options.redis as unknown as Record<string, unknown> | undefined;
  if (
    typeof redis !== "object" ||
    redis === null ||
    typeof redis.status !== "string" ||
    !["get", "set", "del", "eval", "connect", "once"].every((method) => typeof redis[method] === "function")
  ) {
    throw new AuthConfigError("redis", "must be an ioredis client (new Redis(…))");
  }
  const prefix = options.prefix ?? "org-auth";
  if (typeof prefix !== "string" || prefix === "" || /\s/.test(prefix)) {
    throw new AuthConfigError("prefix", "must be a non-empty string without whitespace");
  }
  const lockTtlMs = positiveInteger(options.lockTtlMs, 10_000, "lockTtlMs", 1);
  const acquireTimeoutMs = positiveInteger(
    options.acquireTimeoutMs,
    lockTtlMs + 5_000,
    "acquireTimeoutMs",
    0,
  );
  const commandTimeoutMs = positiveInteger(options.commandTimeoutMs, 1_000, "commandTimeoutMs", 1);
  const fallback = options.fallback ?? "direct";
  if (fallback !== "direct" && fallback !== "fail") {
    throw new AuthConfigError("fallback", 'must be "direct" or "fail"');
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== "function") {
    throw new AuthConfigError("onWarning", "must be a function");
  }
  const onWarning =
    options.onWarning ??
    ((warning: RedisStoreWarning) =>
      process.emitWarning(warning.message, { type: "AuthRedisWarning", code: warning.code }));
  let cipher: ValueCipher | undefined;
  if (options.encryptionKey !== undefined) {
    const key = toKeyObject(options.encryptionKey);
    if (typeof key === "string") throw new AuthConfigError("encryptionKey", key);
    cipher = createValueCipher(key);
  }
  return {
    redis: options.redis,
    prefix,
    lockTtlMs,
    acquireTimeoutMs,
    commandTimeoutMs,
    fallback,
    onWarning,
    cipher,
  };
}

function positiveInteger(
  value: number | undefined,
  fallbackValue: number,
  name: string,
  min: number,
): number {
  if (value === undefined) return fallbackValue;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new AuthConfigError(name, `must be a finite number of milliseconds, at least ${min}`);
  }
  return Math.ceil(value);
}

function checkKey(key: string): string {
  if (typeof key !== "string" || key === "") throw new TypeError("the store key must be a non-empty string");
  return key;
}
