import createClient from "openapi-fetch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AccessToken,
  authMiddleware,
  clientCredentials,
  type GetTokenOptions,
  ReplayableRequest,
} from "../src/index.js";
import type { paths } from "./helpers/api-paths.js";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { startServer, type TestServer } from "./helpers/http-server.js";
import { startTokenServer, type TokenServer } from "./helpers/token-server.js";

let tokens: TokenServer;
let api: ApiServer;
let other: TestServer;

beforeAll(async () => {
  [tokens, api, other] = await Promise.all([
    startTokenServer(),
    startApiServer(),
    startServer(() => ({ json: { elsewhere: true } })),
  ]);
});
afterAll(() => Promise.all([tokens.close(), api.close(), other.close()]));
beforeEach(() => {
  tokens.reset();
  api.requests.length = 0;
  other.requests.length = 0;
  api.valid.clear();
  tokens.handle((request) => {
    const reply = tokens.tokenReply(request);
    api.valid.add(tokens.issued.at(-1) as string);
    return reply;
  });
});

function setup(clientOptions: Record<string, unknown> = { redirect: "manual" }) {
  const source = clientCredentials({
    tokenUrl: tokens.tokenUrl,
    clientId: "client",
    clientSecret: "secret",
    style: { kind: "form-post" },
  });
  const client = createClient<paths>({ baseUrl: api.origin, ...clientOptions });
  const middleware = authMiddleware(source, { origins: [api.origin], headers: { "X-API-Key": "api-key" } });
  client.use(middleware);
  return { source, client, middleware };
}

