import { BolAbortError } from "../errors/bol-abort-error.js";

/**
 * Resolves after `ms` (global timers, so fake timers apply), or rejects with {@link BolAbortError}
 * as soon as `signal` aborts.
 *
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new BolAbortError(signal.reason));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(handle);
      reject(new BolAbortError(signal?.reason));
    };
    const handle = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Throws {@link BolAbortError} when `signal` has aborted. @internal */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BolAbortError(signal.reason);
}
