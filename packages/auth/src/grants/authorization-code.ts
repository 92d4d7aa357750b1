import type { TokenClient } from "../token-request/token-client.js";
import type { TokenSet } from "../token-set.js";
import { type ProcessTokenResponseOptions, processGrantResponse } from "./process-grant-response.js";

/** Options of {@link requestAuthorizationCode}. */
export interface AuthorizationCodeRequestOptions {
  /** The authorization code from the redirect (or Bolt's OTP modal). Single-use. */
  readonly code: string;
  /** The authorization response's `state`, for providers that want it in the token request (Bolt). */
  readonly state?: string | undefined;
  /** The `redirect_uri` of the authorization request, when it had one. */
  readonly redirectUri?: string | undefined;
  /** The PKCE `code_verifier`, when the authorization request had a `code_challenge`. */
  readonly codeVerifier?: string | undefined;
  /** Scopes, sent as `scope` (Bolt requires it on the token request). */
  readonly scopes?: readonly string[] | undefined;
  /** Aborts the request with `AUTH_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends an authorization-code grant request (`grant_type=authorization_code`). A code is single-use,
 * so the request is retried only when the server certainly did not process it (429, 503,
 * connection refused).
 *
 * @param client - the token endpoint
 * @param options - code, redirect URI, PKCE verifier, scopes
 * @returns the raw `Response`, to then pass to {@link processAuthorizationCodeResponse}
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_UNREACHABLE` or `AUTH_TOKEN_ENDPOINT_TIMEOUT`
 * @throws {AuthAbortError} `AUTH_ABORTED`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export function requestAuthorizationCode(
  client: TokenClient,
  options: AuthorizationCodeRequestOptions,
): Promise<Response> {
  const params: Record<string, string> = { grant_type: "authorization_code", code: options.code };
  if (options.state !== undefined) params.state = options.state;
  if (options.redirectUri !== undefined) params.redirect_uri = options.redirectUri;
  if (options.codeVerifier !== undefined) params.code_verifier = options.codeVerifier;
  if (options.scopes && options.scopes.length > 0) params.scope = options.scopes.join(" ");
  return client.send(params, { signal: options.signal, idempotent: false });
}

/**
 * Validates an authorization-code token response; keeps `refresh_token`, `refresh_token_scope`,
 * `id_token` and the granted `scope`.
 *
 * @param client - the client that sent the request
 * @param response - the response from {@link requestAuthorizationCode}
 * @param options - request time and requested scopes
 * @returns the {@link TokenSet}
 * @throws {OAuthError} `AUTH_OAUTH_ERROR` (e.g. `invalid_grant` for a used or expired code)
 * @throws {TokenResponseError} `AUTH_TOKEN_RESPONSE_INVALID`
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.4
 */
export function processAuthorizationCodeResponse(
  client: TokenClient,
  response: Response,
  options: ProcessTokenResponseOptions = {},
): Promise<TokenSet> {
  return processGrantResponse(client, response, options);
}
