import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authorizationCode, GrantError, type TokensUpdate } from "../src/index.js";
import type { RecordedRequest, Reply } from "./helpers/http-server.js";
import { manualClock, settle } from "./helpers/manual-clock.js";
import { paramsOf, startTokenServer, type TokenServer } from "./helpers/token-server.js";

/** A Bolt-like token endpoint: codes and refresh tokens are single-use, every refresh rotates. */
let server: TokenServer;
let validRefresh: Set<string>;
let validCodes: Set<string>;
let sentRefreshTokens: string[];
let serial = 0;

function boltHandler(request: RecordedRequest): Reply {
  const params = paramsOf(request);
  if (request.headers["x-api-key"] !== "api-key") return { status: 401, json: { error: "invalid_client" } };
  if (params.grant_type === "authorization_code") {
    if (!validCodes.delete(params.code ?? "")) return { status: 422, json: { error: "invalid_grant" } };
    const refresh = `rt-${++serial}`;
    validRefresh.add(refresh);
    return {
      json: {
        access_token: `at-${serial}`,
        expires_in: 3600,
        id_token: `id-${serial}`,
        refresh_token: refresh,
        refresh_token_scope: "bolt.account.view",
        scope: "bolt.account.manage",
        token_type: "bearer",
      },
    };
  }
  if (params.grant_type === "refresh_token") {
    sentRefreshTokens.push(params.refresh_token ?? "");
    if (!validRefresh.delete(params.refresh_token ?? "")) {
      return {
        status: 400,
        json: { error: "invalid_grant", error_description: "refresh token already used" },
      };
    }
    const refresh = `rt-${++serial}`;
    validRefresh.add(refresh);
    return {
      json: {
        access_token: `at-${serial}`,
        expires_in: 3600,
        refresh_token: refresh,
        scope: "bolt.account.view",
        token_type: "bearer",
      },
    };
  }
  return { status: 400, json: { error: "unsupported_grant_type" } };
}

beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  validRefresh = new Set();
  validCodes = new Set(["code-1", "code-2"]);
  sentRefreshTokens = [];
  serial = 0;
  server.handle(async (request) => boltHandler(request));
});

function bolt(overrides: Record<string, unknown> = {}) {
  const updates: TokensUpdate[] = [];
  const clock = manualClock();
  const source = authorizationCode({
    tokenUrl: server.tokenUrl,
    clientId: "publishable-key",
    clientSecret: "api-key",
    style: { kind: "form-post" },
    headers: { "X-API-Key": "api-key", "X-Publishable-Key": "publishable-key" },
    redirectUri: "https://shop.example.test/callback",
    scopes: ["bolt.account.view"],
    onTokens: (update) => {
      updates.push(update);
    },
    clock,
    ...overrides,
  });
  return { source, updates, clock };
}

