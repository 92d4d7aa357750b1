import {
  AuthConfigError,
  authMiddleware,
  type ClientCredentialsSource,
  type Clock,
  clientCredentials,
  ReplayableRequest,
  type TokenStore,
} from "@org/auth";
import createClient, { type Client } from "openapi-fetch";
import { gatewayUrl } from "./base-url.js";
import { OPERATION_SECURITY, SCOPES, TOKEN_URLS } from "./generated/auth.gen.js";
import type { paths } from "./generated/schema.gen.js";

/** Options of {@link createBoltPayClient}. */
export interface BoltPayClientOptions {
  /**
   * Your gateway host, as boltPay gave it (the docs' `{pgw-url}`), e.g. `https://pgw.example.com`.
   * Required: boltPay publishes no shared host. Must be `https:` (plain `http:` only on a loopback
   * host). The token endpoint is `<baseUrl>/auth/token`.
   */
  baseUrl: string;
  /** The client id boltPay issued. */
  clientId: string;
  /** The client secret boltPay issued. Sent form-encoded in the token request body; never logged. */
  clientSecret: string;
  /** Where tokens are cached (share one across processes). @default in memory */
  tokenStore?: TokenStore | undefined;
  /** The fetch for API and token requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
  /** Time for token expiry and refresh (tests). @default the system clock */
  clock?: Clock | undefined;
}

/** A boltPay client: openapi-fetch's client for the gateway's paths, plus its token source. */
export type BoltPayClient = Client<paths> & {
  /** The token source: `getToken()`, `invalidate()`. */
  readonly auth: ClientCredentialsSource;
};

/**
 * The scope string every token request sends: the fixed `openid accountId username roles
 * permissions status entityUser` that boltPay's docs prescribe (every operation needs all seven).
 */
export const BOLTPAY_SCOPES = SCOPES;

const OPTION_KEYS = new Set(["baseUrl", "clientId", "clientSecret", "tokenStore", "fetch", "clock"]);

/**
 * Creates a boltPay gateway client. Tokens come from `POST <baseUrl>/auth/token` (form body, client
 * credentials, the fixed scope string). They live 10 minutes and cannot be refreshed, so a new
 * client-credentials request is made each time: from 540 s on (the refresh window) callers still get
 * the cached token at once while one background request runs; from 570 s on (the margin) the old
 * token is no longer used. Concurrent callers share one request, and a 401 is replayed once with a
 * new token.
 *
 * @param options - gateway URL and credentials
 * @returns the client
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` naming the option (`baseUrl` missing or malformed, …)
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` naming `baseUrl` when it is plain `http:` and not loopback
 * @example
 * ```ts
 * const boltPay = createBoltPayClient({ baseUrl: "https://pgw.example.com", clientId, clientSecret });
 * const { data } = await boltPay.POST("/v1/refund/{paymentId}", { params: { path: { paymentId } } });
 * ```
 */
export function createBoltPayClient(options: BoltPayClientOptions): BoltPayClient {
  if (typeof options !== "object" || options === null) {
    throw new AuthConfigError("createBoltPayClient", "options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new AuthConfigError(key, "is not an option of createBoltPayClient");
  }
  const { base, origin } = gatewayUrl(options.baseUrl);
  const source = clientCredentials({
    tokenUrl: `${base}${TOKEN_URLS.oauth2.clientCredentials}`,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    style: { kind: "form-post" },
    scopes: BOLTPAY_SCOPES,
    store: options.tokenStore,
    fetch: options.fetch,
    clock: options.clock,
  });
  const client = createClient<paths>({
    baseUrl: base,
    redirect: "manual",
    Request: ReplayableRequest,
    ...(options.fetch && { fetch: options.fetch }),
  });
  client.use(authMiddleware(source, { origins: [origin], operations: OPERATION_SECURITY }));
  return Object.assign(client, { auth: source });
}
