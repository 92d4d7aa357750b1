import type { TokenClient } from "../token-request/token-client.js";
import type { TokenSet } from "../token-set.js";
import { type ProcessTokenResponseOptions, processGrantResponse } from "./process-grant-response.js";

/** Options of {@link requestClientCredentials}. */
export interface ClientCredentialsRequestOptions {
  /** Scopes to request, sent space-separated as `scope`; omitted when absent or empty. */
  readonly scopes?: readonly string[] | undefined;
  /** Aborts the request with `AUTH_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends an OAuth 2.0 client-credentials grant request (`grant_type=client_credentials`) in the
 * client's style, with timeout and retries (the grant is idempotent, so network errors, 408, 429 and
 * 5xx are retried).
 *
 * @param client - the token endpoint, made by `tokenClient()`
 * @param options - scopes and signal
 * @returns the raw `Response`, to then pass to {@link processClientCredentialsResponse}
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_UNREACHABLE` or `AUTH_TOKEN_ENDPOINT_TIMEOUT`
 * @throws {AuthAbortError} `AUTH_ABORTED`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export function requestClientCredentials(
  client: TokenClient,
  options: ClientCredentialsRequestOptions = {},
): Promise<Response> {
  const params: Record<string, string> = { grant_type: "client_credentials" };
  if (options.scopes && options.scopes.length > 0) params.scope = options.scopes.join(" ");
  return client.send(params, { signal: options.signal, idempotent: true });
}

/**
 * Validates a client-credentials token response.
 *
 * @param client - the client that sent the request
 * @param response - the response from {@link requestClientCredentials}
 * @param options - request time and requested scopes
 * @returns the {@link TokenSet}; use `.token`
 * @throws {OAuthError} `AUTH_OAUTH_ERROR`
 * @throws {TokenResponseError} `AUTH_TOKEN_RESPONSE_INVALID`
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.3
 */
export function processClientCredentialsResponse(
  client: TokenClient,
  response: Response,
  options: ProcessTokenResponseOptions = {},
): Promise<TokenSet> {
  return processGrantResponse(client, response, options);
}
