import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { AccessToken, clientCredentials, type StoredToken, tokenCacheKey } from "@org/auth";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, expectTypeOf, inject, it } from "vitest";
import { RECOMMENDED_REDIS_OPTIONS, type RedisStoreWarning, redisTokenStore } from "../src/index.js";
import { type CountingTokenServer, startCountingTokenServer } from "./helpers/token-server.js";

const redisUrl = inject("redisUrl");
let redis: Redis;
let server: CountingTokenServer;

beforeAll(async () => {
  redis = new Redis(redisUrl, { ...RECOMMENDED_REDIS_OPTIONS });
  server = await startCountingTokenServer(299);
});
afterAll(async () => {
  await redis.quit();
  await server.close();
});

const uniquePrefix = () => `st-${randomBytes(6).toString("hex")}`;
const secret = () => `client-secret-${randomBytes(16).toString("hex")}`;

function source(store: ReturnType<typeof redisTokenStore>, clientSecret: string, clientId = "store-client") {
  return clientCredentials({
    tokenUrl: server.tokenUrl,
    clientId,
    clientSecret,
    style: { kind: "basic-form" },
    scopes: ["orders:read", "offers:write"],
    store,
  });
}

/** Every key under `prefix` with its value (strings only). */
async function dump(prefix: string): Promise<Map<string, string | null>> {
  const keys = await redis.keys(`${prefix}:*`);
  const entries = await Promise.all(keys.map(async (key) => [key, await redis.get(key)] as const));
  return new Map(entries);
}

describe("keys, values and TTLs", () => {
  it("stores the token under <prefix>:token:<hashed key> with a PX TTL no longer than its lifetime", async () => {
    const prefix = uniquePrefix();
    const clientSecret = secret();
    const store = redisTokenStore({ redis, prefix });
    const token = await source(store, clientSecret).getToken();

    const expectedKey = `${prefix}:token:${await tokenCacheKey({
      tokenUrl: server.tokenUrl,
      clientId: "store-client",
      scopes: ["offers:write", "orders:read"],
      grant: "client_credentials",
    })}`;
    const entries = await dump(prefix);
    expect([...entries.keys()]).toEqual([expectedKey]); // the lock is released (deleted) after use
    expect(expectedKey).toMatch(new RegExp(`^${prefix}:token:org-auth:v1:[0-9a-f]{64}$`));

    const ttl = await redis.pttl(expectedKey);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(299_000);
    expect(token.expiresAt - token.issuedAt).toBe(299_000);
  });

  it("never writes the client secret (nor the client id) into a key or value", async () => {
    const prefix = uniquePrefix();
    const clientSecret = secret();
    const clientId = `client-id-${randomBytes(8).toString("hex")}`;
    const store = redisTokenStore({ redis, prefix });
    const token = await source(store, clientSecret, clientId).getToken();

    // The whole database, not only this prefix.
    const all = await redis.keys("*");
    expect(all.length).toBeGreaterThan(0);
    for (const key of all) {
      expect(key).not.toContain(clientSecret);
      expect(key).not.toContain(clientId);
      const type = await redis.type(key);
      if (type === "string") expect((await redis.get(key)) ?? "").not.toContain(clientSecret);
    }
    // The value is exactly the StoredToken fields (StoredToken has no secret field).
    const [value] = [...(await dump(prefix)).values()];
    expect(Object.keys(JSON.parse(value ?? "{}")).sort()).toEqual(
      ["accessToken", "expiresAt", "issuedAt", "scope", "tokenType", "v"].sort(),
    );
    expect(JSON.parse(value ?? "{}").accessToken).toBe(token.accessToken);
  });

  it("StoredToken, the only thing written, has no field for a client secret", () => {
    expectTypeOf<keyof StoredToken>().toEqualTypeOf<
      "v" | "accessToken" | "tokenType" | "issuedAt" | "expiresAt" | "scope" | "idToken"
    >();
    const stored = new AccessToken({
      v: 1,
      accessToken: "at",
      tokenType: "bearer",
      issuedAt: 1,
      expiresAt: 2,
    }).toStored();
    expect(Object.keys(stored).sort()).toEqual(["accessToken", "expiresAt", "issuedAt", "tokenType", "v"]);
  });

  it("writes only StoredToken fields even when the value object carries more", async () => {
    const prefix = uniquePrefix();
    const store = redisTokenStore({ redis, prefix });
    const clientSecret = secret();
    const value = {
      ...new AccessToken({
        v: 1,
        accessToken: "at-extra",
        tokenType: "bearer",
        issuedAt: 1,
        expiresAt: 2,
      }).toStored(),
      clientSecret,
    } as StoredToken;
    await store.set("k", value, 60_000);
    const raw = await redis.get(`${prefix}:token:k`);
    expect(raw).not.toContain(clientSecret);
    expect(await store.get("k")).toEqual({
      v: 1,
      accessToken: "at-extra",
      tokenType: "bearer",
      issuedAt: 1,
      expiresAt: 2,
    });
  });

  it("round-trips get/set/delete and drops a value whose TTL is not positive", async () => {
    const prefix = uniquePrefix();
    const store = redisTokenStore({ redis, prefix });
    const value: StoredToken = {
      v: 1,
      accessToken: "at-roundtrip",
      tokenType: "bearer",
      issuedAt: 1_000,
      expiresAt: 2_000,
      scope: ["a", "b"],
      idToken: "id-token",
    };
    expect(await store.get("k")).toBeUndefined();
    await store.set("k", value, 60_000);
    expect(await store.get("k")).toEqual(value);
    await store.delete("k");
    expect(await store.get("k")).toBeUndefined();
    await store.set("k", value, 60_000);
    await store.set("k", value, 0);
    expect(await redis.exists(`${prefix}:token:k`)).toBe(0);
  });

  it("shares a token between two sources with their own memory (as two processes would)", async () => {
    const prefix = uniquePrefix();
    const clientSecret = secret();
    const before = server.count();
    const first = await source(redisTokenStore({ redis, prefix }), clientSecret).getToken();
    const other = new Redis(redisUrl, { ...RECOMMENDED_REDIS_OPTIONS });
    try {
      const second = await source(redisTokenStore({ redis: other, prefix }), clientSecret).getToken();
      expect(second.accessToken).toBe(first.accessToken);
      expect(server.count() - before).toBe(1);
    } finally {
      await other.quit();
    }
  });

  it("ignores a value that is not a token record, with an AUTH_REDIS_VALUE_INVALID warning", async () => {
    const prefix = uniquePrefix();
    const warnings: RedisStoreWarning[] = [];
    const store = redisTokenStore({ redis, prefix, onWarning: (w) => warnings.push(w) });
    await redis.set(`${prefix}:token:k`, "not json", "PX", 60_000);
    expect(await store.get("k")).toBeUndefined();
    expect(warnings).toMatchObject([{ code: "AUTH_REDIS_VALUE_INVALID", operation: "get" }]);
  });
});

