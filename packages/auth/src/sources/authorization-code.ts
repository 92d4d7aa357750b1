import type { AccessToken } from "../access-token.js";
import { AuthConfigError } from "../errors/auth-config-error.js";
import { AUTH_ERROR_CODES } from "../errors/codes.js";
import { GrantError } from "../errors/grant-error.js";
import { isOAuthError } from "../errors/type-guards.js";
import { processAuthorizationCodeResponse, requestAuthorizationCode } from "../grants/authorization-code.js";
import { processRefreshTokenResponse, requestRefreshToken } from "../grants/refresh-token.js";
import { REDACTED } from "../redact.js";
import type { BasicFormStyle, FormPostStyle, JsonStyle } from "../token-request/request-style.js";
import {
  createTokenClient,
  TOKEN_CLIENT_OPTION_KEYS,
  type TokenClientOptions,
} from "../token-request/token-client.js";
import type { TokenSet } from "../token-set.js";
import { normalizeScopes, optionalFunction, optionalString } from "../validate-options.js";
import { createSourceCache, SOURCE_CACHE_OPTION_KEYS, type SourceCacheOptions } from "./source-options.js";
import { makeSource, type TokenSource } from "./token-source.js";
import { TokensUpdate } from "./tokens-update.js";

/** Options of {@link authorizationCode}. */
export interface AuthorizationCodeOptions extends Omit<TokenClientOptions, "style">, SourceCacheOptions {
  /**
   * How to send token requests. `basic-query` is not allowed: it would put codes and refresh tokens
   * into URLs.
   */
  style: JsonStyle | FormPostStyle | BasicFormStyle;
  /** The `redirect_uri` used in the authorization request, sent with the code. */
  redirectUri?: string | undefined;
  /** A stored refresh token to start from (persisted from an earlier `onTokens`). */
  refreshToken?: string | undefined;
  /** Scopes sent as `scope` with refresh requests (and code exchanges without their own `scope`). */
  scopes?: readonly string[] | undefined;
  /**
   * Called with one {@link TokensUpdate} after every successful exchange or refresh, background
   * refreshes included: persist `update.refreshToken`. It is awaited; if it throws, the error reaches
   * the callers of that request, and the new tokens are kept in memory all the same.
   */
  onTokens?: ((update: TokensUpdate) => void | Promise<void>) | undefined;
  /**
   * Whose grant this is (a user or account id), for the cache key: sources with the same subject,
   * client and scopes share cached access tokens through a shared store.
   * @default a random id per source (no sharing)
   */
  subject?: string | undefined;
  /**
   * Send the authorization response's `state` in the code exchange too. RFC 6749 does not, but some
   * providers require it (Bolt's token endpoint takes `state`).
   * @default false
   */
  sendState?: boolean | undefined;
}

