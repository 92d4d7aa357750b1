import { AccessToken, type StoredToken } from "../access-token.js";
import type { Clock } from "../clock.js";
import { AuthAbortError } from "../errors/auth-abort-error.js";
import type { TokenStore } from "./token-store.js";
import { type TokenSchedule, type TokenTimingOptions, tokenSchedule } from "./token-timing.js";

/** What a {@link TokenCache} needs. */
export interface TokenCacheOptions {
  /** Where tokens are kept (shared between sources or processes when it is external). */
  readonly store: TokenStore;
  /** The store key (computed once, lazily). */
  readonly key: () => Promise<string>;
  /** Time. */
  readonly clock: Clock;
  /** Margin and refresh window. */
  readonly timing: TokenTimingOptions;
  /** Gets a new token from the network. Called by at most one flight at a time per cache. */
  readonly fetchToken: () => Promise<AccessToken>;
}

/** A token with its schedule. */
interface Entry {
  readonly token: AccessToken;
  readonly schedule: TokenSchedule;
}

/**
 * The timing and concurrency core of a token source:
 * - a token is handed out until its `staleAt` (expiry minus margin);
 * - from its `refreshAt` on, callers still get it at once while ONE background refresh runs; a failed
 *   background refresh is retried after `backgroundRetryMs`, and never fails a caller whose token is
 *   still usable;
 * - with no usable token, all callers share one request (single flight);
 * - each caller's `AbortSignal` rejects only that caller (`AUTH_ABORTED`); the shared request goes on.
 *
 * All state lives in the returned object; nothing is module-level.
 */
export interface TokenCache {
  /** Returns a usable token, from memory, the store, or one shared request. */
  get(signal?: AbortSignal): Promise<AccessToken>;
  /**
   * Drops `token` if it is still the current one (or the current token when `token` is omitted).
   * @returns whether something was dropped; `false` means `token` was already replaced
   */
  invalidate(token?: AccessToken): Promise<boolean>;
  /** Runs `fetch` as the exclusive flight (after a running one settles) and installs its token. */
  replace(fetch: () => Promise<AccessToken>): Promise<AccessToken>;
  /** Drops the current token and discards results of flights started before. */
  reset(): Promise<void>;
  /** The current token, if any, without any I/O. */
  peek(): AccessToken | undefined;
  /** The current token if it is before its refresh window (usable as is), without any I/O. */
  fresh(): AccessToken | undefined;
}

/**
 * Creates a {@link TokenCache}.
 *
 * @param options - store, key, clock, timing and the network fetch
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const { store, clock, timing } = options;
  let current: Entry | undefined;
  let inflight: Promise<Entry> | undefined;
  let generation = 0;
  let nextBackgroundAt = 0;
  let lastInvalidated: AccessToken | undefined;

  const entryOf = (token: AccessToken): Entry => ({
    token,
    schedule: tokenSchedule(token.issuedAt, token.expiresAt, timing),
  });

  const readStore = async (): Promise<Entry | undefined> => {
    const stored: StoredToken | undefined = await store.get(await options.key());
    if (stored === undefined || stored.v !== 1) return undefined;
    const token = new AccessToken(stored);
    return token.sameAs(lastInvalidated) ? undefined : entryOf(token);
  };

  const flight = (): Promise<Entry> => {
    if (inflight !== undefined) return inflight;
    const started = generation;
    const promise = (async () => {
      const key = await options.key();
      const work = async (): Promise<Entry> => {
        // Another holder of the lock (a process sharing the store) may have just stored a fresh token.
        const stored = await readStore();
        if (
          stored !== undefined &&
          clock.now() < stored.schedule.refreshAt &&
          !stored.token.sameAs(current?.token)
        ) {
          return stored;
        }
        const token = await options.fetchToken();
        await store.set(key, token.toStored(), token.expiresAt - clock.now());
        return entryOf(token);
      };
      const entry = store.lock ? await store.lock(key, work) : await work();
      if (started === generation) {
        current = entry;
        nextBackgroundAt = 0;
      }
      return entry;
    })();
    track(promise);
    return promise;
  };

  const track = (promise: Promise<Entry>): void => {
    inflight = promise;
    const clear = (): void => {
      if (inflight === promise) inflight = undefined;
    };
    promise.then(clear, clear);
  };

  const background = (entry: Entry): void => {
    if (inflight !== undefined || clock.now() < nextBackgroundAt) return;
    flight().catch(() => {
      nextBackgroundAt = clock.now() + entry.schedule.backgroundRetryMs;
    });
  };

  const slow = async (signal: AbortSignal | undefined): Promise<AccessToken> => {
    if (signal?.aborted) throw new AuthAbortError(signal.reason);
    let entry = current;
    // A token still usable is returned at once: the background refresh re-reads the store (under
    // its lock) before it asks the token endpoint, so nobody waits on the store here either.
    if (inflight === undefined && (entry === undefined || clock.now() >= entry.schedule.staleAt)) {
      const stored = await readStore();
      if (stored !== undefined && (entry === undefined || stored.token.expiresAt > entry.token.expiresAt)) {
        current = stored;
        entry = stored;
      }
    }
    const now = clock.now();
    if (entry !== undefined && now < entry.schedule.staleAt) {
      if (now >= entry.schedule.refreshAt) background(entry);
      return entry.token;
    }
    return (await waitFor(flight(), signal)).token;
  };

  return {
    get(signal) {
      const entry = current;
      if (entry !== undefined && clock.now() < entry.schedule.refreshAt) return Promise.resolve(entry.token);
      return slow(signal);
    },
    async invalidate(token) {
      const entry = current;
      if (token !== undefined && !token.sameAs(entry?.token)) return false;
      const dropped = token ?? entry?.token;
      if (dropped !== undefined) lastInvalidated = dropped;
      if (current === entry) current = undefined;
      const key = await options.key();
      const stored = await store.get(key);
      if (stored !== undefined && (dropped === undefined || new AccessToken(stored).sameAs(dropped))) {
        await store.delete(key);
      }
      return entry !== undefined;
    },
    replace(fetch) {
      generation++;
      const started = generation;
      current = undefined;
      const previous = inflight;
      const promise = (async () => {
        await previous?.catch(() => undefined);
        const token = await fetch();
        await store.set(await options.key(), token.toStored(), token.expiresAt - clock.now());
        const entry = entryOf(token);
        if (started === generation) current = entry;
        return entry;
      })();
      track(promise);
      return promise.then((entry) => entry.token);
    },
    async reset() {
      generation++;
      if (current !== undefined) lastInvalidated = current.token;
      current = undefined;
      nextBackgroundAt = 0;
      await store.delete(await options.key());
    },
    peek() {
      return current?.token;
    },
    fresh() {
      const entry = current;
      return entry !== undefined && clock.now() < entry.schedule.refreshAt ? entry.token : undefined;
    },
  };
}

/**
 * Waits for `promise`, or rejects with {@link AuthAbortError} as soon as `signal` aborts. The shared
 * `promise` is not affected.
 *
 * @param promise - a shared promise
 * @param signal - this caller's signal
 */
export function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new AuthAbortError(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AuthAbortError(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
