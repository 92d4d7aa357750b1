/**
 * Reads a server-chosen retry delay, as ky's `core/retry-timing.ts` does: `Retry-After` first (delta
 * seconds or an HTTP-date), then `RateLimit-Reset`, `X-RateLimit-Retry-After` and `X-RateLimit-Reset`
 * (delta seconds, or epoch seconds when the number is that large).
 *
 * @param headers - the response headers
 * @param now - the current time in ms since the epoch
 * @returns the delay in milliseconds (0 or more), or `undefined` when no header gives one
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null) {
    const delay = parseDelay(retryAfter.trim(), now, true);
    if (delay !== undefined) return delay;
  }
  for (const name of ["ratelimit-reset", "x-ratelimit-retry-after", "x-ratelimit-reset"]) {
    const value = headers.get(name);
    if (value === null) continue;
    const delay = parseDelay(value.trim(), now, false);
    if (delay !== undefined) return delay;
  }
  return undefined;
}

/** Numbers at least this large are epoch seconds, not delays (2024-01-01T00:00:00Z). */
const EPOCH_THRESHOLD_SECONDS = Date.parse("2024-01-01T00:00:00Z") / 1000;

function parseDelay(value: string, now: number, allowDate: boolean): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) {
    const seconds = Number(value);
    if (!Number.isFinite(seconds)) return undefined;
    if (seconds >= EPOCH_THRESHOLD_SECONDS) return Math.max(0, seconds * 1000 - now);
    return seconds * 1000;
  }
  if (!allowDate) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
