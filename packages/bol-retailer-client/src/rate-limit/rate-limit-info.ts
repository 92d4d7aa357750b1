import { parseRetryAfter } from "@org/auth";

/**
 * The rate-limit headers of one bol response, parsed. bol sends `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` on every response and `Retry-After` (seconds)
 * with a 429; a field is `undefined` when its header is missing or unreadable.
 */
export interface RateLimitInfo {
  /** `Retry-After` in milliseconds (delta seconds or an HTTP date). */
  readonly retryAfterMs: number | undefined;
  /** `X-RateLimit-Limit`: requests allowed in the current window of this endpoint. */
  readonly limit: number | undefined;
  /** `X-RateLimit-Remaining`: requests left in the current window. */
  readonly remaining: number | undefined;
  /**
   * When the window refills, from `X-RateLimit-Reset`. bol does not document the unit; observed
   * values are small integers read as seconds from now, and a value of 10⁹ or more is read as epoch
   * seconds (as older bol responses sent).
   */
  readonly resetAt: Date | undefined;
}

/** Values at least this large are epoch seconds (2001-09-09), not a delay. */
const EPOCH_SECONDS = 1_000_000_000;

function integerHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function resetHeader(headers: Headers, now: number): Date | undefined {
  const value = headers.get("x-ratelimit-reset")?.trim();
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  const seconds = Number(value);
  return new Date(seconds >= EPOCH_SECONDS ? seconds * 1000 : now + seconds * 1000);
}

/**
 * Reads the rate-limit headers of a bol response: call it on any response, typically a 429.
 *
 * @param response - a response (or its headers)
 * @param now - the current time in ms since the epoch
 * @returns the parsed headers; see {@link RateLimitInfo}
 * @example
 * ```ts
 * const { error, response } = await bol.GET("/retailer/orders");
 * if (response.status === 429) {
 *   const { retryAfterMs, resetAt } = rateLimitInfo(response);
 * }
 * ```
 */
export function rateLimitInfo(response: Response | Headers, now: number = Date.now()): RateLimitInfo {
  const headers = response instanceof Headers ? response : response.headers;
  const retryAfter = headers.get("retry-after");
  return {
    // Only Retry-After itself: @org/auth's parser would fall back to X-RateLimit-Reset.
    retryAfterMs:
      retryAfter === null ? undefined : parseRetryAfter(new Headers({ "retry-after": retryAfter }), now),
    limit: integerHeader(headers, "x-ratelimit-limit"),
    remaining: integerHeader(headers, "x-ratelimit-remaining"),
    resetAt: resetHeader(headers, now),
  };
}
