import { AuthConfigError } from "../errors/auth-config-error.js";

/**
 * When a token is refreshed and when it stops being used, as fractions of its lifetime with caps.
 *
 * With the defaults, for a lifetime `L`:
 * - margin = min(60 s, 5% of L): the token is not handed out in the last `margin` before expiry;
 * - refresh window = min(5 min, 5% of L) before that: callers still get the token at once while one
 *   background refresh runs.
 *
 * | `expires_in` | margin | refresh window | background refresh from | stops being used at |
 * | --- | --- | --- | --- | --- |
 * | 299 s (bol.com) | 14.95 s | 14.95 s | 269.1 s | 284.05 s |
 * | 600 s (boltPay) | 30 s | 30 s | 540 s | 570 s |
 * | 3600 s (Borderbolt, Bolt, Tradevest) | 60 s | 180 s | 3360 s | 3540 s |
 *
 * A fixed minute would leave a 299 s token only 239 s of use and start its refresh even earlier; the
 * proportional margin keeps 299 s tokens in use for 90% of their life (≤ 14 token requests an hour).
 */
export interface TokenTimingOptions {
  /** Fraction of the lifetime kept as safety margin before expiry. @default 0.05 */
  readonly marginRatio: number;
  /** Cap of the margin, in ms. @default 60000 */
  readonly maxMarginMs: number;
  /** Fraction of the lifetime during which a background refresh runs before the margin. @default 0.05 */
  readonly refreshWindowRatio: number;
  /** Cap of the refresh window, in ms. @default 300000 */
  readonly maxRefreshWindowMs: number;
  /**
   * Wait after a failed background refresh before the next one, as a fraction of the refresh window,
   * clamped to [1 s, 30 s].
   * @default 0.25
   */
  readonly backgroundRetryRatio: number;
}

/** The default {@link TokenTimingOptions}. */
export const DEFAULT_TOKEN_TIMING: Readonly<TokenTimingOptions> = Object.freeze({
  marginRatio: 0.05,
  maxMarginMs: 60_000,
  refreshWindowRatio: 0.05,
  maxRefreshWindowMs: 300_000,
  backgroundRetryRatio: 0.25,
});

/** The moments of a token's life, in ms since the epoch. */
export interface TokenSchedule {
  /** When the token request was sent. */
  readonly issuedAt: number;
  /** When the server says the token expires. */
  readonly expiresAt: number;
  /** From here on, the first caller starts one background refresh. */
  readonly refreshAt: number;
  /** From here on, the token is no longer handed out (`expiresAt - margin`). */
  readonly staleAt: number;
  /** Wait after a failed background refresh before trying again. */
  readonly backgroundRetryMs: number;
}

/**
 * Computes a token's {@link TokenSchedule}.
 *
 * @param issuedAt - when the request was sent
 * @param expiresAt - when the token expires
 * @param timing - ratios and caps
 */
export function tokenSchedule(
  issuedAt: number,
  expiresAt: number,
  timing: TokenTimingOptions = DEFAULT_TOKEN_TIMING,
): TokenSchedule {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const margin = Math.min(timing.maxMarginMs, lifetime * timing.marginRatio);
  const window = Math.min(timing.maxRefreshWindowMs, lifetime * timing.refreshWindowRatio);
  const staleAt = expiresAt - margin;
  return {
    issuedAt,
    expiresAt,
    staleAt,
    refreshAt: staleAt - window,
    backgroundRetryMs: Math.min(30_000, Math.max(1_000, window * timing.backgroundRetryRatio)),
  };
}

/**
 * Merges and validates partial timing options.
 *
 * @throws {AuthConfigError} naming the `timing.*` option
 */
export function normalizeTiming(value: unknown): TokenTimingOptions {
  if (value === undefined) return DEFAULT_TOKEN_TIMING;
  if (typeof value !== "object" || value === null) throw new AuthConfigError("timing", "must be an object");
  const merged: Record<string, unknown> = { ...DEFAULT_TOKEN_TIMING };
  for (const [key, option] of Object.entries(value)) {
    if (!(key in DEFAULT_TOKEN_TIMING)) throw new AuthConfigError(`timing.${key}`, "is not a timing option");
    if (option === undefined) continue;
    const isRatio = key.endsWith("Ratio");
    const ok =
      typeof option === "number" && Number.isFinite(option) && option >= 0 && (!isRatio || option < 0.5);
    if (!ok) {
      throw new AuthConfigError(
        `timing.${key}`,
        isRatio ? "must be a number in [0, 0.5)" : "must be a number ≥ 0",
      );
    }
    merged[key] = option;
  }
  const timing = merged as unknown as TokenTimingOptions;
  if (timing.marginRatio + timing.refreshWindowRatio >= 0.9) {
    throw new AuthConfigError("timing", "marginRatio + refreshWindowRatio must stay below 0.9");
  }
  return Object.freeze(timing);
}
