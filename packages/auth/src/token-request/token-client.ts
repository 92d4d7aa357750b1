import { type Clock, systemClock } from "../clock.js";
import { AuthConfigError } from "../errors/auth-config-error.js";
import {
  createSecretScrubber,
  type InspectFunction,
  inspectSymbol,
  REDACTED,
  renderRedacted,
  type SecretScrubber,
} from "../redact.js";
import type { RetryOptions } from "../retry/backoff.js";
import { sendRevocation } from "../token-management/revoke-token.js";
import { describeEndpoint, parseSecureUrl } from "../url-policy.js";
import {
  assertOptionsObject,
  normalizeHeaders,
  normalizeParams,
  normalizeRetry,
  optionalClock,
  optionalFetch,
  optionalString,
  positiveMs,
  requireString,
} from "../validate-options.js";
import { buildTokenRequest, normalizeStyle, type TokenRequestStyle } from "./request-style.js";
import { DEFAULT_TIMEOUT_MS, type FetchLike, sendTokenRequest } from "./send-token-request.js";

/** Parameter names the library sets; `params` may not contain them. */
export const RESERVED_PARAMS: readonly string[] = Object.freeze([
  "grant_type",
  "client_id",
  "client_secret",
  "scope",
  "code",
  "code_verifier",
  "redirect_uri",
  "refresh_token",
  "token",
  "token_type_hint",
]);

/** How to reach and authenticate to a token endpoint. */
export interface TokenClientOptions {
  /** The token endpoint. `https:` required, except on loopback hosts (`localhost`, 127.0.0.0/8, `::1`). */
  tokenUrl: string | URL;
  /** The client id. */
  clientId: string;
  /** The client secret. Required by the `basic-*` styles and for client credentials; kept in a closure. */
  clientSecret?: string | undefined;
  /** How the provider wants token requests. */
  style: TokenRequestStyle;
  /** Extra static headers on token requests (Bolt's `X-API-Key`, `X-Publishable-Key`). Values are secret-safe: never logged. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Extra static parameters for every token request (e.g. `audience`, `resource`). */
  params?: Readonly<Record<string, string>> | undefined;
  /**
   * The `fetch` to use.
   * @default globalThis.fetch
   */
  fetch?: FetchLike | undefined;
  /**
   * Per-attempt timeout in milliseconds (response headers and body).
   * @default 10000
   */
  timeoutMs?: number | undefined;
  /** Retry policy for network errors, 408, 429 and 5xx. @default { limit: 2, baseDelayMs: 300, maxDelayMs: 5000, maxRetryAfterMs: 30000 } */
  retry?: Partial<RetryOptions> | undefined;
  /** Clock for expiry, timeouts and backoff. @default systemClock() */
  clock?: Clock | undefined;
  /**
   * Lifetime assumed when a response has no `expires_in`, in seconds.
   * @default 3600
   */
  defaultExpiresIn?: number | undefined;
}

/** The option names of {@link TokenClientOptions}. */
export const TOKEN_CLIENT_OPTION_KEYS: readonly string[] = Object.freeze([
  "tokenUrl",
  "clientId",
  "clientSecret",
  "style",
  "headers",
  "params",
  "fetch",
  "timeoutMs",
  "retry",
  "clock",
  "defaultExpiresIn",
]);

/** Options of one {@link TokenClient.send} call. */
export interface SendTokenRequestOptions {
  /** Aborts the request (and its retries) with `AUTH_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
  /** Whether the request may be repeated after an ambiguous failure (false for single-use grants). */
  readonly idempotent: boolean;
  /** Another URL of the same server (revocation); defaults to the token URL. */
  readonly url?: URL | undefined;
  /** Send the parameters as this style instead of the client's (revocation with `basic-query` clients). */
  readonly style?: TokenRequestStyle | undefined;
  /** Authenticate the client (default true). */
  readonly authenticate?: boolean | undefined;
}

/**
 * A configured token endpoint: URL, client id, style, static headers, and the client secret held in
 * a closure. `toJSON()` and `util.inspect()` show no secret. Made by {@link tokenClient}; the grant
 * functions (`requestClientCredentials`, …) and the token sources use it.
 */
export interface TokenClient {
  /** The token endpoint. */
  readonly tokenUrl: URL;
  /** The client id. */
  readonly clientId: string;
  /** The request style. */
  readonly style: TokenRequestStyle;
  /** `POST /path` of the token endpoint. */
  readonly endpoint: string;
  /** The clock. */
  readonly clock: Clock;
  /** The fetch used. */
  readonly fetch: FetchLike;
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  /** Lifetime assumed without `expires_in`, in seconds. */
  readonly defaultExpiresIn: number;
  /** Scrubs this client's secrets (and tokens it has seen) from free text. */
  readonly scrubber: SecretScrubber;
  /** Whether a client secret is configured. */
  readonly hasSecret: boolean;
  /**
   * Sends `params` (grant parameters, `grant_type` first) to the token endpoint in the client's style,
   * with timeout and retries.
   *
   * @returns the (buffered) response, any status
   */
  send(params: Readonly<Record<string, string>>, options: SendTokenRequestOptions): Promise<Response>;
  /**
   * Revokes `token` at `url` (RFC 7009), authenticating the client in its style (`basic-query`
   * clients send a form body) with the client's static headers.
   */
  revoke(options: {
    url: URL;
    token: string;
    tokenTypeHint?: string;
    signal?: AbortSignal | undefined;
  }): Promise<void>;
  toJSON(): Record<string, unknown>;
}

