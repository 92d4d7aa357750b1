import type { OperationsWithHeader } from "@org/auth";
import type { paths } from "./generated/schema.gen.js";

/** Every Bolt operation that declares the `X-Publishable-Key` header parameter (required or not). */
export type PublishableKeyOperation = OperationsWithHeader<paths, "X-Publishable-Key">;

/**
 * The operations that take `X-Publishable-Key`, per the spec: optional ("recommended") on the v1
 * account calls, required on `GET /v1/account/exists` and the v3 calls. Not sent elsewhere (the v1
 * test card token, the v3 test credit card, OIDC discovery). Checked against the generated types:
 * an entry that is not such an operation does not compile, and `test/client.test-d.ts` fails when
 * the spec adds one that is missing here.
 */
export const PUBLISHABLE_KEY_OPERATIONS = [
  "POST /v1/oauth/token",
  "GET /v1/account",
  "POST /v1/account",
  "PATCH /v1/account/profile",
  "POST /v1/account/addresses",
  "PUT /v1/account/addresses/{id}",
  "POST /v1/account/addresses/{id}",
  "DELETE /v1/account/addresses/{id}",
  "GET /v1/account/exists",
  "POST /v1/account/payment_methods",
  "DELETE /v1/account/payment_methods/{payment_method_id}",
  "POST /v1/testing/shopper/create",
  "GET /v3/account",
  "POST /v3/account/addresses",
  "PUT /v3/account/addresses/{id}",
  "DELETE /v3/account/addresses/{id}",
  "POST /v3/account/payment-methods",
  "DELETE /v3/account/payment-methods/{id}",
  "POST /v3/payments",
  "POST /v3/payments/{id}",
  "POST /v3/guest/payments",
  "POST /v3/guest/payments/{id}",
  "POST /v3/orders",
  "POST /v3/testing/accounts",
  "GET /v3/testing/accounts/phones",
] as const satisfies readonly PublishableKeyOperation[];
