import type { Middleware } from "openapi-fetch";
import type { AccessToken } from "../access-token.js";
import { AuthConfigError } from "../errors/auth-config-error.js";
import { type InspectFunction, inspectSymbol, REDACTED, renderRedacted } from "../redact.js";
import type { TokenSource } from "../sources/token-source.js";
import { assertOptionsObject, normalizeHeaders } from "../validate-options.js";
import { hasAllowedOrigin, normalizeOrigins } from "./origins.js";
import { originalBody, type ReplayBody } from "./replay-body.js";

/** Options of {@link authMiddleware}. */
export interface AuthMiddlewareOptions {
  /**
   * The origins that get credentials, e.g. `["https://api.bol.com"]` (a full URL is reduced to its
   * origin). Required: any other origin gets no `Authorization` and no provider headers. Each must be
   * `https:` (or `http:` on a loopback host).
   */
  origins: readonly (string | URL)[];
  /**
   * Static provider headers sent with the bearer token to the allowed origins (Bolt's `X-API-Key`,
   * `X-Publishable-Key`). Treated as secrets: never logged.
   */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * Replay a request once after a 401 with a new token.
   * @default true
   */
  replayUnauthorized?: boolean | undefined;
  /**
   * The provider's generated `OPERATION_SCOPES` (or `OPERATION_SECURITY`), keyed `"METHOD /path"`.
   * An operation whose entry is empty needs no authentication (a token endpoint, a public
   * discovery document): it gets no credentials and causes no token request. Operations not in
   * the table are authenticated as usual.
   */
  operations?: Readonly<Record<string, readonly unknown[]>> | undefined;
}

/** What is remembered about an authenticated request, for the 401 replay. */
interface SentRequest {
  readonly token: AccessToken;
  /** The body, only when the request had one. */
  readonly body: ReplayBody | undefined;
  /** Whether this request is already the replay. */
  readonly replay: boolean;
}

/** The middleware object, with a redacted `toJSON()` / inspect view. */
export type AuthMiddleware = Middleware & {
  readonly onRequest: NonNullable<Middleware["onRequest"]>;
  readonly onResponse: NonNullable<Middleware["onResponse"]>;
  toJSON(): Record<string, unknown>;
};

/**
 * An openapi-fetch middleware that authenticates requests to the configured origins:
 *
 * - `onRequest` sets `Authorization: Bearer <token>` and the static `headers` only when the request
 *   URL's origin is in `origins`; anything else goes out untouched. A `Authorization` header the
 *   caller set is replaced.
 * - Credentials never follow a redirect: an authenticated request is sent with `redirect: "manual"`,
 *   so a 3xx comes back to the caller instead of being followed (to another origin or not). Create
 *   the client with `redirect: "manual"` (as the provider factories do) and the middleware only sets
 *   headers on the request it gets; otherwise it rebuilds the request with `redirect: "manual"`.
 * - To replay after a 401, the body of a request that has one is kept: the string or bytes the
 *   request was built from when Node's `Request` exposes them (no copy of a string, no stream read;
 *   see `originalBody`), otherwise the body is read once into an `ArrayBuffer` and the request is
 *   rebuilt from it. Requests without a body keep nothing.
 * - `onResponse` on a 401: if the token that was sent is still the cached one it is invalidated and a
 *   new one fetched; if it was already replaced (another request got there first), the current token
 *   is used without a token request. The request is replayed once with the same method, URL, headers
 *   (per-call ones such as Tradevest's `Requestor-ID` included) and body bytes, through the client's
 *   `fetch`. A second 401 is returned as it is.
 *
 * Per-request headers need no new client: pass them per call (`client.GET(path, { headers: {
 * "Requestor-ID": id } })`); the middleware keeps them, on the replay too.
 *
 * @param source - where tokens come from (`clientCredentials()`, `authorizationCode()`)
 * @param options - the origin allowlist and static provider headers
 * @returns a plain `{ onRequest, onResponse }` object for `client.use()` (and `client.eject()`)
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` for a missing `origins` list or bad headers
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` for a plain-http, non-loopback origin
 * @example
 * ```ts
 * const client = createClient<paths>({ baseUrl: "https://api.bol.com", redirect: "manual" });
 * client.use(authMiddleware(bol, { origins: ["https://api.bol.com"] }));
 * ```
 */
