import { describe, expectTypeOf, test } from "vitest";
import {
  createTradevestClient,
  type OperationKey,
  type OperationsRequiringHeader,
  type OperationsWithHeader,
  type paths,
  type REQUESTOR_ID_EXEMPT_OPERATIONS,
  type RequestorIdExemptOperation,
  type Scope,
  type TradevestClient,
  type TradevestPathsWithRequestorId,
} from "../src/index.js";

const base = { clientId: "id", clientSecret: "secret", environment: "test" } as const;
const withDefault = createTradevestClient({ ...base, requestorId: "123e4567-e89b-12d3-a456-426614174000" });
const withoutDefault = createTradevestClient(base);
const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("a client without a default Requestor-ID", () => {
  test("is typed over the spec's own paths", () => {
    expectTypeOf(withoutDefault).toEqualTypeOf<TradevestClient<paths>>();
  });

  test("a call that needs Requestor-ID does not compile without it", () => {
    // @ts-expect-error Requestor-ID is a required header (the init object is required)
    withoutDefault.GET("/v2/partner-details");
    withoutDefault.GET("/v2/partner-details", {
      // @ts-expect-error params.header["Requestor-ID"] is missing
      params: { header: {} },
    });
    withoutDefault.GET("/v2/partner-details", { params: { header: { "Requestor-ID": ID } } });
    withoutDefault.POST("/digital/orders/market", {
      // @ts-expect-error params.header is required next to the body
      params: {},
      body: {
        cryptoSymbol: "BTC",
        tradeSide: "BUY",
        quantityType: "UNIT",
        quantity: 1,
        externalId: "o",
        walletCustomerProductId: ID,
        cashCustomerProductId: ID,
      },
    });
  });

  test("exempt operations compile without it", () => {
    withoutDefault.POST("/entities/natural-persons", {
      body: {
        gender: "MALE",
        firstName: "Max",
        lastName: "Mustermann",
        birthDay: "1985-04-12",
        birthPlace: "Berlin",
        birthCountry: "DE",
        isUsNationality: false,
      },
    });
    withoutDefault.POST("/natural-persons-wizard", { body: {} as never });
    // Exempt operations do not even declare it.
    withoutDefault.POST("/entities/legal-entities", {
      // @ts-expect-error header parameters are `never` on an exempt operation
      params: { header: { "Requestor-ID": ID } },
      body: {} as never,
    });
  });
});

describe("a client with a default Requestor-ID", () => {
  test("is typed over the paths with the header optional", () => {
    expectTypeOf(withDefault).toEqualTypeOf<TradevestClient<TradevestPathsWithRequestorId>>();
  });

  test("calls compile without it, and a per-call value is still accepted", () => {
    withDefault.GET("/v2/partner-details");
    withDefault.GET("/entities/natural-persons", { params: { query: { limit: 20 } } });
    withDefault.GET("/v2/partner-details", { params: { header: { "Requestor-ID": ID } } });
  });

  test("the other parameters stay as strict as before", () => {
    // @ts-expect-error limit is still a required query parameter
    withDefault.GET("/entities/natural-persons", { params: { query: {} } });
    // @ts-expect-error naturalPersonId is still a required path parameter
    withDefault.GET("/entities/natural-persons/{naturalPersonId}", { params: { path: {} } });
    // @ts-expect-error Requestor-ID is a string
    withDefault.GET("/v2/partner-details", { params: { header: { "Requestor-ID": 42 } } });
  });

  test("responses are the same as without a default", async () => {
    const a = await withDefault.GET("/v2/partner-details");
    const b = await withoutDefault.GET("/v2/partner-details", { params: { header: { "Requestor-ID": ID } } });
    expectTypeOf(a.data).toEqualTypeOf(b.data);
    expectTypeOf(a.error).toEqualTypeOf(b.error);
  });

  test("a config value that may be undefined gives the strict client", () => {
    const fromConfig = createTradevestClient({ ...base, requestorId: process.env.TRADEVEST_REQUESTOR_ID });
    expectTypeOf(fromConfig).toEqualTypeOf<TradevestClient<paths>>();
  });
});

describe("the exemptions", () => {
  test("the runtime list is exactly the spec operations that do not declare Requestor-ID", () => {
    expectTypeOf<
      (typeof REQUESTOR_ID_EXEMPT_OPERATIONS)[number]
    >().toEqualTypeOf<RequestorIdExemptOperation>();
    expectTypeOf<
      Exclude<OperationKey, OperationsWithHeader<paths, "Requestor-ID">>
    >().toEqualTypeOf<RequestorIdExemptOperation>();
  });

  test("every operation that declares it declares it as required", () => {
    expectTypeOf<OperationsRequiringHeader<paths, "Requestor-ID">>().toEqualTypeOf<
      OperationsWithHeader<paths, "Requestor-ID">
    >();
  });
});

test("scopes: only tradevest.api", () => {
  expectTypeOf<Scope>().toEqualTypeOf<"tradevest.api">();
  // @ts-expect-error not a Tradevest scope
  createTradevestClient({ ...base, scopes: ["tradevest.admin"] });
});
