import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AuthRedisError, isAuthRedisError, summarizeError } from "./errors.js";

describe("summarizeError", () => {
  it("keeps name, message and code, drops the command and its arguments, scrubs given secrets", () => {
    const error = Object.assign(new Error("ERR failed for at-very-secret"), {
      name: "ReplyError",
      code: "ERR",
      command: { name: "set", args: ["k", "at-very-secret", "PX", 1000] },
    });
    const summary = summarizeError(error, ["at-very-secret"]);
    expect(summary).toEqual({ name: "ReplyError", message: "ERR failed for [REDACTED]", code: "ERR" });
  });
});

describe("AuthRedisError", () => {
  const error = new AuthRedisError("Redis is unavailable (get)", {
    code: "AUTH_REDIS_UNAVAILABLE",
    operation: "get",
    cause: { name: "Error", message: "connect ECONNREFUSED 127.0.0.1:1", code: "ECONNREFUSED" },
  });

  it("has a stable code, a brand and a plain JSON view", () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AuthRedisError");
    expect(isAuthRedisError(error)).toBe(true);
    expect(isAuthRedisError(error, "AUTH_REDIS_LOCK_TIMEOUT")).toBe(false);
    expect(
      isAuthRedisError(
        Object.assign(new Error("x"), { isAuthRedisError: true, code: "AUTH_REDIS_UNAVAILABLE" }),
      ),
    ).toBe(true);
    expect(isAuthRedisError(new Error("x"))).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "AuthRedisError",
      code: "AUTH_REDIS_UNAVAILABLE",
      operation: "get",
      message: "Redis is unavailable (get)",
      cause: { name: "Error", message: "connect ECONNREFUSED 127.0.0.1:1", code: "ECONNREFUSED" },
    });
    expect(inspect(error)).toContain("AUTH_REDIS_UNAVAILABLE");
  });
});
