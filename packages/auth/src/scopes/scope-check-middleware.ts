import type { Middleware } from "openapi-fetch";
import type { TokenSource } from "../sources/token-source.js";
import { createScopeCheck } from "./scope-check.js";
import type { OperationScopeTable } from "./scoped-client.js";

/** Options of {@link scopeCheckMiddleware}. */
export interface ScopeCheckOptions {
  /** The generated `OPERATION_SCOPES` of the provider. */
  readonly operations: OperationScopeTable;
}

/**
 * An openapi-fetch middleware that stops a call the token cannot make. Before sending, it looks
 * the operation (`"METHOD /path"`) up in the generated scope table; when the token response said
 * which scopes were granted and none of the operation's alternatives is covered, the call rejects
 * with {@link InsufficientScopeError} and nothing goes on the wire. A 403 whose
 * `WWW-Authenticate` or body says `insufficient_scope` rejects with the same error. Operations that
 * need no scope, and tokens whose grant is unknown, pass through.
 *
 * Use it after `authMiddleware()` with the same source: the token is the cached one, so the check
 * costs no request. `authMiddleware(source, { operations, checkScopes: true })` does the same check
 * inside the auth middleware, which saves openapi-fetch one middleware dispatch per request.
 *
 * @param source - the token source the client authenticates with
 * @param options - the provider's operation scope table
 * @returns an openapi-fetch middleware
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function scopeCheckMiddleware(source: TokenSource, options: ScopeCheckOptions): Middleware {
  const check = createScopeCheck(source, options.operations);
  return {
    onRequest({ request, schemaPath }) {
      if (!check.needsScope(request, schemaPath)) return undefined;
      const token = source.peek?.();
      if (token !== undefined) return check.beforeRequest(request, schemaPath, token);
      return source
        .getToken({ signal: request.signal })
        .then((fetched) => check.beforeRequest(request, schemaPath, fetched));
    },
    onResponse({ request, response, schemaPath }) {
      return check.afterResponse(request, response, schemaPath);
    },
  };
}
