import { type Clock, sleep } from "../clock.js";
import { AuthAbortError } from "../errors/auth-abort-error.js";
import { AUTH_ERROR_CODES } from "../errors/codes.js";
import { TokenEndpointError } from "../errors/token-endpoint-error.js";
import type { SecretScrubber } from "../redact.js";
import { backoffDelay, type RetryOptions } from "../retry/backoff.js";
import { parseRetryAfter } from "../retry/retry-after.js";

/** Default per-attempt timeout of token-endpoint requests, in ms (ky's default too). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The `fetch` signature `@org/auth` calls. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Everything {@link sendTokenRequest} needs besides the request itself. */
export interface SendOptions {
  /** The fetch to call. */
  readonly fetch: FetchLike;
  /** Clock for timeouts and backoff sleeps. */
  readonly clock: Clock;
  /** Per-attempt timeout (headers and body). */
  readonly timeoutMs: number;
  /** Retry policy. */
  readonly retry: RetryOptions;
  /** `METHOD path` for messages. */
  readonly endpoint: string;
  /** Scrubs secrets from causes. */
  readonly scrubber: SecretScrubber;
  /**
   * Whether repeating the request is harmless. Client-credentials requests are; an authorization
   * code or a rotating refresh token is single-use, so those are retried only when the server
   * certainly did not process them (429, 503, connection refused).
   */
  readonly idempotent: boolean;
  /** The caller's signal; aborting it rejects with `AUTH_ABORTED` and stops retries. */
  readonly signal?: AbortSignal | undefined;
  /** Source of randomness for jitter (tests pin it). */
  readonly random?: () => number;
}

/** Statuses that are retried for idempotent requests. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Statuses that say the server did not process the request: retried even for single-use grants. */
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
/** Network error codes meaning the request never reached the server. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Sends a token-endpoint request with a per-attempt timeout and bounded retries: exponential backoff
 * with jitter for network errors and 408/429/5xx, or exactly the server's `Retry-After` (no jitter,
 * capped by `maxRetryAfterMs`; a longer one ends the retries). The response body is read within the
 * timeout and returned in a fresh, fully buffered `Response`.
 *
 * @param url - the request URL
 * @param init - the request init (method, headers, body, `redirect: "manual"`)
 * @param options - fetch, clock, timeout, retry policy
 * @returns the final response (any status; callers validate it)
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_UNREACHABLE` or `AUTH_TOKEN_ENDPOINT_TIMEOUT`
 * @throws {AuthAbortError} `AUTH_ABORTED` when `options.signal` aborts
 */
export async function sendTokenRequest(
  url: string,
  init: RequestInit,
  options: SendOptions,
): Promise<Response> {
  const { clock, retry, signal } = options;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw new AuthAbortError(signal.reason);
    const outcome = await attemptOnce(url, init, options);
    const canRetry = attempt <= retry.limit;
    if (outcome.kind === "error") {
      const { error, notSent } = outcome;
      if (!canRetry || !(options.idempotent || notSent)) throw withAttempts(error, attempt, options);
      await wait(clock, backoffDelay(attempt, retry, options.random), signal);
      continue;
    }
    const { response } = outcome;
    const retryable = options.idempotent
      ? RETRY_STATUSES.has(response.status)
      : NOT_PROCESSED_STATUSES.has(response.status);
    if (!canRetry || !retryable) return response;
    const serverDelay = parseRetryAfter(response.headers, clock.now());
    if (serverDelay !== undefined && serverDelay > retry.maxRetryAfterMs) return response;
    await wait(clock, serverDelay ?? backoffDelay(attempt, retry, options.random), signal);
  }
}

type Outcome =
  | { kind: "response"; response: Response }
  | { kind: "error"; error: TokenEndpointError; notSent: boolean };

async function attemptOnce(url: string, init: RequestInit, options: SendOptions): Promise<Outcome> {
  const { clock, signal } = options;
  const timeout = new AbortController();
  const timer = clock.setTimeout(
    () =>
      timeout.abort(
        new TokenEndpointError({ code: AUTH_ERROR_CODES.ENDPOINT_TIMEOUT, endpoint: options.endpoint }),
      ),
    options.timeoutMs,
  );
  const combined = signal ? anySignal([signal, timeout.signal]) : timeout.signal;
  try {
    const response = await options.fetch(url, { ...init, signal: combined });
    const text = await response.text();
    const nullBody =
      text === "" || response.status === 204 || response.status === 205 || response.status === 304;
    return {
      kind: "response",
      response: new Response(nullBody ? null : text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      }),
    };
  } catch (error) {
    if (signal?.aborted) throw new AuthAbortError(signal.reason);
    if (timeout.signal.aborted) {
      return {
        kind: "error",
        error: new TokenEndpointError({
          code: AUTH_ERROR_CODES.ENDPOINT_TIMEOUT,
          endpoint: options.endpoint,
        }),
        notSent: false,
      };
    }
    return {
      kind: "error",
      error: new TokenEndpointError({
        code: AUTH_ERROR_CODES.ENDPOINT_UNREACHABLE,
        endpoint: options.endpoint,
        cause: scrubbed(error, options.scrubber),
      }),
      notSent: hasCode(error, NOT_SENT_CODES),
    };
  } finally {
    clock.clearTimeout(timer);
  }
}

function withAttempts(error: TokenEndpointError, attempts: number, options: SendOptions): TokenEndpointError {
  if (attempts === 1) return error;
  return new TokenEndpointError({
    code: error.code,
    endpoint: options.endpoint,
    attempts,
    cause: error.cause,
  });
}

async function wait(clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(clock, ms, signal);
  } catch (reason) {
    throw new AuthAbortError(reason);
  }
}

/**
 * A signal that aborts when any of `signals` does: `AbortSignal.any` where the runtime has it (Node
 * 20.3+), a small listener-based fallback otherwise.
 *
 * @param signals - the signals to follow
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (native) return native.call(AbortSignal, [...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), {
      once: true,
      signal: controller.signal,
    });
  }
  return controller.signal;
}

function hasCode(error: unknown, codes: ReadonlySet<string>): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && codes.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function scrubbed(error: unknown, scrubber: SecretScrubber): unknown {
  // Copy name/message/code (scrubbed) now, while the scrubber is at hand; AuthError copies it again.
  const copy = (value: unknown, depth: number): unknown => {
    if (typeof value !== "object" || value === null || depth > 3) return value;
    const record = value as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    return {
      name: typeof record.name === "string" ? record.name : "Error",
      message: typeof record.message === "string" ? scrubber.scrub(record.message) : "",
      code: typeof record.code === "string" ? record.code : undefined,
      cause: copy(record.cause, depth + 1),
    };
  };
  return copy(error, 0);
}