describe("authMiddleware through openapi-fetch", () => {
  it("attaches the bearer token and provider headers to the allowed origin", async () => {
    const { client } = setup();
    const { data } = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(data?.ok).toBe(true);
    expect(api.requests[0]?.headers.authorization).toBe("Bearer tok-1");
    expect(api.requests[0]?.headers["x-api-key"]).toBe("api-key");
  });

  it("keeps a client's Request subclass when it has to rebuild a request (openapi-fetch checks instanceof)", async () => {
    class TaggedRequest extends Request {}
    // A follow-mode client makes the middleware rebuild every authenticated request.
    const { client } = setup({ Request: TaggedRequest });
    const { data, response } = await client.POST("/things", { body: { name: "tagged" } });
    expect(response.status).toBe(200);
    expect(data?.body).toBe('{"name":"tagged"}');
    expect(api.requests[0]?.headers.authorization).toBe("Bearer tok-1");
  });

  it("with an operation table, an operation that needs no authentication gets no token and causes no token request", async () => {
    const source = clientCredentials({
      tokenUrl: tokens.tokenUrl,
      clientId: "client",
      clientSecret: "secret",
      style: { kind: "form-post" },
    });
    const client = createClient<paths>({ baseUrl: api.origin, redirect: "manual" });
    const operations = { "POST /things": [], "GET /things/{id}": [["things:read"]] };
    client.use(authMiddleware(source, { origins: [api.origin], operations }));

    const open = await client.POST("/things", { body: { name: "public" } });
    expect(open.response.status).toBe(401);
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
    expect(tokens.count()).toBe(0);

    const secured = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(secured.response.status).toBe(200);
    expect(api.requests[1]?.headers.authorization).toBe("Bearer tok-1");
  });

  it("sends nothing to another origin", async () => {
    const { client } = setup();
    await client.GET("/things/{id}", { params: { path: { id: "1" } }, baseUrl: other.origin });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers["x-api-key"]).toBeUndefined();
    expect(tokens.count()).toBe(0);
  });

  it("never follows a redirect with credentials (redirect: manual), even with a follow-mode client", async () => {
    for (const clientOptions of [{ redirect: "manual" }, {}]) {
      other.requests.length = 0;
      const { client } = setup(clientOptions);
      const { response } = await client.GET("/redirect", {
        params: { query: { to: `${other.origin}/stolen` } },
        parseAs: "text",
      });
      expect(response.status).toBe(302);
      expect(other.requests).toHaveLength(0);
    }
  });

  it("keeps per-request headers (Tradevest Requestor-ID) without a new client", async () => {
    const { client } = setup();
    await client.GET("/things/{id}", { params: { path: { id: "1" }, header: { "Requestor-ID": "np-123" } } });
    await client.GET("/things/{id}", {
      params: { path: { id: "2" } },
      headers: { "Requestor-ID": "np-456" },
    });
    expect(api.requests.map((request) => request.headers["requestor-id"])).toEqual(["np-123", "np-456"]);
  });

  it("on a 401 for the cached token: invalidates, gets a new token and replays once with the same body bytes", async () => {
    const { client, source } = setup();
    const first = await source.getToken();
    api.valid.delete(first.accessToken);
    const body = { name: "ünïcode ✓ \u{1F600}", items: [1, 2, 3] };
    const { data, response } = await client.POST("/things", {
      body,
      params: { header: { "Requestor-ID": "np-1" } },
    });
    expect(response.status).toBe(200);
    expect(data?.body).toBe(JSON.stringify(body));
    expect(api.requests).toHaveLength(2);
    const [failed, replayed] = api.requests;
    expect(replayed?.body.equals(failed?.body as Buffer)).toBe(true);
    expect(replayed?.method).toBe("POST");
    expect(replayed?.headers["requestor-id"]).toBe("np-1");
    expect(replayed?.headers["content-type"]).toBe("application/json");
    expect(failed?.headers.authorization).toBe(`Bearer ${first.accessToken}`);
    expect(replayed?.headers.authorization).toBe("Bearer tok-2");
    expect(tokens.count()).toBe(2);
  });

  it("replays at most once: a second 401 is returned as it is", async () => {
    const { client } = setup();
    tokens.handle((request) => tokens.tokenReply(request));
    const { response, error } = await client.POST("/things", { body: { name: "x" } });
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: "invalid_token", error_description: "Unauthenticated." });
    expect(api.requests).toHaveLength(2);
    expect(tokens.count()).toBe(2);
  });

  it("a 401 for a token that was already replaced replays with the current token, without a token request", async () => {
    const { client, source } = setup();
    const stale: AccessToken = await source.getToken();
    api.valid.delete(stale.accessToken);
    await source.invalidate(stale);
    const current = await source.getToken();
    // Send a request carrying the stale token, as one started before the refresh would.
    const staleClient = createClient<paths>({ baseUrl: api.origin, redirect: "manual" });
    const middleware = authMiddleware(
      Object.assign((options?: GetTokenOptions) => source.getToken(options), {
        kind: source.kind,
        getToken: async () => (api.requests.length === 0 ? stale : source.getToken()),
        invalidate: (token?: AccessToken) => source.invalidate(token),
        revoke: () => source.revoke(),
        toJSON: () => ({}),
        peek: () => undefined,
      }),
      { origins: [api.origin] },
    );
    staleClient.use(middleware);
    const before = tokens.count();
    const { response } = await staleClient.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(response.status).toBe(200);
    expect(api.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${stale.accessToken}`,
      `Bearer ${current.accessToken}`,
    ]);
    expect(tokens.count()).toBe(before);
    void client;
  });

  it("concurrent 401s for the same token cause one token request", async () => {
    const { client, source } = setup();
    const first = await source.getToken();
    api.valid.delete(first.accessToken);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.GET("/things/{id}", { params: { path: { id: String(i) } } }),
      ),
    );
    expect(results.every((result) => result.response.status === 200)).toBe(true);
    expect(tokens.count()).toBe(2);
  });

  it("replays a streamed body (no original source to reuse) byte-identically", async () => {
    const { client, source } = setup();
    const first = await source.getToken();
    api.valid.delete(first.accessToken);
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 255]);
    const { response, data } = await client.POST("/things", {
      body: { name: "ignored" },
      bodySerializer: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        }) as unknown as string,
      duplex: "half",
    } as never);
    expect(response.status).toBe(200);
    expect(data).toBeDefined();
    const [failed, replayed] = api.requests;
    expect([...(failed?.body ?? [])]).toEqual([...bytes]);
    expect(replayed?.body.equals(failed?.body as Buffer)).toBe(true);
  });

  it("does not replay a 401 for an Authorization header another middleware set, and keeps the token", async () => {
    const { client, source } = setup();
    const token = await source.getToken();
    client.use({
      onRequest({ request }) {
        request.headers.set("authorization", "Bearer someone-elses");
      },
    });
    for (const call of [
      () => client.GET("/things/{id}", { params: { path: { id: "1" } } }),
      () => client.POST("/things", { body: { name: "x" } }),
    ]) {
      const { response } = await call();
      expect(response.status).toBe(401);
    }
    expect(api.requests.map((request) => request.headers.authorization)).toEqual([
      "Bearer someone-elses",
      "Bearer someone-elses",
    ]);
    expect(tokens.count()).toBe(1);
    expect(source.peek?.()).toBe(token);
  });

  it("recognises a 401 for a token it attached a few rotations ago (replayed with the current token)", async () => {
    const { client, source } = setup();
    // A slow request that was sent with the first token and answers 401 after two refreshes.
    const first = await source.getToken();
    let calls = 0;
    const pending = client.GET("/things/{id}", {
      params: { path: { id: "slow" } },
      // The client's fetch for this call: the replay goes through it too.
      fetch: async (request: Request) => {
        if (calls++ > 0) return fetch(request);
        for (let i = 0; i < 2; i++) {
          await source.invalidate();
          await client.GET("/things/{id}", { params: { path: { id: `rotate-${i}` } } });
        }
        api.valid.delete(first.accessToken);
        return fetch(request);
      },
    } as never);
    const { response } = await pending;
    expect(response.status).toBe(200);
    const slow = api.requests.filter((request) => request.path === "/things/slow");
    expect(slow.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${first.accessToken}`,
      "Bearer tok-3",
    ]);
    expect(tokens.count()).toBe(3);
  });

  describe("with the ReplayableRequest class (as the provider factories create clients)", () => {
    const bodies: [string, () => string | Uint8Array][] = [
      ["a JSON string", () => JSON.stringify({ name: "ünïcode ✓", items: [1, 2, 3] })],
      ["bytes", () => new Uint8Array([0, 1, 2, 250, 255])],
      ["form fields", () => new URLSearchParams({ a: "1", b: "x y" }).toString()],
    ];
    it.each(bodies)(
      "sends the request it was given (no rebuild) and replays %s byte-identically",
      async (_, make) => {
        const { source } = setup();
        const first = await source.getToken();
        api.valid.delete(first.accessToken);
        const created: Request[] = [];
        const sent: Request[] = [];
        const seen = {
          onRequest({ request }: { request: Request }) {
            created.push(request);
          },
        };
        const recording = createClient<paths>({
          baseUrl: api.origin,
          redirect: "manual",
          Request: ReplayableRequest,
          fetch: (request: Request) => {
            sent.push(request);
            return fetch(request);
          },
        });
        recording.use(seen, authMiddleware(source, { origins: [api.origin] }));
        const body = make();
        const { response } = await recording.POST("/things", {
          body: { name: "ignored" },
          bodySerializer: () => body as string,
        });
        expect(response.status).toBe(200);
        expect(sent[0]).toBe(created[0]);
        expect(sent[0]).toBeInstanceOf(ReplayableRequest);
        const [failed, replayed] = api.requests;
        expect([...(failed?.body ?? [])]).toEqual([...Buffer.from(body)]);
        expect(replayed?.body.equals(failed?.body as Buffer)).toBe(true);
        expect(replayed?.headers.authorization).toBe("Bearer tok-2");
      },
    );
  });

  it("does not replay when replayUnauthorized is false", async () => {
    const source = clientCredentials({
      tokenUrl: tokens.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    const client = createClient<paths>({ baseUrl: api.origin, redirect: "manual" });
    client.use(authMiddleware(source, { origins: [api.origin], replayUnauthorized: false }));
    api.valid.clear();
    tokens.handle((request) => tokens.tokenReply(request));
    const { response } = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(response.status).toBe(401);
    expect(api.requests).toHaveLength(1);
  });

  it("is a plain object usable with client.eject()", async () => {
    const { client, middleware } = setup();
    expect(Object.keys(middleware).sort()).toEqual(["onRequest", "onResponse", "toJSON"]);
    client.eject(middleware);
    await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("requires an explicit origins list", () => {
    const source = clientCredentials({
      tokenUrl: tokens.tokenUrl,
      clientId: "c",
      clientSecret: "s",
      style: { kind: "json" },
    });
    // @ts-expect-error origins is required
    expect(() => authMiddleware(source, {})).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "origins" }),
    );
  });
});
