import { describe, expect, test } from "vitest";
import { type OperationInfo, type SecuritySchemeInfo, scopeAlternatives } from "./security-model.js";

const SCHEMES: Record<string, SecuritySchemeInfo> = {
  oauth: { type: "oauth2", flows: {} },
  oidc: { type: "openIdConnect" },
  key: { type: "apiKey", in: "header", name: "X-Key" },
};

const op = (security: OperationInfo["security"]): OperationInfo => ({
  key: "GET /x",
  method: "get",
  path: "/x",
  security,
});

type TestCase = [name: string, given: OperationInfo["security"], want: string[][]];

const cases: TestCase[] = [
  ["no security: no authentication", [], []],
  ["one scheme, one scope", [{ oauth: ["a"] }], [["a"]]],
  ["alternatives stay separate", [{ oauth: ["a"] }, { oauth: ["b"] }], [["a"], ["b"]]],
  ["AND-ed schemes merge their scopes, sorted", [{ oauth: ["b"], oidc: ["a"] }], [["a", "b"]]],
  ["a scheme without scopes adds nothing", [{ oauth: ["a"], key: [] }], [["a"]]],
  ["an api-key-only alternative needs no scope", [{ key: [] }], [[]]],
  ["duplicate alternatives collapse", [{ oauth: ["a", "b"] }, { oauth: ["b", "a"] }], [["a", "b"]]],
  ["optional auth ({}) is an empty alternative", [{ oauth: ["a"] }, {}], [["a"], []]],
];

describe("scopeAlternatives", () => {
  for (const [name, given, want] of cases) {
    test(name, () => {
      expect(scopeAlternatives(op(given), SCHEMES)).toEqual(want);
    });
  }
});
