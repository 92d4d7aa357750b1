import {
  AuthConfigError,
  authMiddleware,
  type ClientCredentialsSource,
  clientCredentials,
  ReplayableRequest,
  type ScopedClient,
  type TokenInfo,
  type TokenStore,
  tokenInfo,
} from "@org/auth";
import createClient from "openapi-fetch";
import { OPERATION_SCOPES, type Scope, ScopeSchema, SERVERS, TOKEN_URLS } from "./generated/auth.gen.js";
import type { paths } from "./generated/schema.gen.js";

/** Options of {@link createBorderboltClient}. */
export interface BorderboltClientOptions<Scopes extends readonly Scope[] = readonly Scope[]> {
  /** The API client id (Borderbolt app → Settings → API Documentation → Generate API Credentials). */
  clientId: string;
  /** The client secret. Kept inside the token source; never logged. */
  clientSecret: string;
  /**
   * Scopes to request. Omit to get every scope the credential was granted. A literal list narrows
   * the client's type to the operations those scopes allow (see `scopesFor()` to compute one).
   * Checked at run time too, so a list read from configuration fails early, naming the bad entry.
   */
  scopes?: Scopes | undefined;
  /**
   * The API origin; the token, tokeninfo and revoke endpoints are on it too.
   * @default "https://app.borderbolt.com"
   */
  baseUrl?: string | undefined;
  /** Where tokens are cached (share one across processes, e.g. on Redis). @default in memory */
  tokenStore?: TokenStore | undefined;
  /** The fetch to use for API and token requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
}

/**
 * A Borderbolt client: openapi-fetch's client for the spec's paths, limited at compile time to the
 * operations the `Granted` scopes allow (all of them when the scopes are known only at run time),
 * plus its token source.
 */
export type BorderboltClient<Granted extends Scope = Scope> = ScopedClient<
  paths,
  typeof OPERATION_SCOPES,
  Granted
> & {
  /** The token source: `getToken()`, `invalidate()`, `revoke()` (which also clears the cache). */
  readonly auth: ClientCredentialsSource;
  /** What Borderbolt says about the current token (`GET /oauth/tokeninfo`). */
  tokenInfo(options?: { signal?: AbortSignal }): Promise<TokenInfo>;
};

const PRODUCTION = SERVERS[0].url;

/** The spec's token URL, moved onto `baseUrl` when the API is somewhere else (a simulator, a proxy). */
function endpointOn(baseUrl: string, specUrl: string): string {
  const url = new URL(specUrl);
  return new URL(url.pathname, baseUrl).href;
}

function checkScopes(scopes: readonly unknown[] | undefined): readonly Scope[] | undefined {
  scopes?.forEach((scope, index) => {
    if (!ScopeSchema.safeParse(scope).success) {
      throw new AuthConfigError(
        `scopes[${index}]`,
        `is not a Borderbolt scope (got ${JSON.stringify(String(scope))})`,
      );
    }
  });
  return scopes as readonly Scope[] | undefined;
}

/**
 * Creates a Borderbolt client. Tokens are fetched on first use with a JSON-body client-credentials
 * request, cached until shortly before they expire, refreshed in the background, and never
 * requested twice at once; a 401 for the cached token is retried once with a new token. A call
 * the granted scopes do not cover is a compile error (literal `scopes`) and, when the token
 * response names its scopes, rejects with `InsufficientScopeError` before anything is sent.
 *
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the bad option
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` for an `http:` base URL that is not loopback
 * @example
 * ```ts
 * const borderbolt = createBorderboltClient({ clientId, clientSecret, scopes: ["declarations:read"] });
 * const { data } = await borderbolt.GET("/api/v1/declarations", { params: { query: { status: "ACC" } } });
 * ```
 */
export function createBorderboltClient<const Scopes extends readonly Scope[] = readonly Scope[]>(
  options: BorderboltClientOptions<Scopes>,
): BorderboltClient<Scopes[number]> {
  const baseUrl = options.baseUrl ?? PRODUCTION;
  const origin = new URL(baseUrl).origin;
  const source = clientCredentials({
    tokenUrl: endpointOn(baseUrl, TOKEN_URLS.oauth2.clientCredentials),
    revocationUrl: `${origin}/oauth/revoke`,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    scopes: checkScopes(options.scopes),
    style: { kind: "json" },
    store: options.tokenStore,
    fetch: options.fetch,
  });
  const client = createClient<paths>({
    baseUrl: origin,
    redirect: "manual",
    Request: ReplayableRequest,
    ...(options.fetch && { fetch: options.fetch }),
  });
  client.use(authMiddleware(source, { origins: [origin], operations: OPERATION_SCOPES, checkScopes: true }));

  return Object.assign(client as BorderboltClient<Scopes[number]>, {
    auth: source,
    tokenInfo: ({ signal }: { signal?: AbortSignal } = {}) =>
      tokenInfo(source, { url: `${origin}/oauth/tokeninfo`, fetch: options.fetch, signal }),
  });
}
