/**
 * `@org/boltpay-client`: bolttech's boltPay payment gateway (PGW) as a typed openapi-fetch client,
 * on the merchant's own gateway host, with client-credentials tokens from `@org/auth` (form body,
 * the fixed scope string, 10-minute tokens requested anew in the background before they run out).
 *
 * @packageDocumentation
 */

export type { Amount } from "./amount.js";
export { AmountSchema, formatAmount } from "./amount.js";
export type { BoltPayClient, BoltPayClientOptions } from "./create-client.js";
export { BOLTPAY_SCOPES, createBoltPayClient } from "./create-client.js";
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
