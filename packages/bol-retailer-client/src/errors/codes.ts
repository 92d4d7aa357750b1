/**
 * The stable `code` of every error this package throws. Each code's doc names the class that
 * carries it; compare codes, not messages.
 */
export const BOL_ERROR_CODES = Object.freeze({
  /** Assigned to {@link BolApiError.code}: bol answered a helper's request with a non-2xx status (not 429). */
  API_ERROR: "BOL_API_ERROR",
  /** Assigned to {@link BolApiError.code}: bol answered 429 Too Many Requests; see `rateLimit`. */
  RATE_LIMITED: "BOL_RATE_LIMITED",
  /** Assigned to {@link ProcessFailedError.code}: the process status ended in `FAILURE`. */
  PROCESS_FAILED: "BOL_PROCESS_FAILED",
  /** Assigned to {@link ProcessTimeoutError.code}: bol gave up on the process (status `TIMEOUT`). */
  PROCESS_TIMEOUT: "BOL_PROCESS_TIMEOUT",
  /** Assigned to {@link ProcessTimeoutError.code}: our own `timeoutMs` passed while the process was still `PENDING`. */
  WAIT_TIMEOUT: "BOL_WAIT_TIMEOUT",
  /** Assigned to {@link BolAbortError.code}: the caller's `AbortSignal` aborted the wait or request. */
  ABORTED: "BOL_ABORTED",
  /** Assigned to {@link BolError.code}: a successful response is binary but was to be parsed as JSON. */
  BINARY_BODY: "BOL_BINARY_BODY",
} as const);

/** One of {@link BOL_ERROR_CODES}. */
export type BolErrorCode = (typeof BOL_ERROR_CODES)[keyof typeof BOL_ERROR_CODES];
