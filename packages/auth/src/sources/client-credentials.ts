import { AuthConfigError } from "../errors/auth-config-error.js";
import { processClientCredentialsResponse, requestClientCredentials } from "../grants/client-credentials.js";
import { REDACTED } from "../redact.js";
import {
  createTokenClient,
  TOKEN_CLIENT_OPTION_KEYS,
  type TokenClientOptions,
} from "../token-request/token-client.js";
import { normalizeScopes } from "../validate-options.js";
import { createSourceCache, SOURCE_CACHE_OPTION_KEYS, type SourceCacheOptions } from "./source-options.js";
import { makeSource, type TokenSource } from "./token-source.js";

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions extends TokenClientOptions, SourceCacheOptions {
  /** The client secret (kept in a closure; never logged). */
  clientSecret: string;
  /**
   * Scopes to request (`scope`, space-separated). Omit to get the client's default scopes. The cache
   * key covers the sorted scope set.
   */
  scopes?: readonly string[] | undefined;
}

/** A client-credentials {@link TokenSource}. */
export interface ClientCredentialsSource extends TokenSource {
  readonly kind: "client_credentials";
}

const OPTION_KEYS = [...TOKEN_CLIENT_OPTION_KEYS, ...SOURCE_CACHE_OPTION_KEYS, "scopes"];

/**
 * A token source for the OAuth 2.0 client-credentials grant, with caching, background refresh and
 * single flight. All options are validated here.
 *
 * @param options - token endpoint, credentials, style, scopes, cache
 * @returns the source; pass it to `authMiddleware()`
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the option
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 * @example
 * ```ts
 * const bol = clientCredentials({
 *   tokenUrl: "https://login.bol.com/token",
 *   clientId: process.env.BOL_CLIENT_ID!,
 *   clientSecret: process.env.BOL_CLIENT_SECRET!,
 *   style: { kind: "basic-query" },
 * });
 * const token = await bol.getToken();
 * ```
 */
export function clientCredentials(options: ClientCredentialsOptions): ClientCredentialsSource {
  const client = createTokenClient(options, "clientCredentials", OPTION_KEYS);
  if (!client.hasSecret) throw new AuthConfigError("clientSecret", "is required for client credentials");
  const scopes = normalizeScopes(options.scopes, "scopes");

  const fetchToken = async () => {
    const requestedAt = client.clock.now();
    const response = await requestClientCredentials(client, { scopes });
    const set = await processClientCredentialsResponse(client, response, {
      requestedAt,
      requestedScopes: scopes,
    });
    return set.token;
  };
  const { cache, revocationUrl } = createSourceCache(
    options,
    client,
    { grant: "client_credentials", scopes },
    fetchToken,
  );

  return makeSource(
    "client_credentials",
    {
      getToken: (getOptions) => cache.get(getOptions?.signal),
      peek: () => cache.fresh(),
      invalidate: (token) => cache.invalidate(token),
      async revoke(revokeOptions) {
        if (revocationUrl === undefined)
          throw new AuthConfigError("revocationUrl", "is required to revoke tokens");
        const token = cache.peek();
        await cache.reset();
        if (token === undefined) return;
        await client.revoke({
          url: revocationUrl,
          token: token.accessToken,
          tokenTypeHint: "access_token",
          signal: revokeOptions?.signal,
        });
      },
      view: () => ({
        ...client.toJSON(),
        scopes,
        revocationUrl:
          revocationUrl === undefined ? undefined : `${revocationUrl.origin}${revocationUrl.pathname}`,
        token: cache.peek() === undefined ? undefined : REDACTED,
      }),
    },
    {},
  ) as ClientCredentialsSource;
}
