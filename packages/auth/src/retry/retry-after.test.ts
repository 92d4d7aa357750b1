import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY } from "./backoff.js";
import { parseRetryAfter } from "./retry-after.js";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const headers = (init: Record<string, string>) => new Headers(init);

describe("parseRetryAfter", () => {
  it("reads delta seconds", () => {
    expect(parseRetryAfter(headers({ "retry-after": "7" }), NOW)).toBe(7000);
  });

  it("reads an HTTP-date relative to now", () => {
    const date = new Date(NOW + 12_000).toUTCString();
    expect(parseRetryAfter(headers({ "retry-after": date }), NOW)).toBe(12_000);
  });

  it("clamps an HTTP-date in the past to 0", () => {
    expect(parseRetryAfter(headers({ "retry-after": new Date(NOW - 5000).toUTCString() }), NOW)).toBe(0);
  });

  it("falls back to RateLimit-Reset and X-RateLimit-Reset", () => {
    expect(parseRetryAfter(headers({ "ratelimit-reset": "3" }), NOW)).toBe(3000);
    expect(parseRetryAfter(headers({ "x-ratelimit-reset": "2" }), NOW)).toBe(2000);
  });

  it("reads a large X-RateLimit-Reset as epoch seconds", () => {
    expect(parseRetryAfter(headers({ "x-ratelimit-reset": String(NOW / 1000 + 4) }), NOW)).toBe(4000);
  });

  it("returns undefined without a usable header", () => {
    expect(parseRetryAfter(headers({}), NOW)).toBeUndefined();
    expect(parseRetryAfter(headers({ "retry-after": "soon" }), NOW)).toBeUndefined();
    expect(parseRetryAfter(headers({ "x-ratelimit-reset": "tomorrow" }), NOW)).toBeUndefined();
  });

  test.prop([fc.integer({ min: 0, max: 86_400 })])("delta seconds round-trip for any value", (seconds) => {
    expect(parseRetryAfter(headers({ "retry-after": String(seconds) }), NOW)).toBe(seconds * 1000);
  });

  test.prop([fc.integer({ min: 0, max: 86_400 })])("HTTP-dates are never negative", (seconds) => {
    const date = new Date(NOW - seconds * 1000).toUTCString();
    expect(parseRetryAfter(headers({ "retry-after": date }), NOW)).toBeGreaterThanOrEqual(0);
  });
});

describe("backoffDelay", () => {
  test.prop([fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 0.999_999, noNaN: true })])(
    "stays within [half, all] of the capped exponential delay",
    (retry, random) => {
      const delay = backoffDelay(retry, DEFAULT_RETRY, () => random);
      const exponential = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (retry - 1));
      expect(delay).toBeGreaterThanOrEqual(Math.floor(exponential / 2));
      expect(delay).toBeLessThanOrEqual(exponential);
    },
  );

  it("doubles per retry before the cap", () => {
    expect(backoffDelay(1, DEFAULT_RETRY, () => 0.999_999)).toBe(300);
    expect(backoffDelay(2, DEFAULT_RETRY, () => 0.999_999)).toBe(600);
    expect(backoffDelay(10, DEFAULT_RETRY, () => 0.999_999)).toBe(5000);
  });
});
