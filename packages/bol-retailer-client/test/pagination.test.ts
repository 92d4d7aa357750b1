import { type BolRetailerSimulator, startBolRetailerSimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type BolRetailerClient, paginate, paginatePages } from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, clientFor } from "./helpers.js";

let sim: BolRetailerSimulator;
let bol: BolRetailerClient;
beforeEach(async () => {
  sim = await startBolRetailerSimulator({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
  bol = clientFor(sim);
});
afterEach(() => sim.close());

const orderPages = () => sim.requests.filter((r) => r.template === "/retailer/orders");

describe("paginate", () => {
  test("pages through the order list (50 + 50 + 20) and stops at the short page", async () => {
    const orders = [];
    for await (const order of paginate(bol, "/retailer/orders", { params: { query: { status: "OPEN" } } })) {
      orders.push(order);
    }
    expect(orders).toHaveLength(120);
    expect(new Set(orders.map((o) => o.orderId)).size).toBe(120);
    expect(sim.requests.map((r) => r.path)).toEqual([
      "/retailer/orders",
      "/retailer/orders",
      "/retailer/orders",
    ]);
  });

  test("sends page=1, 2, 3 with the caller's query; a full last page costs one empty request", async () => {
    const seen: number[] = [];
    await sim.close();
    sim = await startBolRetailerSimulator({
      clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
      orders: 100,
    });
    bol = clientFor(sim);
    for await (const page of paginatePages(bol, "/retailer/orders", {
      params: { query: { status: "ALL" } },
    })) {
      seen.push(page.items.length);
      expect(page.response.headers.get("x-ratelimit-limit")).toBe("25");
    }
    expect(seen).toEqual([50, 50]);
    expect(orderPages().map((url) => url.search)).toEqual([
      "?status=ALL&page=1",
      "?status=ALL&page=2",
      "?status=ALL&page=3",
    ]);
  });

  test("maxPages stops early; a page in the query is where it starts", async () => {
    const pages = [];
    for await (const page of paginatePages(
      bol,
      "/retailer/orders",
      { params: { query: { page: 2 } } },
      { maxPages: 1 },
    )) {
      pages.push(page.page);
    }
    expect(pages).toEqual([2]);
    expect(sim.stats.apiRequests).toBe(1);
  });

  test("a failing page request throws BolApiError with bol's violations", async () => {
    const iterate = async () => {
      // @ts-expect-error "CLOSED" is not an order status; sent anyway to see bol's 400
      for await (const _ of paginate(bol, "/retailer/orders", { params: { query: { status: "CLOSED" } } })) {
        // nothing
      }
    };
    await expect(iterate()).rejects.toMatchObject({
      code: "BOL_API_ERROR",
      status: 400,
      problem: { violations: [{ name: "status" }] },
    });
  });

  test("an abort stops the iteration with BOL_ABORTED", async () => {
    const controller = new AbortController();
    const iterate = async () => {
      for await (const _ of paginate(bol, "/retailer/orders", {}, { signal: controller.signal })) {
        controller.abort();
      }
    };
    await expect(iterate()).rejects.toMatchObject({ code: "BOL_ABORTED" });
    expect(orderPages()).toHaveLength(1);
  });
});
