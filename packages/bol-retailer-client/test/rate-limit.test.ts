import { authMiddleware, clientCredentials, ReplayableRequest } from "@org/auth";
import { type BolRetailerSimulator, startBolRetailerSimulator } from "@org/simulators";
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { paths } from "../src/index.js";
import { type RateLimitRetryEvent, rateLimitInfo, rateLimitRetry } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, clientFor } from "./helpers.js";

const V10 = "application/vnd.retailer.v10+json";
const CANCELLATION = { orderItems: [{ orderItemId: "6042800000", reasonCode: "OUT_OF_STOCK" as const }] };

let sim: BolRetailerSimulator;
beforeEach(async () => {
  sim = await startBolRetailerSimulator({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
});
afterEach(() => sim.close());

describe("429 Too Many Requests", () => {
  test("is surfaced as it is by default: bol's Problem, Retry-After and X-RateLimit-* typed", async () => {
    const bol = clientFor(sim);
    sim.rateLimitNext({ retryAfter: 4 });
    const before = Date.now();

    const { error, response } = await bol.GET("/retailer/orders");

    expect(response.status).toBe(429);
    expect(error).toMatchObject({ title: "Too Many Requests", status: 429 });
    const info = rateLimitInfo(response);
    expect(info).toMatchObject({ retryAfterMs: 4000, limit: 25, remaining: 0 });
    expect(info.resetAt?.getTime()).toBeGreaterThanOrEqual(before + 4000);
    expect(sim.stats.apiRequests).toBe(1);
  });

  test("every response carries the rate-limit headers", async () => {
    const { response } = await clientFor(sim).GET("/retailer/orders");
    expect(rateLimitInfo(response)).toMatchObject({ retryAfterMs: undefined, limit: 25, remaining: 24 });
  });

  test("retry: true waits Retry-After and sends an idempotent request again", async () => {
    const events: RateLimitRetryEvent[] = [];
    const bol = clientFor(sim, { retry: { onRetry: (event) => events.push(event) } });
    sim.rateLimitNext({ retryAfter: 1 });
    const started = Date.now();

    const { data, response } = await bol.GET("/retailer/orders");

    expect(response.status).toBe(200);
    expect(data?.orders).toHaveLength(50);
    expect(events.map((e) => [e.attempt, e.delayMs])).toEqual([[1, 1000]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sim.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(sim.requests[1]?.accept).toBe("application/vnd.retailer.v10+json");
  });

  test("a PUT keeps its body when retried", async () => {
    const bol = clientFor(sim, { retry: true });
    sim.rateLimitNext({ retryAfter: 0 });
    const { response } = await bol.PUT("/retailer/orders/cancellation", {
      body: CANCELLATION,
    });
    // The simulator does not implement cancellations (501), but it got the body with its media type twice.
    expect(response.status).toBe(501);
    expect(sim.requests.map((r) => [r.status, r.contentType])).toEqual([
      [429, "application/vnd.retailer.v10+json"],
      [501, "application/vnd.retailer.v10+json"],
    ]);
    expect(sim.requests.map((r) => JSON.parse(r.body))).toEqual([CANCELLATION, CANCELLATION]);
  });

  // ReplayableRequest lets the retry resend the JSON string; a plain Request is cloned (on Node 22+).
  test.each([
    ["ReplayableRequest", ReplayableRequest],
    ["plain Request", Request],
  ])("every retry sends the same headers and body bytes (%s)", async (_name, RequestClass) => {
    const client = createClient<paths>({ baseUrl: sim.url, redirect: "manual", Request: RequestClass });
    const source = clientCredentials({
      tokenUrl: sim.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      style: { kind: "basic-query" },
    });
    client.use(authMiddleware(source, { origins: [sim.url] }), rateLimitRetry({ limit: 2 }));
    sim.rateLimitNext({ count: 2, retryAfter: 0 });
    const { response } = await client.PUT("/retailer/orders/cancellation", {
      body: CANCELLATION,
      headers: { "content-type": V10, accept: V10 },
    });
    expect(response.status).toBe(501);
    expect(sim.requests.map((r) => r.status)).toEqual([429, 429, 501]);
    const sent = sim.requests.map((r) => [r.body, r.contentType, r.token]);
    expect(sent[0]?.[0]).toBe(JSON.stringify(CANCELLATION));
    expect(sent).toEqual([sent[0], sent[0], sent[0]]);
  });

  test("POST is never retried unless told", async () => {
    const bol = clientFor(sim, { retry: true });
    sim.rateLimitNext({ retryAfter: 0 });
    const body = { orderItems: [{ orderItemId: "6042800000" }] };
    expect((await bol.POST("/retailer/shipments", { body })).response.status).toBe(429);

    const eager = clientFor(sim, { retry: { methods: ["POST"] } });
    sim.rateLimitNext({ retryAfter: 0 });
    expect((await eager.POST("/retailer/shipments", { body })).response.status).toBe(202);
  });

  test("attempts are bounded: after `limit` retries the last 429 is returned", async () => {
    const bol = clientFor(sim, { retry: { limit: 2 } });
    sim.rateLimitNext({ count: 5, retryAfter: 0 });
    const { response } = await bol.GET("/retailer/orders");
    expect(response.status).toBe(429);
    expect(sim.stats.apiRequests).toBe(3);
  });

  test("a Retry-After longer than maxRetryAfterMs is not waited for", async () => {
    const bol = clientFor(sim, { retry: { maxRetryAfterMs: 5_000 } });
    sim.rateLimitNext({ retryAfter: 120 });
    const { response } = await bol.GET("/retailer/orders");
    expect(response.status).toBe(429);
    expect(rateLimitInfo(response).retryAfterMs).toBe(120_000);
    expect(sim.stats.apiRequests).toBe(1);
  });

  test("the wait is aborted by the request's signal", async () => {
    const bol = clientFor(sim, { retry: true });
    sim.rateLimitNext({ retryAfter: 20 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(bol.GET("/retailer/orders", { signal: controller.signal })).rejects.toMatchObject({
      code: "BOL_ABORTED",
    });
    expect(sim.stats.apiRequests).toBe(1);
  });
});

describe("rateLimitInfo", () => {
  const now = Date.parse("2026-05-14T10:00:00Z");

  test("reads delta seconds, HTTP dates and epoch-second resets", () => {
    const headers = new Headers({
      "Retry-After": "Thu, 14 May 2026 10:00:07 GMT",
      "X-RateLimit-Limit": "10",
      "X-RateLimit-Remaining": "2",
      "X-RateLimit-Reset": "1539261914",
    });
    expect(rateLimitInfo(headers, now)).toEqual({
      retryAfterMs: 7000,
      limit: 10,
      remaining: 2,
      resetAt: new Date(1_539_261_914_000),
    });
    expect(rateLimitInfo(new Headers({ "x-ratelimit-reset": "3" }), now).resetAt).toEqual(
      new Date(now + 3000),
    );
  });

  test("missing or unreadable headers are undefined, and X-RateLimit-Reset is not mistaken for Retry-After", () => {
    const info = rateLimitInfo(new Headers({ "x-ratelimit-limit": "many", "x-ratelimit-reset": "5" }), now);
    expect(info).toMatchObject({ retryAfterMs: undefined, limit: undefined, remaining: undefined });
  });
});
