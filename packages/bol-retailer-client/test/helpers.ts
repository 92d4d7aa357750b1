import type { Clock } from "@org/auth";
import type { BolRetailerSimulator } from "@org/simulators";
import { type BolRetailerClientOptions, createBolRetailerClient } from "../src/index.js";

export const CLIENT_ID = "bol-client";
export const CLIENT_SECRET = "bol-secret-Q7v";

/** A client pointed at the simulator (API and token endpoint). */
export function clientFor(sim: BolRetailerSimulator, options: Partial<BolRetailerClientOptions> = {}) {
  return createBolRetailerClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: sim.url,
    tokenUrl: sim.tokenUrl,
    ...options,
  });
}

/** A clock whose time the test moves; timers are the real ones. */
export function manualClock(start = Date.parse("2026-05-14T10:00:00Z")) {
  let now = start;
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  return {
    clock,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

/** What went over the wire through the client's `fetch`, token requests included. */
export interface SeenRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
}

/** A `fetch` that records every request and then sends it. */
export function recordingFetch(seen: SeenRequest[]): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.body === null ? null : await request.clone().text();
    seen.push({ url: request.url, method: request.method, headers: new Headers(request.headers), body });
    return globalThis.fetch(request);
  };
}
