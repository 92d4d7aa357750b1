import { type BolRetailerSimulator, startBolRetailerSimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createBolRetailerClient, paginate, toDemoPath, waitForProcess } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, clientFor } from "./helpers.js";

describe("toDemoPath", () => {
  test("suffixes the first segment with -demo for the Retailer and Shared APIs only", () => {
    expect(toDemoPath("/retailer/orders")).toBe("/retailer-demo/orders");
    expect(toDemoPath("/retailer")).toBe("/retailer-demo");
    expect(toDemoPath("/shared/process-status/12")).toBe("/shared-demo/process-status/12");
    expect(toDemoPath("/retailer-demo/orders")).toBe("/retailer-demo/orders");
    expect(toDemoPath("/retailers/orders")).toBe("/retailers/orders");
    expect(toDemoPath("/token")).toBe("/token");
  });

  test("keeps a base path in front", () => {
    expect(toDemoPath("/proxy/bol/retailer/orders", "/proxy/bol")).toBe("/proxy/bol/retailer-demo/orders");
    expect(toDemoPath("/other/retailer/orders", "/proxy/bol")).toBe("/other/retailer/orders");
  });
});

describe('environment: "demo"', () => {
  let sim: BolRetailerSimulator;
  beforeEach(async () => {
    sim = await startBolRetailerSimulator({
      clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
    });
  });
  afterEach(() => sim.close());

  test("sends every call to /retailer-demo and /shared-demo; the token endpoint is unchanged", async () => {
    const bol = clientFor(sim, { environment: "demo" });
    expect(bol.environment).toBe("demo");

    const { data } = await bol.GET("/retailer/orders/{order-id}", {
      params: { path: { "order-id": "1043900002" } },
    });
    const { data: accepted } = await bol.POST("/retailer/shipments", {
      body: { orderItems: [{ orderItemId: data?.orderItems[0]?.orderItemId ?? "" }] },
    });
    const done = await waitForProcess(bol, accepted ?? "", { intervalMs: 5 });
    let count = 0;
    for await (const _ of paginate(bol, "/retailer/orders", {}, { maxPages: 1 })) count++;

    expect(done.status).toBe("SUCCESS");
    expect(accepted?.links[0]?.href).toBe(
      `${sim.url}/shared-demo/process-status/${accepted?.processStatusId}`,
    );
    expect(count).toBe(50);
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /retailer-demo/orders/1043900002",
      "POST /retailer-demo/shipments",
      `GET /shared-demo/process-status/${accepted?.processStatusId}`,
      `GET /shared-demo/process-status/${accepted?.processStatusId}`,
      "GET /retailer-demo/orders",
    ]);
    expect(sim.requests.every((r) => r.environment === "demo")).toBe(true);
    expect(sim.stats.tokenRequests).toBe(1);
  });

  test("production (the default) uses bol's paths as the spec writes them", async () => {
    const bol = clientFor(sim);
    expect(bol.environment).toBe("production");
    await bol.GET("/retailer/orders");
    expect(sim.requests.map((r) => r.path)).toEqual(["/retailer/orders"]);
  });

  test("a base URL with a path prefix is kept in front of the demo path", async () => {
    const seen: string[] = [];
    const bol = createBolRetailerClient({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseUrl: `${sim.url}/proxy/`,
      tokenUrl: sim.tokenUrl,
      environment: "demo",
      fetch: (input, init) => {
        seen.push(new Request(input, init).url);
        return globalThis.fetch(input, init);
      },
    });
    await bol.GET("/retailer/orders");
    expect(seen.at(-1)).toBe(`${sim.url}/proxy/retailer-demo/orders`);
  });

  test("an unknown environment is refused at creation, naming the option", () => {
    expect(() =>
      createBolRetailerClient({
        clientId: "a",
        clientSecret: "b",
        // @ts-expect-error only "production" and "demo" exist
        environment: "staging",
      }),
    ).toThrow(expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "environment" }));
  });

  test("a plain-http base URL that is not loopback is refused", () => {
    expect(() =>
      createBolRetailerClient({ clientId: "a", clientSecret: "b", baseUrl: "http://api.bol.example" }),
    ).toThrow(expect.objectContaining({ code: "AUTH_INSECURE_URL" }));
  });
});
