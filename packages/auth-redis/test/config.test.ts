import { randomBytes } from "node:crypto";
import { type AuthConfigError, clientCredentials, isAuthConfigError, type TokenStore } from "@org/auth";
import { Redis } from "ioredis";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { type RedisTokenStoreOptions, redisTokenStore } from "../src/index.js";

const redis = new Redis({ lazyConnect: true });
afterAll(() => {
  redis.disconnect();
});

function configError(options: unknown): AuthConfigError {
  try {
    redisTokenStore(options as RedisTokenStoreOptions);
  } catch (error) {
    expect(isAuthConfigError(error)).toBe(true);
    return error as AuthConfigError;
  }
  throw new Error("expected an AuthConfigError");
}

describe("options", () => {
  it.each([
    [undefined, "options"],
    [{}, "redis"],
    [{ redis: {} }, "redis"],
    [{ redis, prefix: "" }, "prefix"],
    [{ redis, prefix: "a b" }, "prefix"],
    [{ redis, lockTtlMs: 0 }, "lockTtlMs"],
    [{ redis, acquireTimeoutMs: -1 }, "acquireTimeoutMs"],
    [{ redis, commandTimeoutMs: Number.POSITIVE_INFINITY }, "commandTimeoutMs"],
    [{ redis, fallback: "memory" }, "fallback"],
    [{ redis, onWarning: "log" }, "onWarning"],
    [{ redis, ttl: 5 }, "ttl"],
  ])("rejects %o naming the option %s", (options, option) => {
    const error = configError(options);
    expect(error.code).toBe("AUTH_CONFIG_INVALID");
    expect(error.option).toBe(option);
  });

  it("rejects an encryption key that is not 32 bytes, without quoting it", () => {
    const short = randomBytes(16);
    for (const key of [short, short.toString("base64"), "not base64 !", 42]) {
      const error = configError({ redis, encryptionKey: key });
      expect(error.option).toBe("encryptionKey");
      expect(JSON.stringify(error)).not.toContain(short.toString("base64"));
      expect(error.message).not.toContain(short.toString("base64"));
    }
  });

  it("is accepted by @org/auth sources as a TokenStore with a lock", () => {
    const store = redisTokenStore({ redis });
    expectTypeOf(store).toMatchTypeOf<TokenStore>();
    expect(typeof store.lock).toBe("function");
    expect(() =>
      clientCredentials({
        tokenUrl: "https://login.example.test/token",
        clientId: "id",
        clientSecret: "secret",
        style: { kind: "basic-form" },
        store,
      }),
    ).not.toThrow();
  });
});
