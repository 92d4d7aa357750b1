import type { SecretScrubber } from "../redact.js";

/** How deep a chain of `cause`s is copied. */
const MAX_CAUSE_DEPTH = 3;

/**
 * A copy of an underlying error (from `fetch`, a socket, a JSON parser) that keeps only its name,
 * scrubbed message, `code` and (recursively) `cause`. Arbitrary properties of the original (a request,
 * headers, a response body) are dropped, so logging our error never reaches them.
 */
export class SanitizedCause extends Error {
  /** The `code` of the original error (for example `ECONNREFUSED`), when it had a string one. */
  readonly code: string | undefined;

  /** @internal */
  constructor(name: string, message: string, code: string | undefined, cause: SanitizedCause | undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
    this.code = code;
    // The original stack is not kept: it can contain a message with a secret in it.
    this.stack = `${name}: ${message}`;
  }

  /** @returns the same fields as a plain object */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      ...(this.code === undefined ? {} : { code: this.code }),
      ...(this.cause instanceof SanitizedCause ? { cause: this.cause.toJSON() } : {}),
    };
  }
}

/**
 * Copies `error` into a {@link SanitizedCause}, scrubbing every known secret from the messages.
 *
 * @param error - anything thrown
 * @param scrubber - knows the secrets to remove, when there are any
 * @returns a sanitized copy, or `undefined` for `undefined`
 */
export function sanitizeCause(
  error: unknown,
  scrubber?: SecretScrubber,
  depth = 0,
): SanitizedCause | undefined {
  if (error === undefined || depth >= MAX_CAUSE_DEPTH) return undefined;
  const scrub = (text: string): string => (scrubber ? scrubber.scrub(text) : text);
  if (error instanceof SanitizedCause && scrubber === undefined) return error;
  if (typeof error === "object" && error !== null) {
    const record = error as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const name = typeof record.name === "string" ? record.name : "Error";
    const message = typeof record.message === "string" ? scrub(record.message) : "";
    const code = typeof record.code === "string" ? record.code : undefined;
    return new SanitizedCause(name, message, code, sanitizeCause(record.cause, scrubber, depth + 1));
  }
  return new SanitizedCause("NonError", scrub(String(error)), undefined, undefined);
}
