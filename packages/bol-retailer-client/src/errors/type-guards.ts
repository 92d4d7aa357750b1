import type { BolError } from "./bol-error.js";
import type { BolErrorCode } from "./codes.js";

/**
 * Whether `error` is an error of this package (optionally with `code`). Checks a brand rather than
 * `instanceof`, so it works across realms and duplicated package copies.
 *
 * @param error - anything caught
 * @param code - a code from `BOL_ERROR_CODES` to match too
 */
export function isBolError<Code extends BolErrorCode = BolErrorCode>(
  error: unknown,
  code?: Code,
): error is BolError<Code> {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { isBolError?: unknown; code?: unknown };
  return candidate.isBolError === true && (code === undefined || candidate.code === code);
}
