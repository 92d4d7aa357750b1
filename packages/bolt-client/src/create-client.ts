import type { WithOptionalHeader } from "@org/auth";
import {
  AuthConfigError,
  type AuthorizationCodeSource,
  authMiddleware,
  authorizationCode,
  type Clock,
  ReplayableRequest,
  type TokenStore,
  type TokensUpdate,
} from "@org/auth";
import createClient, { type Client } from "openapi-fetch";
import { accountAuth, type BoltAccountAuth, REFRESH_SCOPES } from "./account-auth.js";
import { secureOrigin } from "./base-url.js";
import { SERVERS, TOKEN_URLS } from "./generated/auth.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { boltMiddleware } from "./middleware/bolt-middleware.js";

/** Bolt's two environments. */
export type BoltEnvironment = "production" | "sandbox";

/** The API origin of each environment, from the spec's servers. */
export const BOLT_ENVIRONMENTS: { readonly [E in BoltEnvironment]: string } = Object.freeze({
  production: SERVERS[0].url,
  sandbox: SERVERS[1].url,
});

/** Options of {@link createBoltClient}. */
export interface BoltClientOptions {
  /**
   * The merchant API key (Merchant Dashboard → Developers → API). Sent as `X-API-Key` on every
   * operation whose security names it, and as the OAuth `client_secret`. Never logged.
   */
  apiKey: string;
  /**
   * The publishable key (merchant division). Sent as `X-Publishable-Key` on the operations that take
   * it (optional on v1, required on v3 and `GET /v1/account/exists`, which then need no per-call
   * header), and the OAuth `client_id`.
   */
  publishableKey?: string | undefined;
  /** `production` (`https://api.bolt.com`) or `sandbox` (`https://api-sandbox.bolt.com`). */
  environment: BoltEnvironment;
  /** OAuth `client_id`. @default publishableKey */
  clientId?: string | undefined;
  /** OAuth `client_secret`. @default apiKey */
  clientSecret?: string | undefined;
  /** A shopper's refresh token stored from an earlier `onTokens`, to resume their grant. */
  refreshToken?: string | undefined;
  /**
   * Called after every code exchange and every refresh (background ones too) with the new tokens:
   * persist `update.refreshToken` (Bolt's refresh tokens are single-use and rotate). `update.idToken`
   * is the `id_token` when `openid` was granted.
   */
  onTokens?: ((update: TokensUpdate) => void | Promise<void>) | undefined;
  /** Where access tokens are cached (refresh tokens never are). @default in memory */
  tokenStore?: TokenStore | undefined;
  /**
   * Whose grant this client holds (a shopper id), so clients sharing `tokenStore` share that
   * shopper's cached access token. @default a random id (no sharing)
   */
  subject?: string | undefined;
  /** The fetch for API and token requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
  /** The API origin, instead of the environment's (a proxy, a local simulator). */
  baseUrl?: string | undefined;
  /** Time for token expiry and refresh (tests). @default the system clock */
  clock?: Clock | undefined;
}

/** The spec's `paths` with `X-Publishable-Key` optional: for a client created with `publishableKey`. */
export type BoltPathsWithPublishableKey = WithOptionalHeader<paths, "X-Publishable-Key">;

/**
 * A Bolt client: openapi-fetch's client for the spec's paths (`paths`, or
 * {@link BoltPathsWithPublishableKey} when the client has a publishable key), plus the shopper-OAuth
 * side, `auth`.
 */
export type BoltClient<Paths extends {} = paths> = Client<Paths> & {
  /** Code exchange, the current access token, refresh-token state. */
  readonly auth: BoltAccountAuth;
};

const ENVIRONMENTS = new Set<string>(Object.keys(BOLT_ENVIRONMENTS));
const OPTION_KEYS = new Set([
  "apiKey",
  "publishableKey",
  "environment",
  "clientId",
  "clientSecret",
  "refreshToken",
  "onTokens",
  "tokenStore",
  "subject",
  "fetch",
  "baseUrl",
  "clock",
]);

