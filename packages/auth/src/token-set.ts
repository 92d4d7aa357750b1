import type { AccessToken } from "./access-token.js";
import { type InspectFunction, inspectSymbol, REDACTED, renderRedacted } from "./redact.js";

/** The fields of a {@link TokenSet}. */
export interface TokenSetFields {
  /** The access token (with `idToken` and granted `scope`). */
  readonly token: AccessToken;
  /** The refresh token, when the response carried one. */
  readonly refreshToken?: string | undefined;
  /** The scopes of the refresh token (Bolt's `refresh_token_scope`), when returned. */
  readonly refreshTokenScope?: readonly string[] | undefined;
}

/**
 * A validated token response: the access token plus, for the authorization-code and refresh grants,
 * the refresh token. `refreshToken` is a prototype getter: JSON and inspect output show `[REDACTED]`.
 */
export class TokenSet {
  readonly #refreshToken: string | undefined;
  /** The access token. */
  readonly token: AccessToken;
  /** The refresh token's scopes, when the server said (`refresh_token_scope`). */
  readonly refreshTokenScope: readonly string[] | undefined;

  /** @param fields - token, refresh token, refresh-token scope */
  constructor(fields: TokenSetFields) {
    this.token = fields.token;
    this.#refreshToken = fields.refreshToken;
    this.refreshTokenScope =
      fields.refreshTokenScope === undefined ? undefined : Object.freeze([...fields.refreshTokenScope]);
    Object.freeze(this);
  }

  /** The refresh token. Secret: persist it, never log it. */
  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  /** @returns a redacted view */
  toJSON(): Record<string, unknown> {
    return {
      token: this.token.toJSON(),
      refreshToken: this.#refreshToken === undefined ? undefined : REDACTED,
      refreshTokenScope: this.refreshTokenScope,
    };
  }

  [inspectSymbol](...[, options, inspect]: Parameters<InspectFunction>): string {
    return renderRedacted("TokenSet", this.toJSON(), options, inspect);
  }
}
