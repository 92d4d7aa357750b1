/**
 * `@org/tradevest-client`: the Tradevest partner API as a typed openapi-fetch client, with
 * client-credentials tokens from `@org/auth` (form body, `scope=tradevest.api`, on the auth host)
 * and a default `Requestor-ID` that the types and a middleware apply exactly where the spec
 * requires the header.
 *
 * @packageDocumentation
 */

export type { OperationsRequiringHeader, OperationsWithHeader, WithOptionalHeader } from "@org/auth";
export type {
  TradevestClient,
  TradevestClientOptions,
  TradevestEnvironment,
  TradevestPathsWithRequestorId,
} from "./create-client.js";
export { createTradevestClient, TRADEVEST_ENVIRONMENTS } from "./create-client.js";
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
export type { components, operations, paths } from "./generated/schema.gen.js";
export type { RequestorIdMiddlewareOptions } from "./middleware/requestor-id-middleware.js";
export { requestorIdMiddleware } from "./middleware/requestor-id-middleware.js";
export type { RequestorIdExemptOperation, RequestorIdOperation } from "./requestor-id-operations.js";
export { REQUESTOR_ID_EXEMPT_OPERATIONS, REQUESTOR_ID_HEADER } from "./requestor-id-operations.js";
