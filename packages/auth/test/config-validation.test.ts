import { describe, expect, it } from "vitest";
import { authMiddleware, authorizationCode, clientCredentials, revokeToken } from "../src/index.js";

const base = {
  tokenUrl: "https://login.example.test/token",
  clientId: "c",
  clientSecret: "s",
  style: { kind: "json" },
} as const;

describe("options are validated at creation, errors name the option", () => {
  it.each([
    [{ ...base, tokenUrl: "not a url" }, "tokenUrl", "AUTH_CONFIG_INVALID"],
    [{ ...base, tokenUrl: "http://login.example.test/token" }, "tokenUrl", "AUTH_INSECURE_URL"],
    [{ ...base, clientId: "" }, "clientId", "AUTH_CONFIG_INVALID"],
    [{ ...base, clientSecret: undefined }, "clientSecret", "AUTH_CONFIG_INVALID"],
    [{ ...base, style: { kind: "xml" } }, "style.kind", "AUTH_CONFIG_INVALID"],
    [{ ...base, headers: { Authorization: "x" } }, "headers.Authorization", "AUTH_CONFIG_INVALID"],
    [{ ...base, headers: { "X-Key": "a\r\nb" } }, "headers.X-Key", "AUTH_CONFIG_INVALID"],
    [{ ...base, params: { grant_type: "password" } }, "params.grant_type", "AUTH_CONFIG_INVALID"],
    [{ ...base, scopes: ["a b"] }, "scopes", "AUTH_CONFIG_INVALID"],
    [{ ...base, timeoutMs: 0 }, "timeoutMs", "AUTH_CONFIG_INVALID"],
    [{ ...base, retry: { limit: -1 } }, "retry.limit", "AUTH_CONFIG_INVALID"],
    [{ ...base, retry: { tries: 3 } }, "tries", "AUTH_CONFIG_INVALID"],
    [{ ...base, clock: {} }, "clock", "AUTH_CONFIG_INVALID"],
    [{ ...base, store: {} }, "store", "AUTH_CONFIG_INVALID"],
    [{ ...base, timing: { marginRatio: 2 } }, "timing.marginRatio", "AUTH_CONFIG_INVALID"],
    [{ ...base, defaultExpiresIn: -1 }, "defaultExpiresIn", "AUTH_CONFIG_INVALID"],
    [{ ...base, revocationUrl: "http://example.test/revoke" }, "revocationUrl", "AUTH_INSECURE_URL"],
    [{ ...base, clientSecrets: "typo" }, "clientSecrets", "AUTH_CONFIG_INVALID"],
  ])("clientCredentials(%o) → %s", (options, option, code) => {
    expect(() => clientCredentials(options as never)).toThrow(expect.objectContaining({ code, option }));
  });

  it("authorizationCode checks redirectUri, onTokens and basic styles without a secret", () => {
    const { clientSecret: _secret, ...publicClient } = base;
    expect(() => authorizationCode({ ...publicClient, redirectUri: "/callback" })).toThrow(
      expect.objectContaining({ option: "redirectUri" }),
    );
    expect(() => authorizationCode({ ...publicClient, onTokens: "save" as never })).toThrow(
      expect.objectContaining({ option: "onTokens" }),
    );
    expect(() => authorizationCode({ ...publicClient, style: { kind: "basic-form" } })).toThrow(
      expect.objectContaining({ option: "clientSecret" }),
    );
    expect(authorizationCode({ ...publicClient }).kind).toBe("authorization_code");
  });

  it("authMiddleware checks its source, origins and headers", () => {
    const source = clientCredentials(base);
    expect(() => authMiddleware({} as never, { origins: ["https://api.example.test"] })).toThrow(
      expect.objectContaining({ option: "source" }),
    );
    expect(() => authMiddleware(source, { origins: ["http://api.example.test"] })).toThrow(
      expect.objectContaining({ code: "AUTH_INSECURE_URL" }),
    );
    expect(() =>
      authMiddleware(source, { origins: ["https://api.example.test"], headers: { Host: "x" } }),
    ).toThrow(expect.objectContaining({ option: "headers.Host" }));
  });

  it("revokeToken checks its options", async () => {
    await expect(revokeToken({ url: "http://example.test/revoke", token: "t" })).rejects.toMatchObject({
      code: "AUTH_INSECURE_URL",
      option: "url",
    });
    await expect(revokeToken({ url: "https://example.test/revoke", token: "" })).rejects.toMatchObject({
      option: "token",
    });
  });
});
