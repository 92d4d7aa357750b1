import { type BolRetailerSimulator, startBolRetailerSimulator } from "@org/simulators";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  type BolRetailerClient,
  getProcessStatuses,
  isBolError,
  ProcessFailedError,
  type ProcessStatus,
  waitForProcess,
} from "../src/index.js";
import { CLIENT_ID, CLIENT_SECRET, clientFor } from "./helpers.js";

let sim: BolRetailerSimulator;
let bol: BolRetailerClient;
beforeEach(async () => {
  sim = await startBolRetailerSimulator({
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
    processPolls: 2,
  });
  bol = clientFor(sim);
});
afterEach(() => sim.close());

const FAST = { intervalMs: 5, maxIntervalMs: 20 } as const;

async function ship(orderItemId = "6042800000"): Promise<ProcessStatus> {
  const { data, response } = await bol.POST("/retailer/shipments", {
    body: { orderItems: [{ orderItemId }] },
  });
  expect(response.status).toBe(202);
  if (!data) throw new Error("no process status");
  return data;
}

describe("waitForProcess", () => {
  test("a shipment is created (202 PENDING) and polled to SUCCESS; entityId is the order item", async () => {
    const accepted = await ship();
    expect(accepted).toMatchObject({ status: "PENDING", eventType: "CREATE_SHIPMENT" });
    const polls: string[] = [];

    const done = await waitForProcess(bol, accepted, {
      ...FAST,
      onStatus: ({ processStatus }) => polls.push(processStatus.status),
    });

    expect(done).toMatchObject({ status: "SUCCESS", entityId: "6042800000" });
    expect(polls).toEqual(["PENDING", "PENDING", "SUCCESS"]);
    expect(
      sim.requests.filter((r) => r.template === "/shared/process-status/{process-status-id}"),
    ).toHaveLength(3);
    const { data } = await bol.GET("/retailer/orders", { params: { query: { status: "SHIPPED" } } });
    expect(data?.orders.map((o) => o.orderId)).toEqual(["1043900000"]);
  });

  test("a shipment bol cannot process ends in FAILURE: ProcessFailedError carries bol's errorMessage", async () => {
    sim.nextProcessOutcome("FAILURE", { errorMessage: "Order item 6042800000 has already been shipped." });
    const accepted = await ship();

    const failure = waitForProcess(bol, accepted, FAST);

    await expect(failure).rejects.toBeInstanceOf(ProcessFailedError);
    await expect(failure).rejects.toMatchObject({
      code: "BOL_PROCESS_FAILED",
      errorMessage: "Order item 6042800000 has already been shipped.",
      processStatus: { status: "FAILURE", processStatusId: accepted.processStatusId },
    });
  });

  test("an unknown order item is reported by bol as FAILURE, not as an HTTP error", async () => {
    const accepted = await ship("999");
    await expect(waitForProcess(bol, accepted, FAST)).rejects.toMatchObject({
      code: "BOL_PROCESS_FAILED",
      errorMessage: expect.stringContaining("999"),
    });
  });

  test("bol's TIMEOUT status is BOL_PROCESS_TIMEOUT; our own timeout is BOL_WAIT_TIMEOUT", async () => {
    sim.nextProcessOutcome("TIMEOUT");
    await expect(waitForProcess(bol, await ship(), FAST)).rejects.toMatchObject({
      name: "ProcessTimeoutError",
      code: "BOL_PROCESS_TIMEOUT",
      processStatus: { status: "TIMEOUT" },
    });

    sim.nextProcessOutcome("SUCCESS", { polls: 1_000 });
    const slow = await ship();
    await expect(waitForProcess(bol, slow, { ...FAST, timeoutMs: 60 })).rejects.toMatchObject({
      name: "ProcessTimeoutError",
      code: "BOL_WAIT_TIMEOUT",
      timeoutMs: 60,
      processStatus: { status: "PENDING" },
    });
  });

  test("polling by id works, and a finished status handed in needs no request", async () => {
    const accepted = await ship();
    const done = await waitForProcess(bol, accepted.processStatusId ?? "", FAST);
    const before = sim.stats.apiRequests;
    expect(await waitForProcess(bol, done)).toBe(done);
    expect(sim.stats.apiRequests).toBe(before);
  });

  test("the wait is abortable: BOL_ABORTED with the signal's reason as cause", async () => {
    sim.nextProcessOutcome("SUCCESS", { polls: 1_000 });
    const accepted = await ship();
    const controller = new AbortController();
    const waiting = waitForProcess(bol, accepted, { intervalMs: 10, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("shutting down")), 30);
    await expect(waiting).rejects.toMatchObject({ code: "BOL_ABORTED", cause: new Error("shutting down") });
  });

  test("a 429 while polling is waited out, not thrown", async () => {
    const accepted = await ship();
    sim.rateLimitNext({ count: 1, retryAfter: 0 });
    await expect(waitForProcess(bol, accepted, FAST)).resolves.toMatchObject({ status: "SUCCESS" });
    expect(sim.requests.some((r) => r.status === 429)).toBe(true);
  });

  test("a status bol no longer keeps is a BOL_API_ERROR 404", async () => {
    const error = await waitForProcess(bol, "424242", FAST).catch((e: unknown) => e);
    expect(isBolError(error, "BOL_API_ERROR")).toBe(true);
    expect(error).toMatchObject({
      status: 404,
      operation: "GET /shared/process-status/{process-status-id}",
      problem: { title: "Not Found" },
    });
  });

  test("bad options and a status without id fail at once with ERR_INVALID_ARG_VALUE", async () => {
    await expect(waitForProcess(bol, "1", { backoff: 0.5 })).rejects.toMatchObject({
      code: "ERR_INVALID_ARG_VALUE",
    });
    const noId = { ...(await ship()), processStatusId: null };
    await expect(waitForProcess(bol, noId)).rejects.toMatchObject({ code: "ERR_INVALID_ARG_VALUE" });
  });
});

describe("getProcessStatuses", () => {
  test("looks statuses up in bulk; ids bol does not know are left out", async () => {
    const first = await ship("6042800000");
    const second = await ship("6042800001");
    const statuses = await getProcessStatuses(bol, [first, second.processStatusId ?? "", "999999"]);

    expect([...statuses.keys()]).toEqual([first.processStatusId, second.processStatusId]);
    expect(statuses.get(first.processStatusId ?? "")?.eventType).toBe("CREATE_SHIPMENT");
    expect(sim.requests.at(-1)).toMatchObject({ method: "POST", template: "/shared/process-status" });
  });

  test("more than 1000 ids are split into requests of 1000", async () => {
    const ids = Array.from({ length: 2_001 }, (_, i) => String(100_000 + i));
    expect((await getProcessStatuses(bol, ids)).size).toBe(0);
    expect(sim.requests.filter((r) => r.template === "/shared/process-status")).toHaveLength(3);
  });
});
