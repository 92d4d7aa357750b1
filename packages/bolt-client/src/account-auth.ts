import {
  type AccessToken,
  AuthConfigError,
  type AuthorizationCodeSource,
  type GetTokenOptions,
  REDACTED,
} from "@org/auth";
import { type Scope, ScopeSchema } from "./generated/auth.gen.js";
import { inspectSymbol, renderView } from "./redacted-view.js";

/**
 * Scopes sent with a code exchange unless the call names its own: what Bolt's example sends
 * (`bolt.account.manage+openid`); `openid` adds the `id_token`.
 */
export const DEFAULT_EXCHANGE_SCOPES: readonly Scope[] = Object.freeze(["bolt.account.manage", "openid"]);

/**
 * Scopes sent with refresh requests. Bolt requires `scope` on a refresh, and a refresh token only
 * ever grants `bolt.account.view` (`refresh_token_scope`): a refreshed access token is view-only,
 * and account changes need a new login.
 */
export const REFRESH_SCOPES: readonly Scope[] = Object.freeze(["bolt.account.view"]);

/** Options of {@link BoltAccountAuth.exchangeCode}. */
export interface BoltExchangeCodeOptions {
  /** The authorization code from Bolt's login (OTP) modal, or a sandbox test shopper's `oauth_code`. Single-use, valid 5 minutes. */
  readonly code: string;
  /** The `state` the modal returned with the code; sent in the token request body. */
  readonly state?: string | undefined;
  /** The `state` your front end issued; when given, a different `state` fails before any request (`AUTH_STATE_MISMATCH`). */
  readonly expectedState?: string | undefined;
  /**
   * The scopes to ask for (the scope the modal granted). Checked at run time too.
   * @default ["bolt.account.manage", "openid"]
   */
  readonly scope?: readonly Scope[] | undefined;
  /** Aborts the exchange (`AUTH_ABORTED`). */
  readonly signal?: AbortSignal | undefined;
}

/** The shopper-OAuth side of a Bolt client (`client.auth`). */
export interface BoltAccountAuth {
  /**
   * Exchanges an authorization code: a form-body `grant_type=authorization_code` request with
   * `code`, `scope` and `state`, the publishable key as `client_id`, the API key as `client_secret`
   * and in `X-API-Key`. The new tokens replace any earlier grant and go to `onTokens`.
   *
   * @returns the access token; `token.idToken` is the `id_token` when `openid` was granted
   * @throws {GrantError} `AUTH_STATE_MISMATCH` when `state !== expectedState` (nothing is sent)
   * @throws {OAuthError} `AUTH_OAUTH_ERROR`, e.g. `invalid_grant` for a used or expired code
   * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` for a scope that is not Bolt's, or a client without a publishable key / client id
   */
  exchangeCode(options: BoltExchangeCodeOptions): Promise<AccessToken>;
  /**
   * The current access token: cached, or refreshed with the stored refresh token (rotated: the new
   * refresh token goes to `onTokens`).
   *
   * @throws {GrantError} `AUTH_NO_GRANT` before any exchange and without a stored refresh token
   */
  getToken(options?: GetTokenOptions): Promise<AccessToken>;
  /** Whether a refresh token is held (from `refreshToken`, an exchange, or the last rotation). */
  hasRefreshToken(): boolean;
  /** Drops the cached access token (or `token`, if it is still the cached one); the next call refreshes. */
  invalidate(token?: AccessToken): Promise<boolean>;
  /** The underlying `@org/auth` source; `undefined` when the client has no client id. */
  readonly source: AuthorizationCodeSource | undefined;
}

/**
 * Checks scopes given at run time (a list read from configuration).
 *
 * @throws {AuthConfigError} naming `option[index]`
 */
export function checkScopes(scopes: readonly unknown[], option: string): readonly Scope[] {
  scopes.forEach((scope, index) => {
    if (!ScopeSchema.safeParse(scope).success) {
      throw new AuthConfigError(
        `${option}[${index}]`,
        `is not a Bolt scope (got ${JSON.stringify(String(scope))})`,
      );
    }
  });
  return scopes as readonly Scope[];
}

/**
 * Builds `client.auth` around the authorization-code source.
 *
 * @param source - the source, or `undefined` when the client cannot make account calls
 * @param unavailable - the error for a client without a source
 */
export function accountAuth(
  source: AuthorizationCodeSource | undefined,
  unavailable: () => Error,
): BoltAccountAuth {
  const view = (): Record<string, unknown> => ({
    source: source?.toJSON(),
    refreshToken: source?.hasRefreshToken() ? REDACTED : undefined,
  });
  const auth: BoltAccountAuth & { toJSON(): Record<string, unknown>; [inspectSymbol]: () => string } = {
    source,
    async exchangeCode(options) {
      if (source === undefined) throw unavailable();
      if (typeof options !== "object" || options === null) {
        throw new AuthConfigError("exchangeCode", "options must be an object");
      }
      const scope = checkScopes(options.scope ?? DEFAULT_EXCHANGE_SCOPES, "scope");
      return source.exchangeCode({
        code: options.code,
        state: options.state,
        expectedState: options.expectedState,
        scope,
        signal: options.signal,
      });
    },
    getToken: (options) => (source === undefined ? Promise.reject(unavailable()) : source.getToken(options)),
    hasRefreshToken: () => source?.hasRefreshToken() ?? false,
    invalidate: (token) => (source === undefined ? Promise.resolve(false) : source.invalidate(token)),
    toJSON: view,
    [inspectSymbol]: () => renderView("BoltAccountAuth", view()),
  };
  return Object.freeze(auth);
}
