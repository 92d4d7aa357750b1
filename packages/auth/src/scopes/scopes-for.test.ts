import { describe, expect, test } from "vitest";
import { createScopesFor } from "./scopes-for.js";

const TABLE = {
  "GET /a": [["a:read"]],
  "POST /a": [["a:write"]],
  "GET /b": [["b:read"], ["a:read"]],
  "POST /b": [
    ["b:write", "a:read"],
    ["admin", "root"],
  ],
  "DELETE /b": [["b:write", "a:read"], ["admin"]],
  "GET /me": [[]],
  "GET /health": [],
} as const;

const scopesFor = createScopesFor(TABLE);

type TestCase = [name: string, given: (keyof typeof TABLE)[], want: string[]];

const cases: TestCase[] = [
  ["one operation, one scope", ["GET /a"], ["a:read"]],
  ["scopes of several operations, sorted", ["POST /a", "GET /a"], ["a:read", "a:write"]],
  ["an alternative already covered costs nothing", ["GET /a", "GET /b"], ["a:read"]],
  ["the smaller alternative wins", ["DELETE /b"], ["admin"]],
  ["a scope already needed makes an alternative cheaper", ["GET /a", "POST /b"], ["a:read", "b:write"]],
  ["operations needing no scope add nothing", ["GET /me", "GET /health"], []],
  ["no operations, no scopes", [], []],
];

describe("scopesFor", () => {
  for (const [name, given, want] of cases) {
    test(name, () => {
      expect(scopesFor(given)).toEqual(want);
    });
  }

  test("an unknown operation is a TypeError naming it", () => {
    expect(() => scopesFor(["DELETE /a" as keyof typeof TABLE])).toThrow(
      expect.objectContaining({
        name: "TypeError",
        code: "ERR_INVALID_ARG_VALUE",
        message: expect.stringContaining("DELETE /a"),
      }),
    );
  });

  test("many operations with two alternatives each still give a valid, small cover", () => {
    const table: Record<string, string[][]> = {};
    for (let i = 0; i < 40; i++) table[`GET /r${i}`] = [[`r${i}:read`], ["all:read"]];
    const forMany = createScopesFor(table);
    expect(forMany(Object.keys(table))).toEqual(["all:read"]);
  });
});
