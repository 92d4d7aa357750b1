// A process of the multi-process tests: one Redis-backed client-credentials source. Started by
// test/helpers/workers.ts with `node --import tsx`, configured by a JSON argument. Messages:
// → { type: "ready" } once Redis is connected; ← "go"; → { type: "fetching" } before each token
// request; → { type: "done", tokens, warnings } after `calls` concurrent getToken() calls.
import { clientCredentials } from "@org/auth";
import { Redis } from "ioredis";
import { RECOMMENDED_REDIS_OPTIONS, type RedisStoreWarning, redisTokenStore } from "../../src/index.js";

/** What a worker is told. */
export interface WorkerConfig {
  readonly redisUrl: string;
  readonly tokenUrl: string;
  readonly prefix: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly calls: number;
  readonly lockTtlMs?: number;
  readonly acquireTimeoutMs?: number;
}

const config = JSON.parse(process.argv[2] ?? "{}") as WorkerConfig;
const send = (message: Record<string, unknown>): void => {
  process.send?.(message);
};

const redis = new Redis(config.redisUrl, { ...RECOMMENDED_REDIS_OPTIONS });
redis.on("error", () => undefined);
const warnings: RedisStoreWarning[] = [];
const store = redisTokenStore({
  redis,
  prefix: config.prefix,
  ...(config.lockTtlMs === undefined ? {} : { lockTtlMs: config.lockTtlMs }),
  ...(config.acquireTimeoutMs === undefined ? {} : { acquireTimeoutMs: config.acquireTimeoutMs }),
  onWarning: (warning) => warnings.push(warning),
});
const source = clientCredentials({
  tokenUrl: config.tokenUrl,
  clientId: config.clientId,
  clientSecret: config.clientSecret,
  style: { kind: "basic-form" },
  store,
  fetch: (input, init) => {
    send({ type: "fetching" });
    return fetch(input, init);
  },
});

if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
process.on("message", async (message) => {
  if (message !== "go") return;
  const tokens = await Promise.all(Array.from({ length: config.calls }, () => source.getToken()));
  send({ type: "done", tokens: [...new Set(tokens.map((token) => token.accessToken))], warnings });
  await redis.quit();
  process.disconnect();
});
send({ type: "ready" });
