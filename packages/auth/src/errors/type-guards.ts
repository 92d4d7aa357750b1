import { AuthAbortError } from "./auth-abort-error.js";
import { AuthConfigError } from "./auth-config-error.js";
import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES, type AuthErrorCode } from "./codes.js";
import { GrantError } from "./grant-error.js";
import { InsecureUrlError } from "./insecure-url-error.js";
import { InsufficientScopeError } from "./insufficient-scope-error.js";
import { OAuthError } from "./oauth-error.js";
import { TokenEndpointError } from "./token-endpoint-error.js";
import { TokenResponseError } from "./token-response-error.js";

const CODES = new Set<string>(Object.values(AUTH_ERROR_CODES));

function hasName(value: unknown, name: string): boolean {
  return value instanceof Error && value.name === name && isAuthError(value);
}

/**
 * Whether `value` is an {@link AuthError}: by `instanceof`, or (across realms or duplicated package
 * copies) by the `isAuthError` brand and a known `AUTH_` code.
 *
 * @param value - anything caught
 * @param code - when given, also require this code
 */
export function isAuthError(value: unknown, code?: AuthErrorCode): value is AuthError {
  const matches =
    value instanceof AuthError ||
    (value instanceof Error &&
      (value as { isAuthError?: unknown }).isAuthError === true &&
      CODES.has(String((value as { code?: unknown }).code)));
  return matches && (code === undefined || (value as AuthError).code === code);
}

/** Whether `value` is an {@link OAuthError} (`instanceof` or name + brand). */
export function isOAuthError(value: unknown): value is OAuthError {
  return value instanceof OAuthError || hasName(value, "OAuthError");
}

/** Whether `value` is a {@link TokenResponseError}. */
export function isTokenResponseError(value: unknown): value is TokenResponseError {
  return value instanceof TokenResponseError || hasName(value, "TokenResponseError");
}

/** Whether `value` is a {@link TokenEndpointError}. */
export function isTokenEndpointError(value: unknown): value is TokenEndpointError {
  return value instanceof TokenEndpointError || hasName(value, "TokenEndpointError");
}

/** Whether `value` is an {@link InsecureUrlError}. */
export function isInsecureUrlError(value: unknown): value is InsecureUrlError {
  return value instanceof InsecureUrlError || hasName(value, "InsecureUrlError");
}

/** Whether `value` is an {@link AuthConfigError}. */
export function isAuthConfigError(value: unknown): value is AuthConfigError {
  return value instanceof AuthConfigError || hasName(value, "AuthConfigError");
}

/** Whether `value` is an {@link AuthAbortError} (code `AUTH_ABORTED`). */
export function isAuthAbortError(value: unknown): value is AuthAbortError {
  return value instanceof AuthAbortError || isAuthError(value, AUTH_ERROR_CODES.ABORTED);
}

/** Whether `value` is a {@link GrantError}. */
export function isGrantError(value: unknown): value is GrantError {
  return value instanceof GrantError || hasName(value, "GrantError");
}

/** Whether `value` is an {@link InsufficientScopeError}. */
export function isInsufficientScopeError(value: unknown): value is InsufficientScopeError {
  return value instanceof InsufficientScopeError || hasName(value, "InsufficientScopeError");
}
