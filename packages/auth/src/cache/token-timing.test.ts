import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isAuthConfigError } from "../errors/type-guards.js";
import { DEFAULT_TOKEN_TIMING, normalizeTiming, tokenSchedule } from "./token-timing.js";

const at = (lifetimeSeconds: number) => tokenSchedule(0, lifetimeSeconds * 1000);

describe("tokenSchedule defaults", () => {
  it("bol.com 299 s tokens: refresh from 269.1 s, stop using at 284.05 s", () => {
    const schedule = at(299);
    expect(schedule.refreshAt).toBeCloseTo(269_100, 6);
    expect(schedule.staleAt).toBeCloseTo(284_050, 6);
    expect(schedule.backgroundRetryMs).toBeCloseTo(3737.5, 6);
  });

  it("boltPay 600 s tokens: refresh from 540 s, stop using at 570 s", () => {
    const schedule = at(600);
    expect(schedule.refreshAt).toBe(540_000);
    expect(schedule.staleAt).toBe(570_000);
  });

  it("3600 s tokens: refresh from 3360 s (window capped by 5% = 180 s), stop using at 3540 s (margin 60 s)", () => {
    const schedule = at(3600);
    expect(schedule.refreshAt).toBe(3_360_000);
    expect(schedule.staleAt).toBe(3_540_000);
    expect(schedule.backgroundRetryMs).toBe(30_000);
  });

  it("caps margin at 60 s and window at 5 min for day-long tokens", () => {
    const schedule = at(86_400);
    expect(schedule.expiresAt - schedule.staleAt).toBe(60_000);
    expect(schedule.staleAt - schedule.refreshAt).toBe(300_000);
  });

  it("keeps 299 s tokens in use long enough for at most 14 token requests an hour", () => {
    expect(Math.ceil(3_600_000 / at(299).refreshAt)).toBeLessThanOrEqual(14);
  });

  test.prop([fc.integer({ min: 1, max: 10 * 86_400 })])(
    "orders issuedAt < refreshAt < staleAt < expiresAt for any lifetime",
    (seconds) => {
      const schedule = at(seconds);
      expect(schedule.issuedAt).toBeLessThan(schedule.refreshAt);
      expect(schedule.refreshAt).toBeLessThan(schedule.staleAt);
      expect(schedule.staleAt).toBeLessThan(schedule.expiresAt);
      expect(schedule.expiresAt - schedule.staleAt).toBeLessThanOrEqual(60_000);
    },
  );
});

describe("normalizeTiming", () => {
  it("returns the defaults for undefined", () => {
    expect(normalizeTiming(undefined)).toBe(DEFAULT_TOKEN_TIMING);
  });

  it("merges partial options", () => {
    expect(normalizeTiming({ marginRatio: 0.1 })).toMatchObject({ marginRatio: 0.1, maxMarginMs: 60_000 });
  });

  it.each([
    [{ marginRatio: 0.7 }, "timing.marginRatio"],
    [{ maxMarginMs: -1 }, "timing.maxMarginMs"],
    [{ unknown: 1 }, "timing.unknown"],
  ])("rejects %o naming %s", (value, option) => {
    expect(() => normalizeTiming(value)).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option }),
    );
    try {
      normalizeTiming(value);
    } catch (error) {
      expect(isAuthConfigError(error)).toBe(true);
    }
  });
});
