import type { StoredToken } from "@org/auth";
import { describe, expect, it } from "vitest";
import { parseStoredToken, serializeStoredToken } from "./stored-token-codec.js";

const token: StoredToken = {
  v: 1,
  accessToken: "at-1",
  tokenType: "bearer",
  issuedAt: 1_700_000_000_000,
  expiresAt: 1_700_000_299_000,
  scope: ["a", "b"],
  idToken: "id-1",
};

describe("stored token codec", () => {
  it("round-trips every StoredToken field", () => {
    expect(parseStoredToken(serializeStoredToken(token))).toEqual(token);
    const { scope: _scope, idToken: _idToken, ...minimal } = token;
    expect(parseStoredToken(serializeStoredToken(minimal))).toEqual(minimal);
  });

  it("writes nothing but the StoredToken fields", () => {
    const withExtra = { ...token, clientSecret: "s3cr3t-value", refreshToken: "rt-1" } as StoredToken;
    const text = serializeStoredToken(withExtra);
    expect(text).not.toContain("s3cr3t-value");
    expect(text).not.toContain("rt-1");
  });

  it("refuses to write what is not a token record", () => {
    expect(() => serializeStoredToken({ ...token, v: 2 } as unknown as StoredToken)).toThrow(TypeError);
    expect(() => serializeStoredToken({ ...token, accessToken: "" })).toThrow(TypeError);
  });

  it.each([
    "",
    "null",
    "[]",
    '{"v":2}',
    JSON.stringify({ ...token, accessToken: 1 }),
    JSON.stringify({ ...token, expiresAt: "soon" }),
    JSON.stringify({ ...token, scope: "a b" }),
  ])("reads %j as nothing", (text) => {
    expect(parseStoredToken(text)).toBeUndefined();
  });
});