/** Options of {@link AuthorizationCodeSource.exchangeCode}. */
export interface ExchangeCodeOptions {
  /** The `code` from the authorization response. */
  readonly code: string;
  /** The `state` from the authorization response. */
  readonly state?: string | undefined;
  /** The `state` sent in the authorization request; when given, a different `state` is rejected before any request. */
  readonly expectedState?: string | undefined;
  /** The PKCE `code_verifier`. */
  readonly codeVerifier?: string | undefined;
  /** Scopes for this exchange (Bolt: `["bolt.account.manage", "openid"]`); default the source's `scopes`. */
  readonly scope?: readonly string[] | undefined;
  /** Aborts the request with `AUTH_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/** An authorization-code {@link TokenSource} with rotation-aware refresh. */
export interface AuthorizationCodeSource extends TokenSource {
  readonly kind: "authorization_code";
  /**
   * Exchanges an authorization code for tokens, installs them (replacing any earlier grant) and calls
   * `onTokens`. Concurrent `getToken()` calls wait for it.
   *
   * @throws {GrantError} `AUTH_STATE_MISMATCH` when `state !== expectedState` (no request is sent)
   * @throws {OAuthError} `AUTH_OAUTH_ERROR` (`invalid_grant` for a used or expired code)
   */
  exchangeCode(options: ExchangeCodeOptions): Promise<AccessToken>;
  /** Whether the source holds a refresh token. */
  hasRefreshToken(): boolean;
}

const OPTION_KEYS = [
  ...TOKEN_CLIENT_OPTION_KEYS,
  ...SOURCE_CACHE_OPTION_KEYS,
  "redirectUri",
  "refreshToken",
  "scopes",
  "onTokens",
  "subject",
  "sendState",
];

/**
 * A token source for the authorization-code grant with refresh tokens (Bolt accounts). Refreshes are
 * rotation-aware: a returned refresh token replaces the old one at once, is handed to `onTokens`, and
 * the old one is never sent again; concurrent refreshes share one request, so a refresh token is
 * never sent twice at the same time. An `invalid_grant` answer drops the refresh token (the next
 * `getToken()` fails with `AUTH_NO_GRANT` until `exchangeCode()`).
 *
 * A refresh token lives only in this source (and wherever `onTokens` persists it); the store caches
 * access tokens only.
 *
 * @param options - token endpoint, credentials, style, redirect URI, stored refresh token, `onTokens`
 * @returns the source
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the option
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @example
 * ```ts
 * const bolt = authorizationCode({
 *   tokenUrl: "https://api.bolt.com/v1/oauth/token",
 *   clientId: publishableKey, clientSecret: apiKey,
 *   style: { kind: "form-post" },
 *   headers: { "X-API-Key": apiKey, "X-Publishable-Key": publishableKey },
 *   scopes: ["bolt.account.view"],
 *   refreshToken: await db.loadRefreshToken(userId),
 *   onTokens: ({ refreshToken }) => db.saveRefreshToken(userId, refreshToken),
 * });
 * ```
 */
export function authorizationCode(options: AuthorizationCodeOptions): AuthorizationCodeSource {
  const client = createTokenClient(options, "authorizationCode", OPTION_KEYS);
  if (client.style.kind === "basic-query") {
    throw new AuthConfigError("style.kind", "basic-query would put codes and refresh tokens into URLs");
  }
  const scopes = normalizeScopes(options.scopes, "scopes");
  const redirectUri = optionalString(options.redirectUri, "redirectUri");
  if (redirectUri !== undefined) {
    try {
      new URL(redirectUri);
    } catch {
      throw new AuthConfigError("redirectUri", "must be an absolute URL");
    }
  }
  const sendState = options.sendState ?? false;
  if (typeof sendState !== "boolean") throw new AuthConfigError("sendState", "must be a boolean");
  let refreshToken = optionalString(options.refreshToken, "refreshToken");
  const onTokens = optionalFunction<(update: TokensUpdate) => void | Promise<void>>(
    options.onTokens,
    "onTokens",
  );
  const subject = optionalString(options.subject, "subject") ?? globalThis.crypto.randomUUID();
  client.scrubber.add(refreshToken);

  const install = async (set: TokenSet, reason: TokensUpdate["reason"], sent: string | undefined) => {
    const rotated = set.refreshToken !== undefined && set.refreshToken !== sent;
    if (reason === "authorization_code" || rotated) refreshToken = set.refreshToken ?? refreshToken;
    if (onTokens !== undefined) {
      await onTokens(
        new TokensUpdate({
          reason,
          token: set.token,
          refreshToken,
          rotated,
          refreshTokenScope: set.refreshTokenScope,
        }),
      );
    }
  };

  const fetchToken = async (): Promise<AccessToken> => {
    const sent = refreshToken;
    if (sent === undefined) {
      throw new GrantError(AUTH_ERROR_CODES.NO_GRANT, "No refresh token: call exchangeCode() first");
    }
    const requestedAt = client.clock.now();
    let set: TokenSet;
    try {
      const response = await requestRefreshToken(client, { refreshToken: sent, scopes });
      set = await processRefreshTokenResponse(client, response, { requestedAt, requestedScopes: scopes });
    } catch (error) {
      if (isOAuthError(error) && error.error === "invalid_grant" && refreshToken === sent)
        refreshToken = undefined;
      throw error;
    }
    await install(set, "refresh_token", sent);
    return set.token;
  };

  const { cache, revocationUrl } = createSourceCache(
    options,
    client,
    { grant: "authorization_code", scopes, subject },
    fetchToken,
  );

  const exchangeCode = (exchange: ExchangeCodeOptions): Promise<AccessToken> => {
    if (typeof exchange !== "object" || exchange === null) {
      return Promise.reject(new AuthConfigError("exchangeCode", "options must be an object"));
    }
    if (typeof exchange.code !== "string" || exchange.code === "") {
      return Promise.reject(new AuthConfigError("code", "must be a non-empty string"));
    }
    if (
      exchange.expectedState !== undefined &&
      !constantTimeEqual(exchange.state ?? "", exchange.expectedState)
    ) {
      return Promise.reject(
        new GrantError(AUTH_ERROR_CODES.STATE_MISMATCH, "The authorization response state does not match"),
      );
    }
    const requested = exchange.scope === undefined ? scopes : normalizeScopes(exchange.scope, "scope");
    return cache.replace(async () => {
      const requestedAt = client.clock.now();
      const response = await requestAuthorizationCode(client, {
        code: exchange.code,
        state: sendState ? exchange.state : undefined,
        redirectUri,
        codeVerifier: exchange.codeVerifier,
        scopes: requested,
        signal: exchange.signal,
      });
      const set = await processAuthorizationCodeResponse(client, response, {
        requestedAt,
        requestedScopes: requested,
      });
      await install(set, "authorization_code", undefined);
      return set.token;
    });
  };

  return makeSource(
    "authorization_code",
    {
      getToken: (getOptions) => cache.get(getOptions?.signal),
      peek: () => cache.fresh(),
      invalidate: (token) => cache.invalidate(token),
      async revoke(revokeOptions) {
        if (revocationUrl === undefined)
          throw new AuthConfigError("revocationUrl", "is required to revoke tokens");
        const token = cache.peek();
        const held = refreshToken;
        refreshToken = undefined;
        await cache.reset();
        if (held !== undefined) {
          await client.revoke({
            url: revocationUrl,
            token: held,
            tokenTypeHint: "refresh_token",
            signal: revokeOptions?.signal,
          });
        }
        if (token !== undefined) {
          await client.revoke({
            url: revocationUrl,
            token: token.accessToken,
            tokenTypeHint: "access_token",
            signal: revokeOptions?.signal,
          });
        }
      },
      view: () => ({
        ...client.toJSON(),
        redirectUri,
        scopes,
        refreshToken: refreshToken === undefined ? undefined : REDACTED,
        revocationUrl:
          revocationUrl === undefined ? undefined : `${revocationUrl.origin}${revocationUrl.pathname}`,
        token: cache.peek() === undefined ? undefined : REDACTED,
      }),
    },
    {
      exchangeCode,
      hasRefreshToken: () => refreshToken !== undefined,
    },
  ) as AuthorizationCodeSource;
}

function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