export function authMiddleware(source: TokenSource, options: AuthMiddlewareOptions): AuthMiddleware {
  assertOptionsObject(options, ["origins", "headers", "replayUnauthorized", "operations"], "authMiddleware");
  if (
    typeof source !== "function" ||
    typeof source.getToken !== "function" ||
    typeof source.invalidate !== "function"
  ) {
    throw new AuthConfigError("source", "must be a token source such as clientCredentials()");
  }
  const origins = normalizeOrigins(options.origins);
  const headers = Object.entries(normalizeHeaders(options.headers, "headers"));
  const replayUnauthorized = options.replayUnauthorized ?? true;
  if (typeof replayUnauthorized !== "boolean")
    throw new AuthConfigError("replayUnauthorized", "must be a boolean");
  const operations = options.operations;
  if (operations !== undefined && (typeof operations !== "object" || operations === null)) {
    throw new AuthConfigError("operations", "must be an operation table such as OPERATION_SCOPES");
  }
  const sent = new WeakMap<Request, SentRequest>();
  const stateKey: { symbol?: symbol | null } = {};

  /** Sets the credentials; returns a rebuilt request only when the original cannot be sent as is. */
  const authenticate = (request: Request, token: AccessToken): Request | undefined | Promise<Request> => {
    const requestHeaders = request.headers;
    requestHeaders.set("authorization", token.authorization);
    for (const [name, value] of headers) requestHeaders.set(name, value);
    const noRedirects = request.redirect === "manual" || request.redirect === "error";
    let body: ReplayBody | undefined;
    if (request.body !== null) {
      body = originalBody(request, stateKey);
      if (body === undefined) {
        return request.arrayBuffer().then((bytes) => {
          const rebuilt = rebuild(request, requestHeaders, bytes);
          sent.set(rebuilt, { token, body: bytes, replay: false });
          return rebuilt;
        });
      }
    }
    if (noRedirects) {
      sent.set(request, { token, body, replay: false });
      return undefined;
    }
    // The body (if any) is the original string or bytes, so the unread request stream can be dropped.
    const rebuilt = rebuild(request, requestHeaders, body);
    sent.set(rebuilt, { token, body, replay: false });
    return rebuilt;
  };

  const replay = async (
    request: Request,
    response: Response,
    previous: SentRequest,
    fetchFn: (input: Request) => Promise<Response>,
  ): Promise<Response> => {
    await source.invalidate(previous.token);
    const token = await source.getToken({ signal: request.signal });
    const replayHeaders = new Headers(request.headers);
    replayHeaders.set("authorization", token.authorization);
    const again = rebuild(request, replayHeaders, previous.body);
    sent.set(again, { token, body: previous.body, replay: true });
    await response.body?.cancel().catch(() => undefined);
    return fetchFn(again);
  };

  const view = (): Record<string, unknown> => ({
    origins,
    headers: Object.fromEntries(headers.map(([name]) => [name, REDACTED])),
    replayUnauthorized,
  });

  const middleware: AuthMiddleware & { [inspectSymbol]: InspectFunction } = {
    onRequest({ request, schemaPath }) {
      if (!hasAllowedOrigin(request.url, origins)) return undefined;
      if (operations !== undefined && needsNoAuthentication(operations, `${request.method} ${schemaPath}`)) {
        return undefined;
      }
      // Hot path: a usable cached token needs no promise at all.
      const cached = source.peek?.();
      if (cached !== undefined) return authenticate(request, cached);
      return source.getToken({ signal: request.signal }).then((token) => authenticate(request, token));
    },
    onResponse({ request, response, options: clientOptions }) {
      if (response.status !== 401 || !replayUnauthorized) return undefined;
      const previous = sent.get(request);
      if (previous === undefined || previous.replay) return undefined;
      return replay(request, response, previous, clientOptions.fetch);
    },
    toJSON: view,
    [inspectSymbol]: (_depth, inspectOptions, inspect) =>
      renderRedacted("AuthMiddleware", view(), inspectOptions, inspect),
  };
  return Object.freeze(middleware);
}

/** Whether the table lists `operation` with no security requirement at all. */
function needsNoAuthentication(
  operations: Readonly<Record<string, readonly unknown[]>>,
  operation: string,
): boolean {
  return Object.hasOwn(operations, operation) && operations[operation]?.length === 0;
}

/** A new request like `request` with `headers`, `body` and `redirect: "manual"`. */
function rebuild(request: Request, headers: Headers, body: ReplayBody | undefined): Request {
  // The request's own class: a client may use a Request subclass (openapi-fetch's `Request` option),
  // and openapi-fetch accepts a rebuilt request only if it is an instance of that class.
  const RequestClass = request.constructor as typeof Request;
  return new RequestClass(request.url, {
    method: request.method,
    headers,
    body: body ?? null,
    signal: request.signal,
    redirect: "manual",
    cache: request.cache,
    credentials: request.credentials,
    integrity: request.integrity,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  });
}
