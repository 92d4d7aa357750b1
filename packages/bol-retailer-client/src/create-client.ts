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
import { BOL_ENVIRONMENTS, type BolEnvironment, demoRequestClass } from "./environment/demo-paths.js";
import { SERVERS, TOKEN_URLS } from "./generated/auth.gen.js";
import type { paths } from "./generated/schema.gen.js";
import { mediaTypeMiddleware } from "./media-types/media-type-middleware.js";
import { type RateLimitRetryOptions, rateLimitRetry } from "./rate-limit/retry-middleware.js";

/** Options of {@link createBolRetailerClient}. */
export interface BolRetailerClientOptions {
  /** The API client id (bol seller dashboard → Settings → API settings). */
  clientId: string;
  /** The client secret. Kept inside the token source; never logged. */
  clientSecret: string;
  /**
   * `"demo"` sends every request to bol's demo environment on the same host (`/retailer-demo/...`,
   * `/shared-demo/...`), which answers with fixed example data and needs the same credentials.
   * @default "production"
   */
  environment?: BolEnvironment | undefined;
  /**
   * The API base URL (a simulator, a proxy). A path after the origin is kept as a prefix.
   * @default "https://api.bol.com"
   */
  baseUrl?: string | undefined;
  /**
   * The token endpoint. It is on another host than the API, so it does not follow `baseUrl`: set both
   * to point the client at a simulator.
   * @default "https://login.bol.com/token"
   */
  tokenUrl?: string | undefined;
  /** Where tokens are cached (share one across processes, e.g. on Redis). @default in memory */
  tokenStore?: TokenStore | undefined;
  /** The fetch to use for API and token requests. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Retry 429 Too Many Requests after `Retry-After` (idempotent methods only, unless configured).
   * `true` uses the defaults of {@link RateLimitRetryOptions}.
   * @default false
   */
  retry?: boolean | RateLimitRetryOptions | undefined;
  /** The clock of the token source (expiry, refresh window); for tests. @default systemClock() */
  clock?: Clock | undefined;
}

/** A bol Retailer client: openapi-fetch's client for the spec's paths, plus its token source. */
export type BolRetailerClient = Client<paths> & {
  /** The token source: `getToken()`, `invalidate()`. */
  readonly auth: ClientCredentialsSource;
  /** The environment the client talks to. */
  readonly environment: BolEnvironment;
};

const PRODUCTION = SERVERS[0].url;

function checkEnvironment(value: unknown): BolEnvironment {
  if (value === undefined) return "production";
  if (!BOL_ENVIRONMENTS.includes(value as BolEnvironment)) {
    throw new AuthConfigError("environment", `must be one of ${BOL_ENVIRONMENTS.join(", ")}`);
  }
  return value as BolEnvironment;
}

function parseBaseUrl(value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new AuthConfigError("baseUrl", "must be an absolute URL");
  }
}

/**
 * Creates a bol Retailer API client. Tokens come from bol's login server (HTTP Basic,
 * `grant_type=client_credentials` in the query, no body), are fetched on first use, cached,
 * refreshed in the background shortly before their 299 s run out and never requested twice at once;
 * a 401 is retried once with a new token. Every request gets the vendor media types the spec
 * declares for it (`Accept`, and `Content-Type` on bodies).
 *
 * @param options - credentials, environment, endpoints, token store, 429 retry
 * @returns the client
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID`, naming the bad option
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` for an `http:` URL that is not loopback
 * @example
 * ```ts
 * const bol = createBolRetailerClient({ clientId, clientSecret, environment: "demo" });
 * const { data } = await bol.GET("/retailer/orders", { params: { query: { status: "OPEN" } } });
 * ```
 */
export function createBolRetailerClient(options: BolRetailerClientOptions): BolRetailerClient {
  const environment = checkEnvironment(options.environment);
  const base = parseBaseUrl(options.baseUrl ?? PRODUCTION);
  const basePath = base.pathname.replace(/\/+$/, "");
  const source = clientCredentials({
    tokenUrl: options.tokenUrl ?? TOKEN_URLS.oauth2.clientCredentials,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    // bol documents plain HTTP Basic (`base64(id:secret)`, what HTTP clients send). @org/auth's
    // default RFC 6749 encoding would also percent-encode `-`, `_`, `.` and `~` first.
    style: { kind: "basic-query", basicEncoding: "raw" },
    store: options.tokenStore,
    fetch: options.fetch,
    clock: options.clock,
  });
  const client = createClient<paths>({
    baseUrl: `${base.origin}${basePath}`,
    redirect: "manual",
    ...(options.fetch && { fetch: options.fetch }),
    Request: environment === "demo" ? demoRequestClass(basePath) : ReplayableRequest,
  });
  // Order matters: onRequest runs in this order, onResponse in reverse. The retry copy is taken after
  // the credentials are set, and a 401 on a retried request still reaches the auth middleware.
  client.use(mediaTypeMiddleware(), authMiddleware(source, { origins: [base.origin] }));
  if (options.retry !== undefined && options.retry !== false) {
    client.use(rateLimitRetry(options.retry === true ? {} : options.retry));
  }
  return Object.assign(client, { auth: source, environment });
}
