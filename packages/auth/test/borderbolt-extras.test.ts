import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientCredentials, revokeToken, tokenInfo } from "../src/index.js";
import type { RecordedRequest } from "./helpers/http-server.js";
import { paramsOf, startTokenServer, type TokenServer } from "./helpers/token-server.js";

/** A Borderbolt-like server: JSON token endpoint, /oauth/tokeninfo and /oauth/revoke. */
let server: TokenServer;
let revoked: Set<string>;

beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  revoked = new Set();
  server.handle((request: RecordedRequest) => {
    const bearer = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
    if (request.path === "/oauth/tokeninfo") {
      if (!server.issued.includes(bearer) || revoked.has(bearer)) {
        return {
          status: 401,
          json: {
            error: "invalid_token",
            error_description: "Unauthenticated.",
            message: "Unauthenticated.",
          },
        };
      }
      return {
        json: {
          client_id: "bb-client",
          scopes: ["declarations:read"],
          expires_at: "2026-03-25T15:30:00.000000Z",
        },
      };
    }
    if (request.path === "/oauth/revoke") {
      revoked.add(String(JSON.parse(request.body.toString()).token));
      return { status: 200, body: "" };
    }
    return server.tokenReply(request);
  });
});

const borderbolt = () =>
  clientCredentials({
    tokenUrl: server.tokenUrl,
    clientId: "bb-client",
    clientSecret: "bb-secret",
    style: { kind: "json" },
    scopes: ["declarations:read"],
    revocationUrl: `${server.origin}/oauth/revoke`,
  });

describe("Borderbolt token management", () => {
  it("tokenInfo(source) sends GET /oauth/tokeninfo with the bearer token and returns the JSON", async () => {
    const source = borderbolt();
    const info = await tokenInfo(source, { url: `${server.origin}/oauth/tokeninfo` });
    expect(info).toEqual({
      client_id: "bb-client",
      scopes: ["declarations:read"],
      expires_at: "2026-03-25T15:30:00.000000Z",
    });
    const request = server.requests.at(-1);
    expect(request?.method).toBe("GET");
    expect(request?.headers.authorization).toBe(`Bearer ${server.issued[0]}`);
  });

  it("revokeToken() posts JSON { token } and tokenInfo then fails with invalid_token", async () => {
    const source = borderbolt();
    const token = await source.getToken();
    await revokeToken({ url: `${server.origin}/oauth/revoke`, token });
    const request = server.requests.at(-1) as RecordedRequest;
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body.toString())).toEqual({ token: token.accessToken });
    await expect(tokenInfo(token, { url: `${server.origin}/oauth/tokeninfo` })).rejects.toMatchObject({
      code: "AUTH_OAUTH_ERROR",
      error: "invalid_token",
      status: 401,
      endpoint: "GET /oauth/tokeninfo",
    });
  });

  it("source.revoke() revokes the cached token (JSON body, client authenticated) and clears the cache", async () => {
    const source = borderbolt();
    const token = await source.getToken();
    await source.revoke();
    const request = server.requests.at(-1) as RecordedRequest;
    expect(request.path).toBe("/oauth/revoke");
    expect(paramsOf(request)).toMatchObject({
      token: token.accessToken,
      token_type_hint: "access_token",
      client_id: "bb-client",
    });
    expect(revoked.has(token.accessToken)).toBe(true);
    const next = await source.getToken();
    expect(next.accessToken).not.toBe(token.accessToken);
  });

  it("source.revoke() without revocationUrl is a config error naming it", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    await expect(source.revoke()).rejects.toMatchObject({
      code: "AUTH_CONFIG_INVALID",
      option: "revocationUrl",
    });
  });
});
