// Benchmarks of @org/auth. Run `pnpm --filter @org/auth build` first, then `node bench/auth/run.mjs`.
// Every figure is a ratio or a count measured in this run against a named baseline; nothing is
// compared with numbers from another machine or run.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const authPackage = new URL("../../packages/auth/", import.meta.url);
const requireFromAuth = createRequire(new URL("package.json", authPackage));
const { default: createClient } = await import(
  pathToFileURL(
    requireFromAuth.resolve("openapi-fetch/package.json").replace(/package\.json$/, "dist/index.mjs"),
  ).href
);
const { authMiddleware, clientCredentials } = await import(new URL("dist/index.js", authPackage).href);

const quick = process.argv.includes("--quick");
const JSON_HEADERS = { "content-type": "application/json" };
const RESPONSE_BODY = JSON.stringify({ id: "1", status: "draft", lines: [1, 2, 3], note: "x".repeat(200) });
const REQUEST_BODY = {
  customer: "c-1",
  reference: "PO-42",
  lines: [
    { sku: "A", qty: 2 },
    { sku: "B", qty: 1 },
  ],
  note: "y".repeat(200),
};

/** A token endpoint served from memory: always a fresh 1-hour token. */
function memoryTokenEndpoint() {
  let count = 0;
  const fetch = async () => {
    count++;
    await new Promise((resolve) => setImmediate(resolve));
    return new Response(
      JSON.stringify({ access_token: `tok-${count}`, token_type: "Bearer", expires_in: 3600 }),
      {
        status: 200,
        headers: JSON_HEADERS,
      },
    );
  };
  return { fetch, count: () => count };
}

/** The API served from memory: reads the request body like a server would, answers JSON. */
async function memoryApi(request) {
  if (request.body !== null) await request.arrayBuffer();
  return new Response(RESPONSE_BODY, { status: 200, headers: JSON_HEADERS });
}

function startServer(handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Median of an array of numbers. */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

/**
 * Runs `baseline` and `candidate` in adjacent batches (AB, then BA, …) and returns the median
 * per-request time of each and the geometric mean of the per-round ratios: each ratio compares two
 * batches run back to back, so load from other processes on a shared machine mostly cancels out.
 */
async function compare(baseline, candidate, { rounds, batch, warmup }) {
  for (let i = 0; i < warmup; i++) {
    await baseline();
    await candidate();
  }
  const times = { baseline: [], candidate: [] };
  const runBatch = async (name, fn) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    times[name].push(Number(process.hrtime.bigint() - start) / batch);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await runBatch("baseline", baseline);
      await runBatch("candidate", candidate);
    } else {
      await runBatch("candidate", candidate);
      await runBatch("baseline", baseline);
    }
  }
  const base = median(times.baseline);
  const cand = median(times.candidate);
  // Geometric mean of the per-round ratios: rounds alternate AB and BA, so an order effect (GC or
  // JIT work landing in whichever batch runs second) cancels; a median of a two-humped set does not.
  const logs = times.candidate.map((time, round) => Math.log(time / times.baseline[round]));
  return { base, cand, ratio: Math.exp(logs.reduce((sum, value) => sum + value, 0) / logs.length) };
}

function line(label, result, target) {
  const micro = (ns) => `${(ns / 1000).toFixed(1)} µs`;
  const goal = target === undefined ? "context, no target" : `target <= ${target}x`;
  console.log(
    `${label}: ${result.ratio.toFixed(2)}x bare openapi-fetch (${goal}) ` +
      `[${micro(result.cand)} vs ${micro(result.base)} per request]`,
  );
}

