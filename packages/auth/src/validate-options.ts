import type { Clock } from "./clock.js";
import { AuthConfigError } from "./errors/auth-config-error.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry/backoff.js";
import type { FetchLike } from "./token-request/send-token-request.js";

/** Largest delay a timer accepts (2^31 - 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

/** Header names the library sets itself; configuring them is an error. */
const RESERVED_HEADERS = new Set(["authorization", "content-type", "accept", "content-length", "host"]);

/**
 * Throws when `options` is not an object or has a key outside `known` (catches typos such as
 * `clientSecrets` in JavaScript callers).
 *
 * @param options - the options object
 * @param known - the accepted keys
 * @param what - the factory name, for the message
 */
export function assertOptionsObject(options: unknown, known: readonly string[], what: string): void {
  if (typeof options !== "object" || options === null) {
    throw new AuthConfigError(what, "options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new AuthConfigError(key, `is not an option of ${what}`);
  }
}

/** @throws {AuthConfigError} unless `value` is a non-empty string */
export function requireString(value: unknown, option: string): string {
  if (typeof value !== "string" || value === "")
    throw new AuthConfigError(option, "must be a non-empty string");
  return value;
}

/** @throws {AuthConfigError} unless `value` is `undefined` or a non-empty string */
export function optionalString(value: unknown, option: string): string | undefined {
  return value === undefined ? undefined : requireString(value, option);
}

/** @throws {AuthConfigError} unless `value` is `undefined` or a function */
export function optionalFunction<T>(value: unknown, option: string): T | undefined {
  if (value !== undefined && typeof value !== "function")
    throw new AuthConfigError(option, "must be a function");
  return value as T | undefined;
}

/**
 * Validates static headers: names must be valid tokens and not ones the library sets
 * (`Authorization`, `Content-Type`, `Accept`, …); values must be strings without CR, LF or NUL. The
 * message names the header, never the value.
 *
 * @returns a frozen copy with lowercased names
 */
export function normalizeHeaders(value: unknown, option: string): Readonly<Record<string, string>> {
  if (value === undefined) return Object.freeze({});
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AuthConfigError(option, "must be an object of header names to string values");
  }
  const out: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(value)) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
      throw new AuthConfigError(option, `has an invalid header name`);
    }
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower))
      throw new AuthConfigError(`${option}.${name}`, "is set by @org/auth itself");
    if (typeof headerValue !== "string" || /[\r\n\0]/.test(headerValue)) {
      throw new AuthConfigError(`${option}.${name}`, "must be a string without CR, LF or NUL");
    }
    out[lower] = headerValue.trim();
  }
  return Object.freeze(out);
}

/**
 * Validates extra body (or query) parameters of token requests. `reserved` names are set by the
 * library and rejected.
 */
export function normalizeParams(
  value: unknown,
  option: string,
  reserved: readonly string[],
): Readonly<Record<string, string>> {
  if (value === undefined) return Object.freeze({});
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AuthConfigError(option, "must be an object of parameter names to string values");
  }
  const out: Record<string, string> = {};
  for (const [name, paramValue] of Object.entries(value)) {
    if (reserved.includes(name)) throw new AuthConfigError(`${option}.${name}`, "is set by @org/auth itself");
    if (typeof paramValue !== "string") throw new AuthConfigError(`${option}.${name}`, "must be a string");
    out[name] = paramValue;
  }
  return Object.freeze(out);
}

/**
 * Validates a scope list: non-empty strings without whitespace (RFC 6749 §3.3 scope tokens). The
 * caller's array is copied, never mutated.
 */
export function normalizeScopes(value: unknown, option: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new AuthConfigError(option, "must be an array of scope strings");
  for (const scope of value) {
    if (typeof scope !== "string" || scope === "" || /\s/.test(scope)) {
      throw new AuthConfigError(option, "must hold non-empty scope strings without spaces");
    }
  }
  return Object.freeze([...new Set(value as string[])]);
}

/** @throws {AuthConfigError} unless `value` is `undefined` or a positive finite number ≤ max timer delay */
export function positiveMs(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new AuthConfigError(option, `must be a number of milliseconds in (0, ${MAX_TIMER_MS}]`);
  }
  return value;
}

/** Merges a partial retry policy with {@link DEFAULT_RETRY}, validating each field. */
export function normalizeRetry(value: unknown, option = "retry"): RetryOptions {
  if (value === undefined) return DEFAULT_RETRY;
  if (typeof value !== "object" || value === null) throw new AuthConfigError(option, "must be an object");
  const partial = value as Partial<Record<keyof RetryOptions, unknown>>;
  assertOptionsObject(value, ["limit", "baseDelayMs", "maxDelayMs", "maxRetryAfterMs"], option);
  const limit = partial.limit ?? DEFAULT_RETRY.limit;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 0 || limit > 10) {
    throw new AuthConfigError(`${option}.limit`, "must be an integer from 0 to 10");
  }
  return Object.freeze({
    limit,
    baseDelayMs: nonNegative(partial.baseDelayMs, `${option}.baseDelayMs`, DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: nonNegative(partial.maxDelayMs, `${option}.maxDelayMs`, DEFAULT_RETRY.maxDelayMs),
    maxRetryAfterMs: nonNegative(
      partial.maxRetryAfterMs,
      `${option}.maxRetryAfterMs`,
      DEFAULT_RETRY.maxRetryAfterMs,
    ),
  });
}

function nonNegative(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new AuthConfigError(option, "must be a non-negative number of milliseconds");
  }
  return value;
}

/** @throws {AuthConfigError} unless `value` is `undefined` or has `now`, `setTimeout`, `clearTimeout` */
export function optionalClock(value: unknown, option = "clock"): Clock | undefined {
  if (value === undefined) return undefined;
  const clock = value as Partial<Clock> | null;
  if (
    typeof clock !== "object" ||
    clock === null ||
    typeof clock.now !== "function" ||
    typeof clock.setTimeout !== "function" ||
    typeof clock.clearTimeout !== "function"
  ) {
    throw new AuthConfigError(option, "must have now(), setTimeout() and clearTimeout()");
  }
  return clock as Clock;
}

/** @throws {AuthConfigError} unless `value` is `undefined` or a function */
export function optionalFetch(value: unknown, option = "fetch"): FetchLike | undefined {
  return optionalFunction<FetchLike>(value, option);
}
