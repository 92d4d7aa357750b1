/**
 * `@org/bolt-client`: the Bolt (bolt.com) accounts, OAuth, payments and orders API as a typed
 * openapi-fetch client. The merchant API key (`X-API-Key`) and publishable key go where the spec
 * says; shopper OAuth tokens come from `@org/auth` (authorization-code exchange, rotating refresh
 * tokens, `onTokens` for persistence) and are only requested for the calls that need them.
 *
 * @packageDocumentation
 */

export type { OperationsRequiringHeader, OperationsWithHeader, WithOptionalHeader } from "@org/auth";
export type { BoltAccountAuth, BoltExchangeCodeOptions } from "./account-auth.js";
export { DEFAULT_EXCHANGE_SCOPES, REFRESH_SCOPES } from "./account-auth.js";
export type {
  BoltClient,
  BoltClientOptions,
  BoltEnvironment,
  BoltPathsWithPublishableKey,
} from "./create-client.js";
export { BOLT_ENVIRONMENTS, createBoltClient } from "./create-client.js";
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
export type { BoltMiddleware, BoltMiddlewareOptions } from "./middleware/bolt-middleware.js";
export { boltMiddleware } from "./middleware/bolt-middleware.js";
export type { OperationCredentials } from "./operation-credentials.js";
export { operationCredentials } from "./operation-credentials.js";
export type { PublishableKeyOperation } from "./publishable-key-operations.js";
export { PUBLISHABLE_KEY_OPERATIONS } from "./publishable-key-operations.js";
