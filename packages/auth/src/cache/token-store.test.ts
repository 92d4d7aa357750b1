import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { StoredToken } from "../access-token.js";
import { memoryTokenStore } from "./token-store.js";

const value = (accessToken: string): StoredToken => ({
  v: 1,
  accessToken,
  tokenType: "bearer",
  issuedAt: 0,
  expiresAt: 1000,
});

describe("memoryTokenStore", () => {
  it("expires entries after their TTL on its clock", async () => {
    let now = 0;
    const store = memoryTokenStore({ clock: { now: () => now } });
    await store.set("k", value("t"), 100);
    expect(await store.get("k")).toMatchObject({ accessToken: "t" });
    now = 100;
    expect(await store.get("k")).toBeUndefined();
  });

  it("drops the oldest entry beyond maxEntries", async () => {
    const store = memoryTokenStore({ maxEntries: 2 });
    await store.set("a", value("1"), 1000);
    await store.set("b", value("2"), 1000);
    await store.set("c", value("3"), 1000);
    expect(await store.get("a")).toBeUndefined();
    expect(await store.get("c")).toBeDefined();
  });

  it("serialises lock holders per key", async () => {
    const store = memoryTokenStore();
    const order: string[] = [];
    const lock = store.lock;
    if (lock === undefined) throw new Error("memoryTokenStore must implement lock");
    await Promise.all([
      lock("k", async () => {
        order.push("a:start");
        await new Promise((resolve) => setImmediate(resolve));
        order.push("a:end");
      }),
      lock("k", async () => {
        order.push("b");
      }),
    ]);
    expect(order).toEqual(["a:start", "a:end", "b"]);
  });

  it("shows only its size in inspect and JSON", async () => {
    const store = memoryTokenStore();
    await store.set("k", value("secret-access-token"), 1000);
    expect(inspect(store, { depth: 10, showHidden: true })).not.toContain("secret-access-token");
    expect(JSON.stringify(store)).toBe('{"size":1,"maxEntries":1000}');
  });
});
