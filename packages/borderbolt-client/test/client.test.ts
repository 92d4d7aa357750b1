import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type BorderboltSimulator, startBorderboltSimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createBorderboltClient, type Scope, scopesFor } from "../src/index.js";

let sim: BorderboltSimulator;
beforeEach(async () => {
  sim = await startBorderboltSimulator({
    clients: [
      { clientId: "reader", clientSecret: "reader-secret-Zq9", scopes: ["declarations:read"] },
      { clientId: "full", clientSecret: "full-secret-Xk3" },
    ],
  });
});
afterEach(() => sim.close());

const reader = () =>
  createBorderboltClient({
    clientId: "reader",
    clientSecret: "reader-secret-Zq9",
    baseUrl: sim.url,
    scopes: ["declarations:read"],
  });

describe("createBorderboltClient against the Borderbolt simulator", () => {
  test("gets a token with a JSON-body request on first use and reuses it", async () => {
    const client = reader();
    const first = await client.GET("/api/v1/declarations", {
      params: { query: { status: "ACC", per_page: 5 } },
    });
    const second = await client.GET("/api/v1/declarations/{id}", { params: { path: { id: 1002 } } });

    expect(first.error).toBeUndefined();
    expect(first.data?.data).toHaveLength(5);
    expect(first.data?.data.every((d) => d.status === "ACC")).toBe(true);
    expect(second.data?.data.id).toBe(1002);
    expect(sim.stats).toEqual({ tokenRequests: 1, apiRequests: 2 });
  });

  test("concurrent first calls share one token request", async () => {
    const client = reader();
    const results = await Promise.all(Array.from({ length: 50 }, () => client.GET("/api/v1/declarations")));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(sim.stats.tokenRequests).toBe(1);
  });

  test("a call outside the granted scopes rejects before anything is sent", async () => {
    // Scopes from configuration: the type allows every operation, the run-time check stops it.
    const scopes: Scope[] = JSON.parse('["declarations:read"]');
    const client = createBorderboltClient({
      clientId: "reader",
      clientSecret: "reader-secret-Zq9",
      baseUrl: sim.url,
      scopes,
    });
    await client.GET("/api/v1/declarations");
    const call = client.POST("/api/v1/declarations/{id}/submit", { params: { path: { id: 1000 } } });
    await expect(call).rejects.toMatchObject({
      code: "AUTH_INSUFFICIENT_SCOPE",
      operation: "POST /api/v1/declarations/{id}/submit",
      missing: ["declarations:submit"],
      detectedBy: "before-request",
    });
    expect(sim.stats.apiRequests).toBe(1);
  });

  test("Borderbolt's 403 insufficient_scope maps to the same error when the grant was not reported", async () => {
    await sim.close();
    sim = await startBorderboltSimulator({
      reportGrantedScope: false,
      clients: [{ clientId: "reader", clientSecret: "reader-secret-Zq9", scopes: ["declarations:read"] }],
    });
    const client = createBorderboltClient({
      clientId: "reader",
      clientSecret: "reader-secret-Zq9",
      baseUrl: sim.url,
    });
    const call = client.POST("/api/v1/declarations/{id}/submit", { params: { path: { id: 1000 } } });
    await expect(call).rejects.toMatchObject({
      code: "AUTH_INSUFFICIENT_SCOPE",
      operation: "POST /api/v1/declarations/{id}/submit",
      missing: ["declarations:submit"],
      detectedBy: "response",
      status: 403,
    });
    expect(sim.stats.apiRequests).toBe(1);
  });

  test("scopesFor() gives the smallest scope list for the operations a job needs", async () => {
    const scopes = scopesFor([
      "GET /api/v1/declarations",
      "POST /api/v1/declarations/{id}/submit",
      "GET /api/v1/callbacks",
    ]);
    expect(scopes).toEqual(["declarations:read", "declarations:submit"]);
    const client = createBorderboltClient({
      clientId: "full",
      clientSecret: "full-secret-Xk3",
      baseUrl: sim.url,
      scopes,
    });
    const { data } = await client.POST("/api/v1/declarations/{id}/submit", {
      params: { path: { id: 1000 } },
    });
    expect(data?.status).toBe("NEW");
    expect(await client.tokenInfo()).toMatchObject({ scopes: ["declarations:read", "declarations:submit"] });
  });

  test("a token the server forgot is replaced once, transparently (401 → new token → replay)", async () => {
    const client = createBorderboltClient({
      clientId: "full",
      clientSecret: "full-secret-Xk3",
      baseUrl: sim.url,
    });
    expect((await client.GET("/api/v1/declarations")).response.status).toBe(200);
    sim.revokeAllTokens();
    const { data, response } = await client.POST("/api/v1/declarations/{id}/submit", {
      params: { path: { id: 1000 } },
    });
    expect(response.status).toBe(200);
    expect(data?.status).toBe("NEW");
    expect(sim.stats.tokenRequests).toBe(2);
  });

  test("tokenInfo() reports the client and its scopes; revoke() clears the cache", async () => {
    const client = reader();
    expect(await client.tokenInfo()).toMatchObject({ client_id: "reader", scopes: ["declarations:read"] });
    await client.auth.revoke();
    expect((await client.GET("/api/v1/declarations")).response.status).toBe(200);
    expect(sim.stats.tokenRequests).toBe(2);
  });

  test("a scope read from configuration that is not a Borderbolt scope fails at creation, naming it", () => {
    const scopes = JSON.parse('["declarations:read", "declarations:raed"]');
    expect(() => createBorderboltClient({ clientId: "a", clientSecret: "b", scopes })).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", message: expect.stringContaining("scopes[1]") }),
    );
  });

  test("a plain-http base URL that is not loopback is refused", () => {
    expect(() =>
      createBorderboltClient({ clientId: "a", clientSecret: "b", baseUrl: "http://borderbolt.example" }),
    ).toThrow(expect.objectContaining({ code: "AUTH_INSECURE_URL" }));
  });
});

test("README example: lists drafts and submits one against the embedded simulator", {
  timeout: 60_000,
}, async () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const { stdout } = await promisify(execFile)("pnpm", ["example"], { cwd: root });
  expect(stdout).toMatch(/12 draft declarations; first page:/);
  expect(stdout).toMatch(/submitted #1000: status NEW/);
  expect(stdout).toMatch(/token requests: 1, API calls: 2/);
});
