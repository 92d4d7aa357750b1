import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type BolRetailerSimulator, startBolRetailerSimulator } from "../src/index.js";

const JSON_TYPE = "application/vnd.retailer.v10+json";
let sim: BolRetailerSimulator;
beforeAll(async () => {
  sim = await startBolRetailerSimulator({
    clients: [{ clientId: "retailer-1", clientSecret: "s3cret" }],
    orders: 60,
  });
});
afterAll(() => sim.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function token(
  init: { url?: string; headers?: Record<string, string>; body?: string; method?: string } = {},
) {
  const response = await fetch(init.url ?? `${sim.tokenUrl}?grant_type=client_credentials`, {
    method: init.method ?? "POST",
    headers: { accept: "application/json", authorization: basic("retailer-1", "s3cret"), ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function api(path: string, init: RequestInit = {}) {
  const { body } = await token();
  return fetch(`${sim.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${body.access_token}`, accept: JSON_TYPE, ...init.headers },
  });
}

describe("bol login server", () => {
  test("issues a 299 s bearer JWT for HTTP Basic with grant_type in the query and no body", async () => {
    const { status, body } = await token();
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 299, scope: "RETAILER" });
    expect(String(body.access_token).split(".")).toHaveLength(3);
  });

  test("rejects everything else with bol's OAuth error shape", async () => {
    const cases = [
      [await token({ url: sim.tokenUrl }), 400, "invalid_request"],
      [await token({ url: `${sim.tokenUrl}?grant_type=password` }), 400, "unsupported_grant_type"],
      [await token({ headers: { authorization: basic("retailer-1", "wrong") } }), 401, "invalid_client"],
      [
        await token({
          url: sim.tokenUrl,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "grant_type=client_credentials&client_id=retailer-1&client_secret=s3cret",
        }),
        400,
        "invalid_request",
      ],
      [
        await token({
          url: `${sim.tokenUrl}?grant_type=client_credentials&client_id=retailer-1&client_secret=s3cret`,
        }),
        400,
        "invalid_request",
      ],
      [await token({ headers: { accept: "application/xml" } }), 406, "invalid_request"],
    ] as const;
    for (const [result, status, error] of cases) {
      expect(result.status).toBe(status);
      expect(result.body).toEqual({ error, error_description: expect.any(String) });
    }
  });

  test("accepts form-urlencoded Basic credentials too (RFC 6749 §2.3.1)", async () => {
    const { status } = await token({ headers: { authorization: basic("retailer%2D1", "s3cret") } });
    expect(status).toBe(200);
  });
});

describe("bol API", () => {
  test("pages orders 50 at a time with the vendor media type and rate-limit headers", async () => {
    const first = await api("/retailer/orders?page=1");
    const second = await api("/retailer/orders?page=2");
    expect(first.headers.get("content-type")).toBe(JSON_TYPE);
    expect(first.headers.get("x-ratelimit-limit")).toBe("25");
    expect(((await first.json()) as { orders: unknown[] }).orders).toHaveLength(50);
    expect(((await second.json()) as { orders: unknown[] }).orders).toHaveLength(10);
  });

  test("answers bol's Problem documents: 401 without a token, 406, 415, 400, 404", async () => {
    const anonymous = await fetch(`${sim.url}/retailer/orders`, { headers: { accept: JSON_TYPE } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: "https://api.bol.com/problems", status: 401 });
    expect((await api("/retailer/orders", { headers: { accept: "application/json" } })).status).toBe(406);
    const wrongBody = await api("/retailer/shipments", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ orderItems: [{ orderItemId: "6042800000" }] }),
    });
    expect(wrongBody.status).toBe(415);
    const badPage = await api("/retailer/orders?page=0");
    expect(await badPage.json()).toMatchObject({ status: 400, violations: [{ name: "page" }] });
    expect((await api("/retailer/nope")).status).toBe(404);
  });

  test("a shipment's process goes PENDING → SUCCESS (or the outcome chosen), also on demo paths", async () => {
    const create = (prefix: string) =>
      api(`/${prefix}/shipments`, {
        method: "POST",
        headers: { "content-type": JSON_TYPE },
        body: JSON.stringify({ orderItems: [{ orderItemId: "6042800001" }] }),
      });
    const accepted = (await (await create("retailer")).json()) as Record<string, unknown>;
    expect(accepted).toMatchObject({
      status: "PENDING",
      eventType: "CREATE_SHIPMENT",
      entityId: "6042800001",
    });
    const poll = async (prefix: string, id: unknown) =>
      ((await (await api(`/${prefix}/process-status/${id}`)).json()) as Record<string, unknown>).status;
    expect(await poll("shared", accepted.processStatusId)).toBe("PENDING");
    expect(await poll("shared", accepted.processStatusId)).toBe("SUCCESS");

    sim.nextProcessOutcome("FAILURE", { errorMessage: "Nope.", polls: 0 });
    const demo = (await (await create("retailer-demo")).json()) as Record<string, unknown>;
    expect(demo.links).toEqual([
      { rel: "self", href: `${sim.url}/shared-demo/process-status/${demo.processStatusId}`, method: "GET" },
    ]);
    expect(await poll("shared-demo", demo.processStatusId)).toBe("FAILURE");
    expect(sim.requests.at(-1)).toMatchObject({
      environment: "demo",
      path: `/shared-demo/process-status/${demo.processStatusId}`,
    });
  });

  test("serves a shipping label PDF with bol's headers (production only)", async () => {
    const label = await api("/retailer/shipping-labels/abc", {
      headers: { accept: "application/vnd.retailer.v10+pdf" },
    });
    expect(label.headers.get("content-type")).toBe("application/vnd.retailer.v10+pdf");
    expect(label.headers.get("x-transporter-code")).toBe("TNT");
    expect(
      Buffer.from(await label.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const demo = await api("/retailer-demo/shipping-labels/abc", {
      headers: { accept: "application/vnd.retailer.v10+pdf" },
    });
    expect(demo.status).toBe(404);
  });

  test("answers 429 with Retry-After and X-RateLimit headers on demand", async () => {
    sim.rateLimitNext({ count: 1, retryAfter: 3 });
    const limited = await api("/retailer/orders");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(await limited.json()).toMatchObject({ title: "Too Many Requests", status: 429 });
    expect((await api("/retailer/orders")).status).toBe(200);
  });

  test("counts token and API requests", async () => {
    const before = { ...sim.stats };
    await api("/retailer/orders");
    expect(sim.stats).toEqual({
      tokenRequests: before.tokenRequests + 1,
      apiRequests: before.apiRequests + 1,
    });
  });
});
