import { randomBytes } from "node:crypto";
import { createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { clientCredentials } from "@org/auth";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthRedisError,
  isAuthRedisError,
  RECOMMENDED_REDIS_OPTIONS,
  type RedisStoreWarning,
  type RedisTokenStore,
  type RedisTokenStoreOptions,
  redisTokenStore,
} from "../src/index.js";
import { freePort, type RedisServer, startRedisServer } from "./helpers/redis-server.js";
import { type CountingTokenServer, startCountingTokenServer } from "./helpers/token-server.js";

let server: CountingTokenServer;
beforeAll(async () => {
  server = await startCountingTokenServer(299);
});
afterAll(async () => {
  await server.close();
});

const clientSecret = `fallback-secret-${randomBytes(16).toString("hex")}`;

function sourceWith(storeOptions: RedisTokenStoreOptions | RedisTokenStore) {
  const store = "get" in storeOptions ? storeOptions : redisTokenStore(storeOptions);
  return clientCredentials({
    tokenUrl: server.tokenUrl,
    clientId: "fallback-client",
    clientSecret,
    style: { kind: "basic-form" },
    store,
  });
}

function quietClient(url: string, options: Record<string, unknown> = RECOMMENDED_REDIS_OPTIONS): Redis {
  const client = new Redis(url, options);
  client.on("error", () => undefined);
  return client;
}

function expectRedacted(value: unknown): void {
  const texts = [JSON.stringify(value), inspect(value, { depth: 10 })];
  for (const text of texts) {
    expect(text).not.toContain(clientSecret);
    for (const token of server.issued) expect(text).not.toContain(token);
  }
}

describe("Redis not reachable (nothing listening on the port)", () => {
  let client: Redis;
  beforeAll(async () => {
    client = quietClient(`redis://127.0.0.1:${await freePort()}`);
  });
  afterAll(() => {
    client.disconnect();
  });

  it('fallback "direct" (default): tokens are fetched directly, one request for concurrent callers, one typed warning', async () => {
    const warnings: RedisStoreWarning[] = [];
    const source = sourceWith({ redis: client, commandTimeoutMs: 200, onWarning: (w) => warnings.push(w) });
    const before = server.count();

    const tokens = await Promise.all(Array.from({ length: 20 }, () => source.getToken()));

    expect(server.count() - before).toBe(1);
    expect(new Set(tokens.map((token) => token.accessToken)).size).toBe(1);
    expect(warnings).toHaveLength(1); // once per outage, not once per call
    expect(warnings[0]).toMatchObject({
      code: "AUTH_REDIS_UNAVAILABLE",
      fallback: "direct",
      operation: "get",
      cause: { name: expect.any(String), message: expect.any(String) },
    });
    expectRedacted(warnings);
  });

  it('fallback "fail": getToken() rejects with AuthRedisError AUTH_REDIS_UNAVAILABLE and sends no token request', async () => {
    const warnings: RedisStoreWarning[] = [];
    const source = sourceWith({
      redis: client,
      commandTimeoutMs: 200,
      fallback: "fail",
      onWarning: (w) => warnings.push(w),
    });
    const before = server.count();

    const failure = source.getToken();
    await expect(failure).rejects.toBeInstanceOf(AuthRedisError);
    await expect(failure).rejects.toMatchObject({ code: "AUTH_REDIS_UNAVAILABLE", operation: "get" });
    const error = await failure.catch((e: unknown) => e);
    expect(isAuthRedisError(error, "AUTH_REDIS_UNAVAILABLE")).toBe(true);
    expectRedacted(error);
    expect(server.count()).toBe(before);
    expect(warnings).toMatchObject([{ code: "AUTH_REDIS_UNAVAILABLE", fallback: "fail" }]);
  });
});

