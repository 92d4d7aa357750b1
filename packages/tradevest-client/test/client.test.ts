import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  type RunningServer,
  startServer,
  startTradevestSimulator,
  type TradevestSimulator,
} from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createTradevestClient, REQUESTOR_ID_EXEMPT_OPERATIONS } from "../src/index.js";

const ALICE = "123e4567-e89b-12d3-a456-426614174000";
const BOB = "0f8fad5b-d9cb-469f-a165-70867728950e";

let sim: TradevestSimulator;
beforeEach(async () => {
  sim = await startTradevestSimulator({ clients: [{ clientId: "tv-client", clientSecret: "tv-secret" }] });
});
afterEach(() => sim.close());

const credentials = () =>
  ({
    clientId: "tv-client",
    clientSecret: "tv-secret",
    environment: "test",
    baseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
  }) as const;

const person = {
  gender: "MALE",
  firstName: "Max Peter",
  lastName: "Mustermann",
  birthDay: "1985-04-12",
  birthPlace: "Berlin",
  birthCountry: "DE",
  isUsNationality: false,
};

const order = {
  cryptoSymbol: "BTC",
  tradeSide: "BUY",
  quantityType: "UNIT",
  quantity: 0.01,
  walletCustomerProductId: ALICE,
  cashCustomerProductId: BOB,
};

describe("Requestor-ID, as the spec requires it", () => {
  test("a client default goes exactly on the operations that require the header, never on exempt ones", async () => {
    const tradevest = createTradevestClient({ ...credentials(), requestorId: ALICE });
    const calls = [
      await tradevest.GET("/v2/partner-details"),
      await tradevest.GET("/entities/natural-persons", { params: { query: { limit: 10 } } }),
      await tradevest.POST("/entities/natural-persons", { body: { ...person, externalId: "np-1" } }),
      await tradevest.POST("/digital/orders/market", { body: { ...order, externalId: "o-1" } }),
    ];
    expect(calls.map((call) => call.response.status)).toEqual([200, 200, 200, 200]);
    expect(sim.requests.map(({ operation, requestorId }) => ({ operation, requestorId }))).toEqual([
      { operation: "GET /v2/partner-details", requestorId: ALICE },
      { operation: "GET /entities/natural-persons", requestorId: ALICE },
      { operation: "POST /entities/natural-persons", requestorId: undefined },
      { operation: "POST /digital/orders/market", requestorId: ALICE },
    ]);
    // Cross-check with the simulator's own reading of the spec.
    for (const { operation, requestorId } of sim.requests) {
      expect(requestorId !== undefined).toBe(sim.requestorIdOperations.has(operation));
    }
  });

  test("a Requestor-ID given per call (params.header or headers) wins over the default", async () => {
    const tradevest = createTradevestClient({ ...credentials(), requestorId: ALICE });
    await tradevest.GET("/v2/partner-details", { params: { header: { "Requestor-ID": BOB } } });
    await tradevest.POST("/digital/orders/market", {
      body: { ...order, externalId: "o-2" },
      headers: { "Requestor-ID": BOB },
    });
    expect(sim.requests.map((r) => r.requestorId)).toEqual([BOB, BOB]);
  });

  test("without a default, a call that omits it gets Tradevest's 400 ErrorMessage; exempt operations work", async () => {
    const tradevest = createTradevestClient(credentials());
    // @ts-expect-error Requestor-ID is a required header of GET /v2/partner-details
    const missing = await tradevest.GET("/v2/partner-details");
    expect(missing.response.status).toBe(400);
    expect(missing.error).toMatchObject({
      responseType: "BAD_REQUEST",
      errorDetails: [{ field: "Requestor-ID", errors: [{ code: "NotNull" }] }],
    });

    const given = await tradevest.GET("/v2/partner-details", {
      params: { header: { "Requestor-ID": ALICE } },
    });
    expect(given.data?.businessName).toBe("Example Broker GmbH");
    const created = await tradevest.POST("/entities/natural-persons", { body: person });
    expect(created.data?.naturalPersonId).toEqual(expect.any(String));
    expect(sim.requests.map((r) => [r.status, r.requestorId])).toEqual([
      [400, undefined],
      [200, ALICE],
      [200, undefined],
    ]);
  });

  test("every documented exemption is one the simulator (reading the spec) also exempts", () => {
    for (const operation of REQUESTOR_ID_EXEMPT_OPERATIONS) {
      expect(sim.requestorIdOperations.has(operation)).toBe(false);
    }
    expect(sim.requestorIdOperations.size).toBeGreaterThan(100);
  });
});

