/**
 * Stable error codes of `@org/auth`. Each value carries the `AUTH_` prefix; match on `err.code`, never
 * on messages.
 */
export const AUTH_ERROR_CODES = {
  /** Assigned to {@link OAuthError.code}: the token endpoint answered an RFC 6749 §5.2 error body. */
  OAUTH_ERROR: "AUTH_OAUTH_ERROR",
  /** Assigned to {@link TokenResponseError.code}: a 2xx token response failed validation. */
  TOKEN_RESPONSE_INVALID: "AUTH_TOKEN_RESPONSE_INVALID",
  /** Assigned to {@link TokenEndpointError.code}: the endpoint could not be reached (DNS, refused, reset). */
  ENDPOINT_UNREACHABLE: "AUTH_TOKEN_ENDPOINT_UNREACHABLE",
  /** Assigned to {@link TokenEndpointError.code}: the endpoint did not answer within the timeout. */
  ENDPOINT_TIMEOUT: "AUTH_TOKEN_ENDPOINT_TIMEOUT",
  /** Assigned to {@link TokenEndpointError.code}: an HTTP error status without an OAuth error body. */
  ENDPOINT_HTTP_ERROR: "AUTH_TOKEN_ENDPOINT_HTTP_ERROR",
  /** Assigned to {@link InsecureUrlError.code}: a URL is not `https:` and not a loopback host. */
  INSECURE_URL: "AUTH_INSECURE_URL",
  /** Assigned to {@link AuthConfigError.code}: an option is missing or invalid (checked at creation). */
  CONFIG_INVALID: "AUTH_CONFIG_INVALID",
  /** Assigned to {@link AuthAbortError.code}: the caller's `AbortSignal` aborted its wait. */
  ABORTED: "AUTH_ABORTED",
  /** Assigned to {@link GrantError.code}: there is no grant (refresh token) to get a token from. */
  NO_GRANT: "AUTH_NO_GRANT",
  /** Assigned to {@link GrantError.code}: the `state` of an authorization response does not match. */
  STATE_MISMATCH: "AUTH_STATE_MISMATCH",
  /**
   * Assigned to {@link InsufficientScopeError.code}: the token's granted scopes do not cover the
   * operation (found before sending, or said by a 403 `insufficient_scope`).
   */
  INSUFFICIENT_SCOPE: "AUTH_INSUFFICIENT_SCOPE",
} as const;

/** The union of every code in {@link AUTH_ERROR_CODES}. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

/** Codes carried by {@link TokenEndpointError}. */
export type TokenEndpointErrorCode =
  | typeof AUTH_ERROR_CODES.ENDPOINT_UNREACHABLE
  | typeof AUTH_ERROR_CODES.ENDPOINT_TIMEOUT
  | typeof AUTH_ERROR_CODES.ENDPOINT_HTTP_ERROR;

/** Codes carried by {@link GrantError}. */
export type GrantErrorCode = typeof AUTH_ERROR_CODES.NO_GRANT | typeof AUTH_ERROR_CODES.STATE_MISMATCH;
