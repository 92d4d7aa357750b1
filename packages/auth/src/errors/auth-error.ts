import { type InspectFunction, inspectSymbol, renderRedacted } from "../redact.js";
import type { AuthErrorCode } from "./codes.js";
import { SanitizedCause, sanitizeCause } from "./sanitize-cause.js";

/** Options every {@link AuthError} constructor takes. */
export interface AuthErrorOptions<Code extends AuthErrorCode = AuthErrorCode> {
  /** The stable code. */
  code: Code;
  /** The underlying error; it is stored as a {@link SanitizedCause} copy. */
  cause?: unknown;
}

/**
 * Base class of every error `@org/auth` throws. Carries a stable string {@link AuthError.code} (see
 * `AUTH_ERROR_CODES`) and a sanitized `cause`.
 *
 * No message, `toString()`, `JSON.stringify()` or `util.inspect()` of an `AuthError` contains a client
 * secret, an access or refresh token, an API key or an `Authorization` header: messages name only
 * `METHOD path`, causes are copies holding name, scrubbed message and code, and `toJSON()` /
 * `[Symbol.for("nodejs.util.inspect.custom")]` render a fixed list of safe fields.
 */
export class AuthError<Code extends AuthErrorCode = AuthErrorCode> extends Error {
  override name = "AuthError";
  /** The stable code; see `AUTH_ERROR_CODES`. */
  readonly code: Code;

  /**
   * @param message - a message holding no secret (the caller's responsibility)
   * @param options - the code and an optional cause
   */
  constructor(message: string, options: AuthErrorOptions<Code>) {
    const cause = options.cause === undefined ? undefined : sanitizeCause(options.cause);
    super(message, cause === undefined ? undefined : { cause });
    this.code = options.code;
  }

  /** Brand for cross-realm checks; see `isAuthError()`. */
  get isAuthError(): true {
    return true;
  }

  /**
   * The fields specific to a subclass, rendered by `toJSON()` and `util.inspect()`. Subclasses
   * override it; values must hold no secret.
   */
  protected details(): Record<string, unknown> {
    return {};
  }

  /** @returns a redacted plain view: name, code, message, subclass details and the cause summary */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...this.details(),
      ...(this.cause instanceof SanitizedCause ? { cause: this.cause.toJSON() } : {}),
    };
  }

  /** Renders the stack followed by the redacted details, like Node's own error rendering. */
  [inspectSymbol](...[, options, inspect]: Parameters<InspectFunction>): string {
    const { name: _name, message: _message, ...rest } = this.toJSON();
    const head = this.stack ?? `${this.name}: ${this.message}`;
    return renderRedacted(head, rest, options, inspect);
  }
}
