import type { AccessToken } from "../access-token.js";
import { InsufficientScopeError } from "../errors/insufficient-scope-error.js";
import { indexOperations } from "../middleware/operation-index.js";
import type { TokenSource } from "../sources/token-source.js";
import { coversAlternative } from "./scope-sets.js";
import type { OperationScopeTable } from "./scoped-client.js";

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
 * The scope check of one client, shared by {@link scopeCheckMiddleware} and `authMiddleware`'s
 * `checkScopes` option.
 *
 * @internal
 */
export interface ScopeCheck {
  /**
   * Throws {@link InsufficientScopeError} when `token`'s grant is known and covers none of the
   * operation's alternatives. Operations that need no scope, and unknown operations, pass.
   */
  beforeRequest(request: Request, schemaPath: string, token: AccessToken): void;
  /** Whether the operation needs a scope at all (so a token must be at hand to check it). */
  needsScope(request: Request, schemaPath: string): boolean;
  /**
   * For a 403 that says `insufficient_scope`: a promise rejecting with {@link InsufficientScopeError};
   * `undefined` for any other response.
   */
  afterResponse(request: Request, response: Response, schemaPath: string): Promise<undefined> | undefined;
}

/**
 * Creates the {@link ScopeCheck} for a provider's operation table.
 *
 * @param source - the token source (its cached token's grant is reported on a 403)
 * @param operations - the generated `OPERATION_SCOPES`
 * @internal
 */
export function createScopeCheck(source: TokenSource, operations: OperationScopeTable): ScopeCheck {
  // Only operations that need a scope are checked: none of their alternatives is empty.
  const checked = indexOperations(operations, "operations", (alternatives) =>
    Array.isArray(alternatives) &&
    alternatives.length > 0 &&
    alternatives.every((alternative) => alternative.length > 0)
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
  return {
    needsScope: (request, schemaPath) => checked.get(schemaPath)?.has(request.method) === true,
    beforeRequest(request, schemaPath, token) {
      const alternatives = checked.get(schemaPath)?.get(request.method);
      if (alternatives === undefined || token.scope === undefined || allows(token, alternatives)) return;
      throw new InsufficientScopeError({
        operation: `${request.method} ${schemaPath}`,
        missing: missingScopes(alternatives, new Set(token.scope)),
        granted: token.scope,
        detectedBy: "before-request",
        status: undefined,
      });
    },
    afterResponse(request, response, schemaPath) {
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