/**
 * Creates a {@link TokenClient}. All options are checked here.
 *
 * @param options - endpoint, credentials, style, headers
 * @returns the client
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the option
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` for a non-https, non-loopback `tokenUrl`
 * @example
 * ```ts
 * const client = tokenClient({
 *   tokenUrl: "https://login.bol.com/token",
 *   clientId, clientSecret,
 *   style: { kind: "basic-query" },
 * });
 * const response = await requestClientCredentials(client);
 * const { token } = await processClientCredentialsResponse(client, response);
 * ```
 */
export function tokenClient(options: TokenClientOptions): TokenClient {
  return createTokenClient(options, "tokenClient", TOKEN_CLIENT_OPTION_KEYS);
}

/** @internal Validates and builds a client; `known` lists the keys the calling factory accepts. */
export function createTokenClient(
  options: TokenClientOptions,
  what: string,
  known: readonly string[],
): TokenClient {
  assertOptionsObject(options, known, what);
  const tokenUrl = parseSecureUrl(options.tokenUrl, "tokenUrl");
  const clientId = requireString(options.clientId, "clientId");
  const clientSecret = optionalString(options.clientSecret, "clientSecret");
  const style = normalizeStyle(options.style);
  if ((style.kind === "basic-form" || style.kind === "basic-query") && clientSecret === undefined) {
    throw new AuthConfigError("clientSecret", `is required by style ${style.kind}`);
  }
  const headers = normalizeHeaders(options.headers, "headers");
  const params = normalizeParams(options.params, "params", RESERVED_PARAMS);
  const fetchFn = optionalFetch(options.fetch) ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = positiveMs(options.timeoutMs, "timeoutMs", DEFAULT_TIMEOUT_MS);
  const retry = normalizeRetry(options.retry);
  const clock = optionalClock(options.clock) ?? systemClock();
  const defaultExpiresIn = options.defaultExpiresIn ?? 3600;
  if (typeof defaultExpiresIn !== "number" || !Number.isFinite(defaultExpiresIn) || defaultExpiresIn <= 0) {
    throw new AuthConfigError("defaultExpiresIn", "must be a positive number of seconds");
  }
  const scrubber = createSecretScrubber(clientSecret, ...Object.values(headers));
  const endpoint = describeEndpoint("POST", tokenUrl);

  const view = (): Record<string, unknown> => ({
    tokenUrl: `${tokenUrl.origin}${tokenUrl.pathname}`,
    clientId,
    clientSecret: clientSecret === undefined ? undefined : REDACTED,
    style,
    headers: Object.fromEntries(Object.keys(headers).map((name) => [name, REDACTED])),
    timeoutMs,
  });

  const client: TokenClient & { [inspectSymbol]: InspectFunction } = {
    tokenUrl,
    clientId,
    style,
    endpoint,
    clock,
    fetch: fetchFn,
    timeoutMs,
    defaultExpiresIn,
    scrubber,
    hasSecret: clientSecret !== undefined,
    send(grantParams, sendOptions) {
      const url = sendOptions.url ?? tokenUrl;
      const authenticate = sendOptions.authenticate ?? true;
      const built = buildTokenRequest(
        sendOptions.style ?? style,
        url,
        authenticate ? { clientId, clientSecret } : undefined,
        { ...grantParams, ...params },
        headers,
      );
      return sendTokenRequest(built.url, built.init, {
        fetch: fetchFn,
        clock,
        timeoutMs,
        retry,
        endpoint: describeEndpoint("POST", url),
        scrubber,
        idempotent: sendOptions.idempotent,
        signal: sendOptions.signal,
      });
    },
    revoke(revokeOptions) {
      return sendRevocation({
        url: revokeOptions.url,
        token: revokeOptions.token,
        tokenTypeHint: revokeOptions.tokenTypeHint,
        style,
        client: { clientId, clientSecret },
        headers,
        fetch: fetchFn,
        clock,
        timeoutMs,
        retry,
        scrubber,
        signal: revokeOptions.signal,
      });
    },
    toJSON: view,
    [inspectSymbol]: (_depth, inspectOptions, inspect) =>
      renderRedacted("TokenClient", view(), inspectOptions, inspect),
  };
  return Object.freeze(client);
}
