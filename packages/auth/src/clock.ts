/**
 * Time as `@org/auth` sees it. Inject one in tests (or to share a monotonic clock); the default uses
 * `Date.now()` and the global timers, with timers unref'd so they never keep a process alive.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Schedules `callback` after `ms` milliseconds; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer made by {@link Clock.setTimeout}. */
  clearTimeout(handle: unknown): void;
}

/**
 * The default {@link Clock}: `Date.now()`, `setTimeout` (unref'd where supported) and `clearTimeout`,
 * looked up at call time so fake timers installed later still apply.
 *
 * @returns a new clock object
 */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout(callback, ms) {
      const handle = globalThis.setTimeout(callback, ms) as unknown as { unref?: () => void };
      handle.unref?.();
      return handle;
    },
    clearTimeout(handle) {
      globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]);
    },
  };
}

/**
 * Resolves after `ms` on `clock`, or rejects with the signal's reason when `signal` aborts first.
 *
 * @param clock - the clock whose timers to use
 * @param ms - the delay
 * @param signal - aborts the wait
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
