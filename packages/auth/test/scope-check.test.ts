import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  authMiddleware,
  clientCredentials,
  InsufficientScopeError,
  scopeCheckMiddleware,
} from "../src/index.js";
import type { paths } from "./helpers/api-paths.js";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { startServer } from "./helpers/http-server.js";
import { startTokenServer, type TokenServer } from "./helpers/token-server.js";

const OPERATIONS = {
  "GET /things/{id}": [["things:read"]],
  "POST /things": [["things:write"], ["things:admin"]],
} as const;

let tokens: TokenServer;
let api: ApiServer;
beforeAll(async () => {
  [tokens, api] = await Promise.all([startTokenServer(), startApiServer()]);
});
afterAll(() => Promise.all([tokens.close(), api.close()]));

let mode: "scopeCheckMiddleware" | "checkScopes" = "scopeCheckMiddleware";

/** A client checking scopes `by` a second middleware or authMiddleware's option (the current `mode`). */
function scopeChecking(source: ReturnType<typeof clientCredentials>, origin = api.origin, by = mode) {
  const client = createClient<paths>({ baseUrl: origin, redirect: "manual" });
  if (by === "checkScopes") {
    client.use(authMiddleware(source, { origins: [origin], operations: OPERATIONS, checkScopes: true }));
  } else {
    client.use(
      authMiddleware(source, { origins: [origin] }),
      scopeCheckMiddleware(source, { operations: OPERATIONS }),
    );
  }
  return client;
}

function sourceFor(clientId: string, scopes?: string[]) {
  return clientCredentials({
    tokenUrl: tokens.tokenUrl,
    clientId,
    clientSecret: `${clientId}-secret`,
    scopes,
    style: { kind: "form-post" },
  });
}

function clientWith(scopes: string[] | undefined) {
  const source = sourceFor("scoped", scopes);
  return Object.assign(scopeChecking(source), { source });
}

/** An API that answers every request with 403 insufficient_scope (RFC 6750 §3.1). */
function startForbiddingApi() {
  return startServer(() => ({
    status: 403,
    headers: { "www-authenticate": 'Bearer error="insufficient_scope", scope="things:write"' },
  }));
}

describe.each(["scopeCheckMiddleware", "checkScopes"] as const)("scope check by %s", (checkedBy) => {
  beforeAll(() => {
    mode = checkedBy;
  });

  test("a call the granted scopes cover goes through", async () => {
    const client = clientWith(["things:read"]);
    api.valid.add((await client.source.getToken()).accessToken);
    const before = api.requests.length;
    const { response } = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(response.status).toBe(200);
    expect(api.requests.length).toBe(before + 1);
  });

  test("a call no alternative covers rejects with InsufficientScopeError and sends nothing", async () => {
    const client = clientWith(["things:read"]);
    const before = api.requests.length;
    const call = client.POST("/things", { body: { name: "x" } });
    await expect(call).rejects.toBeInstanceOf(InsufficientScopeError);
    await expect(call).rejects.toMatchObject({
      code: "AUTH_INSUFFICIENT_SCOPE",
      operation: "POST /things",
      missing: ["things:admin", "things:write"],
      granted: ["things:read"],
      detectedBy: "before-request",
    });
    expect(api.requests.length).toBe(before);
  });

  test("a token whose grant was not reported is not second-guessed", async () => {
    const client = clientWith(undefined);
    api.valid.add((await client.source.getToken()).accessToken);
    const before = api.requests.length;
    const { response } = await client.POST("/things", { body: { name: "x" } });
    expect(response.status).toBe(200);
    expect(api.requests.length).toBe(before + 1);
  });

  test("a 403 insufficient_scope (RFC 6750 §3.1) maps to the same error", async () => {
    const forbidding = await startForbiddingApi();
    try {
      const client = scopeChecking(sourceFor("unreported"), forbidding.origin);
      await expect(client.POST("/things", { body: { name: "x" } })).rejects.toMatchObject({
        code: "AUTH_INSUFFICIENT_SCOPE",
        operation: "POST /things",
        detectedBy: "response",
        status: 403,
      });
    } finally {
      await forbidding.close();
    }
  });

  test("a new token's grant is checked anew: verdicts are never carried over from the previous token", async () => {
    // This server grants less than was asked for from the second token on (RFC 6749 §3.3).
    const narrowing = await startServer((request) => {
      const token = `grant-${request.n}`;
      api.valid.add(token);
      const scope = request.n === 1 ? "things:read things:write" : "things:read";
      return { json: { access_token: token, token_type: "Bearer", expires_in: 3600, scope } };
    });
    try {
      const source = clientCredentials({
        tokenUrl: `${narrowing.origin}/token`,
        clientId: "narrowed",
        clientSecret: "narrowed-secret",
        scopes: ["things:read", "things:write"],
        style: { kind: "form-post" },
      });
      const client = scopeChecking(source);
      expect((await client.POST("/things", { body: { name: "a" } })).response.status).toBe(200);
      await source.invalidate();
      expect((await client.GET("/things/{id}", { params: { path: { id: "1" } } })).response.status).toBe(200);
      const before = api.requests.length;
      await expect(client.POST("/things", { body: { name: "b" } })).rejects.toMatchObject({
        code: "AUTH_INSUFFICIENT_SCOPE",
        granted: ["things:read"],
      });
      expect(api.requests.length).toBe(before);
    } finally {
      await narrowing.close();
    }
  });

  test("the error message names the operation and the missing scope, and no token", async () => {
    const error = await clientWith(["things:read"])
      .POST("/things", { body: { name: "x" } })
      .catch((e: unknown) => e);
    expect(String(error)).toBe(
      "InsufficientScopeError: POST /things needs scope things:admin things:write; nothing was sent",
    );
    expect(JSON.stringify(error)).not.toMatch(/tok-\d+/);
  });
});

test("authMiddleware's checkScopes without an operation table is refused, naming the option", () => {
  expect(() => authMiddleware(sourceFor("c"), { origins: [api.origin], checkScopes: true })).toThrow(
    /checkScopes.*OPERATION_SCOPES/,
  );
});

test("with checkScopes, a 403 from an origin the middleware does not authenticate is returned as it is", async () => {
  const forbidding = await startForbiddingApi();
  try {
    const client = scopeChecking(sourceFor("elsewhere"), api.origin, "checkScopes");
    const { response } = await client.POST("/things", { baseUrl: forbidding.origin, body: { name: "x" } });
    expect(response.status).toBe(403);
    expect(forbidding.requests.at(-1)?.headers.authorization).toBeUndefined();
  } finally {
    await forbidding.close();
  }
});
