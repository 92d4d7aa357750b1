import { describe, expectTypeOf, test } from "vitest";
import { type components, createBorderboltClient, type SCOPES, type Scope, scopesFor } from "../src/index.js";

// No literal scope list: the full surface of the API.
const client = createBorderboltClient({ clientId: "id", clientSecret: "secret" });
const callback = { callback_url: "https://example.test/hook" };

describe("paths", () => {
  test("an unknown path does not compile", () => {
    // @ts-expect-error "/api/v1/declaration" (singular) is not a path of the spec
    client.GET("/api/v1/declaration");
    // @ts-expect-error GET is not defined on the submit route, only POST
    client.GET("/api/v1/declarations/{id}/submit", { params: { path: { id: 1 } } });
  });

  test("a missing path parameter does not compile", () => {
    // @ts-expect-error params.path.id is required
    client.GET("/api/v1/declarations/{id}", { params: { path: {} } });
    // @ts-expect-error the init object itself is required when there is a path parameter
    client.GET("/api/v1/declarations/{id}");
    // @ts-expect-error id is an integer in the spec
    client.GET("/api/v1/declarations/{id}", { params: { path: { id: "12" } } });
  });

  test("a wrong query enum value does not compile", () => {
    client.GET("/api/v1/declarations", { params: { query: { status: "DRF" } } });
    // @ts-expect-error status takes the three-letter codes, not words
    client.GET("/api/v1/declarations", { params: { query: { status: "draft" } } });
    // @ts-expect-error workflow is import | export | transit
    client.GET("/api/v1/declarations", { params: { query: { workflow: "imports" } } });
  });

  test("a wrong body field does not compile", () => {
    client.POST("/api/v1/declarations/create", { body: { reference: "IMP-1", submit_when_valid: true } });
    // @ts-expect-error submit_when_valid is a boolean
    client.POST("/api/v1/declarations/create", { body: { submit_when_valid: "yes" } });
    client.POST("/api/v1/callbacks/register", { body: { ...callback, events: ["declaration.released"] } });
    // @ts-expect-error events are the documented event names
    client.POST("/api/v1/callbacks/register", { body: { ...callback, events: ["declaration.done"] } });
    // @ts-expect-error callback_url is required
    client.POST("/api/v1/callbacks/register", { body: { events: ["declaration.released"] } });
  });
});

describe("responses", () => {
  test("data narrows to the documented schema", async () => {
    const list = await client.GET("/api/v1/declarations");
    expectTypeOf(list.data).toEqualTypeOf<components["schemas"]["DeclarationList"] | undefined>();
    if (list.data) {
      expectTypeOf(list.data.data[0]?.status).toEqualTypeOf<
        components["schemas"]["DeclarationStatus"] | undefined
      >();
    }

    const submitted = await client.POST("/api/v1/declarations/{id}/submit", { params: { path: { id: 1 } } });
    expectTypeOf(submitted.data).toEqualTypeOf<
      components["schemas"]["DeclarationSubmitResponse"] | undefined
    >();

    const created = await client.POST("/api/v1/declarations/create", { body: {} });
    expectTypeOf(created.data).toEqualTypeOf<
      components["schemas"]["DeclarationCreateResponse"] | undefined
    >();

    // The bare-array endpoint stays a bare array.
    const callbacks = await client.GET("/api/v1/callbacks");
    expectTypeOf(callbacks.data).toEqualTypeOf<components["schemas"]["Callback"][] | undefined>();
  });
});

describe("scopes", () => {
  test("only the spec's scopes compile", () => {
    createBorderboltClient({
      clientId: "id",
      clientSecret: "s",
      scopes: ["invoices:read", "item_master:write"],
    });
    // @ts-expect-error "declarations:raed" is not a Borderbolt scope
    createBorderboltClient({ clientId: "id", clientSecret: "s", scopes: ["declarations:raed"] });
    // @ts-expect-error item master scopes use an underscore, the path a hyphen
    createBorderboltClient({ clientId: "id", clientSecret: "s", scopes: ["item-master:read"] });
  });

  test("Scope is the union of the spec's scopes", () => {
    expectTypeOf<Scope>().toEqualTypeOf<(typeof SCOPES)[number]>();
    expectTypeOf<"guarantees:read">().toExtend<Scope>();
    expectTypeOf<"guarantees:write">().not.toExtend<Scope>();
  });
});

describe("scope-aware client", () => {
  const reader = createBorderboltClient({ clientId: "id", clientSecret: "s", scopes: ["declarations:read"] });

  test("a literal scope list allows only the operations those scopes grant", () => {
    reader.GET("/api/v1/declarations");
    reader.GET("/api/v1/rejection-analysis/summary");
    // Operations that need a token but no particular scope stay available.
    reader.GET("/api/v1/callbacks");
    // @ts-expect-error submitting needs declarations:submit
    reader.POST("/api/v1/declarations/{id}/submit", { params: { path: { id: 1 } } });
    // @ts-expect-error listing invoices needs invoices:read
    reader.GET("/api/v1/invoices");
  });

  test("scopes known only at run time keep the full surface", () => {
    const fromConfig: Scope[] = JSON.parse("[]");
    const dynamic = createBorderboltClient({ clientId: "id", clientSecret: "s", scopes: fromConfig });
    dynamic.POST("/api/v1/declarations/{id}/submit", { params: { path: { id: 1 } } });
    dynamic.GET("/api/v1/invoices");
  });

  test("scopesFor is typed by the operation keys and builds a client for exactly those operations", () => {
    // @ts-expect-error not an operation of the spec
    scopesFor(["GET /api/v1/nope"]);
    const scopes = scopesFor(["GET /api/v1/declarations", "POST /api/v1/declarations/{id}/submit"]);
    expectTypeOf(scopes).toEqualTypeOf<Array<"declarations:read" | "declarations:submit">>();
    const submitter = createBorderboltClient({ clientId: "id", clientSecret: "s", scopes });
    submitter.POST("/api/v1/declarations/{id}/submit", { params: { path: { id: 1 } } });
    // @ts-expect-error invoices are not among the operations asked for
    submitter.GET("/api/v1/invoices");
  });
});
