import type { Middleware } from "openapi-fetch";
import type { AccessToken } from "../access-token.js";
import { InsufficientScopeError } from "../errors/insufficient-scope-error.js";
import { indexOperations } from "../middleware/operation-index.js";
import type { TokenSource } from "../sources/token-source.js";
import { coversAlternative } from "./scope-sets.js";
import type { OperationScopeTable } from "./scoped-client.js";

/** Options of {@link scopeCheckMiddleware}. */
export interface ScopeCheckOptions {
  /** The generated `OPERATION_SCOPES` of the provider. */
  readonly operations: OperationScopeTable;
}

/** An operation's alternatives: scope sets, any one of which authorises it. */
type Alternatives = readonly (readonly string[])[];

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
  // Only operations that need a scope are checked: none of their alternatives is empty.
  const checked = indexOperations(operations, "operations", (alternatives) =>
    alternatives.length > 0 && alternatives.every((alternative) => alternative.length > 0)
      ? alternatives
      : undefined,
  );
  // Verdicts for the current token, per operation: a warm call builds no set and walks no scopes.
  let verdictsFor: AccessToken | undefined;
  let granted: ReadonlySet<string> = new Set();
  let verdicts = new Map<Alternatives, boolean>();
  const allows = (token: AccessToken, alternatives: Alternatives): boolean => {
    if (token !== verdictsFor) {
      verdictsFor = token;
      granted = new Set(token.scope);
      verdicts = new Map();
    }
    let verdict = verdicts.get(alternatives);
    if (verdict === undefined) {
      verdict = alternatives.some((alternative) => coversAlternative(granted, alternative));
      verdicts.set(alternatives, verdict);
    }
    return verdict;
  };
  const check = (
    request: Request,
    schemaPath: string,
    alternatives: Alternatives,
    token: AccessToken,
  ): undefined => {
    if (token.scope === undefined || allows(token, alternatives)) return undefined;
    throw new InsufficientScopeError({
      operation: `${request.method} ${schemaPath}`,
      missing: missingScopes(alternatives, new Set(token.scope)),
      granted: token.scope,
      detectedBy: "before-request",
      status: undefined,
    });
  };
  return {
    onRequest({ request, schemaPath }) {
      const alternatives = checked.get(schemaPath)?.get(request.method);
      if (alternatives === undefined) return undefined;
      const token = source.peek?.();
      if (token !== undefined) return check(request, schemaPath, alternatives, token);
      return source
        .getToken({ signal: request.signal })
        .then((fetched) => check(request, schemaPath, alternatives, fetched));
    },
    onResponse({ request, response, schemaPath }) {
      if (response.status !== 403) return undefined;
      return saysInsufficientScope(response).then((insufficient) => {
        if (!insufficient) return undefined;
        const operation = `${request.method} ${schemaPath}`;
        const alternatives = Object.hasOwn(operations, operation) ? (operations[operation] ?? []) : [];
        const grantedNow = source.peek?.()?.scope;
        throw new InsufficientScopeError({
          operation,
          missing: missingScopes(alternatives, new Set(grantedNow)),
          granted: grantedNow,
          detectedBy: "response",
          status: response.status,
        });
      });
    },
  };
}
