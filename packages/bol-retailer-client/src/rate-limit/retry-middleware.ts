import { type ReplayBody, replayableBody } from "@org/auth";
import type { Middleware } from "openapi-fetch";
import { sleep } from "../internal/sleep.js";
import { numberOption } from "../internal/validate.js";
import { type RateLimitInfo, rateLimitInfo } from "./rate-limit-info.js";

/** The idempotent methods of RFC 9110 §9.2.2: safe to send again. */
export const IDEMPOTENT_METHODS: readonly string[] = Object.freeze([
  "GET",
  "HEAD",
  "OPTIONS",
  "TRACE",
  "PUT",
  "DELETE",
]);

/** What {@link RateLimitRetryOptions.onRetry} is told before each wait. */
export interface RateLimitRetryEvent {
  /** The request about to be sent again. */
  readonly request: Request;
  /** The 429 response. */
  readonly response: Response;
  /** 1 for the first retry. */
  readonly attempt: number;
  /** How long the middleware waits before sending again. */
  readonly delayMs: number;
  /** The parsed rate-limit headers of the 429. */
  readonly rateLimit: RateLimitInfo;
}

/** Options of {@link rateLimitRetry}. */
export interface RateLimitRetryOptions {
  /**
   * Retries after the first attempt (so `limit + 1` requests at most).
   * @default 2
   */
  readonly limit?: number | undefined;
  /**
   * The longest `Retry-After` to wait for; a 429 asking for longer is returned to the caller as is.
   * @default 30000
   */
  readonly maxRetryAfterMs?: number | undefined;
  /**
   * The wait when a 429 has no readable `Retry-After`, doubled for each further retry (capped by
   * `maxRetryAfterMs`).
   * @default 1000
   */
  readonly fallbackDelayMs?: number | undefined;
  /**
   * The methods that are retried. POST is not idempotent, and bol's POSTs mostly start processes: add
   * it only if sending one twice is harmless for you.
   * @default IDEMPOTENT_METHODS (GET, HEAD, OPTIONS, TRACE, PUT, DELETE)
   */
  readonly methods?: readonly string[] | undefined;
  /** Called before each wait. */
  readonly onRetry?: ((event: RateLimitRetryEvent) => void) | undefined;
}

/**
 * An opt-in openapi-fetch middleware that retries requests bol answered with 429 Too Many Requests:
 * it waits the `Retry-After` bol sent (no jitter: the server chose the moment), at most
 * `maxRetryAfterMs`, and sends the request again, `limit` times at most. Only idempotent methods are
 * retried unless `methods` says otherwise. The wait is aborted by the request's `signal`
 * (`BOL_ABORTED`). When the retries are used up, the last 429 is returned as it is: read it with
 * `rateLimitInfo(response)`.
 *
 * Register it after the auth middleware (the factory does, with `retry: true`): the retried request
 * carries the same headers, and a 401 on the retry is still replayed with a new token.
 *
 * @param options - attempts, the longest wait, methods
 * @returns a plain `{ onRequest, onResponse }` object for `client.use()`
 * @throws {TypeError} `ERR_INVALID_ARG_VALUE` for a bad option
 */
export function rateLimitRetry(options: RateLimitRetryOptions = {}): Middleware {
  const limit = numberOption("limit", options.limit, 2);
  const maxRetryAfterMs = numberOption("maxRetryAfterMs", options.maxRetryAfterMs, 30_000);
  const fallbackDelayMs = numberOption("fallbackDelayMs", options.fallbackDelayMs, 1_000);
  const methods = new Set((options.methods ?? IDEMPOTENT_METHODS).map((method) => method.toUpperCase()));
  const onRetry = options.onRetry;
  /**
   * What a retryable request with a body is sent again with, kept before `fetch` reads the body: the
   * body it was built from (`replayableBody`: the factory's `ReplayableRequest` says), or else a
   * pristine `clone()`. A bodiless request keeps nothing: it is sent again as it is.
   */
  const bodies = new WeakMap<Request, ReplayBody | Request>();

  return Object.freeze({
    onRequest({ request }) {
      if (limit > 0 && request.body !== null && methods.has(request.method)) {
        bodies.set(request, replayableBody(request) ?? request.clone());
      }
      return undefined;
    },
    async onResponse({ request, response, options: clientOptions }) {
      if (response.status !== 429 || limit === 0 || !methods.has(request.method)) return undefined;
      const kept = bodies.get(request);
      if (request.body !== null && kept === undefined) return undefined;
      let current = response;
      for (let attempt = 1; attempt <= limit && current.status === 429; attempt++) {
        const rateLimit = rateLimitInfo(current);
        const delayMs =
          rateLimit.retryAfterMs ?? Math.min(maxRetryAfterMs, fallbackDelayMs * 2 ** (attempt - 1));
        if (delayMs > maxRetryAfterMs) break;
        onRetry?.({ request, response: current, attempt, delayMs, rateLimit });
        await current.body?.cancel().catch(() => undefined);
        await sleep(delayMs, request.signal);
        current = await clientOptions.fetch(resendable(request, kept, attempt === limit));
      }
      return current === response ? undefined : current;
    },
  } satisfies Middleware);
}

/** A new copy of `request` to send (`last`: no further copy will be needed, so a kept clone itself). */
function resendable(request: Request, kept: ReplayBody | Request | undefined, last: boolean): Request {
  if (kept instanceof Request) return last ? kept : kept.clone();
  return new Request(request, kept === undefined ? undefined : { body: kept });
}
