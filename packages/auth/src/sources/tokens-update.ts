import type { AccessToken } from "../access-token.js";
import { type InspectFunction, inspectSymbol, REDACTED, renderRedacted } from "../redact.js";

/** Why {@link TokensUpdate} was emitted. */
export type TokensUpdateReason = "authorization_code" | "refresh_token";

/** The fields of a {@link TokensUpdate}. */
export interface TokensUpdateFields {
  readonly reason: TokensUpdateReason;
  readonly token: AccessToken;
  readonly refreshToken: string | undefined;
  readonly rotated: boolean;
  readonly refreshTokenScope: readonly string[] | undefined;
}

/**
 * The single state object handed to `onTokens` after every successful code exchange or refresh
 * (automatic background refreshes included). Persist {@link TokensUpdate.refreshToken}: with
 * rotation the previous refresh token is dead. `JSON.stringify()` / `util.inspect()` of this object
 * are redacted; read the getters explicitly.
 */
export class TokensUpdate {
  readonly #refreshToken: string | undefined;
  /** `authorization_code` after `exchangeCode()`, `refresh_token` after a refresh. */
  readonly reason: TokensUpdateReason;
  /** The new access token (with `scope` and `idToken`). */
  readonly token: AccessToken;
  /** Whether the server issued a new refresh token that replaces the previous one. */
  readonly rotated: boolean;
  /** The refresh token's scopes (`refresh_token_scope`), when the server said. */
  readonly refreshTokenScope: readonly string[] | undefined;

  /** @param fields - the update */
  constructor(fields: TokensUpdateFields) {
    this.reason = fields.reason;
    this.token = fields.token;
    this.#refreshToken = fields.refreshToken;
    this.rotated = fields.rotated;
    this.refreshTokenScope = fields.refreshTokenScope;
    Object.freeze(this);
  }

  /** The refresh token to persist (the current one: rotated or kept). Secret. */
  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  /** The granted scopes of the access token. */
  get scope(): readonly string[] | undefined {
    return this.token.scope;
  }

  /** The `id_token`, when returned. Secret. */
  get idToken(): string | undefined {
    return this.token.idToken;
  }

  /** @returns a redacted view */
  toJSON(): Record<string, unknown> {
    return {
      reason: this.reason,
      token: this.token.toJSON(),
      refreshToken: this.#refreshToken === undefined ? undefined : REDACTED,
      rotated: this.rotated,
      refreshTokenScope: this.refreshTokenScope,
    };
  }

  [inspectSymbol](...[, options, inspect]: Parameters<InspectFunction>): string {
    return renderRedacted("TokensUpdate", this.toJSON(), options, inspect);
  }
}
