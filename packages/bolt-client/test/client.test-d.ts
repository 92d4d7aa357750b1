import { describe, expectTypeOf, test } from "vitest";
import {
  type BoltExchangeCodeOptions,
  type components,
  createBoltClient,
  type OperationsWithHeader,
  type PUBLISHABLE_KEY_OPERATIONS,
  type paths,
  SCOPES,
  type Scope,
} from "../src/index.js";

const withKey = createBoltClient({ apiKey: "k", publishableKey: "pk", environment: "sandbox" });
const withoutKey = createBoltClient({ apiKey: "k", environment: "production" });

describe("scopes", () => {
  test("Scope is exactly Bolt's three documented scopes", () => {
    expectTypeOf<Scope>().toEqualTypeOf<"bolt.account.manage" | "bolt.account.view" | "openid">();
    expectTypeOf(SCOPES).toEqualTypeOf<readonly ["bolt.account.manage", "bolt.account.view", "openid"]>();
  });

  test("exchangeCode takes only those scopes", () => {
    withKey.auth.exchangeCode({ code: "c", scope: ["bolt.account.view", "openid"] });
    // @ts-expect-error "bolt.account.edit" is not a Bolt scope
    withKey.auth.exchangeCode({ code: "c", scope: ["bolt.account.edit"] });
    // @ts-expect-error "email" is advertised by discovery (secondary source) but not a spec scope
    withKey.auth.exchangeCode({ code: "c", scope: ["openid", "email"] });
    expectTypeOf<BoltExchangeCodeOptions["scope"]>().toEqualTypeOf<readonly Scope[] | undefined>();
  });
});

describe("X-Publishable-Key", () => {
  test("with a client publishable key, operations that require it compile without it", () => {
    withKey.GET("/v3/account");
    withKey.GET("/v1/account/exists", { params: { query: { email: "a@example.com" } } });
    withKey.POST("/v3/orders", {
      body: { profile: { first_name: "A", last_name: "B", email: "a@example.com" }, cart: {} as never },
    });
    // A per-call value is still accepted.
    withKey.GET("/v3/account", { params: { header: { "X-Publishable-Key": "other" } } });
  });

  test("without one, the spec's required header must be passed per call", () => {
    // @ts-expect-error X-Publishable-Key is a required header of GET /v3/account
    withoutKey.GET("/v3/account");
    // @ts-expect-error params.header is required
    withoutKey.GET("/v1/account/exists", { params: { query: { email: "a@example.com" } } });
    withoutKey.GET("/v3/account", { params: { header: { "X-Publishable-Key": "pk" } } });
    // Optional on v1: no header needed either way.
    withoutKey.GET("/v1/account");
  });

  test("the runtime list is exactly the operations that declare the header", () => {
    expectTypeOf<(typeof PUBLISHABLE_KEY_OPERATIONS)[number]>().toEqualTypeOf<
      OperationsWithHeader<paths, "X-Publishable-Key">
    >();
  });
});

describe("paths", () => {
  test("unknown paths, wrong methods and missing path parameters do not compile", () => {
    // @ts-expect-error "/v1/accounts" is not a path of the spec
    withKey.GET("/v1/accounts");
    // @ts-expect-error GET is not defined on /v1/account/profile (PATCH is)
    withKey.GET("/v1/account/profile");
    // @ts-expect-error params.path.id is required
    withKey.DELETE("/v1/account/addresses/{id}", { params: { path: {} } });
    withKey.DELETE("/v1/account/addresses/{id}", { params: { path: { id: "D4g3h5tBuVYK9" } } });
  });

  test("bodies are checked: enums and required fields", () => {
    withKey.POST("/v1/testing/shopper/create", {
      body: { deactivate_in_days: 30, has_address: true, email_state: "verified" },
    });
    withKey.POST("/v1/testing/shopper/create", {
      // @ts-expect-error email_state is missing | unverified | verified
      body: { deactivate_in_days: 30, email_state: "confirmed" },
    });
    // @ts-expect-error profile is required to create an account
    withKey.POST("/v1/account", { body: { addresses: [] } });
  });
});

describe("responses", () => {
  test("data is the documented schema, and the same with or without a client publishable key", async () => {
    const account = await withKey.GET("/v1/account");
    const plain = await withoutKey.GET("/v1/account");
    expectTypeOf(account.data).toEqualTypeOf(plain.data);
    expectTypeOf(account.data?.has_bolt_account).toEqualTypeOf<boolean | undefined>();
    // Output addresses say email_address, not email (the input name).
    expectTypeOf(account.data?.addresses?.[0]?.email_address).toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<typeof account.data>>().not.toHaveProperty("email");
    const shopper = await withKey.POST("/v1/testing/shopper/create", { body: { deactivate_in_days: 30 } });
    expectTypeOf(shopper.data?.oauth_code).toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<typeof shopper.data>>().toExtend<
      components["schemas"]["TestingAccountDetails"]
    >();
    const v3 = await withKey.GET("/v3/account");
    expectTypeOf(v3.error).toExtend<{ ".tag": string; message: string } | undefined>();
  });

  test("the exchanged token carries the id_token", async () => {
    const token = await withKey.auth.exchangeCode({ code: "c", state: "s", expectedState: "s" });
    expectTypeOf(token.idToken).toEqualTypeOf<string | undefined>();
  });
});
