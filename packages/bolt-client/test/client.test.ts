import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { inspect, promisify } from "node:util";
import type { TokensUpdate } from "@org/auth";
import { type BoltSimulator, type RunningServer, startBoltSimulator, startServer } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createBoltClient } from "../src/index.js";

let sim: BoltSimulator;
beforeEach(async () => {
  sim = await startBoltSimulator();
});
afterEach(() => sim.close());

function bolt(extra: { refreshToken?: string } = {}) {
  const updates: TokensUpdate[] = [];
  const client = createBoltClient({
    apiKey: sim.apiKey,
    publishableKey: sim.publishableKey,
    environment: "sandbox",
    baseUrl: sim.url,
    onTokens: (update) => {
      updates.push(update);
    },
    ...extra,
  });
  return { client, updates };
}

describe("Bolt's own token style (the simulator's token endpoint)", () => {
  test("a code exchange gets a manage token and a view-only refresh token; after a refresh the account can be read, not changed", async () => {
    const { client, updates } = bolt();
    const code = sim.issueAuthorizationCode({ state: "st-7" });
    const token = await client.auth.exchangeCode({ code, state: "st-7", expectedState: "st-7" });
    expect(token.scope).toEqual(["bolt.account.manage"]);
    expect(token.idToken?.split(".")).toHaveLength(3);
    expect(updates[0]?.refreshTokenScope).toEqual(["bolt.account.view"]);
    expect(sim.lastTokenRequest()).toMatchObject({ grant_type: "authorization_code", state: "st-7" });

    const renamed = await client.PATCH("/v1/account/profile", { body: { first_name: "Alice" } });
    expect(renamed.response.status).toBe(200);

    await client.auth.invalidate();
    const account = await client.GET("/v1/account");
    expect(account.data?.profile?.first_name).toBe("Alice");
    expect(sim.lastTokenRequest()).toMatchObject({ grant_type: "refresh_token", scope: "bolt.account.view" });
    expect(updates[1]).toMatchObject({ reason: "refresh_token", rotated: true });

    const denied = await client.PATCH("/v1/account/profile", { body: { first_name: "Bob" } });
    expect(denied.response.status).toBe(403);
    expect(sim.stats.tokenRequests).toBe(2);
  });

  test("a state that does not match expectedState fails before any request (AUTH_STATE_MISMATCH)", async () => {
    const { client } = bolt();
    const code = sim.issueAuthorizationCode({ state: "good" });
    await expect(
      client.auth.exchangeCode({ code, state: "forged", expectedState: "good" }),
    ).rejects.toMatchObject({
      code: "AUTH_STATE_MISMATCH",
    });
    expect(sim.stats.tokenRequests).toBe(0);
  });

  test("a used code is refused with Bolt's 422 invalid_grant", async () => {
    const { client } = bolt();
    const code = sim.issueAuthorizationCode();
    await client.auth.exchangeCode({ code });
    await expect(client.auth.exchangeCode({ code })).rejects.toMatchObject({
      code: "AUTH_OAUTH_ERROR",
      error: "invalid_grant",
      status: 422,
    });
  });
});

describe("per-operation credentials from OPERATION_SECURITY", () => {
  test("API-key-only calls send X-API-Key, no Authorization, and make no token request", async () => {
    const { client } = bolt();
    // deactivate_in_days has a default in the spec, yet the generated type makes it required (codegen).
    const shopper = await client.POST("/v1/testing/shopper/create", {
      body: { deactivate_in_days: 30, has_address: true },
    });
    const card = await client.GET("/v1/testing/card_token");
    const created = await client.POST("/v1/account", {
      body: { profile: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com" } },
    });
    expect([shopper.response.status, card.response.status, created.response.status]).toEqual([200, 200, 200]);
    expect(shopper.data?.oauth_code).toEqual(expect.any(String));
    expect(sim.stats.tokenRequests).toBe(0);
    expect(sim.requests.map(({ apiKey, authorization }) => ({ apiKey, authorization }))).toEqual([
      { apiKey: true, authorization: false },
      { apiKey: true, authorization: false },
      { apiKey: true, authorization: false },
    ]);
  });

  test("every call gets X-API-Key, only account calls a token; X-Publishable-Key only where the spec declares it", async () => {
    const { client } = bolt();
    const exists = await client.GET("/v1/account/exists", {
      params: { query: { email: "ada@example.com" } },
    });
    expect(exists.data).toEqual({ has_bolt_account: false });
    await client.GET("/v1/testing/card_token");
    expect(sim.requests).toMatchObject([
      { operation: "GET /v1/account/exists", apiKey: true, authorization: false, publishableKey: true },
      { operation: "GET /v1/testing/card_token", apiKey: true, authorization: false, publishableKey: false },
    ]);
  });

  test("a per-call X-Publishable-Key wins over the client's", async () => {
    const { client } = bolt();
    const { response } = await client.GET("/v1/account/exists", {
      params: { query: { email: "ada@example.com" }, header: { "X-Publishable-Key": "another-division" } },
    });
    expect(response.status).toBe(401);
  });

  test("an account call without any grant fails with AUTH_NO_GRANT and sends nothing", async () => {
    const { client } = bolt();
    await expect(client.GET("/v1/account")).rejects.toMatchObject({ code: "AUTH_NO_GRANT" });
    expect(sim.requests).toEqual([]);
  });

  test("without a publishable key (or clientId) API-key calls work; account calls fail naming publishableKey", async () => {
    const client = createBoltClient({ apiKey: sim.apiKey, environment: "sandbox", baseUrl: sim.url });
    expect((await client.GET("/v1/testing/card_token")).response.status).toBe(200);
    const failure = expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "publishableKey" });
    await expect(client.GET("/v1/account")).rejects.toEqual(failure);
    await expect(client.auth.exchangeCode({ code: "c" })).rejects.toEqual(failure);
    expect(sim.stats).toEqual({ tokenRequests: 0, apiRequests: 1 });
  });
});

