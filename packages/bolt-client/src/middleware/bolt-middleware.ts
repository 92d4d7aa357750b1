import type { AuthMiddleware } from "@org/auth";
import { REDACTED } from "@org/auth";
import type { Middleware } from "openapi-fetch";
import { operationCredentials } from "../operation-credentials.js";
import { PUBLISHABLE_KEY_OPERATIONS } from "../publishable-key-operations.js";
import { inspectSymbol, renderView } from "../redacted-view.js";

/** Options of {@link boltMiddleware}. */
export interface BoltMiddlewareOptions {
  /** The Bolt API origin; requests to any other origin go out untouched. */
  readonly origin: string;
  /** The merchant API key, sent as `X-API-Key` on every request to the Bolt origin. */
  readonly apiKey: string;
  /** Sent as `X-Publishable-Key` on the operations that declare it, unless the call sets one. */
  readonly publishableKey: string | undefined;
  /**
   * `@org/auth`'s middleware for the shopper's OAuth token (configured with `X-API-Key` as a static
   * header); `undefined` when the client cannot make account calls.
   */
  readonly account: AuthMiddleware | undefined;
  /** The error an account call fails with when `account` is `undefined`. */
  readonly unavailable: () => Error;
}

/** The middleware object: openapi-fetch `Middleware` with both hooks, redacted when logged. */
export type BoltMiddleware = Middleware & {
  readonly onRequest: NonNullable<Middleware["onRequest"]>;
  readonly onResponse: NonNullable<Middleware["onResponse"]>;
  toJSON(): Record<string, unknown>;
};

const PUBLISHABLE = new Set<string>(PUBLISHABLE_KEY_OPERATIONS);

/**
 * The credentials middleware of the Bolt client. Every request to the Bolt origin gets
 * `X-API-Key` (Bolt identifies the merchant by it on every call); then, from the operation
 * (`method` + `schemaPath`):
 *
 * - `X-Publishable-Key` when the operation declares that header and the call did not set it;
 * - for an operation whose security needs an OAuth token (account calls: `apiKey` AND `oauth2`),
 *   the request goes on to `@org/auth`'s middleware, which adds `Authorization: Bearer …` (and
 *   replays once after a 401);
 * - any other operation gets no `Authorization` and causes no token request.
 *
 * Requests to any other origin (a per-call `baseUrl`, an absolute URL) get nothing.
 *
 * @param options - origin, keys and the account (OAuth) middleware
 * @returns a plain `{ onRequest, onResponse }` object for `client.use()`
 */
export function boltMiddleware(options: BoltMiddlewareOptions): BoltMiddleware {
  const { origin, apiKey, publishableKey, account, unavailable } = options;
  const view = (): Record<string, unknown> => ({
    origin,
    apiKey: REDACTED,
    publishableKey: publishableKey === undefined ? undefined : REDACTED,
  });
  const middleware: BoltMiddleware & { [inspectSymbol]: () => string } = {
    onRequest(params) {
      const { request, schemaPath } = params;
      if (new URL(request.url).origin !== origin) return undefined;
      request.headers.set("x-api-key", apiKey);
      const needs = operationCredentials(request.method, schemaPath);
      if (needs === undefined) return undefined;
      if (
        publishableKey !== undefined &&
        PUBLISHABLE.has(`${request.method} ${schemaPath}`) &&
        !request.headers.has("x-publishable-key")
      ) {
        request.headers.set("x-publishable-key", publishableKey);
      }
      if (needs.bearer) {
        if (account === undefined) throw unavailable();
        return account.onRequest(params);
      }
      return undefined;
    },
    onResponse(params) {
      return account?.onResponse(params);
    },
    toJSON: view,
    [inspectSymbol]: () => renderView("BoltMiddleware", view()),
  };
  return Object.freeze(middleware);
}
