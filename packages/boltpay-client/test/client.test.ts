import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Clock } from "@org/auth";
import { BOLTPAY_FIXED_SCOPE, type BoltPaySimulator, startBoltPaySimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createBoltPayClient, formatAmount } from "../src/index.js";

const START = Date.parse("2026-03-25T10:00:00Z");
let now = START;
/** Time as both the client and the simulator see it; timers stay real (request timeouts). */
const clock: Clock = {
  now: () => now,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const at = (seconds: number) => {
  now = START + seconds * 1000;
};

let sim: BoltPaySimulator;
beforeEach(async () => {
  now = START;
  sim = await startBoltPaySimulator({
    clients: [{ clientId: "client3x3mPl3", clientSecret: "s3cr3Tp@ass" }],
    now: () => now,
  });
});
afterEach(() => sim.close());

function boltPay(fetch?: typeof globalThis.fetch) {
  return createBoltPayClient({
    baseUrl: sim.url,
    clientId: "client3x3mPl3",
    clientSecret: "s3cr3Tp@ass",
    clock,
    ...(fetch && { fetch }),
  });
}

const listRecurring = (client: ReturnType<typeof boltPay>) => client.GET("/recurring");

describe("tokens: client credentials, form body, fixed scope, 10 minutes, no refresh token", () => {
  test("the token request is a form body with the client credentials and the fixed scope string", async () => {
    const sent: Array<{ url: string; init: RequestInit | undefined }> = [];
    const client = boltPay((input, init) => {
      if (!(input instanceof Request)) sent.push({ url: String(input), init });
      return globalThis.fetch(input, init);
    });
    expect((await listRecurring(client)).response.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(`${sim.url}/auth/token`);
    expect(new Headers(sent[0]?.init?.headers).get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(String(sent[0]?.init?.body)))).toEqual({
      grant_type: "client_credentials",
      client_id: "client3x3mPl3",
      client_secret: "s3cr3Tp@ass",
      scope: BOLTPAY_FIXED_SCOPE,
    });
    // The secret's "@" is form-encoded on the wire, as the docs' example shows (%40).
    expect(String(sent[0]?.init?.body)).toContain("client_secret=s3cr3Tp%40ass");
    const token = await client.auth.getToken();
    expect(token.expiresIn).toBe(600);
    expect(token.scope?.join(" ")).toBe(BOLTPAY_FIXED_SCOPE);
  });

  test("before the refresh window (540 s) the cached token is used: no new token request", async () => {
    const client = boltPay();
    await listRecurring(client);
    for (const seconds of [60, 300, 539]) {
      at(seconds);
      expect((await listRecurring(client)).response.status).toBe(200);
    }
    expect(sim.stats).toEqual({ tokenRequests: 1, apiRequests: 4 });
    expect(new Set(sim.bearerTokens).size).toBe(1);
  });

  test("in the refresh window one background request runs and no caller waits for it", async () => {
    const client = boltPay();
    await listRecurring(client);
    const first = sim.bearerTokens[0];

    at(545);
    const release = sim.holdTokenResponses();
    const during = await Promise.all([listRecurring(client), listRecurring(client), listRecurring(client)]);
    // All three calls were answered, with the old token, while any token response is held back.
    expect(during.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(sim.bearerTokens.slice(1)).toEqual([first, first, first]);
    // Exactly one background token request is in flight (and stays one for later callers).
    await vi.waitFor(() => expect(sim.stats.tokenRequests).toBe(2));
    expect((await listRecurring(client)).response.status).toBe(200);
    expect(sim.bearerTokens.at(-1)).toBe(first);
    expect(sim.stats.tokenRequests).toBe(2);
    release();

    await vi.waitFor(async () => expect((await client.auth.getToken()).accessToken).not.toBe(first));
    await listRecurring(client);
    expect(sim.bearerTokens.at(-1)).not.toBe(first);
    expect(sim.stats.tokenRequests).toBe(2);
  });

  test("after the token's margin (570 s) the old token is never sent: a new client-credentials request first", async () => {
    const client = boltPay();
    await listRecurring(client);
    const first = sim.bearerTokens[0];
    at(10 * 60 + 5); // the first token has expired on the server too
    const { response } = await listRecurring(client);
    expect(response.status).toBe(200);
    expect(sim.stats.tokenRequests).toBe(2);
    expect(sim.bearerTokens.at(-1)).not.toBe(first);

    // And again ten minutes later: every token is a fresh client-credentials grant.
    at(20 * 60 + 10);
    expect((await listRecurring(client)).response.status).toBe(200);
    expect(sim.stats.tokenRequests).toBe(3);
  });

  test("concurrent first calls share one token request", async () => {
    const client = boltPay();
    const results = await Promise.all(Array.from({ length: 20 }, () => listRecurring(client)));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(sim.stats.tokenRequests).toBe(1);
  });
});

describe("payments", () => {
  test("creates a payment with a 12-digit amount and refunds part of it", async () => {
    const client = boltPay();
    const { data: payment, response } = await client.POST("/v1", {
      body: { amount: formatAmount(12_50), currencyCode: 200, paymentMethod: "cc", recurring: 1 },
    });
    expect(response.status).toBe(200);
    const paymentId = (payment as { paymentId: string }).paymentId;
    const refund = await client.POST("/v1/refund/{paymentId}", {
      params: { path: { paymentId } },
      body: { amount: formatAmount(250) },
    });
    expect(refund.data).toEqual({ success: true });
    const recurring = await client.GET("/recurring", { params: { query: { status: "ACTIVE" } } });
    expect(recurring.data).toHaveLength(1);
  });

  test("the amount pattern is runtime-only: a malformed amount compiles and the gateway answers 400", async () => {
    const { response } = await boltPay().POST("/v1", { body: { amount: "12.50", currencyCode: 200 } });
    expect(response.status).toBe(400);
  });
});

describe("baseUrl", () => {
  test("is required, naming the option", () => {
    expect(() => createBoltPayClient({ clientId: "a", clientSecret: "b" } as never)).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "baseUrl" }),
    );
    expect(() =>
      createBoltPayClient({ baseUrl: "pgw.example.com", clientId: "a", clientSecret: "b" }),
    ).toThrow(expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "baseUrl" }));
  });

  test("must be https unless it is a loopback host (typed InsecureUrlError naming baseUrl)", () => {
    expect(() =>
      createBoltPayClient({ baseUrl: "http://pgw.example.com", clientId: "a", clientSecret: "b" }),
    ).toThrow(
      expect.objectContaining({ name: "InsecureUrlError", code: "AUTH_INSECURE_URL", option: "baseUrl" }),
    );
    expect(() =>
      createBoltPayClient({ baseUrl: "http://localhost:9090", clientId: "a", clientSecret: "b" }),
    ).not.toThrow();
    expect(() =>
      createBoltPayClient({ baseUrl: "https://pgw.example.com", clientId: "a", clientSecret: "b" }),
    ).not.toThrow();
  });

  test("a path prefix is kept for the API and the token endpoint; credentials go to that origin only", async () => {
    const seen: string[] = [];
    const client = createBoltPayClient({
      baseUrl: "https://pgw.example.com/gateway/",
      clientId: "a",
      clientSecret: "b",
      fetch: async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        seen.push(`${request.method} ${request.url} ${request.headers.get("authorization") ? "auth" : "-"}`);
        return request.url.endsWith("/auth/token")
          ? Response.json({ access_token: "t", token_type: "Bearer", expires_in: 600 })
          : Response.json([]);
      },
    });
    await client.GET("/recurring");
    await client.GET("/recurring", { baseUrl: "https://elsewhere.example.com" });
    expect(seen).toEqual([
      "POST https://pgw.example.com/gateway/auth/token -",
      "GET https://pgw.example.com/gateway/recurring auth",
      "GET https://elsewhere.example.com/recurring -",
    ]);
  });
});

test("README example: pays, refunds and lists recurring payments against the embedded simulator", {
  timeout: 60_000,
}, async () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const { stdout } = await promisify(execFile)("pnpm", ["exec", "tsx", "examples/boltpay.ts"], { cwd: root });
  expect(stdout).toMatch(/payment [0-9a-f]{24} created \(amount 000000001250\)/);
  expect(stdout).toMatch(/partial refund: success/);
  expect(stdout).toMatch(/1 active recurring payment/);
  expect(stdout).toMatch(/token requests: 1, API calls: 3/);
});