describe("encryption at rest (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips, and the raw Redis value contains neither the access token nor the client secret", async () => {
    const prefix = uniquePrefix();
    const clientSecret = secret();
    const before = server.count();
    const token = await source(
      redisTokenStore({ redis, prefix, encryptionKey: key }),
      clientSecret,
    ).getToken();

    const [raw] = [...(await dump(prefix)).values()];
    expect(raw).toMatch(/^aes256gcm\.v1\./);
    expect(raw).not.toContain(token.accessToken);
    expect(raw).not.toContain(clientSecret);
    expect(raw).not.toContain("accessToken");

    // Another store with the same key (base64 this time) reads it back.
    const again = await source(
      redisTokenStore({ redis, prefix, encryptionKey: key.toString("base64") }),
      clientSecret,
    ).getToken();
    expect(again.accessToken).toBe(token.accessToken);
    expect(server.count() - before).toBe(1);
  });

  it("treats values under another key, or unencrypted ones, as misses (AUTH_REDIS_VALUE_INVALID)", async () => {
    const prefix = uniquePrefix();
    const value: StoredToken = {
      v: 1,
      accessToken: "at-enc",
      tokenType: "bearer",
      issuedAt: 1,
      expiresAt: 2,
    };
    const warnings: RedisStoreWarning[] = [];
    const onWarning = (w: RedisStoreWarning) => warnings.push(w);
    await redisTokenStore({ redis, prefix, encryptionKey: key }).set("k", value, 60_000);

    expect(
      await redisTokenStore({ redis, prefix, encryptionKey: randomBytes(32), onWarning }).get("k"),
    ).toBeUndefined();
    expect(await redisTokenStore({ redis, prefix, onWarning }).get("k")).toBeUndefined();
    // A value moved to another key does not decrypt there (the Redis key is authenticated data).
    await redis.copy(`${prefix}:token:k`, `${prefix}:token:other`);
    expect(
      await redisTokenStore({ redis, prefix, encryptionKey: key, onWarning }).get("other"),
    ).toBeUndefined();
    // A plaintext value planted by someone without the key is not accepted.
    await redisTokenStore({ redis, prefix }).set("plain", value, 60_000);
    expect(
      await redisTokenStore({ redis, prefix, encryptionKey: key, onWarning }).get("plain"),
    ).toBeUndefined();

    expect(warnings.map((w) => w.code)).toEqual(Array(4).fill("AUTH_REDIS_VALUE_INVALID"));
    expect(JSON.stringify(warnings)).not.toContain("at-enc");
  });
});

describe("redaction", () => {
  it("toJSON and util.inspect show settings only: no token, no encryption key, no Redis password", async () => {
    const key = randomBytes(32);
    const password = `redis-password-${randomBytes(8).toString("hex")}`;
    const client = new Redis({ host: "127.0.0.1", port: 1, password, lazyConnect: true });
    const prefix = uniquePrefix();
    const store = redisTokenStore({ redis: client, prefix, encryptionKey: key });
    await redisTokenStore({ redis, prefix }).set(
      "k",
      {
        v: 1,
        accessToken: "at-redact",
        tokenType: "bearer",
        issuedAt: 1,
        expiresAt: 2,
      },
      60_000,
    );

    const views = [
      JSON.stringify(store),
      inspect(store),
      inspect(store, { depth: 10, showHidden: true }),
      String(store),
    ];
    for (const text of views) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(key.toString("base64"));
      expect(text).not.toContain(key.toString("hex"));
      expect(text).not.toContain("at-redact");
    }
    expect(JSON.parse(views[0] as string)).toEqual({
      prefix,
      lockTtlMs: 10_000,
      acquireTimeoutMs: 15_000,
      commandTimeoutMs: 1_000,
      fallback: "direct",
      encryption: "aes-256-gcm",
      connection: "wait",
    });
    expect(views[1]).toMatch(/^RedisTokenStore \{/);
    client.disconnect();
  });
});
