import { type BolRetailerSimulator, startBolRetailerSimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createBolRetailerClient, MEDIA_TYPES, type MediaTypeKey } from "../src/index.js";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  clientFor,
  manualClock,
  recordingFetch,
  type SeenRequest,
} from "./helpers.js";

let sim: BolRetailerSimulator;
beforeEach(async () => {
  sim = await startBolRetailerSimulator({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
});
afterEach(() => sim.close());

describe("tokens", () => {
  test("the token request is HTTP Basic with grant_type in the query and no body; the token is reused", async () => {
    const seen: SeenRequest[] = [];
    const bol = clientFor(sim, { fetch: recordingFetch(seen) });

    const orders = await bol.GET("/retailer/orders");
    const order = await bol.GET("/retailer/orders/{order-id}", {
      params: { path: { "order-id": orders.data?.orders[0]?.orderId ?? "" } },
    });

    expect(orders.response.status).toBe(200);
    expect(order.data?.shipmentDetails.city).toBe("Utrecht");
    const tokenRequests = seen.filter((r) => r.url.startsWith(sim.tokenUrl));
    expect(tokenRequests).toHaveLength(1);
    const [tokenRequest] = tokenRequests;
    expect(tokenRequest?.method).toBe("POST");
    expect(tokenRequest?.url).toBe(`${sim.tokenUrl}?grant_type=client_credentials`);
    expect(tokenRequest?.headers.get("authorization")).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
    );
    expect(tokenRequest?.headers.get("accept")).toBe("application/json");
    expect(tokenRequest?.body).toBeNull();
    expect(sim.stats).toEqual({ tokenRequests: 1, apiRequests: 2 });
    expect(sim.requests.map((r) => r.token)).toEqual([1, 1]);
  });

  test("concurrent first calls share one token request", async () => {
    const bol = clientFor(sim);
    const results = await Promise.all(Array.from({ length: 20 }, () => bol.GET("/retailer/orders")));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(sim.stats.tokenRequests).toBe(1);
  });

  test("a 299 s token is refreshed in the background from 269.1 s on, and no caller waits for it", async () => {
    const time = manualClock();
    const bol = clientFor(sim, { clock: time.clock });

    await bol.GET("/retailer/orders"); // the first caller waits for token 1: there is none yet
    time.advance(250); // before the refresh window: the cached token, no token request
    await bol.GET("/retailer/orders");
    expect(sim.stats.tokenRequests).toBe(1);

    time.advance(20); // 270 s: inside the refresh window (269.1 s – 284.05 s)
    const release = sim.holdTokenRequests(); // the refresh cannot finish until released
    let finished = 0;
    const calls = Array.from({ length: 5 }, () =>
      bol.GET("/retailer/orders").then((result) => {
        finished++;
        return result;
      }),
    );
    await vi.waitFor(() => expect(finished).toBe(5), { timeout: 5_000 });
    await vi.waitFor(() => expect(sim.stats.tokenRequests).toBe(2));
    const waited = calls.length - finished; // calls still blocked on the held token request
    expect(waited).toBe(0);
    expect(sim.requests.slice(-5).map((r) => r.token)).toEqual([1, 1, 1, 1, 1]);

    release();
    await vi.waitFor(() => expect(bol.auth.peek?.()).toBeDefined());
    time.advance(20); // 290 s: token 1 would no longer be used; token 2 is
    await bol.GET("/retailer/orders");
    expect(sim.requests.at(-1)?.token).toBe(2);
    expect(sim.stats.tokenRequests).toBe(2);
  });

  test("a token the server no longer accepts is replaced once, transparently", async () => {
    const bol = clientFor(sim);
    expect((await bol.GET("/retailer/orders")).response.status).toBe(200);
    sim.revokeAllTokens();
    const { response } = await bol.GET("/retailer/orders");
    expect(response.status).toBe(200);
    expect(sim.stats.tokenRequests).toBe(2);
  });

  test("wrong credentials surface the login server's invalid_client error", async () => {
    const bol = clientFor(sim, { clientSecret: "wrong" });
    await expect(bol.GET("/retailer/orders")).rejects.toMatchObject({ code: "AUTH_OAUTH_ERROR" });
    expect(sim.stats.apiRequests).toBe(0);
  });
});

describe("media types", () => {
  test("every request carries the Accept and Content-Type the spec declares for its operation", async () => {
    const bol = clientFor(sim);
    const { data: orders } = await bol.GET("/retailer/orders");
    const orderItemId = orders?.orders[0]?.orderItems[0]?.orderItemId ?? "";
    await bol.GET("/retailer/orders/{order-id}", { params: { path: { "order-id": "1043900001" } } });
    await bol.POST("/retailer/shipments", { body: { orderItems: [{ orderItemId }] } });
    await bol.POST("/shared/process-status", { body: { processStatusQueries: [{ processStatusId: "1" }] } });
    await bol.GET("/shared/process-status/{process-status-id}", {
      params: { path: { "process-status-id": "1" } },
    });

    expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 202, 200, 200]);
    for (const request of sim.requests) {
      const row = MEDIA_TYPES[`${request.method} ${request.template}` as MediaTypeKey];
      expect(request.accept, `${request.method} ${request.template}`).toBe(row.accept[0]);
      expect(request.contentType).toBe("contentType" in row ? row.contentType : undefined);
    }
    expect(sim.requests[2]).toMatchObject({
      accept: "application/vnd.retailer.v10+json",
      contentType: "application/vnd.retailer.v10+json",
    });
  });

  test("without the middleware's media types bol answers 406 (the simulator checks the spec)", async () => {
    const bol = clientFor(sim);
    const { response } = await bol.GET("/retailer/orders", { headers: { Accept: "application/json" } });
    expect(response.status).toBe(406);
  });

  test("a Content-Type the caller sets on purpose is kept", async () => {
    const bol = clientFor(sim);
    await bol.POST("/shared/process-status", {
      body: { processStatusQueries: [{ processStatusId: "1" }] },
      headers: { "Content-Type": "application/vnd.advertiser.v10+json" },
    });
    expect(sim.requests.at(-1)).toMatchObject({
      status: 200,
      contentType: "application/vnd.advertiser.v10+json",
    });
  });

  test("a multipart body (upload-invoice) keeps the multipart type and boundary fetch gives it", async () => {
    const bol = clientFor(sim);
    const { response } = await bol.POST("/retailer/shipments/invoices/{shipment-id}", {
      params: { path: { "shipment-id": "541757635" } },
      body: { invoice: "invoice.pdf" },
      bodySerializer: () => {
        const form = new FormData();
        form.append("invoice", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "invoice.pdf");
        return form;
      },
    });
    // The simulator does not implement uploads (501), but the media types passed its spec check.
    expect(response.status).toBe(501);
    expect(sim.requests.at(-1)?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(sim.requests.at(-1)?.accept).toBe("application/vnd.retailer.v10+json");
  });

  test("API requests carry the bearer token, never the client credentials", async () => {
    const seen: SeenRequest[] = [];
    const bol = createBolRetailerClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl: sim.url,
      tokenUrl: sim.tokenUrl,
      fetch: recordingFetch(seen),
    });
    await bol.GET("/retailer/orders");
    const api = seen.filter((r) => !r.url.startsWith(sim.tokenUrl));
    expect(api.every((r) => r.headers.get("authorization")?.startsWith("Bearer "))).toBe(true);
  });
});
