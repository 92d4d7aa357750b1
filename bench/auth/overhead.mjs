// One process of the middleware-overhead benchmark (bench/auth/run.mjs starts several and reports
// the median): `node overhead.mjs '<json>'` with { transport, method, baseline, candidate, quick }
// prints one JSON line { ratio, base, cand } comparing two client setups in adjacent batches.
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
const { authMiddleware, clientCredentials, ReplayableRequest } = await import(
  new URL("dist/index.js", authPackage).href
);
const { createBorderboltClient } = await import(
  new URL("../../packages/borderbolt-client/dist/index.js", import.meta.url).href
);

const {
  transport,
  method,
  baseline,
  candidate,
  quick,
  path = "/declarations/{id}",
  candidateFirst = false,
} = JSON.parse(process.argv[2]);
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
const API_KEY = "bench-key";

// A token of a realistic length (a JWT): header validation in undici costs more the longer it is.
const TOKEN_BODY = JSON.stringify({
  access_token: `eyJ${"a".repeat(40)}.${"b".repeat(120)}.${"c".repeat(43)}`,
  token_type: "Bearer",
  expires_in: 3600,
});

/** The API served from memory: reads the request body like a server would, answers JSON. */
async function memoryApi(request) {
  // @org/auth calls fetch(url, init) for tokens; openapi-fetch calls fetch(request).
  if (typeof request === "string") return memoryTokenEndpoint();
  if (request.body !== null) await request.arrayBuffer();
  return new Response(RESPONSE_BODY, { status: 200, headers: JSON_HEADERS });
}

/** A token endpoint served from memory: always a fresh 1-hour token. */
async function memoryTokenEndpoint() {
  await new Promise((resolve) => setImmediate(resolve));
  return new Response(TOKEN_BODY, { status: 200, headers: JSON_HEADERS });
}

let server;
let baseUrl = "https://api.example.test";
let fetch = memoryApi;
if (transport === "loopback") {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, JSON_HEADERS);
      res.end(req.url.endsWith("/oauth/token") ? TOKEN_BODY : RESPONSE_BODY);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  fetch = undefined;
}

const source = clientCredentials({
  tokenUrl: "https://login.example.test/token",
  clientId: "bench",
  clientSecret: "bench-secret",
  style: { kind: "basic-query" },
  fetch: memoryTokenEndpoint,
});
const token = await source.getToken();

/** The client setups being compared. Every one is a plain openapi-fetch client. */
const setups = {
  /** openapi-fetch sending no credentials at all. */
  bare: () => client(),
  /** openapi-fetch sending the same two headers, set by hand as static client headers. */
  "static-headers": () => client({ headers: { authorization: token.authorization, "X-API-Key": API_KEY } }),
  /**
   * @org/auth's middleware with a warm token (the Authorization header and one provider header), on
   * a client with the `ReplayableRequest` class, as the provider factories create clients.
   */
  auth: () =>
    client(
      { Request: ReplayableRequest },
      authMiddleware(source, { origins: [baseUrl], headers: { "X-API-Key": API_KEY } }),
    ),
  /** The same on a client with the runtime's plain `Request` class. */
  "auth-plain-request": () =>
    client({}, authMiddleware(source, { origins: [baseUrl], headers: { "X-API-Key": API_KEY } })),
  /** The same, on a client created without `redirect: "manual"` (the middleware rebuilds requests). */
  "auth-follow": () =>
    client(
      { redirect: "follow" },
      authMiddleware(source, { origins: [baseUrl], headers: { "X-API-Key": API_KEY } }),
    ),
  /** openapi-fetch sending the same bearer token (and nothing else), set by hand. */
  "static-bearer": () => client({ headers: { authorization: token.authorization } }),
  /**
   * The Borderbolt client as users get it: @org/auth's middleware with the operation table, and the
   * scope check against the granted scopes (JSON-body client-credentials token, warm).
   */
  borderbolt: () =>
    createBorderboltClient({
      clientId: "bench",
      clientSecret: "bench-secret",
      scopes: ["declarations:read"],
      baseUrl,
      ...(fetch && { fetch }),
    }),
  /** What any middleware costs in openapi-fetch (request id, frozen options, awaited hooks). */
  noop: () => client({}, { onRequest() {}, onResponse() {} }),
  /** The static headers and a no-op middleware. */
  "static-headers-noop": () =>
    client(
      { headers: { authorization: token.authorization, "X-API-Key": API_KEY } },
      { onRequest() {}, onResponse() {} },
    ),
};

function client(options = {}, middleware) {
  const made = createClient({ baseUrl, ...(fetch && { fetch }), redirect: "manual", ...options });
  if (middleware) made.use(middleware);
  return made;
}

const call =
  method === "GET"
    ? (c) => c.GET(path, { params: { path: { id: "1" }, query: { expand: "lines" } } })
    : (c) => c.POST("/declarations", { body: REQUEST_BODY });

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Runs the two setups in adjacent batches, AB then BA, and returns the geometric mean of the
 * per-round ratios: rounds alternate order, so an order effect (GC or JIT work landing in whichever
 * batch runs second) cancels, and load from other processes mostly hits both batches of a round.
 */
async function compare(a, b, { rounds, batch, warmup, candidateFirst }) {
  const runA = () => call(a);
  const runB = () => call(b);
  for (let i = 0; i < warmup; i++) {
    if (candidateFirst) await runB();
    await runA();
    if (!candidateFirst) await runB();
  }
  const times = { a: [], b: [] };
  const runBatch = async (name, fn) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    times[name].push(Number(process.hrtime.bigint() - start) / batch);
  };
  for (let round = 0; round < rounds; round++) {
    if ((round % 2 === 0) !== candidateFirst) {
      await runBatch("a", runA);
      await runBatch("b", runB);
    } else {
      await runBatch("b", runB);
      await runBatch("a", runA);
    }
  }
  const logs = times.b.map((time, round) => Math.log(time / times.a[round]));
  return {
    ratio: Math.exp(logs.reduce((sum, value) => sum + value, 0) / logs.length),
    base: median(times.a),
    cand: median(times.b),
  };
}

const options =
  transport === "memory"
    ? quick
      ? { rounds: 16, batch: 200, warmup: 1500 }
      : { rounds: 40, batch: 400, warmup: 3000 }
    : quick
      ? { rounds: 8, batch: 50, warmup: 200 }
      : { rounds: 80, batch: 40, warmup: 1000 };

// Two separate clients even for an A/A comparison of one setup; both warm (a first call fetches
// a token where the setup has its own source).
// Which setup is created, warmed and timed first alternates between processes (`candidateFirst`):
// whichever comes first tends to run a few percent faster on loopback, even for identical setups.
let a;
let b;
if (candidateFirst) {
  b = setups[candidate]();
  a = setups[baseline]();
  await call(b);
  await call(a);
} else {
  a = setups[baseline]();
  b = setups[candidate]();
  await call(a);
  await call(b);
}
const result = await compare(a, b, { ...options, candidateFirst });
console.log(JSON.stringify(result));
server?.close();
