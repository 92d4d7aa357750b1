import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientCredentials, memoryTokenStore } from "../src/index.js";
import { manualClock, settle, settlesImmediately } from "./helpers/manual-clock.js";
import { startTokenServer, type TokenServer } from "./helpers/token-server.js";

let server: TokenServer;
beforeAll(async () => {
  server = await startTokenServer({ expiresIn: 299 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
});

function bol(clock = manualClock(), overrides: Record<string, unknown> = {}) {
  const source = clientCredentials({
    tokenUrl: server.tokenUrl,
    clientId: "bol",
    clientSecret: "secret",
    style: { kind: "basic-query" },
    clock,
    retry: { limit: 0 },
    ...overrides,
  });
  return { source, clock };
}

describe("single flight", () => {
  it("1000 concurrent getToken() calls on a cold cache make exactly one token request", async () => {
    const { source } = bol();
    const tokens = await Promise.all(Array.from({ length: 1000 }, () => source.getToken()));
    expect(server.count()).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it("one waiter's abort rejects only that waiter; the shared request serves the others", async () => {
    const { source } = bol();
    const release = server.gate();
    const controller = new AbortController();
    const aborted = source.getToken({ signal: controller.signal });
    const others = [source.getToken(), source.getToken({ signal: new AbortController().signal })];
    await settle();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: "AUTH_ABORTED", name: "AbortError" });
    release();
    const tokens = await Promise.all(others);
    expect(tokens[0]).toBe(tokens[1]);
    expect(server.count()).toBe(1);
  });

  it("an already aborted signal rejects before any request", async () => {
    const { source } = bol();
    await expect(source.getToken({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "AUTH_ABORTED",
    });
    expect(server.count()).toBe(0);
  });
});

describe("refresh window (299 s tokens: refresh from 269.1 s, stale at 284.05 s)", () => {
  it("serves the cached token before the window without any request", async () => {
    const { source, clock } = bol();
    const first = await source.getToken();
    clock.advance(269_000);
    expect(await source.getToken()).toBe(first);
    expect(server.count()).toBe(1);
  });

  it("inside the window no caller waits and exactly one background refresh runs", async () => {
    const { source, clock } = bol();
    const first = await source.getToken();
    clock.advance(270_000);
    const release = server.gate();
    const calls = Array.from({ length: 200 }, () => source.getToken());
    const immediate = await Promise.all(calls.map((call) => settlesImmediately(call)));
    expect(immediate.filter((served) => !served)).toHaveLength(0);
    expect(new Set(await Promise.all(calls))).toEqual(new Set([first]));
    await waitFor(() => server.count() === 2);
    release();
    await waitFor(() => source.peek?.() !== undefined && source.peek?.() !== first);
    const second = await source.getToken();
    expect(second.accessToken).toBe("tok-2");
    expect(server.count()).toBe(2);
  });

  it("a failed background refresh keeps serving the valid token and is retried after backgroundRetryMs", async () => {
    const { source, clock } = bol();
    const first = await source.getToken();
    clock.advance(270_000);
    server.queue({ status: 500 });
    expect(await source.getToken()).toBe(first);
    await waitFor(() => server.count() === 2);
    await settle();
    // Within the retry delay (3.74 s for 299 s tokens) nobody starts another refresh.
    clock.advance(1_000);
    expect(await source.getToken()).toBe(first);
    await settle();
    expect(server.count()).toBe(2);
    clock.advance(3_000);
    expect(await source.getToken()).toBe(first);
    await waitFor(() => server.count() === 3);
    await waitFor(() => source.peek?.()?.accessToken === "tok-3");
  });

  it("after the margin (stale) callers wait for one shared request", async () => {
    const { source, clock } = bol();
    const first = await source.getToken();
    clock.advance(285_000);
    const release = server.gate();
    const calls = Array.from({ length: 20 }, () => source.getToken());
    const immediate = await Promise.all(calls.map((call) => settlesImmediately(call)));
    expect(immediate.every((served) => !served)).toBe(true);
    release();
    const tokens = await Promise.all(calls);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(server.count()).toBe(2);
  });
});

describe("token store", () => {
  it("two sources sharing a store and configuration make one request (lock + re-read)", async () => {
    const clock = manualClock();
    const store = memoryTokenStore({ clock });
    const a = bol(clock, { store }).source;
    const b = bol(clock, { store }).source;
    const [ta, tb] = await Promise.all([a.getToken(), b.getToken()]);
    expect(ta.accessToken).toBe(tb.accessToken);
    expect(server.count()).toBe(1);
  });

  it("sources with different scopes do not share a token", async () => {
    const clock = manualClock();
    const store = memoryTokenStore({ clock });
    const a = bol(clock, { store, scopes: ["a"] }).source;
    const b = bol(clock, { store, scopes: ["b"] }).source;
    const [ta, tb] = await Promise.all([a.getToken(), b.getToken()]);
    expect(ta.accessToken).not.toBe(tb.accessToken);
    expect(server.count()).toBe(2);
  });

  it("stores the granted scope with the token", async () => {
    const clock = manualClock();
    const values: unknown[] = [];
    const store = memoryTokenStore({ clock });
    const spy = {
      ...store,
      set: (key: string, value: never, ttl: number) => {
        values.push(value);
        return store.set(key, value, ttl);
      },
    };
    const { source } = bol(clock, { store: spy, scopes: ["RETAILER"] });
    await source.getToken();
    expect(values[0]).toMatchObject({ v: 1, scope: ["RETAILER"], tokenType: "bearer" });
  });

  it("one simulated hour of steady traffic with 299 s tokens: at most 14 requests, no caller waits", async () => {
    const { source, clock } = bol();
    let waited = 0;
    await source.getToken();
    for (let second = 1; second <= 3600; second++) {
      clock.advance(1000);
      if (!(await settlesImmediately(source.getToken()))) waited++;
      if (second % 50 === 0) await settle();
    }
    expect(server.count()).toBeLessThanOrEqual(14);
    expect(waited).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn++)
    await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
}
