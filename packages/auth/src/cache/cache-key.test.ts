import { describe, expect, it } from "vitest";
import { tokenCacheKey } from "./cache-key.js";

const base = {
  tokenUrl: "https://login.example.test/token",
  clientId: "client",
  grant: "client_credentials",
};

describe("tokenCacheKey", () => {
  it("is a prefixed SHA-256 hex digest", async () => {
    expect(await tokenCacheKey(base)).toMatch(/^org-auth:v1:[0-9a-f]{64}$/);
  });

  it("ignores scope order and duplicates, and does not sort the caller's array", async () => {
    const scopes = ["b", "a", "b"];
    expect(await tokenCacheKey({ ...base, scopes })).toBe(
      await tokenCacheKey({ ...base, scopes: ["a", "b"] }),
    );
    expect(scopes).toEqual(["b", "a", "b"]);
  });

  it("differs by URL, client, scope set, grant and subject", async () => {
    const keys = await Promise.all([
      tokenCacheKey(base),
      tokenCacheKey({ ...base, tokenUrl: "https://login.example.test/other" }),
      tokenCacheKey({ ...base, clientId: "other" }),
      tokenCacheKey({ ...base, scopes: ["a"] }),
      tokenCacheKey({ ...base, grant: "authorization_code" }),
      tokenCacheKey({ ...base, subject: "user-1" }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
