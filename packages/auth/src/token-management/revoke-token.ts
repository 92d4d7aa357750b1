import { AccessToken } from "../access-token.js";
import { type Clock, systemClock } from "../clock.js";
import { AUTH_ERROR_CODES } from "../errors/codes.js";
import { OAuthError } from "../errors/oauth-error.js";
import { TokenEndpointError } from "../errors/token-endpoint-error.js";
import { createSecretScrubber, type SecretScrubber } from "../redact.js";
import { DEFAULT_RETRY, type RetryOptions } from "../retry/backoff.js";
import { buildTokenRequest, normalizeStyle, type TokenRequestStyle } from "../token-request/request-style.js";
import { DEFAULT_TIMEOUT_MS, type FetchLike, sendTokenRequest } from "../token-request/send-token-request.js";
import { describeEndpoint, parseSecureUrl } from "../url-policy.js";
import {
  assertOptionsObject,
  normalizeHeaders,
  normalizeRetry,
  optionalClock,
  optionalFetch,
  optionalString,
  positiveMs,
  requireString,
} from "../validate-options.js";

/** Options of {@link revokeToken}. */
export interface RevokeTokenOptions {
  /** The revocation endpoint, e.g. Borderbolt's `https://app.borderbolt.com/oauth/revoke`. */
  url: string | URL;
  /** The token to revoke: an access token object or a token string (a refresh token, say). */
  token: AccessToken | string;
  /** `token_type_hint` (RFC 7009 §2.1): `access_token` or `refresh_token`. */
  tokenTypeHint?: "access_token" | "refresh_token" | undefined;
  /**
   * How to send the body.
   * @default { kind: "json" } (Borderbolt: `{"token": "…"}`)
   */
  style?: TokenRequestStyle | undefined;
  /** Client id, to authenticate the client (RFC 7009 requires it for confidential clients). Omit for Borderbolt. */
  clientId?: string | undefined;
  /** Client secret, with `clientId`. */
  clientSecret?: string | undefined;
  /** Extra static headers. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Aborts with `AUTH_ABORTED`. */
  signal?: AbortSignal | undefined;
  /** @default 10000 */
  timeoutMs?: number | undefined;
  /** Retry policy (revocation is idempotent). */
  retry?: Partial<RetryOptions> | undefined;
  /** @default systemClock() */
  clock?: Clock | undefined;
}

const REVOKE_OPTION_KEYS = [
  "url",
  "token",
  "tokenTypeHint",
  "style",
  "clientId",
  "clientSecret",
  "headers",
  "fetch",
  "signal",
  "timeoutMs",
  "retry",
  "clock",
];

/** What {@link sendRevocation} needs. @internal */
export interface RevocationRequest {
  readonly url: URL;
  readonly token: string;
  readonly tokenTypeHint?: string | undefined;
  readonly style: TokenRequestStyle;
  readonly client?: { clientId: string; clientSecret?: string | undefined } | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: FetchLike;
  readonly clock: Clock;
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  readonly scrubber: SecretScrubber;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Revokes a token (RFC 7009; Borderbolt's `POST /oauth/revoke` with JSON `{ "token": … }`). Any 2xx
 * is success (RFC 7009 answers 200 also for tokens that were already invalid).
 *
 * @param options - URL, token, body style, optional client authentication
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` / {@link InsecureUrlError} `AUTH_INSECURE_URL` for bad options
 * @throws {OAuthError} `AUTH_OAUTH_ERROR` for an RFC 6749 §5.2 error body
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_*`
 * @throws {AuthAbortError} `AUTH_ABORTED`
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 * @example
 * ```ts
 * await revokeToken({ url: "https://app.borderbolt.com/oauth/revoke", token: await source.getToken() });
 * ```
 */
export async function revokeToken(options: RevokeTokenOptions): Promise<void> {
  assertOptionsObject(options, REVOKE_OPTION_KEYS, "revokeToken");
  const url = parseSecureUrl(options.url, "url");
  const token =
    options.token instanceof AccessToken ? options.token.accessToken : requireString(options.token, "token");
  const clientId = optionalString(options.clientId, "clientId");
  const clientSecret = optionalString(options.clientSecret, "clientSecret");
  const headers = normalizeHeaders(options.headers, "headers");
  await sendRevocation({
    url,
    token,
    tokenTypeHint: options.tokenTypeHint,
    style: options.style === undefined ? { kind: "json" } : normalizeStyle(options.style),
    client: clientId === undefined ? undefined : { clientId, clientSecret },
    headers,
    fetch: optionalFetch(options.fetch) ?? ((input, init) => globalThis.fetch(input, init)),
    clock: optionalClock(options.clock) ?? systemClock(),
    timeoutMs: positiveMs(options.timeoutMs, "timeoutMs", DEFAULT_TIMEOUT_MS),
    retry: options.retry === undefined ? DEFAULT_RETRY : normalizeRetry(options.retry),
    scrubber: createSecretScrubber(token, clientSecret, ...Object.values(headers)),
    signal: options.signal,
  });
}

/** @internal Sends a revocation request and checks its response. */
export async function sendRevocation(request: RevocationRequest): Promise<void> {
  const style: TokenRequestStyle =
    request.style.kind === "basic-query" ? { ...request.style, kind: "basic-form" } : request.style;
  const params: Record<string, string> = { token: request.token };
  if (request.tokenTypeHint !== undefined) params.token_type_hint = request.tokenTypeHint;
  const built = buildTokenRequest(style, request.url, request.client, params, request.headers);
  const endpoint = describeEndpoint("POST", request.url);
  const response = await sendTokenRequest(built.url, built.init, {
    fetch: request.fetch,
    clock: request.clock,
    timeoutMs: request.timeoutMs,
    retry: request.retry,
    endpoint,
    scrubber: request.scrubber,
    idempotent: true,
    signal: request.signal,
  });
  await checkManagementResponse(response, endpoint, request.scrubber);
}

/**
 * Throws for a non-2xx response of a token-management endpoint (revocation, token info): an
 * {@link OAuthError} when the body is an RFC 6749 §5.2 error, a {@link TokenEndpointError} otherwise.
 *
 * @internal
 */
export async function checkManagementResponse(
  response: Response,
  endpoint: string,
  scrubber: SecretScrubber,
): Promise<void> {
  if (response.status >= 200 && response.status < 300) return;
  let body: unknown;
  try {
    body = JSON.parse(await response.clone().text());
  } catch {
    body = undefined;
  }
  const error = (body as { error?: unknown } | undefined)?.error;
  if (typeof error === "string" && error !== "") {
    const text = (value: unknown): string | undefined =>
      typeof value === "string" ? scrubber.scrub(value) : undefined;
    throw new OAuthError({
      error: scrubber.scrub(error),
      error_description: text((body as { error_description?: unknown }).error_description),
      error_uri: text((body as { error_uri?: unknown }).error_uri),
      status: response.status,
      endpoint,
      response,
    });
  }
  throw new TokenEndpointError({
    code: AUTH_ERROR_CODES.ENDPOINT_HTTP_ERROR,
    endpoint,
    status: response.status,
    response,
  });
}
