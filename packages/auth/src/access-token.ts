import { type InspectFunction, inspectSymbol, REDACTED, renderRedacted } from "./redact.js";

/** The plain, serialisable form of an access token, as a {@link TokenStore} keeps it. */
export interface StoredToken {
  /** Format version of this record. */
  readonly v: 1;
  /** The access token itself. Secret. */
  readonly accessToken: string;
  /** The token type, lowercased (always `bearer`). */
  readonly tokenType: string;
  /** When the token request was sent, in ms since the epoch (lifetimes count from here). */
  readonly issuedAt: number;
  /** When the token expires, in ms since the epoch (`issuedAt + expires_in`). */
  readonly expiresAt: number;
  /** The granted scopes (the response's `scope`, or the requested ones when it had none). */
  readonly scope?: readonly string[] | undefined;
  /** The `id_token`, when the server returned one. Secret. */
  readonly idToken?: string | undefined;
}

/**
 * An access token. The token string is reachable only through {@link AccessToken.accessToken} (a
 * prototype getter) and {@link AccessToken.authorization}; `JSON.stringify`, `util.inspect`,
 * `String()` and template literals show `[REDACTED]` instead.
 */
export class AccessToken {
  readonly #accessToken: string;
  readonly #idToken: string | undefined;
  #authorization: string | undefined;
  /** The token type, lowercased: `bearer`. */
  readonly tokenType: string;
  /** When the token request was sent (ms since the epoch). */
  readonly issuedAt: number;
  /** When the token expires (ms since the epoch). */
  readonly expiresAt: number;
  /** The granted scopes, or `undefined` when none were requested nor returned. */
  readonly scope: readonly string[] | undefined;

  /** @param stored - the token's fields */
  constructor(stored: StoredToken) {
    this.#accessToken = stored.accessToken;
    this.#idToken = stored.idToken;
    this.tokenType = stored.tokenType;
    this.issuedAt = stored.issuedAt;
    this.expiresAt = stored.expiresAt;
    this.scope = stored.scope === undefined ? undefined : Object.freeze([...stored.scope]);
    Object.freeze(this);
  }

  /** The access token string. Secret: send it, never log it. */
  get accessToken(): string {
    return this.#accessToken;
  }

  /** The `id_token` the server returned with this token, if any. Secret. */
  get idToken(): string | undefined {
    return this.#idToken;
  }

  /** The `Authorization` header value: `Bearer <token>`. */
  get authorization(): string {
    if (this.#authorization === undefined) this.#authorization = `Bearer ${this.#accessToken}`;
    return this.#authorization;
  }

  /** The lifetime the server granted, in seconds. */
  get expiresIn(): number {
    return Math.round((this.expiresAt - this.issuedAt) / 1000);
  }

  /**
   * Whether `other` holds the same token string.
   *
   * @param other - another token
   */
  sameAs(other: AccessToken | undefined): boolean {
    return other !== undefined && other.#accessToken === this.#accessToken;
  }

  /** @returns the plain record for a {@link TokenStore} (holds the secret: do not log it) */
  toStored(): StoredToken {
    return {
      v: 1,
      accessToken: this.#accessToken,
      tokenType: this.tokenType,
      issuedAt: this.issuedAt,
      expiresAt: this.expiresAt,
      ...(this.scope === undefined ? {} : { scope: [...this.scope] }),
      ...(this.#idToken === undefined ? {} : { idToken: this.#idToken }),
    };
  }

  /** @returns a redacted view */
  toJSON(): Record<string, unknown> {
    return {
      accessToken: REDACTED,
      tokenType: this.tokenType,
      issuedAt: new Date(this.issuedAt).toISOString(),
      expiresAt: new Date(this.expiresAt).toISOString(),
      scope: this.scope,
      ...(this.#idToken === undefined ? {} : { idToken: REDACTED }),
    };
  }

  /** @returns `[AccessToken REDACTED]`, so string interpolation never leaks the token */
  toString(): string {
    return `[AccessToken ${REDACTED}]`;
  }

  [inspectSymbol](...[, options, inspect]: Parameters<InspectFunction>): string {
    return renderRedacted("AccessToken", this.toJSON(), options, inspect);
  }
}
