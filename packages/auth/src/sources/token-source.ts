import type { AccessToken } from "../access-token.js";
import { type InspectFunction, inspectSymbol, renderRedacted } from "../redact.js";

/** Options of {@link TokenSource.getToken}. */
export interface GetTokenOptions {
  /**
   * Stops this caller's wait with an `AUTH_ABORTED` error. A request shared with other callers goes
   * on for them.
   */
  readonly signal?: AbortSignal | undefined;
}

/** Options of {@link TokenSource.revoke}. */
export interface RevokeOptions {
  /** Aborts the revocation request with `AUTH_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/** The grant a source uses. */
export type TokenSourceKind = "client_credentials" | "authorization_code";

/**
 * A source of access tokens. Callable: `source(options)` is `source.getToken(options)`, so a source can
 * be passed wherever a `() => Promise<AccessToken>` is expected. `JSON.stringify()` and
 * `util.inspect()` show the configuration with every secret redacted.
 */
export interface TokenSource {
  /** Same as {@link TokenSource.getToken}. */
  (options?: GetTokenOptions): Promise<AccessToken>;
  /** The grant this source uses. */
  readonly kind: TokenSourceKind;
  /**
   * Returns a usable access token: the cached one, or one fetched by a single request shared by all
   * concurrent callers. Within the refresh window the cached token is returned at once and one
   * background refresh runs.
   *
   * @throws {AuthAbortError} `AUTH_ABORTED` when `signal` aborts (only this caller)
   * @throws {OAuthError} `AUTH_OAUTH_ERROR`
   * @throws {TokenResponseError} `AUTH_TOKEN_RESPONSE_INVALID`
   * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_*`
   * @throws {GrantError} `AUTH_NO_GRANT` (authorization-code sources without a refresh token)
   */
  getToken(options?: GetTokenOptions): Promise<AccessToken>;
  /**
   * The cached token when it can be used as it is (before its refresh window), without any I/O or
   * promise; `undefined` otherwise (then call {@link TokenSource.getToken}). The middleware uses it to
   * stay synchronous on the hot path.
   */
  peek?(): AccessToken | undefined;
  /**
   * Drops `token` from the cache if it is still the cached one (or the cached token when omitted),
   * so the next `getToken()` fetches a new one.
   *
   * @returns `true` when a token was dropped, `false` when `token` had already been replaced
   */
  invalidate(token?: AccessToken): Promise<boolean>;
  /**
   * Revokes the current token(s) at `revocationUrl` (RFC 7009) and clears the cache.
   *
   * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` when the source has no `revocationUrl`
   */
  revoke(options?: RevokeOptions): Promise<void>;
  /** A redacted view of the configuration. */
  toJSON(): Record<string, unknown>;
}

/**
 * Builds the callable source object around `getToken`.
 *
 * @internal
 */
export function makeSource<Extra extends object>(
  kind: TokenSourceKind,
  parts: Omit<TokenSource, "kind" | "toJSON" | keyof CallableFunction> & { view(): Record<string, unknown> },
  extra: Extra,
): TokenSource & Extra {
  const { getToken, invalidate, revoke, peek, view } = parts;
  const source = ((options?: GetTokenOptions) => getToken(options)) as TokenSource & Extra;
  const name = kind === "client_credentials" ? "ClientCredentialsSource" : "AuthorizationCodeSource";
  Object.defineProperties(source, {
    name: { value: name },
    kind: { value: kind, enumerable: true },
    getToken: { value: getToken },
    peek: { value: peek },
    invalidate: { value: invalidate },
    revoke: { value: revoke },
    toJSON: { value: view },
    [inspectSymbol]: {
      value: ((_depth, inspectOptions, inspect) =>
        renderRedacted(name, view(), inspectOptions, inspect)) satisfies InspectFunction,
    },
  });
  for (const [key, value] of Object.entries(extra)) Object.defineProperty(source, key, { value });
  return Object.freeze(source);
}
