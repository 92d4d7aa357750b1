import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AuthAbortError,
  clientCredentials,
  InsecureUrlError,
  isOAuthError,
  isTokenEndpointError,
  isTokenResponseError,
  OAuthError,
  TokenEndpointError,
  TokenResponseError,
} from "../src/index.js";
import { recordingClock } from "./helpers/recording-clock.js";
import { startTokenServer, type TokenServer } from "./helpers/token-server.js";

const TIMEOUT = 5_000;
let server: TokenServer;
beforeAll(async () => {
  server = await startTokenServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

function source(overrides: Record<string, unknown> = {}) {
  const clock = recordingClock(TIMEOUT);
  const created = clientCredentials({
    tokenUrl: server.tokenUrl,
    clientId: "client",
    clientSecret: "secret",
    style: { kind: "form-post" },
    timeoutMs: TIMEOUT,
    clock,
    ...overrides,
  });
  return { source: created, clock };
}

describe("retries", () => {
  it("retries a 500 with exponential backoff and jitter, then succeeds", async () => {
    server.queue({ status: 500, body: "oops" }, { status: 502, body: "bad gateway" });
    const { source: s, clock } = source();
    await expect(s.getToken()).resolves.toBeDefined();
    expect(server.count()).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(150);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(300);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(300);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(600);
  });

  it("honours 429 Retry-After seconds exactly (no jitter)", async () => {
    server.queue({ status: 429, headers: { "retry-after": "3" }, json: { error: "slow_down" } });
    const { source: s, clock } = source();
    await s.getToken();
    expect(clock.sleeps).toEqual([3000]);
    expect(server.count()).toBe(2);
  });

  it("honours a Retry-After HTTP-date", async () => {
    const date = new Date(Date.now() + 20_000).toUTCString();
    server.queue({ status: 503, headers: { "retry-after": date } });
    const { source: s, clock } = source();
    await s.getToken();
    expect(clock.sleeps[0]).toBeGreaterThan(15_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(20_000);
  });

  it("does not wait for a Retry-After beyond maxRetryAfterMs: the 429 is returned as an error", async () => {
    server.queue({ status: 429, headers: { "retry-after": "120" }, body: "rate limited" });
    const { source: s, clock } = source();
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect(error).toMatchObject({ code: "AUTH_TOKEN_ENDPOINT_HTTP_ERROR", status: 429 });
    expect(clock.sleeps).toEqual([]);
    expect(server.count()).toBe(1);
  });

  it("gives up after limit + 1 attempts and caches nothing", async () => {
    server.queue({ status: 503 }, { status: 503 }, { status: 503 });
    const { source: s } = source();
    await expect(s.getToken()).rejects.toMatchObject({ code: "AUTH_TOKEN_ENDPOINT_HTTP_ERROR", status: 503 });
    expect(server.count()).toBe(3);
    await expect(s.getToken()).resolves.toBeDefined();
    expect(server.count()).toBe(4);
  });

  it("times out a hanging endpoint per attempt (AUTH_TOKEN_ENDPOINT_TIMEOUT)", async () => {
    server.queue({ hang: true }, { hang: true });
    const { source: s } = source({ timeoutMs: 150, retry: { limit: 1 }, clock: recordingClock(150) });
    const error = await s.getToken().catch((e: unknown) => e);
    expect(isTokenEndpointError(error)).toBe(true);
    expect(error).toMatchObject({ code: "AUTH_TOKEN_ENDPOINT_TIMEOUT", attempts: 2 });
    expect(server.count()).toBe(2);
  });

  it("reports a reset connection as AUTH_TOKEN_ENDPOINT_UNREACHABLE after retrying", async () => {
    server.queue({ reset: true }, { reset: true }, { reset: true });
    const { source: s } = source();
    await expect(s.getToken()).rejects.toMatchObject({
      code: "AUTH_TOKEN_ENDPOINT_UNREACHABLE",
      attempts: 3,
    });
    expect(server.count()).toBe(3);
  });

  it("reports a refused connection as AUTH_TOKEN_ENDPOINT_UNREACHABLE with the cause's code", async () => {
    const port = await freePort();
    const { source: s } = source({ tokenUrl: `http://127.0.0.1:${port}/token`, retry: { limit: 0 } });
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AUTH_TOKEN_ENDPOINT_UNREACHABLE" });
    expect(JSON.stringify(error)).toContain("ECONNREFUSED");
  });
});

describe("invalid token responses (nothing cached)", () => {
  it.each([
    [
      "an HTML page",
      { body: "<html><body>Login</body></html>", headers: { "content-type": "text/html" } },
      "body",
      "is not valid JSON",
    ],
    [
      "invalid JSON",
      { body: '{"access_token": "abc', headers: { "content-type": "application/json" } },
      "body",
      "is not valid JSON",
    ],
    ["an empty body", { body: "" }, "body", "is empty"],
    ["a JSON array", { json: [1, 2] }, "body", "must be a JSON object"],
    ["no access_token", { json: { token_type: "bearer", expires_in: 60 } }, "access_token", "is missing"],
    [
      "an empty access_token",
      { json: { access_token: "", token_type: "bearer", expires_in: 60 } },
      "access_token",
      "must be a non-empty string",
    ],
    ["no token_type", { json: { access_token: "a", expires_in: 60 } }, "token_type", "is missing"],
    [
      "token_type mac",
      { json: { access_token: "a", token_type: "mac", expires_in: 60 } },
      "token_type",
      'must be "bearer" (any case)',
    ],
    [
      "expires_in 0",
      { json: { access_token: "a", token_type: "bearer", expires_in: 0 } },
      "expires_in",
      "must be a positive number or numeric string",
    ],
    [
      "expires_in negative",
      { json: { access_token: "a", token_type: "bearer", expires_in: -5 } },
      "expires_in",
      "must be a positive number or numeric string",
    ],
    [
      'expires_in "abc"',
      { json: { access_token: "a", token_type: "bearer", expires_in: "abc" } },
      "expires_in",
      "must be a positive number or numeric string",
    ],
    [
      'expires_in "0"',
      { json: { access_token: "a", token_type: "bearer", expires_in: "0" } },
      "expires_in",
      "must be a positive number or numeric string",
    ],
    [
      "scope not a string",
      { json: { access_token: "a", token_type: "bearer", expires_in: 5, scope: ["a"] } },
      "scope",
      "must be a space-separated string",
    ],
    ["status 204", { status: 204 }, "status", "must be 200, got 204"],
  ])("rejects %s naming the field", async (_name, reply, field, reason) => {
    server.queue(reply as never);
    const { source: s } = source();
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenResponseError);
    expect(isTokenResponseError(error)).toBe(true);
    expect(error).toMatchObject({
      code: "AUTH_TOKEN_RESPONSE_INVALID",
      field,
      reason,
      endpoint: "POST /oauth/token",
    });
    expect(server.count()).toBe(1);
    await s.getToken();
    expect(server.count()).toBe(2);
  });
});

describe("OAuth error responses (RFC 6749 §5.2)", () => {
  it("parses error, error_description, error_uri and status, and does not retry", async () => {
    server.queue({
      status: 401,
      json: {
        error: "invalid_client",
        error_description: "Client authentication failed",
        error_uri: "https://docs.example.test/errors#invalid_client",
        message: "Client authentication failed",
      },
    });
    const { source: s } = source();
    const error = await s.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(isOAuthError(error)).toBe(true);
    expect(error).toMatchObject({
      code: "AUTH_OAUTH_ERROR",
      error: "invalid_client",
      error_description: "Client authentication failed",
      error_uri: "https://docs.example.test/errors#invalid_client",
      status: 401,
      endpoint: "POST /oauth/token",
    });
    expect((error as Error).message).toBe(
      "POST /oauth/token failed with 401 invalid_client: Client authentication failed",
    );
    expect(server.count()).toBe(1);
  });

  it("treats an error body on a 200 without access_token as an OAuth error", async () => {
    server.queue({ json: { error: "invalid_scope" } });
    const { source: s } = source();
    await expect(s.getToken()).rejects.toMatchObject({
      code: "AUTH_OAUTH_ERROR",
      error: "invalid_scope",
      status: 200,
    });
  });

  it("a 4xx without an OAuth body is AUTH_TOKEN_ENDPOINT_HTTP_ERROR with the status", async () => {
    server.queue({ status: 404, body: "not found" });
    const { source: s } = source();
    await expect(s.getToken()).rejects.toMatchObject({ code: "AUTH_TOKEN_ENDPOINT_HTTP_ERROR", status: 404 });
  });
});

describe("transport policy", () => {
  it("never follows a redirect from the token endpoint", async () => {
    server.queue({ status: 302, headers: { location: `${server.origin}/elsewhere` } });
    const { source: s } = source();
    await expect(s.getToken()).rejects.toMatchObject({ code: "AUTH_TOKEN_ENDPOINT_HTTP_ERROR", status: 302 });
    expect(server.requests.map((request) => request.path)).toEqual(["/oauth/token"]);
  });

  it("rejects a plain-http token URL on a non-loopback host at creation", () => {
    expect(() =>
      clientCredentials({
        tokenUrl: "http://login.bol.com/token",
        clientId: "c",
        clientSecret: "s",
        style: { kind: "basic-query" },
      }),
    ).toThrow(InsecureUrlError);
  });

  it("a caller's abort rejects with AUTH_ABORTED (AbortError)", async () => {
    const release = server.gate();
    const { source: s } = source();
    const controller = new AbortController();
    const pending = s.getToken({ signal: controller.signal });
    controller.abort(new Error("user went away"));
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthAbortError);
    expect(error).toMatchObject({ code: "AUTH_ABORTED", name: "AbortError" });
    release();
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