async function middlewareOverhead() {
  const tokens = memoryTokenEndpoint();
  const source = clientCredentials({
    tokenUrl: "https://login.example.test/token",
    clientId: "bench",
    clientSecret: "bench-secret",
    style: { kind: "basic-query" },
    fetch: tokens.fetch,
  });
  await source.getToken();
  const apiServer = await startServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, JSON_HEADERS);
      res.end(RESPONSE_BODY);
    });
  });
  const loopback = `http://127.0.0.1:${apiServer.address().port}`;
  const memory = "https://api.example.test";
  const make = (baseUrl, fetch, withAuth, extra = { redirect: "manual" }) => {
    const client = createClient({ baseUrl, ...(fetch ? { fetch } : {}), ...extra });
    if (withAuth)
      client.use(authMiddleware(source, { origins: [baseUrl], headers: { "X-API-Key": "bench-key" } }));
    return client;
  };
  const get = (client) => () =>
    client.GET("/declarations/{id}", { params: { path: { id: "1" }, query: { expand: "lines" } } });
  const post = (client) => () => client.POST("/declarations", { body: REQUEST_BODY });

  const memoryOptions = quick
    ? { rounds: 12, batch: 200, warmup: 1000 }
    : { rounds: 40, batch: 400, warmup: 3000 };
  const loopOptions = quick
    ? { rounds: 8, batch: 50, warmup: 200 }
    : { rounds: 24, batch: 150, warmup: 1000 };

  const bareMemory = make(memory, memoryApi, false);
  const authMemory = make(memory, memoryApi, true);
  line(
    "auth middleware GET in-memory",
    await compare(get(bareMemory), get(authMemory), memoryOptions),
    "1.05",
  );
  // Context for the GET figure: what any middleware costs in openapi-fetch (request id, frozen
  // options, awaited hooks), and a minimal middleware that only sets a constant Authorization header.
  const token = await source.getToken();
  const noop = make(memory, memoryApi, false);
  noop.use({ onRequest() {}, onResponse() {} });
  const minimal = make(memory, memoryApi, false);
  minimal.use({
    onRequest({ request }) {
      request.headers.set("authorization", token.authorization);
    },
    onResponse() {},
  });
  line("  floor: no-op middleware GET in-memory", await compare(get(bareMemory), get(noop), memoryOptions));
  line(
    "  floor: constant-header middleware GET in-memory",
    await compare(get(bareMemory), get(minimal), memoryOptions),
  );
  line(
    "auth middleware POST (JSON body) in-memory",
    await compare(post(bareMemory), post(authMemory), memoryOptions),
    "1.15",
  );

  const bareLoop = make(loopback, undefined, false);
  const authLoop = make(loopback, undefined, true);
  line("auth middleware GET loopback HTTP", await compare(get(bareLoop), get(authLoop), loopOptions), "1.05");
  line(
    "auth middleware POST (JSON body) loopback HTTP",
    await compare(post(bareLoop), post(authLoop), loopOptions),
    "1.15",
  );

  // Informative: a client created without `redirect: "manual"` makes the middleware rebuild each
  // authenticated request to stop redirects; the baseline is the same follow-mode client, bare.
  const bareFollow = make(memory, memoryApi, false, {});
  const authFollow = make(memory, memoryApi, true, {});
  line(
    'auth middleware GET in-memory, client without redirect: "manual" (request rebuilt)',
    await compare(get(bareFollow), get(authFollow), memoryOptions),
  );
  await new Promise((resolve) => apiServer.close(resolve));
}

async function coldCallers() {
  let requests = 0;
  const tokenServer = await startServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      setTimeout(() => {
        res.writeHead(200, JSON_HEADERS);
        res.end(JSON.stringify({ access_token: `tok-${requests}`, token_type: "Bearer", expires_in: 299 }));
      }, 20);
    });
  });
  const source = clientCredentials({
    tokenUrl: `http://127.0.0.1:${tokenServer.address().port}/token`,
    clientId: "bench",
    clientSecret: "bench-secret",
    style: { kind: "basic-query" },
  });
  const results = await Promise.all(Array.from({ length: 1000 }, () => source.getToken()));
  console.log(
    `1000 concurrent cold getToken() callers (loopback token endpoint): ${requests} token request(s) ` +
      `(target 1); ${new Set(results).size} distinct token object(s)`,
  );
  await new Promise((resolve) => tokenServer.close(resolve));
}

/** A clock that moves only when told. */
function manualClock(start) {
  let now = start;
  const timers = new Map();
  let id = 0;
  return {
    now: () => now,
    setTimeout(callback, ms) {
      timers.set(++id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle);
    },
    advance(ms) {
      now += ms;
      for (const [key, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(key);
          timer.callback();
        }
      }
    },
  };
}

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

async function simulatedHour() {
  const clock = manualClock(Date.UTC(2026, 0, 1));
  let requests = 0;
  const fetch = async () => {
    requests++;
    await new Promise((resolve) => setImmediate(resolve));
    return new Response(
      JSON.stringify({ access_token: `tok-${requests}`, token_type: "Bearer", expires_in: 299 }),
      {
        status: 200,
        headers: JSON_HEADERS,
      },
    );
  };
  const source = clientCredentials({
    tokenUrl: "https://login.bol.com/token",
    clientId: "bench",
    clientSecret: "bench-secret",
    style: { kind: "basic-query" },
    fetch,
    clock,
  });
  await source.getToken();
  const counted = requests;
  let callers = 0;
  let waited = 0;
  // Steady traffic: 5 callers every second for one hour of simulated time.
  for (let second = 1; second <= 3600; second++) {
    clock.advance(1000);
    for (let i = 0; i < 5; i++) {
      callers++;
      if (!(await servedWithoutWaiting(source.getToken()))) waited++;
    }
  }
  console.log(
    `one simulated hour of 299 s tokens, ${callers} callers: ${requests} token requests (target <= 14; ` +
      `${counted} to start), ${waited} callers waited on a refresh (target 0)`,
  );
}

console.log(`@org/auth benchmarks (node ${process.version}${quick ? ", --quick" : ""})`);
await middlewareOverhead();
await coldCallers();
await simulatedHour();