function optionalString(value: unknown, option: string): string | undefined {
  if (value !== undefined && (typeof value !== "string" || value === "")) {
    throw new AuthConfigError(option, "must be a non-empty string");
  }
  return value;
}

/**
 * Creates a Bolt client. Per operation, from the spec's security requirements:
 *
 * - account calls (`apiKey` AND `oauth2`) send `X-API-Key` and the shopper's bearer token, which
 *   comes from `client.auth.exchangeCode()` or the stored `refreshToken`, is cached, refreshed
 *   (with rotation) before it expires, and replaced once after a 401;
 * - API-key-only calls (creating an account, guest payments, orders, sandbox helpers) send
 *   `X-API-Key` only: no `Authorization` header and never a token request;
 * - `X-Publishable-Key` goes with the operations that declare it.
 *
 * Credentials go to the Bolt origin only, never to another origin (a per-call `baseUrl`).
 *
 * @param options - keys, environment, stored grant, persistence callback
 * @returns the client
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the bad option
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` for a `baseUrl` that is plain `http:` and not loopback
 * @example
 * ```ts
 * const bolt = createBoltClient({ apiKey, publishableKey, environment: "sandbox", onTokens: save });
 * await bolt.auth.exchangeCode({ code, state, expectedState });
 * const { data } = await bolt.GET("/v1/account");
 * ```
 */
export function createBoltClient(
  options: BoltClientOptions & { publishableKey: string },
): BoltClient<BoltPathsWithPublishableKey>;
export function createBoltClient(options: BoltClientOptions): BoltClient;
export function createBoltClient(
  options: BoltClientOptions,
): BoltClient | BoltClient<BoltPathsWithPublishableKey> {
  if (typeof options !== "object" || options === null) {
    throw new AuthConfigError("createBoltClient", "options must be an object");
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new AuthConfigError(key, "is not an option of createBoltClient");
  }
  const apiKey = optionalString(options.apiKey, "apiKey");
  if (apiKey === undefined) throw new AuthConfigError("apiKey", "is required");
  if (!ENVIRONMENTS.has(options.environment)) {
    throw new AuthConfigError("environment", `must be one of ${[...ENVIRONMENTS].join(", ")}`);
  }
  const publishableKey = optionalString(options.publishableKey, "publishableKey");
  const clientId = optionalString(options.clientId, "clientId") ?? publishableKey;
  const origin = secureOrigin(options.baseUrl ?? BOLT_ENVIRONMENTS[options.environment], "baseUrl");
  const tokenUrl = new URL(new URL(TOKEN_URLS.oauth2.authorizationCode).pathname, origin).href;
  const unavailable = () =>
    new AuthConfigError("publishableKey", "is required for account (OAuth) calls: it is the OAuth client_id");
  if (clientId === undefined && options.refreshToken !== undefined) throw unavailable();

  const source: AuthorizationCodeSource | undefined =
    clientId === undefined
      ? undefined
      : authorizationCode({
          tokenUrl,
          clientId,
          clientSecret: options.clientSecret ?? apiKey,
          style: { kind: "form-post" },
          // help.bolt.com lists X-API-Key on the token endpoint; the spec declares X-Publishable-Key there.
          headers: {
            "X-API-Key": apiKey,
            ...(publishableKey !== undefined && { "X-Publishable-Key": publishableKey }),
          },
          scopes: REFRESH_SCOPES,
          refreshToken: options.refreshToken,
          onTokens: options.onTokens,
          store: options.tokenStore,
          subject: options.subject,
          // Bolt's token request takes the authorization response's `state`.
          sendState: true,
          fetch: options.fetch,
          clock: options.clock,
        });

  const client = createClient<paths>({
    baseUrl: origin,
    redirect: "manual",
    Request: ReplayableRequest,
    ...(options.fetch && { fetch: options.fetch }),
  });
  client.use(
    boltMiddleware({
      origin,
      apiKey,
      publishableKey,
      account: source && authMiddleware(source, { origins: [origin], headers: { "X-API-Key": apiKey } }),
      unavailable,
    }),
  );
  return Object.assign(client, { auth: accountAuth(source, unavailable) });
}
