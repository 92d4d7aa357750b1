import { REDACTED } from "@org/auth";

/**
 * Stable codes of `@org/auth-redis`, for both thrown errors ({@link AuthRedisError}) and warnings
 * ({@link RedisStoreWarning}). Match on `code`, never on messages.
 */
export const AUTH_REDIS_CODES = {
  /**
   * Redis could not be reached or did not answer within `commandTimeoutMs` (refused, reset, timed out,
   * not ready, offline). A warning with `fallback: "direct"`; an {@link AuthRedisError} with `"fail"`.
   */
  UNAVAILABLE: "AUTH_REDIS_UNAVAILABLE",
  /**
   * The refresh lock was still held by another process after `acquireTimeoutMs`. A warning with
   * `fallback: "direct"` (the caller then goes on without the lock); an {@link AuthRedisError} with
   * `"fail"`.
   */
  LOCK_TIMEOUT: "AUTH_REDIS_LOCK_TIMEOUT",
  /**
   * Warning only: the lock had already expired (or was taken over) when its holder released it, so
   * another process may have fetched a token at the same time. Raise `lockTtlMs` above the slowest
   * token request.
   */
  LOCK_LOST: "AUTH_REDIS_LOCK_LOST",
  /**
   * Warning only: a stored value could not be read (not a token record, not encrypted although
   * `encryptionKey` is set, or failed to decrypt, e.g. after a key change). It is treated as a miss.
   */
  VALUE_INVALID: "AUTH_REDIS_VALUE_INVALID",
} as const;

/** Every code in {@link AUTH_REDIS_CODES}. */
export type AuthRedisCode = (typeof AUTH_REDIS_CODES)[keyof typeof AUTH_REDIS_CODES];

/** The codes an {@link AuthRedisError} carries (only with `fallback: "fail"`). */
export type AuthRedisErrorCode = typeof AUTH_REDIS_CODES.UNAVAILABLE | typeof AUTH_REDIS_CODES.LOCK_TIMEOUT;

/** The store operation during which something went wrong. */
export type RedisStoreOperation = "get" | "set" | "delete" | "lock" | "unlock";

/** What the store did about a problem: went on without Redis (`direct`) or threw (`fail`). */
export type RedisStoreFallback = "direct" | "fail";

/**
 * A redacted summary of an underlying error (from ioredis or the socket): name, message and code only.
 * ioredis errors carry the failed command with its arguments (which can hold a token); that is dropped.
 */
export interface RedisErrorSummary {
  readonly name: string;
  readonly message: string;
  readonly code?: string | undefined;
}

/**
 * What `onWarning` receives. Plain data holding no secret: no token, no stored value, no encryption
 * key, no Redis password; `key` is the store key (a hash from `@org/auth`), never a client id.
 */
export interface RedisStoreWarning {
  /** The stable code. */
  readonly code: AuthRedisCode;
  /** The store operation. */
  readonly operation: RedisStoreOperation;
  /** A readable sentence (no secret). */
  readonly message: string;
  /** What the store did: `direct` means the caller went on without Redis for this call. */
  readonly fallback: RedisStoreFallback;
  /** The Redis key concerned, e.g. `org-auth:token:org-auth:v1:<sha256>`. */
  readonly key?: string | undefined;
  /** The underlying error, summarised. */
  readonly cause?: RedisErrorSummary | undefined;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

const ERROR_CODES = new Set<unknown>([AUTH_REDIS_CODES.UNAVAILABLE, AUTH_REDIS_CODES.LOCK_TIMEOUT]);

/**
 * Thrown by a store created with `fallback: "fail"` when Redis is unavailable
 * (`AUTH_REDIS_UNAVAILABLE`) or the lock could not be acquired in time (`AUTH_REDIS_LOCK_TIMEOUT`).
 * Like `@org/auth`'s errors, its message, `toJSON()` and `util.inspect()` hold no secret, and `cause`
 * is a summary (name, message, code) rather than the ioredis error, which carries command arguments.
 *
 * @example
 * ```ts
 * try {
 *   await source.getToken();
 * } catch (error) {
 *   if (isAuthRedisError(error, "AUTH_REDIS_UNAVAILABLE")) retryLater();
 * }
 * ```
 */
export class AuthRedisError extends Error {
  override name = "AuthRedisError" as const;
  /** The stable code. */
  readonly code: AuthRedisErrorCode;
  /** The store operation that failed. */
  readonly operation: RedisStoreOperation;

  /**
   * @param message - a message holding no secret
   * @param options - code, operation and the summarised cause
   */
  constructor(
    message: string,
    options: {
      code: AuthRedisErrorCode;
      operation: RedisStoreOperation;
      cause?: RedisErrorSummary | undefined;
    },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: summaryError(options.cause) });
    this.code = options.code;
    this.operation = options.operation;
  }

  /** Brand for checks across package copies; see {@link isAuthRedisError}. */
  get isAuthRedisError(): true {
    return true;
  }

  /** @returns a plain view: name, code, operation, message and the cause summary */
  toJSON(): Record<string, unknown> {
    const cause = this.cause as { name?: string; message?: string; code?: string } | undefined;
    return {
      name: this.name,
      code: this.code,
      operation: this.operation,
      message: this.message,
      ...(cause === undefined
        ? {}
        : {
            cause: { name: cause.name, message: cause.message, ...(cause.code ? { code: cause.code } : {}) },
          }),
    };
  }

  [inspectSymbol](
    _depth: number,
    options: Record<string, unknown>,
    inspect?: (value: unknown, options?: Record<string, unknown>) => string,
  ): string {
    const { name: _name, message: _message, ...rest } = this.toJSON();
    const head = this.stack ?? `${this.name}: ${this.message}`;
    return `${head} ${inspect ? inspect(rest, { ...options, customInspect: true }) : JSON.stringify(rest)}`;
  }
}

/**
 * Whether `value` is an {@link AuthRedisError} (by `instanceof`, or by its brand and a known code, so
 * it also recognises errors from another copy of this package).
 *
 * @param value - anything caught
 * @param code - when given, also require this code
 */
export function isAuthRedisError(value: unknown, code?: AuthRedisErrorCode): value is AuthRedisError {
  const matches =
    value instanceof AuthRedisError ||
    (value instanceof Error &&
      (value as { isAuthRedisError?: unknown }).isAuthRedisError === true &&
      ERROR_CODES.has((value as { code?: unknown }).code));
  return matches && (code === undefined || (value as AuthRedisError).code === code);
}

/** A copy of the cause as an `Error` with a fixed stack (the original stack may quote a secret). */
function summaryError(summary: RedisErrorSummary): Error {
  const error = new Error(summary.message);
  error.name = summary.name;
  error.stack = `${summary.name}: ${summary.message}`;
  if (summary.code !== undefined) Object.assign(error, { code: summary.code });
  return error;
}

/**
 * Summarises anything thrown by ioredis: name, message (with every given secret replaced by
 * `[REDACTED]`) and a string `code`. Everything else (ioredis's `command` with its arguments, the
 * `previousErrors` list, the stack) is dropped.
 *
 * @param error - anything thrown
 * @param secrets - strings that must not appear in the message (the value being written)
 */
export function summarizeError(
  error: unknown,
  secrets: ReadonlyArray<string | undefined> = [],
): RedisErrorSummary {
  const record = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
  };
  let message = typeof record.message === "string" ? record.message : String(error);
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) message = message.split(secret).join(REDACTED);
  }
  const name = typeof record.name === "string" ? record.name : "Error";
  return typeof record.code === "string" ? { name, message, code: record.code } : { name, message };
}
