import { createScopesFor } from "@org/auth";
import { OPERATION_SCOPES } from "./generated/auth.gen.js";

/**
 * The smallest set of Borderbolt scopes under which every given operation can be called.
 * @example
 * ```ts
 * const scopes = scopesFor(["GET /api/v1/declarations", "POST /api/v1/declarations/{id}/submit"]);
 * // ["declarations:read", "declarations:submit"]
 * const client = createBorderboltClient({ clientId, clientSecret, scopes });
 * ```
 */
export const scopesFor = createScopesFor(OPERATION_SCOPES);
