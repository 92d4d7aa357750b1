import type { TokenClient } from "../token-request/token-client.js";
import type { TokenSet } from "../token-set.js";
import { type ProcessTokenResponseOptions, processGrantResponse } from "./process-grant-response.js";

/** Options of {@link requestRefreshToken}. */
export interface RefreshTokenRequestOptions {
  /** The refresh token. With rotation it is single-use. */
  readonly refreshToken: string;
  /** Scopes, sent as `scope` (Bolt requires it). */
  readonly scopes?: readonly string[] | undefined;
  /** Aborts the request with `AUTH_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends a refresh-token grant request (`grant_type=refresh_token`). With rotating refresh tokens a
 * refresh token is single-use, so the request is retried only when the server certainly did not
 * process it (429, 503, connection refused).
 *
 * @param client - the token endpoint
 * @param options - refresh token, scopes, signal
 * @returns the raw `Response`, to then pass to {@link processRefreshTokenResponse}
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_UNREACHABLE` or `AUTH_TOKEN_ENDPOINT_TIMEOUT`
 * @throws {AuthAbortError} `AUTH_ABORTED`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export function requestRefreshToken(
  client: TokenClient,
  options: RefreshTokenRequestOptions,
): Promise<Response> {
  const params: Record<string, string> = { grant_type: "refresh_token", refresh_token: options.refreshToken };
  if (options.scopes && options.scopes.length > 0) params.scope = options.scopes.join(" ");
  return client.send(params, { signal: options.signal, idempotent: false });
}

/**
 * Validates a refresh-token response. A `refresh_token` in it is the rotated replacement of the one
 * sent; the old one must not be used again.
 *
 * @param client - the client that sent the request
 * @param response - the response from {@link requestRefreshToken}
 * @param options - request time and requested scopes
 * @returns the {@link TokenSet}
 * @throws {OAuthError} `AUTH_OAUTH_ERROR` (`invalid_grant` for a used, revoked or expired refresh token)
 * @throws {TokenResponseError} `AUTH_TOKEN_RESPONSE_INVALID`
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export function processRefreshTokenResponse(
  client: TokenClient,
  response: Response,
  options: ProcessTokenResponseOptions = {},
): Promise<TokenSet> {
  return processGrantResponse(client, response, options);
}
