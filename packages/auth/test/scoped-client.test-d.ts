import type { Client } from "openapi-fetch";
import { describe, expectTypeOf, test } from "vitest";
import type { GrantedOperations, MissingScopes, ScopedClient } from "../src/index.js";
import type { paths } from "./helpers/api-paths.js";

const TABLE = {
  "GET /things/{id}": [["things:read"]],
  "POST /things": [["things:write"], ["things:admin"]],
} as const;
type Table = typeof TABLE;

declare const reader: ScopedClient<paths, Table, "things:read">;
declare const admin: ScopedClient<paths, Table, "things:admin">;
declare const everything: ScopedClient<paths, Table, string>;

describe("ScopedClient", () => {
  test("GrantedOperations keeps the operations one alternative covers", () => {
    expectTypeOf<GrantedOperations<Table, "things:read">>().toEqualTypeOf<"GET /things/{id}">();
    expectTypeOf<GrantedOperations<Table, "things:admin">>().toEqualTypeOf<"POST /things">();
    expectTypeOf<MissingScopes<Table, "POST /things", "things:read">>().toEqualTypeOf<
      "things:write" | "things:admin"
    >();
  });

  test("a call outside the granted scopes does not compile; one inside does", () => {
    reader.GET("/things/{id}", { params: { path: { id: "1" } } });
    // @ts-expect-error POST /things needs things:write or things:admin
    reader.POST("/things", { body: { name: "x" } });
    admin.POST("/things", { body: { name: "x" } });
    // @ts-expect-error GET /things/{id} needs things:read
    admin.GET("/things/{id}", { params: { path: { id: "1" } } });
  });

  test("parameters and bodies are still checked, and responses typed as openapi-fetch types them", async () => {
    // @ts-expect-error the path parameter is required
    reader.GET("/things/{id}", { params: { path: {} } });
    // @ts-expect-error name is a string
    everything.POST("/things", { body: { name: 1 } });
    const { data } = await everything.POST("/things", { body: { name: "x" } });
    const plain = {} as Client<paths>;
    const { data: plainData } = await plain.POST("/things", { body: { name: "x" } });
    expectTypeOf(data).toEqualTypeOf(plainData);
  });
});
