import { AuthError } from "./auth-error.js";
import type { GrantErrorCode } from "./codes.js";

/**
 * The authorization-code source cannot produce a token: it has no refresh token (never authorized, or
 * the server rejected the last one with `invalid_grant`; code `AUTH_NO_GRANT`), or an authorization
 * response's `state` does not match the expected one (code `AUTH_STATE_MISMATCH`).
 */
export class GrantError extends AuthError<GrantErrorCode> {
  override name = "GrantError" as const;

  /**
   * @param code - `AUTH_NO_GRANT` or `AUTH_STATE_MISMATCH`
   * @param message - what happened (no secret)
   * @param cause - the error that dropped the grant, if any
   */
  constructor(code: GrantErrorCode, message: string, cause?: unknown) {
    super(message, { code, cause });
  }
}