describe("a Redis that accepts connections but never answers, with ioredis's default options", () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let client: Redis;
  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    client = quietClient(`redis://127.0.0.1:${port}`, {}); // offline queue on, no command timeout
  });
  afterAll(async () => {
    client.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("does not hang: each Redis call is bounded by commandTimeoutMs and the token is fetched directly", async () => {
    const warnings: RedisStoreWarning[] = [];
    const before = server.count();
    const token = await sourceWith({
      redis: client,
      commandTimeoutMs: 150,
      onWarning: (w) => warnings.push(w),
    }).getToken();
    expect(token.accessToken).toBe(server.issued.at(-1));
    expect(server.count() - before).toBe(1);
    expect(warnings).toMatchObject([{ code: "AUTH_REDIS_UNAVAILABLE", cause: { code: "ETIMEDOUT" } }]);
  });
});

describe("Redis stopped while in use, then back", () => {
  let redisServer: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    redisServer = await startRedisServer();
    client = quietClient(redisServer.url);
    await new Promise((resolve) => client.once("ready", resolve));
  });
  afterAll(async () => {
    client.disconnect();
    await redisServer.stop();
  });

  it("serves tokens directly while it is down (one warning), and shares them through Redis again once it is back", async () => {
    const warnings: RedisStoreWarning[] = [];
    const options = {
      redis: client,
      prefix: "stopped",
      commandTimeoutMs: 300,
      onWarning: (w: RedisStoreWarning) => warnings.push(w),
    };
    const store = redisTokenStore(options);
    const before = server.count();

    // Up: the first source fetches and stores, a second one (cold memory) reads it from Redis.
    const first = await sourceWith(store).getToken();
    expect((await sourceWith(store).getToken()).accessToken).toBe(first.accessToken);
    expect(server.count() - before).toBe(1);

    // Down.
    const closed = new Promise((resolve) => client.once("close", resolve));
    await redisServer.stop();
    await closed;
    const during = await Promise.all([sourceWith(store).getToken(), sourceWith(store).getToken()]);
    for (const token of during) expect(token.accessToken).not.toBe(first.accessToken);
    expect(server.count() - before).toBe(3); // two cold sources, each fetched directly
    expect(warnings).toMatchObject([{ code: "AUTH_REDIS_UNAVAILABLE", fallback: "direct" }]);
    await expect(sourceWith({ ...options, fallback: "fail" }).getToken()).rejects.toMatchObject({
      code: "AUTH_REDIS_UNAVAILABLE",
    });

    // Back on the same port (empty: persistence is off); ioredis reconnects by itself.
    const ready = new Promise((resolve) => client.once("ready", resolve));
    redisServer = await startRedisServer(redisServer.port);
    await ready;
    const after = await sourceWith(store).getToken();
    expect((await sourceWith(store).getToken()).accessToken).toBe(after.accessToken);
    expect(server.count() - before).toBe(4);
    expect(warnings).toHaveLength(2); // one for this store, one for the "fail" store
    expectRedacted(warnings);
  });
});

describe("a Redis that stops answering while connected (CLIENT PAUSE)", () => {
  let redisServer: RedisServer;
  let client: Redis;
  let admin: Redis;
  beforeAll(async () => {
    redisServer = await startRedisServer();
    client = quietClient(redisServer.url);
    admin = quietClient(redisServer.url);
    await Promise.all([client, admin].map((c) => new Promise((resolve) => c.once("ready", resolve))));
  });
  afterAll(async () => {
    client.disconnect();
    admin.disconnect();
    await redisServer.stop();
  });

  it("bounds each call by commandTimeoutMs and fetches directly", async () => {
    const warnings: RedisStoreWarning[] = [];
    await admin.call("CLIENT", "PAUSE", "3000", "ALL");
    const before = server.count();
    const token = await sourceWith({
      redis: client,
      commandTimeoutMs: 200,
      onWarning: (w) => warnings.push(w),
    }).getToken();
    expect(token.accessToken).toBe(server.issued.at(-1));
    expect(server.count() - before).toBe(1);
    expect(warnings).toMatchObject([{ code: "AUTH_REDIS_UNAVAILABLE", cause: { code: "ETIMEDOUT" } }]);
  });
});
