import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientCredentials } from "../src/index.js";
import { basicCredentialsOf, paramsOf, startTokenServer, type TokenServer } from "./helpers/token-server.js";

let server: TokenServer;
beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

const secret = "se+cr/et=:x y";

describe("client credentials request styles on the wire", () => {
  it("json (Borderbolt): JSON body with grant_type, client_id, client_secret, scope", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "bb-client",
      clientSecret: secret,
      scopes: ["declarations:write", "declarations:read"],
      style: { kind: "json" },
    });
    const token = await source.getToken();
    const [request] = server.requests;
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.accept).toBe("application/json");
    expect(JSON.parse(String(request?.body))).toEqual({
      grant_type: "client_credentials",
      scope: "declarations:write declarations:read",
      client_id: "bb-client",
      client_secret: secret,
    });
    expect(token.scope).toEqual(["declarations:write", "declarations:read"]);
    expect(token.tokenType).toBe("bearer");
  });

  it("form-post (boltPay): fixed scope and the secret in the form body", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "client3x3mPl3",
      clientSecret: "s3cr3Tp@ass",
      scopes: ["openid", "accountId", "username", "roles", "permissions", "status", "entityUser"],
      style: { kind: "form-post" },
    });
    await source.getToken();
    const [request] = server.requests;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.body.toString()).toContain("client_secret=s3cr3Tp%40ass");
    expect(paramsOf(request as never)).toMatchObject({
      grant_type: "client_credentials",
      client_id: "client3x3mPl3",
      scope: "openid accountId username roles permissions status entityUser",
    });
  });

  it("basic-form: RFC 6749 encoded Basic credentials and no secret in the body", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "id:1",
      clientSecret: secret,
      style: { kind: "basic-form" },
    });
    await source.getToken();
    const [request] = server.requests;
    expect(basicCredentialsOf(request as never)).toEqual({ id: "id:1", secret });
    expect(request?.body.toString()).toBe("grant_type=client_credentials");
  });

  it("basic-query (bol.com): grant_type in the query, no body, Accept: application/json", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "oRNWbHFXtAECmhnZmEndcjLIaSKbRMVE",
      clientSecret: secret,
      style: { kind: "basic-query" },
    });
    await source.getToken();
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.query.get("grant_type")).toBe("client_credentials");
    expect(request?.body.length).toBe(0);
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(request?.headers.accept).toBe("application/json");
    expect(basicCredentialsOf(request as never)).toEqual({ id: "oRNWbHFXtAECmhnZmEndcjLIaSKbRMVE", secret });
  });

  it("basicEncoding raw sends id:secret unencoded", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "id",
      clientSecret: "a+b",
      style: { kind: "basic-query", basicEncoding: "raw" },
    });
    await source.getToken();
    const header = String(server.requests[0]?.headers.authorization);
    expect(Buffer.from(header.slice(6), "base64").toString()).toBe("id:a+b");
  });

  it("sends extra static headers (Bolt's X-API-Key, X-Publishable-Key)", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "pk",
      clientSecret: "api-key",
      style: { kind: "form-post" },
      headers: { "X-API-Key": "api-key", "X-Publishable-Key": "pk" },
    });
    await source.getToken();
    expect(server.requests[0]?.headers["x-api-key"]).toBe("api-key");
    expect(server.requests[0]?.headers["x-publishable-key"]).toBe("pk");
  });

  it("sends extra params (Tradevest scope=tradevest.api is just a scope; audience is a param)", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "tv",
      clientSecret: "s",
      style: { kind: "form-post" },
      scopes: ["tradevest.api"],
      params: { audience: "partner-api" },
    });
    await source.getToken();
    expect(paramsOf(server.requests[0] as never)).toMatchObject({
      scope: "tradevest.api",
      audience: "partner-api",
    });
  });

  it("caches the token: a second getToken() sends no request, and the source is callable", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    const first = await source.getToken();
    const second = await source();
    expect(second).toBe(first);
    expect(server.count()).toBe(1);
  });

  it("invalidate(token) drops only the current token", async () => {
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    const first = await source.getToken();
    expect(await source.invalidate(first)).toBe(true);
    const second = await source.getToken();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await source.invalidate(first)).toBe(false);
    expect(await source.getToken()).toBe(second);
    expect(server.count()).toBe(2);
  });

  it("keeps the granted scope from the response", async () => {
    server.queue({ json: { access_token: "narrow", token_type: "bearer", expires_in: 60, scope: "a" } });
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      scopes: ["a", "b"],
      style: { kind: "json" },
    });
    expect((await source.getToken()).scope).toEqual(["a"]);
  });

  it("accepts expires_in as a numeric string, and 201", async () => {
    server.queue({ status: 201, json: { access_token: "x", token_type: "BEARER", expires_in: "299" } });
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    const token = await source.getToken();
    expect(token.expiresIn).toBe(299);
  });

  it("uses 3600 s when expires_in is absent", async () => {
    server.queue({ json: { access_token: "x", token_type: "Bearer" } });
    const source = clientCredentials({
      tokenUrl: server.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    expect((await source.getToken()).expiresIn).toBe(3600);
  });
});
