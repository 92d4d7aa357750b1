import { describe, expectTypeOf, test } from "vitest";
import {
  type Amount,
  type BoltPayClientOptions,
  type components,
  createBoltPayClient,
  SCOPES,
  type Scope,
} from "../src/index.js";

const client = createBoltPayClient({ baseUrl: "https://pgw.example.com", clientId: "id", clientSecret: "s" });

describe("options", () => {
  test("baseUrl is required (boltPay gives each merchant its host)", () => {
    // @ts-expect-error baseUrl is missing
    createBoltPayClient({ clientId: "id", clientSecret: "s" });
    expectTypeOf<BoltPayClientOptions["baseUrl"]>().toEqualTypeOf<string>();
  });

  test("the scope is fixed: there is no scopes option", () => {
    createBoltPayClient({
      baseUrl: "https://pgw.example.com",
      clientId: "id",
      clientSecret: "s",
      // @ts-expect-error boltPay takes one fixed scope string
      scopes: ["openid"],
    });
    expectTypeOf<Scope>().toEqualTypeOf<
      "openid" | "accountId" | "username" | "roles" | "permissions" | "status" | "entityUser"
    >();
    expectTypeOf(SCOPES).toEqualTypeOf<
      readonly ["openid", "accountId", "username", "roles", "permissions", "status", "entityUser"]
    >();
  });
});

describe("field formats", () => {
  test("the spec's patterns are runtime-only: amount and the card fields are plain strings", () => {
    // openapi-typescript does not turn `pattern` into a type: `^[0-9]{12}$` is just `string`.
    expectTypeOf<components["schemas"]["Amount"]>().toEqualTypeOf<string>();
    expectTypeOf<Amount>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<components["schemas"]["PaymentRequest"]["cardYear"]>>().toEqualTypeOf<string>();
    client.POST("/v1", { body: { amount: "not twelve digits" } }); // compiles; AmountSchema catches it
  });

  test("currencyCode is boltPay's numeric code, a number or a numeric string", () => {
    expectTypeOf<components["schemas"]["CurrencyCode"]>().toEqualTypeOf<number | string>();
    // @ts-expect-error not a boolean
    client.POST("/v1", { body: { currencyCode: true } });
  });

  test("enums are types: recurring status is ACTIVE | INACTIVE", () => {
    client.GET("/recurring", { params: { query: { status: "INACTIVE" } } });
    // @ts-expect-error statuses are upper case
    client.GET("/recurring", { params: { query: { status: "active" } } });
  });
});

describe("paths", () => {
  test("the refund needs its path parameter; the documented typo path is kept", async () => {
    // @ts-expect-error params.path.paymentId is required
    client.POST("/v1/refund/{paymentId}", {});
    const refund = await client.POST("/v1/refund/{paymentId}", {
      params: { path: { paymentId: "6553bc171e680820f2ff45f2" } },
    });
    expectTypeOf(refund.data).toEqualTypeOf<components["schemas"]["RefundResult"] | undefined>();
    client.PATCH("/recurrin/active", {});
    // @ts-expect-error the docs write /recurrin/active; /recurring/active is not in the spec
    client.PATCH("/recurring/active", {});
  });
});