describe("authorizationCode", () => {
  it("exchanges a code with client credentials in the body, API key headers, redirect_uri and scope", async () => {
    const { source, updates } = bolt();
    const token = await source.exchangeCode({
      code: "code-1",
      state: "s1",
      expectedState: "s1",
      scope: ["bolt.account.manage", "openid"],
    });
    const params = paramsOf(server.requests[0] as RecordedRequest);
    expect(params).toMatchObject({
      grant_type: "authorization_code",
      code: "code-1",
      client_id: "publishable-key",
      client_secret: "api-key",
      redirect_uri: "https://shop.example.test/callback",
      scope: "bolt.account.manage openid",
    });
    expect(server.requests[0]?.headers["x-publishable-key"]).toBe("publishable-key");
    expect(token.idToken).toBe("id-1");
    expect(token.scope).toEqual(["bolt.account.manage"]);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      reason: "authorization_code",
      refreshToken: "rt-1",
      refreshTokenScope: ["bolt.account.view"],
    });
    expect(source.hasRefreshToken()).toBe(true);
    expect(await source.getToken()).toBe(token);
  });

  it("sends `state` in the code exchange only when sendState is set (Bolt), not by default (RFC 6749)", async () => {
    await bolt().source.exchangeCode({ code: "code-1", state: "s1", expectedState: "s1" });
    await bolt({ sendState: true }).source.exchangeCode({ code: "code-2", state: "s2", expectedState: "s2" });
    expect(paramsOf(server.requests[0] as RecordedRequest).state).toBeUndefined();
    expect(paramsOf(server.requests[1] as RecordedRequest)).toMatchObject({ code: "code-2", state: "s2" });
  });

  it("rejects a state mismatch before sending anything", async () => {
    const { source } = bolt();
    const error = await source
      .exchangeCode({ code: "code-1", state: "evil", expectedState: "s1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantError);
    expect(error).toMatchObject({ code: "AUTH_STATE_MISMATCH" });
    expect(server.count()).toBe(0);
  });

  it("refreshes with a stored refresh token, rotates it and hands the new one to onTokens", async () => {
    validRefresh.add("stored-rt");
    const { source, updates, clock } = bolt({ refreshToken: "stored-rt" });
    const first = await source.getToken();
    expect(paramsOf(server.requests[0] as RecordedRequest)).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "stored-rt",
      scope: "bolt.account.view",
    });
    expect(updates[0]).toMatchObject({ reason: "refresh_token", rotated: true, refreshToken: "rt-1" });
    clock.advance(3600_000);
    const second = await source.getToken();
    expect(second).not.toBe(first);
    expect(sentRefreshTokens).toEqual(["stored-rt", "rt-1"]);
    expect(updates.map((update) => update.refreshToken)).toEqual(["rt-1", "rt-2"]);
  });

  it("concurrent refreshes share one request: a refresh token is never sent twice", async () => {
    validRefresh.add("stored-rt");
    const { source, clock } = bolt({ refreshToken: "stored-rt" });
    for (let round = 0; round < 5; round++) {
      const tokens = await Promise.all(Array.from({ length: 100 }, () => source.getToken()));
      expect(new Set(tokens).size).toBe(1);
      await source.invalidate(tokens[0]);
      await Promise.all([source.getToken(), source.getToken(), source.invalidate(), source.getToken()]);
      clock.advance(3600_000);
    }
    expect(new Set(sentRefreshTokens).size).toBe(sentRefreshTokens.length);
    expect(server.requests.every((request) => request.headers["x-api-key"] === "api-key")).toBe(true);
  });

  it("background refresh in the window also rotates and reports through onTokens", async () => {
    validRefresh.add("stored-rt");
    const { source, updates, clock } = bolt({ refreshToken: "stored-rt" });
    const first = await source.getToken();
    clock.advance(3_400_000);
    expect(await source.getToken()).toBe(first);
    for (let turn = 0; turn < 200 && updates.length < 2; turn++) await settle();
    expect(updates.map((update) => update.refreshToken)).toEqual(["rt-1", "rt-2"]);
    expect(sentRefreshTokens).toEqual(["stored-rt", "rt-1"]);
  });

  it("an invalid_grant drops the refresh token: no further requests until exchangeCode", async () => {
    const { source } = bolt({ refreshToken: "unknown-rt" });
    await expect(source.getToken()).rejects.toMatchObject({
      code: "AUTH_OAUTH_ERROR",
      error: "invalid_grant",
    });
    expect(source.hasRefreshToken()).toBe(false);
    await expect(source.getToken()).rejects.toMatchObject({ code: "AUTH_NO_GRANT" });
    expect(server.count()).toBe(1);
    await source.exchangeCode({ code: "code-2" });
    await expect(source.getToken()).resolves.toBeDefined();
  });

  it("does not retry a refresh after a 500 (the server may have rotated the token)", async () => {
    validRefresh.add("stored-rt");
    server.handle(() => ({ status: 500 }));
    const { source } = bolt({ refreshToken: "stored-rt" });
    await expect(source.getToken()).rejects.toMatchObject({
      code: "AUTH_TOKEN_ENDPOINT_HTTP_ERROR",
      status: 500,
    });
    expect(server.count()).toBe(1);
  });

  it("without any grant getToken() fails with AUTH_NO_GRANT and sends nothing", async () => {
    const { source } = bolt();
    await expect(source.getToken()).rejects.toMatchObject({ code: "AUTH_NO_GRANT", name: "GrantError" });
    expect(server.count()).toBe(0);
  });

  it("a used code fails with invalid_grant and is not retried", async () => {
    const { source } = bolt();
    await source.exchangeCode({ code: "code-1" });
    await expect(source.exchangeCode({ code: "code-1" })).rejects.toMatchObject({
      error: "invalid_grant",
      status: 422,
    });
    expect(server.count()).toBe(2);
  });

  it("refuses the basic-query style (it would put refresh tokens into URLs)", () => {
    expect(() =>
      authorizationCode({
        tokenUrl: server.tokenUrl,
        clientId: "c",
        clientSecret: "s",
        // @ts-expect-error basic-query is not allowed for authorization code
        style: { kind: "basic-query" },
      }),
    ).toThrow(expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "style.kind" }));
  });
});
