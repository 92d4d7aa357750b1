import type { Clock } from "../../src/clock.js";

/** A clock that records retry sleeps and skips them; timers of exactly `realTimerMs` run for real. */
export interface RecordingClock extends Clock {
  /** The delays requested by backoff and Retry-After sleeps, in order. */
  readonly sleeps: number[];
}

/**
 * Creates a {@link RecordingClock}: real `Date.now()`; a timer of `realTimerMs` (the configured request
 * timeout) is a real timer, any other timer (a retry sleep) is recorded and fires on the next turn.
 */
export function recordingClock(realTimerMs: number): RecordingClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    setTimeout(callback, ms) {
      if (ms === realTimerMs) return { real: setTimeout(callback, ms) };
      sleeps.push(ms);
      return { immediate: setImmediate(callback) };
    },
    clearTimeout(handle) {
      const timer = handle as { real?: NodeJS.Timeout; immediate?: NodeJS.Immediate };
      if (timer.real) clearTimeout(timer.real);
      if (timer.immediate) clearImmediate(timer.immediate);
    },
  };
}
