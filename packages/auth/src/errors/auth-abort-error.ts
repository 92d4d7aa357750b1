import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";

/**
 * The caller's `AbortSignal` aborted while it waited for a token. Only that caller rejects: a shared
 * token request goes on for the other callers. `name` is `"AbortError"`, like the DOM exception, and
 * the code is `AUTH_ABORTED`; the signal's reason is the `cause`.
 */
export class AuthAbortError extends AuthError<typeof AUTH_ERROR_CODES.ABORTED> {
  override name = "AbortError" as const;

  /** @param reason - the signal's `reason` */
  constructor(reason?: unknown) {
    super("The operation was aborted", { code: AUTH_ERROR_CODES.ABORTED, cause: reason });
  }
}