describe("tokens and origins", () => {
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

  test("tokens come from the auth host with a form body and scope=tradevest.api, once for many calls", async () => {
    const sent: Array<{ url: string; body: string }> = [];
    const tradevest = createTradevestClient({
      ...credentials(),
      requestorId: ALICE,
      fetch: (input, init) => {
        if (!(input instanceof Request)) sent.push({ url: String(input), body: String(init?.body) });
        return globalThis.fetch(input, init);
      },
    });
    await Promise.all([tradevest.GET("/v2/partner-details"), tradevest.GET("/v2/partner-details")]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(sim.tokenUrl);
    expect(Object.fromEntries(new URLSearchParams(sent[0]?.body))).toEqual({
      grant_type: "client_credentials",
      client_id: "tv-client",
      client_secret: "tv-secret",
      scope: "tradevest.api",
    });
    expect(sim.stats).toEqual({ tokenRequests: 1, apiRequests: 2 });
  });

  test("another origin (a per-call baseUrl) gets neither the bearer token nor the default Requestor-ID", async () => {
    const tradevest = createTradevestClient({ ...credentials(), requestorId: ALICE });
    await tradevest.GET("/v2/partner-details");
    await tradevest.GET("/v2/partner-details", { baseUrl: other.origin });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.authorization).toBeUndefined();
    expect(seen[0]?.["requestor-id"]).toBeUndefined();
  });

  test("the environments map to Tradevest's API and auth hosts", async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return Response.json({ access_token: "t", token_type: "Bearer", expires_in: 3600 });
    };
    const base = { clientId: "a", clientSecret: "b", requestorId: ALICE, fetch } as const;
    await createTradevestClient({ ...base, environment: "production" }).GET("/v2/partner-details");
    await createTradevestClient({ ...base, environment: "test" }).GET("/v2/partner-details");
    expect(urls).toEqual([
      "https://b2b.auth.platform-prod.tradevest.ai/connect/token",
      "https://tvda-api.platform-prod.tradevest.ai/v2/partner-details",
      "https://b2b.auth.platform-test.tradevest.ai/connect/token",
      "https://tvda-api.platform-test.tradevest.ai/v2/partner-details",
    ]);
  });

  test("invalid options fail at creation, naming the option", () => {
    const base = { clientId: "a", clientSecret: "b", environment: "test" } as const;
    expect(() => createTradevestClient({ ...base, requestorId: "natural-person-1" })).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "requestorId" }),
    );
    expect(() => createTradevestClient({ ...base, environment: "staging" as never })).toThrow(
      expect.objectContaining({ option: "environment" }),
    );
    expect(() => createTradevestClient({ ...base, baseUrl: "http://tradevest.example" })).toThrow(
      expect.objectContaining({ code: "AUTH_INSECURE_URL", option: "baseUrl" }),
    );
    expect(() => createTradevestClient({ ...base, scopes: JSON.parse('["tradevest.apl"]') })).toThrow(
      expect.objectContaining({ option: "scopes[0]" }),
    );
  });
});

test("README example: onboards a person and orders for them against the embedded simulator", {
  timeout: 60_000,
}, async () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const { stdout } = await promisify(execFile)("pnpm", ["exec", "tsx", "examples/tradevest.ts"], {
    cwd: root,
  });
  expect(stdout).toMatch(/partner: Example Broker GmbH \(TVP000000001\)/);
  expect(stdout).toMatch(/natural person [0-9a-f-]{36} received \(no Requestor-ID needed\)/);
  expect(stdout).toMatch(/order [0-9a-f-]{36} placed on behalf of 123e4567-e89b-12d3-a456-426614174000/);
  expect(stdout).toMatch(/without Requestor-ID: 400 Validation failed \(Requestor-ID\)/);
  expect(stdout).toMatch(/token requests: 2, API calls: 4/);
});
