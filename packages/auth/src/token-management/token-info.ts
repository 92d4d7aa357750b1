import { AccessToken } from "../access-token.js";
import { type Clock, systemClock } from "../clock.js";
import { AuthConfigError } from "../errors/auth-config-error.js";
import { TokenResponseError } from "../errors/token-response-error.js";
import { createSecretScrubber } from "../redact.js";
import { DEFAULT_RETRY, type RetryOptions } from "../retry/backoff.js";
import type { TokenSource } from "../sources/token-source.js";
import { DEFAULT_TIMEOUT_MS, type FetchLike, sendTokenRequest } from "../token-request/send-token-request.js";
import { describeEndpoint, parseSecureUrl } from "../url-policy.js";
import {
  assertOptionsObject,
  normalizeRetry,
  optionalClock,
  optionalFetch,
  positiveMs,
} from "../validate-options.js";
import { checkManagementResponse } from "./revoke-token.js";

/** Options of {@link tokenInfo}. */
export interface TokenInfoOptions {
  /** The token-info endpoint, e.g. `https://app.borderbolt.com/oauth/tokeninfo`. */
  url: string | URL;
  /** @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Aborts with `AUTH_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** @default 10000 */
  timeoutMs?: number | undefined;
  /** Retry policy (a GET is idempotent). */
  retry?: Partial<RetryOptions> | undefined;
  /** @default systemClock() */
  clock?: Clock | undefined;
}

/** What Borderbolt's token-info endpoint returns (other members are kept as they come). */
export interface TokenInfo {
  /** The client the token was issued to. */
  readonly client_id?: string;
  /** The token's scopes (an array here, unlike the token response's space-separated `scope`). */
  readonly scopes?: readonly string[];
  /** When the token expires (ISO 8601). */
  readonly expires_at?: string;
  readonly [member: string]: unknown;
}

/**
 * Asks a token-info endpoint about a token (Borderbolt's `GET /oauth/tokeninfo` with
 * `Authorization: Bearer …`) and returns the parsed JSON object.
 *
 * @param tokenOrSource - an access token, or a source to take the current token from
 * @param options - URL and transport options
 * @returns the endpoint's JSON object
 * @throws {OAuthError} `AUTH_OAUTH_ERROR` (e.g. 401 `invalid_token`)
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_*`
 * @throws {TokenResponseError} `AUTH_TOKEN_RESPONSE_INVALID` when the body is not a JSON object
 */
export async function tokenInfo(
  tokenOrSource: AccessToken | TokenSource,
  options: TokenInfoOptions,
): Promise<TokenInfo> {
  assertOptionsObject(options, ["url", "fetch", "signal", "timeoutMs", "retry", "clock"], "tokenInfo");
  const url = parseSecureUrl(options.url, "url");
  let token: AccessToken;
  if (tokenOrSource instanceof AccessToken) token = tokenOrSource;
  else if (typeof tokenOrSource === "function" && typeof tokenOrSource.getToken === "function") {
    token = await tokenOrSource.getToken({ signal: options.signal });
  } else throw new AuthConfigError("tokenOrSource", "must be an AccessToken or a token source");
  const endpoint = describeEndpoint("GET", url);
  const scrubber = createSecretScrubber(token.accessToken);
  const response = await sendTokenRequest(
    url.href,
    {
      method: "GET",
      redirect: "manual",
      headers: { accept: "application/json", authorization: token.authorization },
    },
    {
      fetch: optionalFetch(options.fetch) ?? ((input, init) => globalThis.fetch(input, init)),
      clock: optionalClock(options.clock) ?? systemClock(),
      timeoutMs: positiveMs(options.timeoutMs, "timeoutMs", DEFAULT_TIMEOUT_MS),
      retry: options.retry === undefined ? DEFAULT_RETRY : normalizeRetry(options.retry),
      endpoint,
      scrubber,
      idempotent: true,
      signal: options.signal,
    },
  );
  await checkManagementResponse(response, endpoint, scrubber);
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new TokenResponseError({
      field: "body",
      reason: "must be a JSON object",
      status: response.status,
      endpoint,
      response,
    });
  }
  return body as TokenInfo;
}
