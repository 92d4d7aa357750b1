import type { WithOptionalHeader } from "@org/auth";
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
import { secureOrigin } from "./base-url.js";
import {
  OPERATION_SECURITY,
  SCOPES,
  type Scope,
  ScopeSchema,
  SERVERS,
  TOKEN_URLS,
} from "./generated/auth.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { requestorIdMiddleware } from "./middleware/requestor-id-middleware.js";
import type { REQUESTOR_ID_HEADER } from "./requestor-id-operations.js";

/** Tradevest's two environments. */
export type TradevestEnvironment = "test" | "production";

/** The API host and token URL of each environment. */
export const TRADEVEST_ENVIRONMENTS: {
  readonly [E in TradevestEnvironment]: { readonly apiUrl: string; readonly tokenUrl: string };
} = Object.freeze({
  production: { apiUrl: SERVERS[0].url, tokenUrl: TOKEN_URLS.oauth2.clientCredentials },
  // The spec declares the auth hosts as operation-level servers, which the codegen does not emit.
  test: { apiUrl: SERVERS[1].url, tokenUrl: "https://b2b.auth.platform-test.tradevest.ai/connect/token" },
});

/** Options of {@link createTradevestClient}. */
export interface TradevestClientOptions {
  /** The client id Tradevest support issued. */
  clientId: string;
  /** The client secret. Sent in the form body of token requests; never logged. */
  clientSecret: string;
  /** `test` (sandbox, no real customer data) or `production`. */
  environment: TradevestEnvironment;
  /**
   * The default `Requestor-ID`: the natural person (UUID) on whose behalf the partner acts. Sent on
   * every operation that requires the header unless the call passes its own; never on the exempt
   * operations. With it, the header parameter is optional in the types; without it, required.
   */
  requestorId?: string | undefined;
  /** Scopes to request. @default ["tradevest.api"] */
  scopes?: readonly Scope[] | undefined;
  /** The API origin, instead of the environment's (a proxy, a local simulator). */
  baseUrl?: string | undefined;
  /** The token endpoint, instead of the environment's auth host. */
  tokenUrl?: string | undefined;
  /** Where tokens are cached (share one across processes). @default in memory */
  tokenStore?: TokenStore | undefined;
  /** The fetch for API and token requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
  /** Time for token expiry and refresh (tests). @default the system clock */
  clock?: Clock | undefined;
}

/** The spec's `paths` with `Requestor-ID` optional: for a client created with a default `requestorId`. */
export type TradevestPathsWithRequestorId = WithOptionalHeader<paths, typeof REQUESTOR_ID_HEADER>;

/**
 * A Tradevest client: openapi-fetch's client for the spec's paths (`paths`, or
 * {@link TradevestPathsWithRequestorId} when the client has a default `requestorId`), plus its token
 * source.
 */
export type TradevestClient<Paths extends {} = paths> = Client<Paths> & {
  /** The token source: `getToken()`, `invalidate()`. */
  readonly auth: ClientCredentialsSource;
  /** The default `Requestor-ID`, if any. */
  readonly requestorId: string | undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPTION_KEYS = new Set([
  "clientId",
  "clientSecret",
  "environment",
  "requestorId",
  "scopes",
  "baseUrl",
  "tokenUrl",
  "tokenStore",
  "fetch",
  "clock",
]);

function checkScopes(scopes: readonly unknown[]): readonly Scope[] {
  scopes.forEach((scope, index) => {
    if (!ScopeSchema.safeParse(scope).success) {
      throw new AuthConfigError(
        `scopes[${index}]`,
        `is not a Tradevest scope (got ${JSON.stringify(String(scope))})`,
      );
    }
  });
  return scopes as readonly Scope[];
}

/**
 * Creates a Tradevest client. Tokens come from the environment's auth host (`POST /connect/token`,
 * form body, client credentials, `scope=tradevest.api`), are cached and requested anew in the
 * background before they expire. With `requestorId`, every call that requires `Requestor-ID` gets
 * it unless the call passes its own (`params: { header: { "Requestor-ID": id } }`).
 *
 * @param options - credentials, environment, default Requestor-ID
 * @returns the client
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` naming the option (a `requestorId` that is not a UUID, …)
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` for a plain-`http:` `baseUrl` or `tokenUrl` that is not loopback
 * @example
 * ```ts
 * const tradevest = createTradevestClient({ clientId, clientSecret, environment: "test", requestorId });
 * const { data } = await tradevest.GET("/v2/partner-details"); // Requestor-ID: requestorId
 * ```
 */
export function createTradevestClient(
  options: TradevestClientOptions & { requestorId: string },
): TradevestClient<TradevestPathsWithRequestorId>;
export function createTradevestClient(options: TradevestClientOptions): TradevestClient;
export function createTradevestClient(
  options: TradevestClientOptions,
): TradevestClient | TradevestClient<TradevestPathsWithRequestorId> {
  if (typeof options !== "object" || options === null) {
    throw new AuthConfigError("createTradevestClient", "options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new AuthConfigError(key, "is not an option of createTradevestClient");
  }
  if (!Object.hasOwn(TRADEVEST_ENVIRONMENTS, options.environment)) {
    throw new AuthConfigError(
      "environment",
      `must be one of ${Object.keys(TRADEVEST_ENVIRONMENTS).join(", ")}`,
    );
  }
  const environment = TRADEVEST_ENVIRONMENTS[options.environment];
  const { requestorId } = options;
  if (requestorId !== undefined && (typeof requestorId !== "string" || !UUID.test(requestorId))) {
    throw new AuthConfigError("requestorId", "must be a UUID (the id of the natural person you act for)");
  }
  const origin = secureOrigin(options.baseUrl ?? environment.apiUrl, "baseUrl");
  const source = clientCredentials({
    tokenUrl: options.tokenUrl ?? environment.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    style: { kind: "form-post" },
    scopes: checkScopes(options.scopes ?? SCOPES),
    store: options.tokenStore,
    fetch: options.fetch,
    clock: options.clock,
  });
  const client = createClient<paths>({
    baseUrl: origin,
    redirect: "manual",
    Request: ReplayableRequest,
    ...(options.fetch && { fetch: options.fetch }),
  });
  if (requestorId !== undefined) client.use(requestorIdMiddleware({ origin, requestorId }));
  client.use(authMiddleware(source, { origins: [origin], operations: OPERATION_SECURITY }));
  return Object.assign(client, { auth: source, requestorId });
}
