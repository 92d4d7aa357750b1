import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  BOL_ERROR_CODES,
  BolAbortError,
  BolApiError,
  isBolError,
  ProcessFailedError,
  type ProcessStatus,
  ProcessTimeoutError,
} from "../src/index.js";

const status = (fields: Partial<ProcessStatus>): ProcessStatus => ({
  processStatusId: "42",
  entityId: "6042823871",
  eventType: "CREATE_SHIPMENT",
  description: "Ship order item 6042823871.",
  status: "PENDING",
  createTimestamp: "2026-05-14T10:00:00+02:00",
  links: [],
  ...fields,
});

describe("errors", () => {
  test("carry stable codes and bol's reason", () => {
    const failed = new ProcessFailedError(status({ status: "FAILURE", errorMessage: "Already shipped." }));
    expect(failed).toMatchObject({ name: "ProcessFailedError", code: "BOL_PROCESS_FAILED" });
    expect(failed.message).toBe("CREATE_SHIPMENT process 42 failed: Already shipped.");
    expect(new ProcessTimeoutError("42", status({ status: "TIMEOUT" })).code).toBe("BOL_PROCESS_TIMEOUT");
    expect(new ProcessTimeoutError("42", undefined, 1000).code).toBe("BOL_WAIT_TIMEOUT");
    expect(new BolAbortError("stop")).toMatchObject({ code: "BOL_ABORTED", cause: "stop" });
    expect(Object.values(BOL_ERROR_CODES).every((code) => code.startsWith("BOL_"))).toBe(true);
  });

  test("a BolApiError names METHOD /path, keeps the response out of JSON, and reads the rate limit", () => {
    const response = new Response(null, {
      status: 429,
      headers: { "retry-after": "4", "x-ratelimit-remaining": "0" },
    });
    const error = new BolApiError("GET /retailer/orders", response, {
      title: "Too Many Requests",
      status: 429,
      detail: "Too many requests, retry in 4 seconds.",
    });
    expect(error.code).toBe("BOL_RATE_LIMITED");
    expect(error.message).toBe(
      "GET /retailer/orders answered 429: Too Many Requests (Too many requests, retry in 4 seconds.)",
    );
    expect(error.response).toBe(response);
    expect(Object.keys(error)).not.toContain("response");
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ code: "BOL_RATE_LIMITED", status: 429, rateLimit: { retryAfterMs: 4000 } });
    expect(json.response).toBeUndefined();
    expect(inspect(error)).toContain("BOL_RATE_LIMITED");
  });

  test("isBolError matches by brand and, optionally, by code", () => {
    const error = new BolAbortError(undefined);
    expect(isBolError(error)).toBe(true);
    expect(isBolError(error, "BOL_ABORTED")).toBe(true);
    expect(isBolError(error, "BOL_API_ERROR")).toBe(false);
    expect(isBolError(new Error("x"))).toBe(false);
    expect(isBolError({ isBolError: true, code: "BOL_ABORTED" }, "BOL_ABORTED")).toBe(true);
  });
});
