import type { Middleware } from "openapi-fetch";
import { InsufficientScopeError } from "../errors/insufficient-scope-error.js";
import type { TokenSource } from "../sources/token-source.js";
import { coversAlternative } from "./scope-sets.js";
import type { OperationScopeTable } from "./scoped-client.js";

/** Options of {@link scopeCheckMiddleware}. */
export interface ScopeCheckOptions {
  /** The generated `OPERATION_SCOPES` of the provider. */
  readonly operations: OperationScopeTable;
}

function missingScopes(alternatives: readonly (readonly string[])[], granted: ReadonlySet<string>): string[] {
  return [...new Set(alternatives.flat().filter((scope) => !granted.has(scope)))].sort();
}

/** Whether a 403 says `insufficient_scope` (RFC 6750 §3.1), in `WWW-Authenticate` or an OAuth-style JSON body. */
async function saysInsufficientScope(response: Response): Promise<boolean> {
  if (/error="?insufficient_scope"?/i.test(response.headers.get("www-authenticate") ?? "")) return true;
  if (!/json/i.test(response.headers.get("content-type") ?? "")) return false;
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { error?: unknown } | undefined;
  return body?.error === "insufficient_scope";
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
 * costs no request.
 *
 * @param source - the token source the client authenticates with
 * @param options - the provider's operation scope table
 * @returns an openapi-fetch middleware
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function scopeCheckMiddleware(source: TokenSource, options: ScopeCheckOptions): Middleware {
  const { operations } = options;
  const operationOf = (request: Request, schemaPath: string) => `${request.method} ${schemaPath}`;
  return {
    async onRequest({ request, schemaPath }) {
      const operation = operationOf(request, schemaPath);
      const alternatives = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (!alternatives || alternatives.length === 0 || alternatives.some((a) => a.length === 0))
        return undefined;
      const token = source.peek?.() ?? (await source.getToken({ signal: request.signal }));
      if (token.scope === undefined) return undefined;
      const granted = new Set(token.scope);
      if (alternatives.some((alternative) => coversAlternative(granted, alternative))) return undefined;
      throw new InsufficientScopeError({
        operation,
        missing: missingScopes(alternatives, granted),
        granted: token.scope,
        detectedBy: "before-request",
        status: undefined,
      });
    },
    async onResponse({ request, response, schemaPath }) {
      if (response.status !== 403 || !(await saysInsufficientScope(response))) return undefined;
      const operation = operationOf(request, schemaPath);
      const alternatives = Object.hasOwn(operations, operation) ? (operations[operation] ?? []) : [];
      const granted = source.peek?.()?.scope;
      throw new InsufficientScopeError({
        operation,
        missing: missingScopes(alternatives, new Set(granted)),
        granted,
        detectedBy: "response",
        status: response.status,
      });
    },
  };
}
