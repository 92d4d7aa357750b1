import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTradevestSimulator, type TradevestSimulator } from "../src/index.js";

let sim: TradevestSimulator;
let bearer: string;
beforeAll(async () => {
  sim = await startTradevestSimulator({ clients: [{ clientId: "tv", clientSecret: "tv-secret" }] });
  const response = await fetch(sim.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "tv",
      client_secret: "tv-secret",
      scope: "tradevest.api",
    }),
  });
  bearer = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => sim.close());

const REQUESTOR = "123e4567-e89b-12d3-a456-426614174000";

describe("Tradevest simulator", () => {
  test("the token endpoint is on another origin than the API", () => {
    expect(new URL(sim.tokenUrl).origin).not.toBe(sim.url);
  });

  test("reads from the spec which operations require Requestor-ID: all but the documented exemptions", () => {
    expect(sim.requestorIdOperations.has("GET /v2/partner-details")).toBe(true);
    expect(sim.requestorIdOperations.has("POST /digital/orders/market")).toBe(true);
    expect(sim.requestorIdOperations.has("POST /entities/natural-persons")).toBe(false);
    expect(sim.requestorIdOperations.has("POST /connect/token")).toBe(false);
  });

  test("rejects a missing or malformed Requestor-ID with the 400 ErrorMessage", async () => {
    const headers = { authorization: `Bearer ${bearer}` };
    const missing = await fetch(`${sim.url}/v2/partner-details`, { headers });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      responseType: "BAD_REQUEST",
      requestId: expect.any(String),
      errorDetails: [{ field: "Requestor-ID", errors: [{ code: "NotNull" }] }],
    });
    const malformed = await fetch(`${sim.url}/v2/partner-details`, {
      headers: { ...headers, "requestor-id": "not-a-uuid" },
    });
    expect(malformed.status).toBe(400);
    const ok = await fetch(`${sim.url}/v2/partner-details`, {
      headers: { ...headers, "requestor-id": REQUESTOR },
    });
    expect(ok.status).toBe(200);
  });

  test("exempt operations work without Requestor-ID; no token means 401", async () => {
    const create = await fetch(`${sim.url}/entities/natural-persons`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: JSON.stringify({ firstName: "Max", lastName: "Mustermann", externalId: "np-1" }),
    });
    expect(create.status).toBe(200);
    expect(await create.json()).toMatchObject({ naturalPersonId: expect.stringMatching(/-/) });
    expect(
      (await fetch(`${sim.url}/v2/partner-details`, { headers: { "requestor-id": REQUESTOR } })).status,
    ).toBe(401);
  });
});
