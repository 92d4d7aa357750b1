import { fileURLToPath } from "node:url";
import { loadSpec } from "@org/codegen/load-spec";
import { describe, expect, test } from "vitest";
import { OPERATION_SCOPES, SCOPE_DESCRIPTIONS, SCOPES, ScopeSchema, TOKEN_URLS } from "../src/index.js";

const specPath = fileURLToPath(new URL("../../../specs/borderbolt/openapi.yaml", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

describe("generated Borderbolt auth data, checked against the spec", async () => {
  const { document } = await loadSpec(specPath, { lint: false });
  const spec = document as {
    paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>;
    security?: Array<Record<string, string[]>>;
  };

  test("SCOPES holds the 22 scopes of the auth page, in 8 groups, each described", () => {
    expect(SCOPES).toHaveLength(22);
    expect(new Set(SCOPES.map((scope) => scope.split(":")[0]))).toEqual(
      new Set([
        "declarations",
        "transit",
        "customers",
        "reports",
        "item_master",
        "guarantees",
        "dossiers",
        "invoices",
      ]),
    );
    for (const scope of SCOPES) expect(SCOPE_DESCRIPTIONS[scope].length).toBeGreaterThan(10);
    expect(ScopeSchema.safeParse("declarations:submit").success).toBe(true);
    expect(ScopeSchema.safeParse("declarations:approve").success).toBe(false);
  });

  test("every operation of the spec is in OPERATION_SCOPES with the scopes its security names", () => {
    const expected: Record<string, string[][]> = {};
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const security = operation.security ?? spec.security ?? [];
        expected[`${method.toUpperCase()} ${path}`] = security.map((requirement) =>
          (requirement.oauth2 ?? []).slice().sort(),
        );
      }
    }
    expect(Object.keys(expected).length).toBeGreaterThan(50);
    expect(OPERATION_SCOPES).toEqual(expected);
    expect(OPERATION_SCOPES["POST /api/v1/declarations/{id}/submit"]).toEqual([["declarations:submit"]]);
    expect(OPERATION_SCOPES["POST /oauth/token"]).toEqual([]);
  });

  test("the token URL is the one the auth page gives", () => {
    expect(TOKEN_URLS.oauth2.clientCredentials).toBe("https://app.borderbolt.com/oauth/token");
  });
});
