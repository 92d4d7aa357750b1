import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationCode, clientCredentials, OAuthError, type TokensUpdate } from "../src/index.js";
import { type OidcServer, startOidcServer } from "./helpers/oidc-server.js";

let oidc: OidcServer;
beforeAll(async () => {
  oidc = await startOidcServer();
});
afterAll(() => oidc.close());

describe("against a real oidc-provider", () => {
  it("client credentials with client_secret_basic (secret with + / = : and spaces, RFC 6749 encoding)", async () => {
    const source = clientCredentials({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.basicClient.clientId,
      clientSecret: oidc.basicClient.clientSecret,
      style: { kind: "basic-form" },
      scopes: ["api:read"],
    });
    const token = await source.getToken();
    expect(token.scope).toEqual(["api:read"]);
    expect(token.expiresIn).toBe(600);
    expect(await oidc.findAccessToken(token.accessToken)).toBeDefined();
  });

  it("raw Basic encoding of the same secret is rejected by a conforming server (invalid_client)", async () => {
    const source = clientCredentials({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.basicClient.clientId,
      clientSecret: oidc.basicClient.clientSecret,
      style: { kind: "basic-form", basicEncoding: "raw" },
    });
    const error = await source.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: "invalid_client", status: 401 });
  });

  it("client credentials with client_secret_post", async () => {
    const source = clientCredentials({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.postClient.clientId,
      clientSecret: oidc.postClient.clientSecret,
      style: { kind: "form-post" },
      scopes: ["api:write"],
    });
    expect((await source.getToken()).scope).toEqual(["api:write"]);
  });

  it("refresh with rotation: each refresh returns a new refresh token; the old one fails with invalid_grant", async () => {
    const initial = await oidc.mintRefreshToken();
    const updates: TokensUpdate[] = [];
    const source = authorizationCode({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.postClient.clientId,
      clientSecret: oidc.postClient.clientSecret,
      style: { kind: "form-post" },
      refreshToken: initial,
      onTokens: (update) => {
        updates.push(update);
      },
    });
    const [first] = await Promise.all([source.getToken(), source.getToken(), source.getToken()]);
    expect(first?.idToken).toMatch(/^ey/);
    expect(first?.scope).toEqual(["openid", "offline_access", "api:read"]);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.rotated).toBe(true);
    const rotated = updates[0]?.refreshToken;
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(initial);

    await source.invalidate();
    const second = await source.getToken();
    expect(second.accessToken).not.toBe(first?.accessToken);
    expect(updates[1]?.refreshToken).not.toBe(rotated);

    const stale = authorizationCode({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.postClient.clientId,
      clientSecret: oidc.postClient.clientSecret,
      style: { kind: "form-post" },
      refreshToken: initial,
    });
    await expect(stale.getToken()).rejects.toMatchObject({
      code: "AUTH_OAUTH_ERROR",
      error: "invalid_grant",
    });
  });

  it("revocation: source.revoke() revokes the access token and clears the cache", async () => {
    const source = clientCredentials({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.postClient.clientId,
      clientSecret: oidc.postClient.clientSecret,
      style: { kind: "form-post" },
      revocationUrl: oidc.revocationUrl,
    });
    const token = await source.getToken();
    expect(await oidc.findAccessToken(token.accessToken)).toBeDefined();
    await source.revoke();
    expect(await oidc.findAccessToken(token.accessToken)).toBeUndefined();
    const next = await source.getToken();
    expect(next.accessToken).not.toBe(token.accessToken);
  });

  it("revocation of an authorization-code grant revokes the refresh token too", async () => {
    const good = authorizationCode({
      tokenUrl: oidc.tokenUrl,
      clientId: oidc.postClient.clientId,
      clientSecret: oidc.postClient.clientSecret,
      style: { kind: "form-post" },
      refreshToken: await oidc.mintRefreshToken(),
      revocationUrl: oidc.revocationUrl,
    });
    const token = await good.getToken();
    await good.revoke();
    expect(good.hasRefreshToken()).toBe(false);
    expect(await oidc.findAccessToken(token.accessToken)).toBeUndefined();
    await expect(good.getToken()).rejects.toMatchObject({ code: "AUTH_NO_GRANT" });
  });
});
