import type { Middleware } from "openapi-fetch";
import type { AccessToken } from "../access-token.js";
import { AuthConfigError } from "../errors/auth-config-error.js";
import { type InspectFunction, inspectSymbol, REDACTED, renderRedacted } from "../redact.js";
import { createScopeCheck } from "../scopes/scope-check.js";
import type { OperationScopeTable } from "../scopes/scoped-client.js";
import type { TokenSource } from "../sources/token-source.js";
import { assertOptionsObject, normalizeHeaders } from "../validate-options.js";
import { indexOperations } from "./operation-index.js";
import { hasAllowedOrigin, normalizeOrigins } from "./origins.js";
import { type ReplayBody, replayableBody } from "./replay-body.js";

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
  /**
   * Check each call against the granted scopes, as `scopeCheckMiddleware()` does, inside this
   * middleware (one openapi-fetch middleware dispatch fewer per request). Needs `operations` to be
   * the provider's `OPERATION_SCOPES`.
   * @default false
   */
  checkScopes?: boolean | undefined;
}

/** What is remembered about an authenticated request with a body, for the 401 replay. */
interface SentBody {
  readonly token: AccessToken;
  readonly body: ReplayBody;
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
 *   see `replayableBody`), otherwise the body is read once into an `ArrayBuffer` and the request is
 *   rebuilt from it. Requests without a body keep nothing.
 * - `onResponse` on a 401: if the token that was sent is still the cached one it is invalidated and a
 *   new one fetched; if it was already replaced (another request got there first), the current token
 *   is used without a token request. The request is replayed once with the same method, URL, headers
 *   (per-call ones such as Tradevest's `Requestor-ID` included) and body bytes, through the client's
 *   `fetch`. A second 401 is returned as it is. A request whose Authorization header is not the one
 *   this middleware set (another middleware changed it) is not replayed.
 * - Cost: a warm, bodiless request allocates nothing here (no promise, no per-request record); what is
 *   left is the two `Headers.set` calls and openapi-fetch's own per-middleware dispatch.
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
  assertOptionsObject(
    options,
    ["origins", "headers", "replayUnauthorized", "operations", "checkScopes"],
    "authMiddleware",
  );
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
  // The operations that need no authentication (an empty list of security alternatives).
  const exempt =
    options.operations === undefined
      ? undefined
      : indexOperations(options.operations, "operations", (alternatives) =>
          Array.isArray(alternatives) && alternatives.length === 0 ? true : undefined,
        );
  const checkScopes = options.checkScopes ?? false;
  if (typeof checkScopes !== "boolean") throw new AuthConfigError("checkScopes", "must be a boolean");
  if (checkScopes && options.operations === undefined) {
    throw new AuthConfigError("checkScopes", "needs `operations` (the provider's OPERATION_SCOPES)");
  }
  const scopeCheck = checkScopes
    ? createScopeCheck(source, options.operations as OperationScopeTable)
    : undefined;
  // Only requests with a body leave a record (the body, for the replay); a bodiless request is
  // recognised again on a 401 from its URL, operation and Authorization header, so the hot path
  // allocates nothing.
  const bodies = new WeakMap<Request, SentBody>();
  const replays = new WeakSet<Request>();
  /** The last few tokens this middleware attached, newest first, to recognise a 401 as ours. */
  const attached: AccessToken[] = [];

  const authenticates = (request: Request, schemaPath: string): boolean =>
    hasAllowedOrigin(request.url, origins) && exempt?.get(schemaPath)?.get(request.method) !== true;

  /** Sets the credentials; returns a rebuilt request only when the original cannot be sent as is. */
  const authenticate = (request: Request, token: AccessToken): Request | undefined | Promise<Request> => {
    if (token !== attached[0]) remember(attached, token);
    const requestHeaders = request.headers;
    requestHeaders.set("authorization", token.authorization);
    for (const [name, value] of headers) requestHeaders.set(name, value);
    const noRedirects = request.redirect === "manual" || request.redirect === "error";
    if (request.body === null) return noRedirects ? undefined : rebuild(request, requestHeaders, undefined);
    const body = replayableBody(request);
    if (body === undefined) {
      return request.arrayBuffer().then((bytes) => {
        const rebuilt = rebuild(request, requestHeaders, bytes);
        bodies.set(rebuilt, { token, body: bytes });
        return rebuilt;
      });
    }
    // The body is the original string or bytes, so an unread request stream can be dropped.
    const sendable = noRedirects ? request : rebuild(request, requestHeaders, body);
    bodies.set(sendable, { token, body });
    return noRedirects ? undefined : sendable;
  };

  /**
   * The attached token `request` carries, or `undefined` when its Authorization header is not one
   * this middleware set (another middleware changed it: not ours to replay).
   */
  const sentWith = (request: Request): AccessToken | undefined => {
    const authorization = request.headers.get("authorization");
    return attached.find((token) => token.authorization === authorization);
  };

  const replay = async (
    request: Request,
    response: Response,
    sentToken: AccessToken,
    body: ReplayBody | undefined,
    fetchFn: (input: Request) => Promise<Response>,
  ): Promise<Response> => {
    // Only drops the token if it is still the cached one; otherwise the current token is used.
    await source.invalidate(sentToken);
    const token = await source.getToken({ signal: request.signal });
    const replayHeaders = new Headers(request.headers);
    replayHeaders.set("authorization", token.authorization);
    const again = rebuild(request, replayHeaders, body);
    replays.add(again);
    await response.body?.cancel().catch(() => undefined);
    return fetchFn(again);
  };

  const view = (): Record<string, unknown> => ({
    origins,
    headers: Object.fromEntries(headers.map(([name]) => [name, REDACTED])),
    replayUnauthorized,
    checkScopes,
  });

  const middleware: AuthMiddleware & { [inspectSymbol]: InspectFunction } = {
    onRequest({ request, schemaPath }) {
      if (!authenticates(request, schemaPath)) return undefined;
      // Hot path: a usable cached token needs no promise at all.
      const cached = source.peek?.();
      if (cached !== undefined) {
        scopeCheck?.beforeRequest(request, schemaPath, cached);
        return authenticate(request, cached);
      }
      return source.getToken({ signal: request.signal }).then((token) => {
        scopeCheck?.beforeRequest(request, schemaPath, token);
        return authenticate(request, token);
      });
    },
    onResponse({ request, response, schemaPath, options: clientOptions }) {
      if (response.status === 403) {
        // Only the provider's own answer is read as an insufficient_scope error.
        if (scopeCheck === undefined || !authenticates(request, schemaPath)) return undefined;
        return scopeCheck.afterResponse(request, response, schemaPath);
      }
      if (response.status !== 401 || !replayUnauthorized) return undefined;
      if (replays.has(request) || !authenticates(request, schemaPath)) return undefined;
      const sent = sentWith(request);
      if (sent === undefined) return undefined;
      if (request.body === null) return replay(request, response, sent, undefined, clientOptions.fetch);
      // A request with a body is replayed only with the body recorded when it was authenticated.
      const recorded = bodies.get(request);
      if (recorded === undefined || !recorded.token.sameAs(sent)) return undefined;
      return replay(request, response, recorded.token, recorded.body, clientOptions.fetch);
    },
    toJSON: view,
    [inspectSymbol]: (_depth, inspectOptions, inspect) =>
      renderRedacted("AuthMiddleware", view(), inspectOptions, inspect),
  };
  return Object.freeze(middleware);
}

/** How many recently attached tokens are remembered to recognise a 401 for an older one. */
const ATTACHED_HISTORY = 4;

/** Puts `token` first in `attached`, keeping at most {@link ATTACHED_HISTORY}. */
function remember(attached: AccessToken[], token: AccessToken): void {
  const index = attached.indexOf(token);
  if (index !== -1) attached.splice(index, 1);
  attached.unshift(token);
  if (attached.length > ATTACHED_HISTORY) attached.length = ATTACHED_HISTORY;
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
