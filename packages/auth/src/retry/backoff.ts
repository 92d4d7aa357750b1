/** How failed token requests are retried. Every field is optional in the options that take it. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so `limit + 1` attempts at most).
   * @default 2
   */
  limit: number;
  /**
   * Delay before the first retry, doubled for each further one.
   * @default 300
   */
  baseDelayMs: number;
  /**
   * Cap of a computed (exponential) delay.
   * @default 5000
   */
  maxDelayMs: number;
  /**
   * Cap of a server-given `Retry-After` delay; a longer one is not waited for: the error is returned.
   * @default 30000
   */
  maxRetryAfterMs: number;
}

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  limit: 2,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
});

/**
 * Exponential backoff with "full jitter" in its upper half: `base * 2^(retry-1)`, capped, then a random
 * point between half and all of it.
 *
 * @param retry - 1 for the first retry
 * @param options - base and cap
 * @param random - a source of numbers in [0, 1)
 * @returns the delay in milliseconds
 */
export function backoffDelay(
  retry: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