describe("credentials never leave the Bolt origin", () => {
  let other: RunningServer;
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  beforeEach(async () => {
    seen.length = 0;
    other = await startServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  afterEach(() => other.close());

  test("a per-call baseUrl gets no X-API-Key, no X-Publishable-Key and no Authorization", async () => {
    const { client } = bolt();
    await client.auth.exchangeCode({ code: sim.issueAuthorizationCode() });
    await client.GET("/v1/testing/card_token", { baseUrl: other.origin });
    await client.GET("/v1/account", { baseUrl: other.origin });
    await client.POST("/v1/account", {
      baseUrl: other.origin,
      body: { profile: { first_name: "A", last_name: "B", email: "a@example.com" } },
    });
    expect(seen).toHaveLength(3);
    for (const headers of seen) {
      expect(headers["x-api-key"]).toBeUndefined();
      expect(headers["x-publishable-key"]).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
    }
    // Only the exchange reached Bolt.
    expect(sim.requests.map((r) => r.operation)).toEqual(["POST /v1/oauth/token"]);
  });
});

describe("options", () => {
  test("invalid options fail at creation, naming the option", () => {
    const base = { apiKey: "k", environment: "sandbox" } as const;
    expect(() => createBoltClient({ ...base, baseUrl: "http://api.bolt.example" })).toThrow(
      expect.objectContaining({ code: "AUTH_INSECURE_URL", option: "baseUrl" }),
    );
    expect(() => createBoltClient({ ...base, environment: "staging" as never })).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "environment" }),
    );
    expect(() => createBoltClient({ ...base, apiKey: "" })).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "apiKey" }),
    );
    expect(() => createBoltClient({ ...base, refreshToken: "rt" })).toThrow(
      expect.objectContaining({ option: "publishableKey" }),
    );
  });

  test("a scope read from configuration that is not Bolt's fails before any request, naming it", async () => {
    const { client } = bolt();
    const scope = JSON.parse('["bolt.account.view", "bolt.account.edit"]');
    await expect(client.auth.exchangeCode({ code: "c", scope })).rejects.toMatchObject({
      code: "AUTH_CONFIG_INVALID",
      option: "scope[1]",
    });
    expect(sim.stats.tokenRequests).toBe(0);
  });

  test("the environments map to Bolt's hosts", async () => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    };
    await createBoltClient({ apiKey: "k", environment: "production", fetch }).GET("/v1/testing/card_token");
    await createBoltClient({ apiKey: "k", environment: "sandbox", fetch }).GET("/v1/testing/card_token");
    expect(seen).toEqual([
      "https://api.bolt.com/v1/testing/card_token",
      "https://api-sandbox.bolt.com/v1/testing/card_token",
    ]);
  });

  test("logging the client's auth or its tokens prints no key or token", async () => {
    const { client, updates } = bolt();
    const token = await client.auth.exchangeCode({ code: sim.issueAuthorizationCode() });
    const printed = [
      JSON.stringify(client.auth),
      inspect(client.auth, { depth: 5 }),
      JSON.stringify(updates[0]),
      inspect(token),
    ].join("\n");
    for (const secret of [
      sim.apiKey,
      token.accessToken,
      updates[0]?.refreshToken ?? "?",
      token.idToken ?? "?",
    ]) {
      expect(printed).not.toContain(secret);
    }
  });
});

test("README example: a sandbox shopper's code is exchanged, the account read, and the refresh token rotated", {
  timeout: 60_000,
}, async () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const { stdout } = await promisify(execFile)("pnpm", ["exec", "tsx", "examples/bolt.ts"], { cwd: root });
  expect(stdout).toMatch(/test shopper shopper\d+@example\.com/);
  expect(stdout).toMatch(
    /exchanged the code: scope bolt\.account\.manage bolt\.account\.view, id_token: yes/,
  );
  expect(stdout).toMatch(/account: Alan Watts <shopper\d+@example\.com>, 1 address/);
  expect(stdout).toMatch(/refreshed: scope bolt\.account\.view, new refresh token: yes/);
  expect(stdout).toMatch(/token requests: 2, API calls: 5/);
});
