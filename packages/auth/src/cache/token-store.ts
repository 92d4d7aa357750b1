import type { StoredToken } from "../access-token.js";
import { type Clock, systemClock } from "../clock.js";
import { type InspectFunction, inspectSymbol, renderRedacted } from "../redact.js";

/**
 * Where access tokens are cached, keyed by {@link tokenCacheKey}. Implement it over Redis or a database
 * to share tokens between processes; {@link memoryTokenStore} is the in-process default.
 *
 * Values hold the access token: an implementation must never log them.
 */
export interface TokenStore {
  /** Returns the value stored under `key`, or `undefined` (also once its TTL has passed). */
  get(key: string): Promise<StoredToken | undefined>;
  /** Stores `value` under `key` for `ttlMs` milliseconds. */
  set(key: string, value: StoredToken, ttlMs: number): Promise<void>;
  /** Removes `key`. */
  delete(key: string): Promise<void>;
  /**
   * Optional: runs `fn` while holding a lock on `key`, so only one process (or source) refreshes a
   * token at a time. A token source re-reads the store inside the lock and skips its own request when
   * another holder has just stored a fresh token.
   */
  lock?<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** Options of {@link memoryTokenStore}. */
export interface MemoryTokenStoreOptions {
  /** Clock for TTLs. @default systemClock() */
  clock?: Pick<Clock, "now"> | undefined;
  /**
   * Entries kept at most; the oldest is dropped beyond it.
   * @default 1000
   */
  maxEntries?: number | undefined;
}

/**
 * An in-memory {@link TokenStore} with TTLs and a per-key in-process lock. Each call makes a new,
 * independent store (no module-level state). `util.inspect()` and `JSON.stringify()` show only the
 * entry count.
 *
 * @param options - clock and size bound
 * @returns the store
 * @example
 * ```ts
 * const store = memoryTokenStore();
 * const bol = clientCredentials({ ..., store });
 * const boltPay = clientCredentials({ ..., store }); // different key: no clash
 * ```
 */
export function memoryTokenStore(options: MemoryTokenStoreOptions = {}): TokenStore {
  const clock = options.clock ?? systemClock();
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, { value: StoredToken; until: number }>();
  const locks = new Map<string, Promise<unknown>>();
  const view = (): Record<string, unknown> => ({ size: entries.size, maxEntries });

  const store: TokenStore & { toJSON(): Record<string, unknown>; [inspectSymbol]: InspectFunction } = {
    async get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (clock.now() >= entry.until) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    async set(key, value, ttlMs) {
      entries.delete(key);
      entries.set(key, { value, until: clock.now() + Math.max(0, ttlMs) });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    async delete(key) {
      entries.delete(key);
    },
    async lock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = locks.get(key) ?? Promise.resolve();
      const run = previous.then(fn, fn);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      locks.set(key, tail);
      void tail.then(() => {
        if (locks.get(key) === tail) locks.delete(key);
      });
      return run;
    },
    toJSON: view,
    [inspectSymbol]: (_depth, inspectOptions, inspect) =>
      renderRedacted("MemoryTokenStore", view(), inspectOptions, inspect),
  };
  return store;
}
