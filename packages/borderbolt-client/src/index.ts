/**
 * `@org/borderbolt-client`: the Borderbolt customs API as a typed openapi-fetch client, with OAuth
 * client-credentials tokens from `@org/auth` (JSON-body token requests, cached and refreshed).
 *
 * @packageDocumentation
 */

export type { BorderboltClient, BorderboltClientOptions } from "./create-client.js";
export { createBorderboltClient } from "./create-client.js";
export type { OperationKey, Scope } from "./generated/auth.gen.js";
export {
  OPERATION_SCOPES,
  OPERATION_SECURITY,
  SCOPE_DESCRIPTIONS,
  SCOPES,
  ScopeSchema,
  SECURITY_SCHEMES,
  SERVERS,
  TOKEN_URLS,
} from "./generated/auth.gen.js";
export type { components, operations, paths, webhooks } from "./generated/schema.gen.js";
export { scopesFor } from "./scopes-for.js";
