// One process of the auth-redis benchmark: a client-credentials source on a virtual clock, with either
// the shared Redis store or its own in-memory store. The parent sends { type: "tick", now } once per
// virtual second; the worker makes its callers' getToken() calls at that time, waits until its store
// work (including a refresh and the lock around it) has settled, and answers { type: "ticked" }.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = new URL("../../", import.meta.url);
const { clientCredentials, memoryTokenStore, tokenSchedule } = await import(
  new URL("packages/auth/dist/index.js", root).href
);
const { RECOMMENDED_REDIS_OPTIONS, redisTokenStore } = await import(
  new URL("packages/auth-redis/dist/index.js", root).href
);
const requireFromPackage = createRequire(new URL("packages/auth-redis/package.json", root));
const ioredis = await import(pathToFileURL(requireFromPackage.resolve("ioredis")).href);
const Redis = ioredis.Redis ?? ioredis.default.Redis;

const config = JSON.parse(process.argv[2]);

/** Virtual `now`, set by the parent; timers (request timeouts, backoff) run in real time. */
let now = config.start;
const clock = {
  now: () => now,
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle);
  },
};

let redis;
let inner;
if (config.mode === "redis") {
  redis = new Redis(config.redisUrl, { ...RECOMMENDED_REDIS_OPTIONS });
  redis.on("error", () => undefined);
  inner = redisTokenStore({
    redis,
    prefix: config.prefix,
    onWarning: (w) => process.send({ type: "warning", code: w.code }),
  });
} else {
  inner = memoryTokenStore({ clock });
}

// Tracks the store calls in flight, so a tick ends only when its refresh has settled.
const pending = new Set();
const track = (promise) => {
  pending.add(promise);
  promise.then(
    () => pending.delete(promise),
    () => pending.delete(promise),
  );
  return promise;
};
const store = {
  get: (key) => track(inner.get(key)),
  set: (key, value, ttlMs) => track(inner.set(key, value, ttlMs)),
  delete: (key) => track(inner.delete(key)),
  lock: (key, fn) => track(inner.lock(key, fn)),
};
const settled = async () => {
  while (pending.size > 0) await Promise.allSettled([...pending]);
};

const source = clientCredentials({
  tokenUrl: config.tokenUrl,
  clientId: "bench-client",
  clientSecret: "bench-secret",
  style: { kind: "basic-query" },
  store,
  clock,
});

/** Whether `promise` settles before the next macrotask turn (a caller that waited on I/O does not). */
async function servedWithoutWaiting(promise) {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

/** Until when this process holds a usable token (its staleAt), on the virtual clock. */
let usableUntil = 0;

if (redis && redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));

process.on("message", async (message) => {
  if (message.type === "tick") {
    now = message.now;
    // A caller that is not served at once waited either on a token request (this process had no
    // usable token: cold start, or past the last token's staleAt) or only on a store read (its token
    // was still usable; @org/auth re-reads the store in the refresh window before refreshing).
    let waitedOnRequest = 0;
    let waitedOnStore = 0;
    const calls = [];
    for (let i = 0; i < config.callers; i++) {
      const hadUsableToken = now < usableUntil;
      const call = source.getToken().then((token) => {
        usableUntil = Math.max(usableUntil, tokenSchedule(token.issuedAt, token.expiresAt).staleAt);
        return token;
      });
      calls.push(call);
      if (!(await servedWithoutWaiting(call))) {
        if (hadUsableToken) waitedOnStore++;
        else waitedOnRequest++;
      }
    }
    await Promise.all(calls);
    await settled();
    process.send({ type: "ticked", waitedOnRequest, waitedOnStore });
  } else if (message.type === "stop") {
    await redis?.quit();
    process.disconnect();
  }
});
process.send({ type: "ready" });
